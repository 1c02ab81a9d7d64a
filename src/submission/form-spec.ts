/**
 * The submission as the page shows it: every field with its label, help and the kind of
 * input it wants, taken from the one zod schema (labels and help from its metadata) and from
 * the scheme (the level names, categories, narrative sections, rubric items). Pure data, so
 * the page draws forms from it and a test can hold it against the schema.
 */
import type { FieldPath } from '../core/source.js';
import { fieldName } from '../core/source.js';
import type { Term } from '../core/term.js';
import { verbatim } from '../core/term.js';
import { enumValues, fieldOf, type FieldSpec, type Option } from '../core/zod-form.js';
import { schemaAt } from '../core/zod-report.js';
import type { Kind, Scheme } from '../scheme/schema.js';
import { submissionSchema } from './schema.js';

export interface GroupSpec {
  id: string;
  title: Term;
  fields: FieldSpec[];
}

export interface NarrativeSpec {
  section: string;
  title: Term;
  /** One text area per prompt of the section (the form's 1. 2. 3. …); `key` is its key under narrative.<section>. */
  prompts: { key: string; text: Term; path: FieldPath; field: string }[];
}

export interface SelfScoreSpec {
  id: string;
  group: Term;
  name: Term;
  points: number;
  path: FieldPath;
  field: string;
}

export interface FormSpec {
  kind: Kind;
  groups: GroupSpec[];
  narrative: NarrativeSpec[];
  brief?: { path: FieldPath; label: Term; maxChars: number };
  partners: { path: FieldPath; label: Term; fields: FieldSpec[]; min: number };
  /** Rubric items the clerk scores (the others follow from the data). */
  selfScore: SelfScoreSpec[];
}

const field = (path: FieldPath, extra: Partial<FieldSpec> = {}) => fieldOf(submissionSchema, path, extra);

const named = (name: string, en: string): Term => ({ zh: name, en });

/** The page's description of a submission of this kind under this scheme. */
export function formSpec(scheme: Scheme, kind: Kind): FormSpec {
  const levelOptions = Object.entries(scheme.levels).map(([value, l]) => ({ value, label: named(l.name, l.en) }));
  const kindOptions = Object.entries(scheme.kinds).map(([value, k]) => ({ value, label: named(k.name, k.en) }));
  const bandOptions = Object.entries(scheme.populationBands).map(([value, b]) => ({ value, label: named(b.name, b.en) }));
  const check = (values: string[], options: Option[], where: string) => {
    const missing = values.filter((v) => !options.some((o) => o.value === v));
    if (missing.length) throw new Error(`form-spec: ${where} has no scheme words for ${missing.join(', ')}`);
    return options;
  };
  const groups: GroupSpec[] = [
    {
      id: 'filing',
      title: { zh: '申报', en: 'Filing' },
      fields: [
        field(['kind'], { options: check(enumValues(submissionSchema.shape.kind), kindOptions, 'kind') }),
        field(['level'], { options: check(enumValues(submissionSchema.shape.level), levelOptions, 'level') }),
        field(['filingDate']),
        field(['year']),
        field(['county', 'name'], { input: 'select', free: true, options: scheme.counties.map((c) => ({ value: c, label: verbatim(c) })) }),
        field(['county', 'populationBand'], { options: bandOptions }),
      ],
    },
    {
      id: 'institution',
      title: schemaAt(submissionSchema, ['institution']).label!,
      fields: [
        ...(['name', 'founded', 'legalRepresentative', 'phone', 'contactPerson', 'address'] as const).map((k) => field(['institution', k])),
        field(['institution', 'licence', 'number']),
        field(['institution', 'licence', 'issuer']),
      ],
    },
    {
      id: 'brand',
      title: schemaAt(submissionSchema, ['brand']).label!,
      fields: [
        field(['brand', 'name']),
        field(['brand', 'trade']),
        field(['brand', 'period']),
        field(['brand', 'classes']),
        field(['brand', 'categories'], { options: Object.entries(scheme.categories).map(([value, name]) => ({ value, label: verbatim(name) })) }),
        field(['brand', 'coverage']),
        field(['brand', 'specialSupport', 'claimed']),
        field(['brand', 'specialSupport', 'grounds'], { options: Object.entries(scheme.specialSupport.grounds).map(([value, name]) => ({ value, label: verbatim(name) })) }),
        field(['brand', 'specialSupport', 'reason'], { input: 'textarea' }),
      ],
    },
    {
      id: 'recognition',
      title: schemaAt(submissionSchema, ['recognition']).label!,
      fields: [field(['recognition', 'number']), field(['recognition', 'date'])],
    },
    {
      id: 'claimed',
      title: schemaAt(submissionSchema, ['claimed']).label!,
      fields: (['trained', 'passRate', 'employed', 'employmentRate', 'keyGroup', 'orderShare'] as const).map((k) => field(['claimed', k])),
    },
    {
      id: 'print',
      title: schemaAt(submissionSchema, ['print']).label!,
      fields: (['copies', 'sheetThickness', 'maxSpine'] as const).map((k) => field(['print', k])),
    },
  ];

  const narrative = scheme.sectionsFor[kind].map((id) => {
    const s = scheme.sections[id]!;
    // One prompt: the section is one text (narrative.<id>); several: one text per prompt.
    const single = s.prompts.length === 1;
    return {
      section: id,
      title: verbatim(s.title),
      prompts: s.prompts.map((p) => {
        const path = single ? ['narrative', id] : ['narrative', id, p.key];
        return { key: p.key, text: verbatim(p.text), path, field: fieldName(path) };
      }),
    };
  });

  const briefMaterial = scheme.materials[kind].find((m) => m.brief);
  const rubric = scheme.rubrics[scheme.rubricFor[kind]]!;
  const partnerFields = (['name', 'contact', 'phone', 'agreementDate'] as const).map((k) => field(['partners', 0, k]));
  return {
    kind,
    groups,
    narrative,
    ...(briefMaterial?.brief && { brief: { path: ['brief'], label: verbatim(briefMaterial.name), maxChars: briefMaterial.brief.maxChars } }),
    partners: { path: ['partners'], label: schemaAt(submissionSchema, ['partners']).label!, fields: partnerFields.map((f) => ({ ...f, path: f.path.slice(2), field: fieldName(f.path.slice(2)) })), min: scheme.minPartners },
    selfScore: rubric.groups.flatMap((g) =>
      g.items.filter((i) => !i.derive).map((i) => ({ id: i.id, group: verbatim(g.name), name: verbatim(i.name), points: i.points, path: ['selfScore', i.id], field: fieldName(['selfScore', i.id]) })),
    ),
  };
}

export type { FieldSpec, Option };
