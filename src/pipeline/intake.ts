/**
 * Taking in one applicant's package (county/intake.ts has what comes back): what it is, whether
 * it is intact, and what the checks say when they run again with the county's scheme. The
 * package is read once to verify it — every file hashed, the digests kept for the county's
 * own disc — and its submission is then loaded in place, through a World over the archive:
 * nothing is unpacked, so a damaged or oversized package never reaches the disk. Runs on a
 * worker thread; everything it returns is data.
 */
import path from 'node:path';
import { error, sortDiagnostics } from '../core/diagnostic.js';
import { Failure } from '../core/failure.js';
import { IoError } from '../core/io.js';
import { applicantFacts, packageForm, type Intake, type IntakeTask } from '../county/intake.js';
import { implausible } from '../county/limits.js';
import { BagWorld } from '../package/bag-world.js';
import { DIR } from '../package/disc.js';
import { bagRootOf, openBag, SourceFailure, type BagSource } from '../package/sources.js';
import { verifyBag } from '../package/verify.js';
import { SUBMISSION_NAMES } from '../submission/load.js';
import type { World } from '../world/world.js';
import { prepare } from './prepare.js';

/** At most this many problems of each kind are carried back per package. */
const MAX_SHOWN = 50;

/** Loads and checks a submission (in place); failures to read become the applicant's problems. */
async function checkSubmission(world: World, dir: string, task: IntakeTask, out: Intake): Promise<void> {
  let prepared;
  try {
    prepared = await prepare(world, { dir, scheme: task.scheme, config: task.config, cwd: task.cwd });
  } catch (e) {
    if (!(e instanceof Failure)) throw e;
    out.check = e.diagnostics;
    out.counts = { error: e.diagnostics.filter((d) => d.severity === 'error').length, warning: 0 };
    return;
  }
  const all = prepared.ok ? prepared.report.diagnostics : prepared.diagnostics;
  const errors = all.filter((d) => d.severity === 'error');
  const warnings = all.filter((d) => d.severity === 'warning');
  out.counts = { error: errors.length, warning: warnings.length };
  out.check = sortDiagnostics([...errors.slice(0, MAX_SHOWN), ...warnings.slice(0, MAX_SHOWN)]);
  if (prepared.ok) out.applicant = applicantFacts(prepared);
}

const volumesIn = (files: Iterable<string>) =>
  [...files].filter((p) => p.startsWith(`${DIR.print}/`) && p.toLowerCase().endsWith('.pdf') && !p.slice(DIR.print.length + 1).includes('/')).sort();

export async function intake(world: World, task: IntakeTask): Promise<Intake> {
  const out: Intake = { index: task.index, input: task.input, fixity: 'unreadable', verified: 0, payloadFiles: 0, algorithms: [], problems: [], check: [], counts: { error: 0, warning: 0 } };
  const where = { file: task.input };
  // The path as given is what messages show; the World is asked for it resolved.
  const input = path.resolve(task.cwd, task.input);
  let kind;
  try {
    kind = await packageForm(world, input);
  } catch (e) {
    const io = e instanceof IoError ? e : new IoError(task.input, 'other', (e as Error).message);
    out.problems.push(error('file.unreadable', { path: task.input, reason: io.reason, detail: io.detail }, where));
    return out;
  }
  if (!kind.form) {
    out.problems.push(error('county.notPackage', { path: task.input, what: kind.notPackage ?? 'unknown' }, where));
    return out;
  }
  out.form = kind.form;
  if (kind.form === 'submission') {
    out.fixity = 'unsealed';
    out.submissionDir = (await world.stat(input))?.kind === 'dir' ? input : path.dirname(input);
    await checkSubmission(world, input, task, out);
    return out;
  }

  const root = kind.form === 'folder' ? (await bagRootOf(world, input))! : '';
  let src: BagSource;
  try {
    src = await openBag(world, kind.form === 'folder' ? root : input);
  } catch (e) {
    const detail = e instanceof SourceFailure ? e.reason : e instanceof IoError ? e.detail : (e as Error).message;
    out.problems.push(error('county.unreadable', { path: task.input, detail }, where));
    return out;
  }
  try {
    // An archive too large to be a package is refused before a byte of it is read (a zip bomb).
    const bad = kind.form === 'folder' ? undefined : implausible(src);
    if (bad) {
      out.problems.push(bad.why === 'unsafe' ? error('verify.unsafeEntry', { name: bad.name }, where) : error('county.tooLarge', { path: task.input, limit: bad.limit, what: bad.why }, where));
      return out;
    }
    const v = await verifyBag(src);
    out.verified = v.verified;
    out.payloadFiles = v.payloadFiles;
    out.algorithms = v.algorithms;
    const errors = v.diagnostics.filter((d) => d.severity === 'error');
    out.fixity = errors.length === 0 ? 'intact' : 'damaged';
    out.problems.push(...errors.slice(0, MAX_SHOWN));
    if (errors.length > MAX_SHOWN) out.problems.push(error('county.moreProblems', { count: errors.length - MAX_SHOWN }, where));

    if (!SUBMISSION_NAMES.some((n) => src.files.has(`${DIR.sources}/${n}`))) {
      out.problems.push(error('county.noSubmission', { path: task.input, dir: DIR.sources }, where));
      if (out.fixity === 'intact') out.fixity = 'damaged';
      return out;
    }
    if (out.fixity === 'intact') out.bag = { root, files: [...v.digests], volumes: volumesIn(src.files.keys()) };
    // The submission is checked where it is: in the folder, or inside the zip or image.
    const bagRoot = kind.form === 'folder' ? root : path.join(input, '(bag)');
    const inBag = kind.form === 'folder' ? world : new BagWorld(src, bagRoot, world);
    await checkSubmission(inBag, path.join(bagRoot, ...DIR.sources.split('/')), task, out);
  } catch (e) {
    if (e instanceof Failure) throw e;
    out.fixity = 'unreadable';
    out.problems.push(error('county.unreadable', { path: task.input, detail: (e as Error).message }, where));
  } finally {
    await src.close();
  }
  return out;
}
