/**
 * What `shenbao init` writes, as values: a submission.yaml skeleton with a comment on every
 * field (in the asker's language; the scheme's own words stay as the notice has them), the
 * roster workbook template, and the attachment folders of the scheme.
 */
import Handlebars from 'handlebars';
import { chinaDate } from '../core/clock.js';
import { rosterTemplate } from '../roster/template.js';
import type { Kind, Level, Scheme } from '../scheme/schema.js';

export const ROSTER_FILE = '花名册.xlsx';
export const SUBMISSION_FILE = 'submission.yaml';

/** The skeleton template for a language: submission.en.yaml.hbs for English when the scheme has one. */
export function skeletonTemplate(scheme: Scheme, base: 'submission' | 'county', language: 'zh' | 'en'): string {
  const t = scheme.templates.skeleton;
  return (language === 'en' ? t[`${base}.en.yaml.hbs`] : undefined) ?? t[`${base}.yaml.hbs`]!;
}

/** The skeleton text for a kind and level: pure, so tests can parse it against the schema. */
export function skeletonText(scheme: Scheme, kind: Kind, level: Level, today: string, dir: string, language: 'zh' | 'en' = 'zh'): string {
  const template = Handlebars.compile(skeletonTemplate(scheme, 'submission', language), { noEscape: true, strict: true });
  const rubric = scheme.rubrics[scheme.rubricFor[kind]]!;
  const slotIds = [...new Set(scheme.materials[kind].flatMap((m) => m.slots))];
  return template({
    title: `${scheme.title} · ${scheme.kinds[kind].name}`,
    dir,
    kind,
    level,
    today,
    year: Number(today.slice(0, 4)) - 1,
    isApplication: kind === 'application',
    formName: scheme.forms[scheme.materials[kind].find((m) => m.form && scheme.forms[m.form]?.blocks.some((b) => 'sections' in b))?.form ?? '']?.name ?? '',
    sections: scheme.sectionsFor[kind].map((id) => {
      const s = scheme.sections[id]!;
      const single = s.prompts.length === 1;
      return { id, title: s.title, single, prompt: s.prompts[0]!.text, prompts: s.prompts.map((p, i) => ({ ...p, number: i + 1 })) };
    }),
    partnerSlots: Array.from({ length: scheme.minPartners }, (_, i) => i + 1),
    slots: slotIds.map((id) => ({ id, ...scheme.slots[id]! })),
    rubricRef: rubric.ref,
    rubricTitle: rubric.title,
    selfScored: rubric.groups.flatMap((g) => g.items.filter((i) => !i.derive)),
  });
}

export interface InitFiles {
  files: Map<string, Uint8Array | string>;
  folders: string[];
}

/** Everything init writes into a new submission folder. */
export async function initFiles(scheme: Scheme, opts: { kind: Kind; level: Level; now: Date; dir: string; language: 'zh' | 'en' }): Promise<InitFiles> {
  const text = skeletonText(scheme, opts.kind, opts.level, chinaDate(opts.now), opts.dir, opts.language);
  const roster = await rosterTemplate(scheme, '', opts.now);
  const folders = new Set<string>();
  for (const m of scheme.materials[opts.kind]) for (const s of m.slots) folders.add(scheme.slots[s]!.folder);
  folders.add('材料/合作企业');
  return { files: new Map<string, Uint8Array | string>([[SUBMISSION_FILE, text], [ROSTER_FILE, roster]]), folders: [...folders].sort() };
}
