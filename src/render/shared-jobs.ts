/**
 * A list of documents rendered on this thread and on helpers at once (a render worker on
 * the second core). This thread takes the list from its front, helpers from its back, each
 * taking its next job itself (core/claims.ts) until they meet. Put the biggest PDFs first:
 * where the two meet, a small document is left over, not one thread waiting on the other.
 * A helper that fails for any reason but the document's own (its thread died) stops; this
 * thread renders what it had taken and not finished.
 */
import { Claims } from '../core/claims.js';
import { Failure } from '../core/failure.js';
import { collectGarbage } from '../core/memory.js';
import type { FilledForm } from '../forms/model.js';
import type { FontSet } from './fonts.js';
import type { DocumentMeta } from './meta.js';
import { renderFormat, type Format, type Rendered } from './render.js';

/** One document to render: its form, format and metadata. */
export interface DocumentJob {
  form: FilledForm;
  format: Format;
  meta: DocumentMeta;
}

/**
 * Another thread's share of a list of documents: it takes jobs from the back of `claims`
 * itself until none is left, calling `done` as each is rendered. It rejects with the
 * document's own Failure, or with another error when its thread died.
 */
export type SharedRenderer = (jobs: readonly DocumentJob[], claims: Claims, fonts: FontSet, done: (index: number, rendered: Rendered) => void) => Promise<void>;

/** Every job rendered once, here or on a helper; `done(k)` as job k is (in any order). */
export async function renderJobs(jobs: readonly DocumentJob[], fonts: FontSet, helpers: readonly SharedRenderer[], done: (k: number, rendered: Rendered) => void): Promise<void> {
  const finished = new Array<boolean>(jobs.length).fill(false);
  const record = (k: number, r: Rendered) => {
    finished[k] = true;
    done(k, r);
  };
  const renderAt = async (k: number) => {
    const job = jobs[k]!;
    record(k, await renderFormat(job.form, job.format, fonts, job.meta));
    // A big roster leaves a big heap: collected before the next document, not after them all.
    collectGarbage();
  };
  const claims = new Claims(jobs.length);
  const here = async () => {
    for (let k = claims.front(); k !== undefined; k = claims.front()) await renderAt(k);
  };
  const helping = helpers.map((share) =>
    share(jobs, claims, fonts, record).catch((e: unknown) => {
      if (e instanceof Failure) throw e;
    }),
  );
  await Promise.all([here(), ...helping]);
  // What a helper whose thread died had taken and not finished.
  for (let k = 0; k < jobs.length; k++) if (!finished[k]) await renderAt(k);
}

/** The order to take jobs in: PDFs by size, biggest first (a big table before all), then the rest as listed. */
export function biggestFirst(jobs: readonly DocumentJob[]): number[] {
  const weight = (j: DocumentJob) => (j.form.bigTable ? Number.MAX_SAFE_INTEGER : JSON.stringify(j.form.blocks).length);
  const indexed = jobs.map((j, i) => ({ j, i }));
  const pdfs = indexed.filter((x) => x.j.format === 'pdf').map((x) => ({ ...x, w: weight(x.j) })).sort((a, b) => b.w - a.w || a.i - b.i);
  return [...pdfs, ...indexed.filter((x) => x.j.format !== 'pdf')].map((x) => x.i);
}
