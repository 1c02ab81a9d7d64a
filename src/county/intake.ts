/**
 * One applicant's package as the county received it (see pipeline/intake.ts for taking it
 * in): what it is — a folder, zip or disc image made by `shenbao build`, or a plain
 * submission folder — whether it is intact, and the applicant's facts as its own data says.
 * Plain data, so it crosses from a worker thread to the main one.
 */
import { countedTrainees } from '../roster/counted.js';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Eligibility } from '../check/eligibility.js';
import { fileDiagnostics } from '../check/materials.js';
import { promptText } from '../scheme/prompt-text.js';
import { toHalfWidth } from '../core/text.js';
import { formContext } from '../forms/context.js';
import { fillForm } from '../forms/fill.js';
import type { FilledForm } from '../forms/model.js';
import { maskId } from '../roster/mask.js';
import type { Figures } from '../check/figures.js';
import { IoError } from '../core/io.js';
import { sniff } from '../core/sniff.js';
import type { NotPackage } from '../core/codes.js';
import type { Term } from '../core/term.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { Digest } from '../package/digest.js';
import { bagRootOf } from '../package/sources.js';
import type { CheckReport } from '../check/run.js';
import type { Kind, Level, PopulationBand, Scheme } from '../scheme/schema.js';
import { SUBMISSION_NAMES, type LoadedSubmission } from '../submission/load.js';
import type { World } from '../world/world.js';

export type PackageForm = 'folder' | 'zip' | 'iso' | 'submission';

/**
 * intact: every checksum holds; damaged: the bag is there but something is missing, changed
 * or unsafe; unsealed: a plain submission folder, which has no checksums; unreadable: not a
 * package at all, or one that cannot be opened.
 */
export type Fixity = 'intact' | 'damaged' | 'unsealed' | 'unreadable';

/** The applicant as its own data says; the reports draw on nothing else. */
export interface ApplicantFacts {
  institution: string;
  trade: string;
  kind: Kind;
  level: Level;
  county: string;
  populationBand?: PopulationBand;
  filingDate: string;
  /** The performance year (上年度). */
  year: number;
  legalRepresentative: string;
  phone: string;
  founded: string;
  period: string;
  coverage: string;
  categories: string[];
  specialSupport: { claimed: boolean; applies: boolean };
  figures: Figures | null;
  eligibility: Eligibility | null;
  partners: number;
  score: { total: number; grade: Term; groups: { id: string; name: string; max: number; points: number }[]; gatesFailed: string[] };
  /** The material list: how many, and those missing or with errors (by number and name). */
  materials: { total: number; incomplete: { number: number; name: string }[] };
  /** The check found no errors. */
  ok: boolean;
  /** The applicant's own texts on its recommendation or review form, by section and prompt key. */
  narrative: Record<string, Record<string, string>>;
  /** Per key group (by id): the brand's trainees counted, and of them those employed after training. */
  groups: Record<string, { trained: number; employed: number }>;
  /** Of the partners with an agreement on file, those the roster shows employing the brand's trainees, and how many trainees. */
  relatedPartners: number;
  employedAtPartners: number;
  /** Usable files per attachment slot (the training ledger's parts, say). */
  slotFiles: Record<string, number>;
  /** The roster has no 享受补贴 column, so every row counts as subsidised (docs/scheme.md). */
  subsidyAssumed: boolean;
  /**
   * The resident ID of every trainee counted, to find the same person in two institutions'
   * rosters: a digest to compare, the masked number to show, and the roster row. The number
   * itself never leaves the worker.
   */
  ids: { digest: string; masked: string; row: number }[];
  /** The applicant's pledge (信用承诺书) filled as its own package prints it, for the copy the county attaches. */
  pledge?: FilledForm;
}

/** The bag of an intact package: its files with their digests, for the county's disc. */
export interface IntakeBag {
  /** Where the bag's root is inside the package: the folder (or its disc/), or '' in a zip or image. */
  root: string;
  files: [path: string, digest: Digest][];
  /** Print volumes inside the bag (paths in the bag). */
  volumes: string[];
}

export interface Intake {
  index: number;
  input: string;
  form?: PackageForm;
  fixity: Fixity;
  /** Payload files whose checksums matched, of how many, by which algorithms. */
  verified: number;
  payloadFiles: number;
  algorithms: string[];
  /** Problems with the package itself: unreadable, damaged, unsafe, too large. */
  problems: Diagnostic[];
  /** An intact package's bag, to be forwarded. */
  bag?: IntakeBag;
  /** The submission folder that was checked, for a plain submission folder (built when it goes on). */
  submissionDir?: string;
  applicant?: ApplicantFacts;
  /** What the checks say: errors and warnings, at most MAX_SHOWN of each. */
  check: Diagnostic[];
  counts: { error: number; warning: number };
}

export interface IntakeTask {
  index: number;
  /** The path as the user gave it. */
  input: string;
  scheme?: string;
  config?: string;
  cwd: string;
}

/** What a path is, by its content; what it is instead when it is no package at all. */
export async function packageForm(world: World, input: string): Promise<{ form?: PackageForm; notPackage?: NotPackage }> {
  const st = await world.stat(input);
  if (!st) throw new IoError(input, 'missing', 'ENOENT');
  if (st.kind === 'dir') {
    if (await bagRootOf(world, input)) return { form: 'folder' };
    for (const n of SUBMISSION_NAMES) if ((await world.stat(path.join(input, n)))?.kind === 'file') return { form: 'submission' };
    return { notPackage: 'folder' };
  }
  if (st.kind !== 'file') return { notPackage: 'special' };
  const start = Buffer.from(await world.readRange(input, 0, 1024));
  if (sniff(start) === 'zip' || (start.length >= 4 && start.readUInt32LE(0) === 0x06054b50)) return { form: 'zip' };
  if (Buffer.from(await world.readRange(input, 16 * 2048 + 1, 5)).toString('latin1') === 'CD001') return { form: 'iso' };
  if (SUBMISSION_NAMES.includes(path.basename(input))) return { form: 'submission' };
  return { notPackage: sniff(start) };
}

/** Names as the same enterprise: equal without spaces and full-width forms, or one (of 4+ characters) inside the other. */
export function sameEnterprise(a: string, b: string): boolean {
  const x = toHalfWidth(a).replace(/\s+/g, '');
  const y = toHalfWidth(b).replace(/\s+/g, '');
  if (!x || !y) return false;
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return [...short].length >= 4 && long.includes(short);
}

/** A resident ID as compared across packages: a digest, so no worker hands the number itself back. */
const idDigest = (id: string) => createHash('sha256').update(`shenbao/resident-id/${id}`).digest('base64url');

export function applicantFacts(checked: { loaded: LoadedSubmission; report: CheckReport; scheme: Scheme }): ApplicantFacts {
  const s = checked.loaded.submission;
  const r = checked.report;
  const { scheme, loaded } = checked;
  const counted = countedTrainees(r.roster?.trainees ?? []);
  const groups: ApplicantFacts['groups'] = {};
  for (const t of counted) {
    if (!t.keyGroup) continue;
    const g = (groups[t.keyGroup] ??= { trained: 0, employed: 0 });
    g.trained++;
    if (t.employed) g.employed++;
  }
  // Partners whose agreement is on file and sound, as the check counts them (check/partners.ts).
  const signed = s.partners.filter((_, i) => {
    const fact = loaded.partners[i]?.agreement;
    return fact !== undefined && fileDiagnostics(fact, ['pdf', 'jpeg', 'png']).every((d) => d.severity !== 'error');
  });
  const employedBy = (name: string) => counted.filter((t) => t.employed && sameEnterprise(t.employer, name)).length;
  const related = signed.filter((p) => employedBy(p.name) > 0);
  const slotFiles: Record<string, number> = {};
  for (const [slot, facts] of Object.entries(loaded.attachments)) {
    const types = scheme.slots[slot]?.types;
    slotFiles[slot] = facts.filter((f) => fileDiagnostics(f, types).every((d) => d.severity !== 'error')).length;
  }
  const narrative: ApplicantFacts['narrative'] = {};
  for (const [id, section] of Object.entries(scheme.sections)) {
    const value = s.narrative[id];
    if (value === undefined) continue;
    narrative[id] = Object.fromEntries(section.prompts.map((p) => [p.key, promptText(value, section, p.key)]));
  }
  const pledgeTemplate = scheme.forms[scheme.countyReview.pledgeForm];
  return {
    institution: s.institution.name,
    trade: s.brand.trade,
    kind: s.kind,
    level: s.level,
    county: s.county.name,
    populationBand: s.county.populationBand,
    filingDate: s.filingDate,
    year: s.year ?? Number(s.filingDate.slice(0, 4)) - 1,
    legalRepresentative: s.institution.legalRepresentative,
    phone: s.institution.phone,
    founded: s.institution.founded,
    period: s.brand.period,
    coverage: s.brand.coverage,
    categories: s.brand.categories,
    specialSupport: { claimed: s.brand.specialSupport.claimed, applies: r.eligibility?.specialSupport.applies ?? false },
    figures: r.figures,
    eligibility: r.eligibility,
    partners: r.partners,
    score: {
      total: r.score.total,
      grade: r.score.grade,
      groups: r.score.groups.map((g) => ({ id: g.id, name: g.name, max: g.max, points: g.points })),
      gatesFailed: r.score.gatesFailed,
    },
    materials: { total: r.materials.length, incomplete: r.materials.filter((m) => m.status === 'error').map((m) => ({ number: m.number, name: m.name })) },
    ok: r.ok,
    narrative,
    groups,
    relatedPartners: new Set(related.map((p) => toHalfWidth(p.name).replace(/\s+/g, ''))).size,
    employedAtPartners: counted.filter((t) => t.employed && signed.some((p) => sameEnterprise(t.employer, p.name))).length,
    slotFiles,
    subsidyAssumed: r.roster ? !r.roster.hasSubsidisedColumn : false,
    ids: counted.filter((t) => t.idNumber.trim() !== '').map((t) => ({ digest: idDigest(t.idNumber.trim().toUpperCase()), masked: maskId(t.idNumber.trim().toUpperCase()), row: t.row })),
    ...(pledgeTemplate && { pledge: fillForm({ template: pledgeTemplate, ctx: formContext(s, scheme, r), scheme }) }),
  };
}

