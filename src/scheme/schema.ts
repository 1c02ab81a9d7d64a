/**
 * The filing scheme (评价方案): a notice's rules as data. Strict objects everywhere, so that
 * a misspelt key in a scheme is an error rather than a rule that silently does nothing.
 */
import { z } from 'zod';
import type { FormTemplate } from './form-template.js';

// The ids live apart from the zod shapes, so the command line can name them without loading zod.
export { KINDS, LEVELS, POPULATION_BANDS, type Kind, type Level, type PopulationBand } from './ids.js';
import { KINDS, LEVELS, POPULATION_BANDS } from './ids.js';

/** Figures the roster yields; thresholds and rubric items refer to them by these names. */
export const FIGURES = ['trained', 'passRate', 'employmentRate', 'keyGroup', 'orderShare'] as const;
export type FigureName = (typeof FIGURES)[number];

/** Roster columns the code understands; a scheme names them (header text) but cannot add new ones. */
export const ROSTER_COLUMN_IDS = [
  'seq', 'name', 'sex', 'ethnicity', 'idNumber', 'trade', 'teacher', 'employer', 'address', 'phone',
  'passed', 'keyGroup', 'order', 'subsidised', 'employed',
  // For the post-training employment roster (⑦): where, what post, since when, and how.
  'position', 'employedOn', 'employmentMode',
] as const;
export type RosterColumnId = (typeof ROSTER_COLUMN_IDS)[number];

export const FILE_TYPES = ['pdf', 'jpeg', 'png'] as const;
export type AttachmentType = (typeof FILE_TYPES)[number];

const text = z.string().trim().min(1);
const named = z.strictObject({ name: text, en: text });
const levelDef = z.strictObject({
  name: text,
  en: text,
  /** The forms' title stem for this level (…申请表, …推荐表). */
  formTitle: text,
  /** Who issues the forms (the cover's “…制” line). */
  issuer: text,
});
const percent = z.number().min(0).max(100);
const count = z.number().int().min(0);

const thresholdRow = z.strictObject({
  level: z.enum(LEVELS),
  population: z.enum(POPULATION_BANDS).optional(),
  trained: count,
  passRate: percent,
  employmentRate: percent,
  keyGroup: count,
  keyGroupSubsidisedOnly: z.boolean(),
  orderShare: percent,
  ref: text,
});

const rosterColumn = z.strictObject({
  id: z.enum(ROSTER_COLUMN_IDS),
  name: text,
  aliases: z.array(text).default([]),
  printed: z.boolean(),
  required: z.boolean(),
});

const section = z.strictObject({
  title: text,
  prompts: z.array(z.strictObject({ key: text, text: text })).min(1),
});

const slot = z.strictObject({
  name: text,
  types: z.array(z.enum(FILE_TYPES)).min(1),
  folder: text,
});

const material = z.strictObject({
  id: text,
  name: text,
  ref: text,
  form: text.optional(),
  brief: z.strictObject({ maxChars: z.number().int().positive() }).optional(),
  slots: z.array(text).default([]),
  partnerFiles: z.array(z.enum(['agreement', 'particulars'])).default([]),
});

const derive = z.union([
  z.strictObject({ figure: z.enum(FIGURES), target: z.union([z.literal('threshold'), z.number().positive()]) }),
  z.strictObject({ partners: z.literal(true) }),
  z.strictObject({ credit: z.literal(true) }),
  z.strictObject({ specialSupport: z.literal(true) }),
]);

const rubricItem = z.strictObject({
  id: text,
  name: text,
  points: z.number().positive(),
  derive: derive.optional(),
  /** The brand category this item asks about; self-scoring it without the category is flagged. */
  category: text.optional(),
});

const rubricGroup = z.strictObject({
  id: text,
  name: text,
  points: z.number().positive(),
  /** Items completed by whoever configured the scheme because the notice is cut off. */
  assumed: z.boolean().default(false),
  items: z.array(rubricItem).min(1),
});

const rubric = z.strictObject({
  title: text,
  ref: text,
  note: text.optional(),
  assumedNote: text.optional(),
  /** Groups that are qualitative gates (不符合则不予评价). */
  gates: z.array(text).default([]),
  groups: z.array(rubricGroup).min(1),
});

const grade = z.strictObject({
  name: text,
  en: text,
  min: z.number().min(0).max(100),
  /** The band as the notice words it (70（含）—89 分为良好), printed on the score sheet. */
  words: text,
});

const kindNames = z.strictObject({ short: text, name: text, package: text, full: text, en: text });

/** The parts of the county's evaluation result report (办法第九条（一）–（五）). */
export const EVALUATION_PARTS = ['basic', 'performance', 'policy', 'demonstration', 'keyFields'] as const;
export type EvaluationPart = (typeof EVALUATION_PARTS)[number];

/** A part of a county report: its title, what the data says (handlebars) and the applicant's texts it quotes. */
const countyPart = <K extends readonly [string, ...string[]]>(keys: K) =>
  z.strictObject({ key: z.enum(keys), title: text, derived: text.optional(), narrative: z.array(text).default([]) });

/** A ground for removal (第十三条), as the notice words it; `computed` ones the data can show. */
const removalGround = z.strictObject({
  id: text,
  text: text,
  computed: z.enum(['subsidised', 'agreements']).optional(),
  /** How the report words the finding (handlebars): present, absent, or not knowable from the data. */
  present: text.optional(),
  absent: text.optional(),
  unknown: text.optional(),
});

const DECISIONS = ['recommend', 'decline', 'undecided', 'refused', 'review', 'unusable'] as const;
const FIXITIES = ['intact', 'damaged', 'unsealed', 'unreadable'] as const;
const words = <const K extends readonly [string, ...string[]]>(keys: K) => z.strictObject(Object.fromEntries(keys.map((k) => [k, text])) as { [P in K[number]]: typeof text });

export const schemeSchema = z.strictObject({
  id: text,
  title: text,
  notice: text,
  authority: text,
  region: text,
  levels: z.strictObject({ county: levelDef, league: levelDef, region: levelDef }),
  counties: z.array(text).min(1),
  kinds: z.strictObject({ application: kindNames, review: kindNames }),
  populationBands: z.strictObject({ atLeast200k: named, below200k: named }),
  thresholds: z.array(thresholdRow).min(1),
  specialSupport: z.strictObject({
    minEmploymentRate: percent,
    ref: text,
    grounds: z.record(z.string(), text),
    /** The levels whose thresholds the League may relax (the Region sets its own). */
    levels: z.array(z.enum(LEVELS)).min(1),
  }),
  /**
   * The recognition a filing normally rests on (办法第五条: a level's brands come from the level
   * below; a review is of a League brand): by the kind and level filed, the level it should
   * already hold and the article that says so.
   */
  priorRecognition: z.strictObject({
    application: z.partialRecord(z.enum(LEVELS), z.strictObject({ level: z.enum(LEVELS), ref: text })),
    review: z.strictObject({ level: z.enum(LEVELS), ref: text }),
  }),
  minPartners: z.number().int().min(0),
  /** The figures' names as the documents print them (推荐表 rows), and the words for meeting a threshold. */
  figureNames: words(['trained', 'passRate', 'employed', 'employmentRate', 'keyGroup', 'orderShare']),
  results: words(['meets', 'fails', 'relaxed']),
  yesNo: words(['yes', 'no']),
  keyGroups: z.array(z.strictObject({ id: text, name: text, aliases: z.array(text).default([]) })).min(1),
  categories: z.record(z.string(), text),
  roster: z.strictObject({
    title: text,
    maxRows: z.number().int().positive(),
    columns: z.array(rosterColumn),
    headerRequires: z.array(z.enum(ROSTER_COLUMN_IDS)),
  }),
  sections: z.record(z.string(), section),
  slots: z.record(z.string(), slot),
  /** Captions of a partner's files in the print volume (<name>就业协议). */
  partnerFiles: z.strictObject({ agreement: text, particulars: text }),
  materials: z.strictObject({ application: z.array(material).min(1), review: z.array(material).min(1) }),
  sectionsFor: z.strictObject({ application: z.array(text).min(1), review: z.array(text).min(1) }),
  rubrics: z.record(z.string(), rubric),
  rubricFor: z.strictObject({ application: text, review: text }),
  grades: z.array(grade).min(1),
  /** The county's part (办法第七条（二）、第十二条（二）、第十三条): to whom and by when it reports. */
  countyReview: z.strictObject({
    /** The rules the reports cite by name (《…管理办法》). */
    measures: text,
    recipient: text,
    /** MM-DD of the filing year by which the county's package is due. */
    deadline: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '月-日，例如 10-31'),
    refs: z.strictObject({ recommend: text, evaluate: text, removal: text }),
    /** The recommending bureau's name when county.yaml gives none (handlebars: {{county}}). */
    bureau: text,
    /**
     * The parts of the recommendation report (办法第七条（二）), each with its county.yaml key, the
     * sentence the applicant's data gives (handlebars over the figures, see county/derived.ts)
     * and the applicant's own texts it quotes (narrative `section` or `section.prompt`).
     */
    sections: z.array(countyPart(['results', 'keyGroups', 'practices', 'rural'] as const)).min(1),
    /** What the county writes for a part it leaves empty on purpose (无); the report prints it. */
    none: text,
    /** The key groups the reports name as poverty-alleviated and low-income labour (方案三（一）5). */
    ruralGroups: z.array(text).default([]),
    /** The parts of the evaluation result report (办法第九条（一）–（五）), with the data and the texts each quotes. */
    evaluation: z.array(countyPart(EVALUATION_PARTS)).min(1),
    /** Printed in a part for which the applicant's filing has no text. */
    noText: text,
    /** The review material whose parts the evaluation lists (the training ledger, 办法第九条（二）). */
    ledger: text.optional(),
    /** The form of the pledge each recommended project carries with the recommending unit's seal (办法第七条（二）). */
    pledgeForm: text,
    /** Where a long title may break inside a part (GB/T 9704—2012 7.3.1): before these words, and after a county's name. */
    titleBreaks: z.array(text).default([]),
    /** Default opinions (handlebars) where county.yaml has none. */
    opinions: z.strictObject({ recommend: text, keep: text, fail: text, removal: text }),
    removalGrounds: z.array(removalGround).min(1),
    /** The finding for a ground the data cannot show. */
    onSite: text,
    decisions: words(DECISIONS),
    fixity: words(FIXITIES),
  }),
});

export type SchemeData = z.infer<typeof schemeSchema>;
export type ThresholdRow = z.infer<typeof thresholdRow>;
export type MaterialDef = z.infer<typeof material>;
export type SlotDef = z.infer<typeof slot>;
export type Rubric = z.infer<typeof rubric>;
export type RubricItem = z.infer<typeof rubricItem>;
export type RubricGroup = z.infer<typeof rubricGroup>;
export type RosterColumn = z.infer<typeof rosterColumn>;
export type Grade = z.infer<typeof grade>;
export type SectionDef = z.infer<typeof section>;

export type RemovalGround = z.infer<typeof removalGround>;
export type KindNames = z.infer<typeof kindNames>;

/** A loaded, validated scheme and the folder it came from, with every template it holds, read once. */
export interface Scheme extends SchemeData {
  dir: string;
  forms: Record<string, FormTemplate>;
  /** The text of disc/*.hbs (说明.txt, index.html) and skeleton/*.hbs (what init writes), by file name. */
  templates: { disc: Record<string, string>; skeleton: Record<string, string> };
}

/** Templates every scheme must have beside its forms. */
export const DISC_TEMPLATES = ['index.html.hbs', 'readme.txt.hbs', 'county-index.html.hbs', 'county-readme.txt.hbs'] as const;
export const SKELETON_TEMPLATES = ['submission.yaml.hbs', 'county.yaml.hbs'] as const;

/** Forms every scheme has besides those its materials name (the brief, the score sheet, the print volume's cover and contents). */
/** The forms filled from the roster: the trainees (附件1-4) and those employed after training (⑦). */
export const ROSTER_FORMS = { trainees: 'roster', employed: 'employment-roster' } as const;

export const FIXED_FORMS = { brief: 'brief', scoreSheet: 'score-sheet', volumeCover: 'volume-cover', volumeContents: 'volume-contents' } as const;

/** The county bureau's documents (`shenbao county`). */
export const COUNTY_FORMS = {
  report: 'county-report',
  evaluation: 'county-evaluation',
  summary: 'county-summary',
  cover: 'county-cover',
  /** The recommending unit's seal added to each recommended project's pledge. */
  pledge: 'county-pledge',
} as const;
