/**
 * Everything `shenbao build` makes from a checked submission, as one bundle: the documents,
 * the print set and the electronic archive. Shared by `build`, the county (which builds the
 * package of an applicant that handed in a plain submission folder) and the page. Pure
 * apart from the World it was loaded through: nothing here writes; a front end writes the
 * bundle.
 */
import { buildArchive, type Archive } from '../build/archive.js';
import { fillDocuments, renderDocuments, type RenderHelper } from '../build/documents.js';
import { buildPrintSet, type PrintSet } from '../build/print.js';
import { fingerprintBeforePrint } from '../package/disc.js';
import { isBytes, type Bundle } from '../core/bundle.js';
import { countBySeverity, type Diagnostic } from '../core/diagnostic.js';
import { collectGarbage, collectNow } from '../core/memory.js';
import { outputName } from '../core/names.js';
import { silent, type Progress } from '../core/progress.js';
import type { World } from '../world/world.js';
import { prepare, type Checked, type PrepareOptions } from './prepare.js';

export interface Package {
  /** The output folder's name: 机构-工种[-复评]. */
  name: string;
  bundle: Bundle;
  forms: number;
  print: PrintSet;
  archive: Archive;
  /** What the build found beyond the check (a spine too thick, the disc it fits). */
  diagnostics: Diagnostic[];
}

/** Who and what every document of a submission is about (its PDF and Office metadata). */
export function documentMeta({ loaded, scheme }: Pick<Checked, 'loaded' | 'scheme'>): { author: string; subject: string; keywords: string } {
  const s = loaded.submission;
  return {
    author: s.institution.name,
    subject: `${scheme.levels[s.level].formTitle}${scheme.kinds[s.kind].full} · ${s.brand.trade}`,
    keywords: `${scheme.notice}; ${s.county.name}; ${s.brand.trade}`,
  };
}

/**
 * The package of a checked submission. Throws a Failure when an attachment cannot be placed.
 * `release`: called once the helpers have nothing more to do, so a front end that started
 * them for this build alone can let them go before the package is hashed.
 */
export async function makePackage(checked: Checked, date: Date, progress: Progress = silent, helpers: readonly RenderHelper[] = [], release?: () => void): Promise<Package> {
  const { loaded, scheme, fonts, report } = checked;
  const filling = progress.stage('fill');
  const docs = fillDocuments(loaded, scheme, report);
  filling.done({ forms: docs.length });

  const s = loaded.submission;
  const { bundle, pdfs } = await renderDocuments(docs, { fonts, date, ...documentMeta(checked), progress, helpers: helpers.map((h) => h.share) });
  // The helpers' work ends with the documents (every print copy is made here, from the body
  // as drawn), so their memory (a render worker's is 100 MB) is not held through the print
  // set and the archive.
  release?.();
  // A submission whose attachments are not all held in memory has print copies written on demand.
  const large = [...loaded.contents.values()].some((e) => !isBytes(e));

  // The volumes print the disc's fingerprint, which covers everything on the disc but them.
  const before = await fingerprintBeforePrint(loaded, bundle);
  const print = await buildPrintSet({ loaded, scheme, report, fonts, forms: pdfs, date, progress, fingerprint: before.fingerprint });
  for (const [k, v] of print.bundle) bundle.set(k, v);
  // A large build's print stage leaves what it read of its attachments (a scanned PDF parsed
  // whole, 60 MB and more) outside the heap, where the heap's size does not show it.
  if (large) collectNow();
  else collectGarbage();

  const name = outputName(s.institution.name, s.brand.trade, s.kind);
  const documentsByForm = new Map(docs.map((d) => [d.plan.formId, d.formats.map((f) => `${d.base}.${f}`)]));
  const archive = await buildArchive({ loaded, scheme, report, outputs: bundle, documentsByForm, date, name, progress, known: before.digests, printed: before.fingerprint });
  for (const [k, v] of archive.bundle) bundle.set(k, v);
  return { name, bundle, forms: docs.length, print, archive, diagnostics: [...print.diagnostics, ...archive.diagnostics] };
}

export type BuildResult =
  /** The submission file cannot be read as a submission: nothing was built. */
  | { status: 'unreadable'; diagnostics: Diagnostic[] }
  /** The check found errors and `force` was not given: nothing was built. */
  | { status: 'refused'; checked: Checked }
  | { status: 'built'; checked: Checked; pkg: Package };

/** Load, check and — unless the check finds errors and `force` is false — build. */
export interface BuildOptions extends PrepareOptions {
  force: boolean;
  progress?: Progress;
  /** Other threads (a render worker) that share the documents' rendering and the print copies. */
  helpers?: readonly RenderHelper[];
  /** Called when the helpers have nothing more to do for this build (see makePackage). */
  releaseHelpers?(): void;
}

export async function build(world: World, opts: BuildOptions): Promise<BuildResult> {
  const progress = opts.progress ?? silent;
  const checking = progress.stage('check');
  const prepared = await prepare(world, opts);
  if (!prepared.ok) {
    checking.done();
    return { status: 'unreadable', diagnostics: prepared.diagnostics };
  }
  const counts = countBySeverity(prepared.report.diagnostics);
  checking.done({ errors: counts.error, warnings: counts.warning });
  if (counts.error > 0 && !opts.force) return { status: 'refused', checked: prepared };
  collectGarbage();
  return { status: 'built', checked: prepared, pkg: await makePackage(prepared, world.clock.now, progress, opts.helpers, opts.releaseHelpers) };
}
