/**
 * One applicant's package as the county receives it: what it is (a folder, zip or disc
 * image made by `shenbao build`, or a plain submission folder), whether it is intact (its
 * BagIt manifests), and what the checks say when they run again here with the county's
 * scheme. Runs in a worker thread; everything it returns is plain data.
 */
import { closeSync, existsSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Eligibility } from '../check/eligibility.js';
import type { Figures } from '../check/figures.js';
import type { Clock } from '../core/clock.js';
import { error, sortDiagnostics, type Diagnostic } from '../core/diagnostic.js';
import { CONTENT_NAMES, sniff } from '../core/sniff.js';
import type { Lang } from '../i18n/lang.js';
import { DIR } from '../package/disc.js';
import { openBag, SourceFailure, type BagSource } from '../package/sources.js';
import { verifyBag } from '../package/verify.js';
import type { Kind, Level, PopulationBand } from '../scheme/schema.js';
import { ReadFailure, reasonOf, SUBMISSION_NAMES } from '../submission/load.js';
import { SchemeFailure } from '../cli/scheme.js';
import { prepare, type Prepared } from '../cli/prepare.js';
import { ExtractRefused, extractBag, EXTRACT_LIMITS, planExtraction } from './extract.js';

export type PackageForm = 'folder' | 'zip' | 'iso' | 'submission';

/**
 * intact: every checksum holds; damaged: the bag is there but something is missing, changed
 * or unsafe; unsealed: a plain submission folder, which has no checksums; unreadable: not a
 * package at all, or one that cannot be opened.
 */
export type Fixity = 'intact' | 'damaged' | 'unsealed' | 'unreadable';

export interface IntakeTask {
  index: number;
  /** The path as the user gave it. */
  input: string;
  /** A folder of this run where zips and images are unpacked. */
  work: string;
  lang: Lang;
  scheme?: string;
  config?: string;
  /** The run's clock (ms), the same in every worker. */
  now: number;
}

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
  score: { total: number; grade: string; groups: { id: string; name: string; max: number; points: number }[]; gatesFailed: string[] };
  /** The material list: how many, and those missing or with errors (by number and name). */
  materials: { total: number; incomplete: string[] };
  /** The check found no errors. */
  ok: boolean;
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
  /** The applicant's bag (disc tree) on disk, when the package has one. */
  bagRoot?: string;
  /** The submission folder that was checked. */
  submissionDir?: string;
  /** Print volumes inside the bag (paths relative to bagRoot). */
  volumes: string[];
  applicant?: ApplicantFacts;
  /** What the checks say: errors and warnings, at most MAX_SHOWN of each. */
  check: Diagnostic[];
  counts: { error: number; warning: number };
}

const MAX_SHOWN = 50;

/** Where a folder's bag is: the folder itself or its disc/ (an output folder of `build`). */
export function bagRootOf(dir: string): string | undefined {
  if (existsSync(path.join(dir, 'bagit.txt'))) return dir;
  if (existsSync(path.join(dir, 'disc', 'bagit.txt'))) return path.join(dir, 'disc');
  return undefined;
}

function head(file: string, n: number, at = 0): Buffer {
  const b = Buffer.alloc(n);
  const fd = openSync(file, 'r');
  try {
    const got = readSync(fd, b, 0, n, at);
    return b.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

/** What a path is, by its content; a reason when it is no package at all. */
export function packageForm(input: string): { form?: PackageForm; notPackage?: string } {
  const st = statSync(input);
  if (st.isDirectory()) {
    if (bagRootOf(input)) return { form: 'folder' };
    if (SUBMISSION_NAMES.some((n) => existsSync(path.join(input, n)))) return { form: 'submission' };
    return { notPackage: 'folder' };
  }
  if (!st.isFile()) return { notPackage: 'special' };
  const start = head(input, 1024);
  if (sniff(start) === 'zip' || (start.length >= 4 && start.readUInt32LE(0) === 0x06054b50)) return { form: 'zip' };
  if (head(input, 5, 16 * 2048 + 1).toString('latin1') === 'CD001') return { form: 'iso' };
  if (SUBMISSION_NAMES.includes(path.basename(input))) return { form: 'submission' };
  return { notPackage: sniff(start) };
}

export function applicantFacts(p: Required<Pick<Prepared, 'loaded' | 'scheme' | 'report'>>): ApplicantFacts {
  const s = p.loaded.submission;
  const r = p.report;
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
      grade: r.score.grade.zh,
      groups: r.score.groups.map((g) => ({ id: g.id, name: g.name, max: g.max, points: g.points })),
      gatesFailed: r.score.gatesFailed,
    },
    materials: { total: r.materials.length, incomplete: r.materials.filter((m) => m.status === 'error').map((m) => `${m.number}. ${m.name}`) },
    ok: r.ok,
  };
}

/** Loads and checks a submission folder; failures to read become the applicant's problems. */
async function checkFolder(dir: string, task: IntakeTask, out: Intake): Promise<void> {
  const clock: Clock = { now: new Date(task.now), fixed: true };
  let prepared: Prepared;
  try {
    prepared = await prepare({ dir, lang: task.lang, scheme: task.scheme, config: task.config }, clock);
  } catch (e) {
    if (e instanceof ReadFailure || e instanceof SchemeFailure) {
      out.check = e.diagnostics;
      out.counts = { error: e.diagnostics.filter((d) => d.severity === 'error').length, warning: 0 };
      return;
    }
    throw e;
  }
  out.submissionDir = dir;
  const { loaded, scheme, report } = prepared;
  const all = report ? report.diagnostics : prepared.diagnostics;
  const errors = all.filter((d) => d.severity === 'error');
  const warnings = all.filter((d) => d.severity === 'warning');
  out.counts = { error: errors.length, warning: warnings.length };
  out.check = sortDiagnostics([...errors.slice(0, MAX_SHOWN), ...warnings.slice(0, MAX_SHOWN)]);
  if (loaded && scheme && report) out.applicant = applicantFacts({ loaded, scheme, report });
}

export function volumesOf(bagRoot: string): string[] {
  const dir = path.join(bagRoot, ...DIR.print.split('/'));
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.toLowerCase().endsWith('.pdf'))
    .sort()
    .map((n) => `${DIR.print}/${n}`);
}

export async function intake(task: IntakeTask): Promise<Intake> {
  const out: Intake = { index: task.index, input: task.input, fixity: 'unreadable', verified: 0, payloadFiles: 0, algorithms: [], problems: [], volumes: [], check: [], counts: { error: 0, warning: 0 } };
  const where = { file: task.input };
  let kind;
  try {
    kind = packageForm(task.input);
  } catch (e) {
    out.problems.push(error('file.unreadable', { path: task.input, reason: reasonOf(e) }, where));
    return out;
  }
  if (!kind.form) {
    const what = kind.notPackage === 'folder' ? { zh: '一个文件夹', en: 'a folder' } : CONTENT_NAMES[kind.notPackage as keyof typeof CONTENT_NAMES] ?? { zh: '特殊文件', en: 'a special file' };
    out.problems.push(error('county.notPackage', { path: task.input, what: what.zh, whatEn: what.en }, where));
    return out;
  }
  out.form = kind.form;
  if (kind.form === 'submission') {
    out.fixity = 'unsealed';
    await checkFolder(task.input, task, out);
    return out;
  }

  let src: BagSource;
  try {
    src = await openBag(kind.form === 'folder' ? bagRootOf(task.input)! : task.input);
  } catch (e) {
    const reason = e instanceof SourceFailure ? e.reason : reasonOf(e);
    out.problems.push(error('county.unreadable', { path: task.input, reason }, where));
    return out;
  }
  let bagRoot: string;
  const refuse = (e: ExtractRefused) => {
    out.fixity = 'unreadable';
    out.problems.push(
      e.why === 'unsafe'
        ? error('verify.unsafeEntry', { name: e.detail }, where)
        : error('county.tooLarge', { path: task.input, limit: e.why === 'tooMany' ? EXTRACT_LIMITS.entries : EXTRACT_LIMITS.bytes, what: e.why }, where),
    );
    return out;
  };
  try {
    // An archive too large to be a package is refused before a byte of it is read (a zip bomb).
    if (kind.form !== 'folder') planExtraction(src);
    const v = await verifyBag(src);
    out.verified = v.verified;
    out.payloadFiles = v.payloadFiles;
    out.algorithms = v.algorithms;
    const errors = v.diagnostics.filter((d) => d.severity === 'error');
    out.fixity = errors.length === 0 ? 'intact' : 'damaged';
    out.problems.push(...errors.slice(0, MAX_SHOWN));
    if (errors.length > MAX_SHOWN) out.problems.push(error('county.moreProblems', { count: errors.length - MAX_SHOWN }, where));
    if (kind.form === 'folder') bagRoot = bagRootOf(task.input)!;
    else {
      bagRoot = path.join(task.work, `${String(task.index + 1).padStart(2, '0')}`);
      await extractBag(src, bagRoot);
    }
  } catch (e) {
    if (e instanceof ExtractRefused) return refuse(e);
    out.fixity = 'unreadable';
    out.problems.push(error('county.unreadable', { path: task.input, reason: (e as Error).message }, where));
    return out;
  } finally {
    await src.close();
  }

  const sources = path.join(bagRoot, ...DIR.sources.split('/'));
  if (!SUBMISSION_NAMES.some((n) => existsSync(path.join(sources, n)))) {
    out.problems.push(error('county.noSubmission', { path: task.input, dir: DIR.sources }, where));
    if (out.fixity === 'intact') out.fixity = 'damaged';
    return out;
  }
  if (out.fixity === 'intact') {
    out.bagRoot = bagRoot;
    out.volumes = volumesOf(bagRoot);
  }
  await checkFolder(sources, task, out);
  return out;
}
