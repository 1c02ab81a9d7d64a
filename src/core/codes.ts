/**
 * What every diagnostic carries: its code and the raw parameters of that code. This is the
 * one list of codes; the message catalogue (i18n/catalog.ts) says each in Chinese and
 * English and is checked against it by the compiler.
 *
 * Parameters are raw: paths, names, counts, dates as YYYY-MM-DD, lists as arrays, terms
 * of the scheme in both languages. Nothing here is a sentence, so `--lang` and `--json`
 * read the same diagnostics. Values from personal data are masked before they get here.
 */
import type { DiscNameProblem } from './disc-names.js';
import type { IoReason } from './io.js';
import type { ContentType } from './sniff.js';
import type { Term } from './term.js';

type S = string;
type N = number;
type C = ContentType;

/** Why a county cannot recommend (or forward) an applicant. */
export type Blocker =
  | { kind: 'damaged'; problems: N }
  | { kind: 'unreadable' }
  | { kind: 'duplicate' }
  | { kind: 'errors'; count: N }
  | { kind: 'notEligible'; level: Term; failing: FailingFigure[] }
  | { kind: 'notBuilt'; detail?: S };

/** A threshold not met: the figure (trained, passRate …), what it is and what is required. */
export interface FailingFigure {
  figure: S;
  actual: S;
  required: S;
  /** A head count (人) or a rate (%). */
  unit: 'persons' | 'percent';
}

/** What a scheme's rule refers to that it could not find, or found twice. */
export type SchemeThing =
  | 'rubric' | 'rubricItem' | 'rubricGroup' | 'category' | 'slot' | 'section' | 'material'
  | 'rosterColumn' | 'keyGroup' | 'formTemplate' | 'discTemplate' | 'skeletonTemplate' | 'removalGround';

/** The kind of thing a package turned out to be when it is not a package. */
export type NotPackage = C | 'folder' | 'special';

export interface Codes {
  // reading and writing files
  'file.unreadable': { path: S; reason: IoReason; detail?: S };
  'file.unwritable': { path: S; reason: IoReason; detail?: S };
  'file.tooLarge': { path: S; size: N; max: N };
  'submission.notFound': { dir: S; names: S[] };
  'submission.severalFiles': { dir: S; files: S[] };
  'submission.isFile': { path: S };
  'syntax.yaml': { code: S; detail: S };
  'syntax.json': { code: S };
  'syntax.tooLarge': { chars: N; max: N };
  /** A double-quoted YAML text whose backslash made a control character (`code`: U+0000). */
  'syntax.backslash': { code: S };
  /** A text holding a control character (`code`: U+0007). */
  'text.control': { code: S };
  'syntax.notMapping': Record<string, never>;

  // schema (submission, scheme, county file, config)
  'schema.required': { field: S; label: Term };
  'schema.invalidType': { field: S; label: Term; expected: S; received: S };
  /** `given`: NaN or Infinity, as YAML's .nan, .inf or 1e400 read. */
  'schema.notFinite': { field: S; label: Term; given: S };
  'schema.numberWithUnit': { field: S; label: Term; given: S; number: S; unit: S };
  'schema.unknownKey': { key: S; at: S; suggestion: S };
  'schema.enum': { field: S; label: Term; value: S; options: S[] };
  'schema.tooSmall': { field: S; label: Term; minimum: S };
  'schema.tooBig': { field: S; label: Term; maximum: S };
  'schema.textTooLong': { field: S; label: Term; length: N; max: N };
  'schema.emptyText': { field: S; label: Term };
  'schema.tooFewItems': { field: S; label: Term; minimum: S };
  'schema.invalid': { field: S; label: Term; detail: S };
  'schema.date': { field: S; label: Term; value: S };
  'schema.percent': { field: S; label: Term; value: S };
  'schema.absolutePath': { field: S; label: Term; value: S };

  // scheme
  'scheme.notFound': { dir: S };
  'scheme.rubricTotal': { rubric: S; total: N };
  'scheme.groupTotal': { rubric: S; group: S; declared: N; sum: N };
  'scheme.thresholdMissing': { level: Term; band?: Term };
  'scheme.thresholdDuplicate': { level: Term; band?: Term };
  'scheme.gradeOrder': { grade: S; min: N; previous: N };
  'scheme.gradeFloor': Record<string, never>;
  'scheme.duplicateId': { what: SchemeThing; id: S; within?: S };
  'scheme.unknownRef': { what: SchemeThing; id: S };
  'scheme.rosterColumns': { missing: S[] };
  'scheme.formNoTable': { form: S };
  'scheme.invalid': { dir: S; count: N };

  // roster: the file
  'roster.missing': Record<string, never>;
  'roster.unsupported': { path: S };
  'roster.notSpreadsheet': { path: S; actual: C };
  'roster.brokenWorkbook': { path: S; detail: S };
  'roster.empty': { path: S };
  'roster.encoding': { path: S };
  'roster.sheetNotFound': { path: S; sheet: S; sheets: S[] };
  'roster.headerNotFound': { path: S; columns: S[] };
  'roster.columnMissing': { path: S; columns: S[] };
  'roster.columnDuplicate': { column: S; cells: S[] };
  'roster.tooManyRows': { path: S; max: N };
  'roster.noRows': { path: S };
  'roster.subsidisedAssumed': Record<string, never>;

  // roster: cells
  'roster.cellEmpty': { column: S };
  'roster.cellTooLong': { column: S; length: N; max: N };
  'roster.textsTooLarge': { path: S; maxMb: N };
  'roster.csvQuote': { path: S };
  'roster.id.cut': { value: S };
  'roster.id.numeric': Record<string, never>;
  'roster.id.length': { value: S; length: N };
  'roster.id.format': { value: S };
  'roster.id.area': { value: S };
  'roster.id.date': { value: S; date: S };
  'roster.id.future': { value: S; date: S };
  'roster.id.tooOld': { value: S; date: S };
  'roster.id.checksum': { value: S; expected: S; actual: S };
  'roster.sex.invalid': { value: S };
  'roster.sex.mismatch': { value: S; expected: S };
  'roster.ethnicity.unknown': { value: S; suggestion: S };
  'roster.trade.mismatch': { value: S; trade: S };
  'roster.phone.invalid': { value: S };
  'roster.duplicate': { value: S; firstRow: N; firstCell?: S };
  'roster.flag.invalid': { column: S; value: S };
  'roster.keyGroup.unknown': { value: S; options: S[] };
  'roster.employed.conflict': Record<string, never>;

  // figures and thresholds
  'figures.claimMismatch': { figure: S; claimed: S; derived: S };
  'figures.noTrainees': Record<string, never>;
  'threshold.fail': { figure: S; actual: S; required: S; level: Term; ref: S };
  'threshold.relaxed': { figure: S; actual: S; required: S; level: Term; employmentRate: S; minRate: S; ref: S };
  'specialSupport.rateTooLow': { employmentRate: S; minRate: S; ref: S };
  'specialSupport.noGrounds': Record<string, never>;
  'specialSupport.unknownGround': { value: S; options: S[] };
  'category.unknown': { value: S; options: { id: S; name: S }[] };
  'county.unknown': { value: S; options: S[] };
  'county.bandRequired': Record<string, never>;

  // partners, brief, narrative
  'partners.tooFew': { count: N; min: N };
  'partners.particularsMissing': { name: S };
  'partners.duplicate': { name: S };
  'brief.tooLong': { count: N; max: N };
  'brief.missing': Record<string, never>;
  'narrative.missing': { section: S; prompt: S; number?: N };
  'narrative.unknown': { key: S; options: S[] };
  'narrative.notForKind': { key: S; kind: Term };

  // materials and files
  'material.missing': { material: S; slot: S; slotId: S };
  'attachment.unknownSlot': { key: S; options: S[] };
  'attachment.notForKind': { key: S; kind: Term };
  'file.missing': { path: S };
  /** `held`: the level the brand should already hold; `review`: the filing is a review. */
  'specialSupport.levelNotAllowed': { level: Term; ref: S };
  'employment.none': Record<string, never>;
  'recognition.missing': { held: Term; review: boolean; ref: S };
  'file.outside': { path: S };
  'file.empty': { path: S };
  'file.notFile': { path: S };
  'file.emptyFolder': { path: S };
  'file.wrongType': { path: S; expected: C[]; actual: C };
  'file.extensionMismatch': { path: S; actual: C };
  'pdf.encrypted': { path: S };
  'pdf.broken': { path: S };
  'pdf.noPages': { path: S };
  'image.broken': { path: S };
  'image.lowResolution': { path: S; dpi: N; min: N };
  'file.caseClash': { path: S; other: S };
  'file.discName': { path: S; name: S; problem: DiscNameProblem; char?: S; length: N; max: N; suggestion: S };

  // build
  'attachment.unusable': { path: S; detail: S };
  'print.tooThick': { pages: N; spine: N; max: N };
  'print.coverOverflow': { form: S; pages: N };
  'disc.fits': { size: N; disc: S };
  'disc.tooLarge': { size: N };
  'build.notVerified': { part: S; errors: N };

  // verify
  'verify.notBag': Record<string, never>;
  'verify.badDeclaration': Record<string, never>;
  'verify.noManifest': Record<string, never>;
  'verify.unsupported': { name: S };
  'verify.badLine': { line: S };
  'verify.missing': { path: S };
  'verify.mismatch': { path: S; alg: S };
  'verify.notInManifest': { path: S; manifest: S };
  'verify.extra': { path: S };
  'verify.oversized': { path: S; size: N; declared: N };
  'verify.oxum': { declared: S; actual: S };
  'verify.unsafeEntry': { name: S };
  'verify.link': { name: S };
  'verify.broken': { detail: S };
  'verify.manifestWrong': { manifest: S; path: S; alg: S };
  'verify.isoRecord': { tree: 'primary' | 'joliet'; path: S };
  'verify.isoPathTable': { tree: 'primary' | 'joliet'; table: 'L' | 'M' };
  'verify.isoTreesDiffer': { path: S };
  'verify.isoTreeBroken': { tree: 'primary' | 'joliet'; detail: S };
  'verify.fingerprint': { declared: S; actual: S };

  // county
  'county.notPackage': { path: S; what: NotPackage };
  'county.unreadable': { path: S; detail: S };
  'county.moreProblems': { count: N };
  'county.tooLarge': { path: S; limit: N; what: 'tooMany' | 'tooLarge' };
  'county.noSubmission': { path: S; dir: S };
  'county.duplicate': { institution: S; trade: S; other: S };
  'county.otherCounty': { own: S; county: S };
  'county.bandMismatch': { own: Term; county: Term };
  'county.late': { date: S; deadline: S; ref: S };
  'county.notInFile': { institution: S; trade: S };
  'county.unknownApplicant': { institution: S; trade: S };
  'county.undecided': { institution: S; trade: S };
  'county.cannotRecommend': { institution: S; blockers: Blocker[] };
  'county.notForwarded': { institution: S; blockers: Blocker[] };
  'county.noWords': { institution: S; sections: S[]; none: S; key: S };
  'county.noScore': { institution: S };
  'county.removal': { institution: S; ground: S; ref: S };
  'county.scoreIgnored': { institution: S; field: 'score' | 'recommend' };
  'county.noPackages': Record<string, never>;
  'county.scoreGroupsNone': { institution: S; groups: S[] };
  'county.scoreGroupUnknown': { institution: S; group: S; options: S[] };
  'county.scoreGroupOver': { institution: S; group: S; given: N; max: N };
  'county.scoreGroupsMissing': { institution: S; missing: S[] };
  'county.scoreSum': { institution: S; score: N; sum: N };
  'county.entryForBoth': { institution: S; trade: S };
  /** A damaged copy of a filing whose intact copy (`kept`) is in the inbox too. */
  'county.damagedCopy': { institution: S; trade: S; kept: S };
  /**
   * Resident IDs (masked) in the rosters of several institutions, one diagnostic per set of
   * packages: the packages, and per ID its roster row in each of them (in the packages' order).
   */
  'county.sharedTrainee': { packages: { number: N; institution: S }[]; ids: { id: S; rows: N[] }[]; ref: S };

  // score
  'score.unknownItem': { item: S; options: S[] };
  'score.overMax': { item: S; given: N; max: N };
  'score.derivedGiven': { item: S; derived: N };
  'score.notScored': { items: S[] };
  'score.assumedRubric': { rubric: S; items: S[]; note: S };
  'score.categoryMismatch': { item: S; category: S };
  'score.gated': { groups: S[] };

  // fonts
  /** `what`: a field's label or a section's title; `column`: a roster column's name instead. */
  'glyph.missing': { char: S; code: S; what?: Term; column?: S };
  'font.unreadable': { path: S; detail: S };

  // using the command
  'usage.invalid': { detail: S; command?: S };
  'usage.unknownOption': { name: S; suggestion: S; options: S[] };
  'usage.missingValue': { option: S };
  /** `max` 0: no upper bound. */
  'usage.badNumber': { option: S; given: S; min: N; max: N };
  'usage.unknownCommand': { name: S; suggestion: S; commands: S[] };
  'usage.exists': { paths: S[] };
  'usage.noCounty': { file: S };

  // the local web page (shenbao serve): what a request got wrong
  'server.badHost': { host: S };
  'server.badOrigin': { origin: S };
  'server.token': {};
  'server.notFound': { what: S };
  'server.badPath': { path: S };
  'server.tooLarge': { max: N };
  'server.badRequest': { detail: S };
  'server.changedOnDisk': { file: S };
  'server.busy': { what: S };
  'server.exists': { path: S };
  'server.syntax': { file: S };
  'server.badUpload': { name: S };
  'server.cutShort': {};
  'server.noPackage': { name: S };

  'internal.bug': { detail: S };
}

export type Code = keyof Codes;
export type ParamsOf<C extends Code> = Codes[C];
