/**
 * One applicant's package as the county received it (see pipeline/intake.ts for taking it
 * in): what it is — a folder, zip or disc image made by `shenbao build`, or a plain
 * submission folder — whether it is intact, and the applicant's facts as its own data says.
 * Plain data, so it crosses from a worker thread to the main one.
 */
import path from 'node:path';
import type { Eligibility } from '../check/eligibility.js';
import type { Figures } from '../check/figures.js';
import { IoError } from '../core/io.js';
import { sniff } from '../core/sniff.js';
import type { NotPackage } from '../core/codes.js';
import type { Term } from '../core/term.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { Digest } from '../package/digest.js';
import { bagRootOf } from '../package/sources.js';
import type { CheckReport } from '../check/run.js';
import type { Kind, Level, PopulationBand } from '../scheme/schema.js';
import type { Submission } from '../submission/schema.js';
import { SUBMISSION_NAMES } from '../submission/load.js';
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

export function applicantFacts(checked: { loaded: { submission: Submission }; report: CheckReport }): ApplicantFacts {
  const s = checked.loaded.submission;
  const r = checked.report;
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
  };
}

