/**
 * A build's documents rendered on two threads: the second core's renderer takes documents
 * from the back of the list while this thread takes them from the front. What a user would
 * notice if this broke: a document missing or rendered twice, different bytes depending on
 * which thread drew it, or a build that fails because the worker died.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderDocuments, renderHere, type FilledDocument, type SharedRenderer } from '../../src/build/documents.js';
import { Claims } from '../../src/core/claims.js';
import { fail, Failure } from '../../src/core/failure.js';
import { silent } from '../../src/core/progress.js';
import { FIXED_FORMS } from '../../src/scheme/schema.js';
import { loadExample } from '../helpers/example.js';

const ex = await loadExample();
// The score sheet (PDF, DOCX) and the employment roster (PDF, DOCX, XLSX): five documents.
const docs: FilledDocument[] = ex.docs.filter((d) => d.plan.formId === FIXED_FORMS.scoreSheet || d.formats.includes('xlsx')).slice(0, 2);
const opts = { fonts: ex.fonts, date: new Date('2026-10-20T04:00:00Z'), author: 'a', subject: 's', keywords: 'k', progress: silent };
const alone = await renderDocuments(docs, opts);

const sameAs = (got: Awaited<ReturnType<typeof renderDocuments>>) => {
  expect([...got.bundle.keys()]).toEqual([...alone.bundle.keys()]);
  for (const [k, v] of alone.bundle) expect(Buffer.from(got.bundle.get(k) as Uint8Array).equals(Buffer.from(v as Uint8Array)), k).toBe(true);
  expect([...got.pdfs.keys()]).toEqual([...alone.pdfs.keys()]);
};

/** A helper on this thread, as the worker takes its share: from the back, one job at a time. */
const helperDoing = (each: (file: string) => void | Promise<void>): SharedRenderer => async (jobs, claims, fonts, done) => {
  for (let i = claims.back(); i !== undefined; i = claims.back()) {
    const job = jobs[i]!;
    await each(`${job.form.name}.${job.format}`);
    done(i, await renderHere(job.form, job.format, job.meta, fonts));
  }
};

describe('the claim list two threads share', () => {
  it('gives every job once, from whichever end asks, until the ends meet', () => {
    const claims = new Claims(5);
    const other = new Claims(claims.buffer); // as the worker sees it
    expect([claims.front(), other.back(), other.back(), claims.front(), claims.front(), claims.front(), other.back()]).toEqual([0, 4, 3, 1, 2, undefined, undefined]);
    expect(new Claims(0).front()).toBeUndefined();
    expect(() => new Claims(70000)).toThrow(RangeError);
  });
});

describe('documents on a helper thread', () => {
  it('the helper takes the XLSX and DOCX first; every document once, in the list order, with the same bytes', async () => {
    const taken: string[] = [];
    const got = await renderDocuments(docs, { ...opts, helpers: [helperDoing((f) => void taken.push(f))] });
    sameAs(got);
    expect(taken.length).toBeGreaterThan(0);
    expect(taken[0]).toMatch(/\.xlsx$/);
  });

  it('a helper whose thread dies leaves what it took to this thread, which renders the rest', async () => {
    let calls = 0;
    const dying = helperDoing(() => {
      calls++;
      throw new Error('render worker exited with code 1');
    });
    sameAs(await renderDocuments(docs, { ...opts, helpers: [dying] }));
    // The one document it had taken, and no more.
    expect(calls).toBe(1);
  });

  it("a document's own failure on the helper stops the build with that failure", async () => {
    const refusing = helperDoing(() => {
      throw fail('problems', 'print.coverOverflow', { form: 'x', pages: 2 });
    });
    await expect(renderDocuments(docs, { ...opts, helpers: [refusing] })).rejects.toBeInstanceOf(Failure);
  });
});

// The real worker runs compiled code (npm test compiles first).
const compiled = fileURLToPath(new URL('../../dist/pipeline/render-pool.js', import.meta.url));
describe.skipIf(!existsSync(compiled))('the render worker thread', () => {
  it('draws the same bytes as this thread, documents and print copies', async () => {
    const { startRenderWorker } = (await import(compiled)) as typeof import('../../src/pipeline/render-pool.js');
    const worker = startRenderWorker();
    if (!worker) return expect.fail('this machine has one core: no render worker');
    try {
      const meta = { title: 't', author: 'a', subject: 's', date: opts.date };
      for (const d of docs)
        for (const format of d.formats) {
          const [there, here] = await Promise.all([worker.render(d.form, format, meta, ex.fonts), renderHere(d.form, format, meta, ex.fonts)]);
          expect(Buffer.from(there.bytes).equals(Buffer.from(here.bytes)), `${d.base}.${format}`).toBe(true);
        }
      // A shared list: the worker takes from the back while this thread takes from the front.
      const jobs = docs.flatMap((d) => d.formats.map((format) => ({ form: d.form, format, meta })));
      const claims = new Claims(jobs.length);
      const theirs = new Map<number, Uint8Array>();
      const sharing = worker.share(jobs, claims, ex.fonts, (i, r) => theirs.set(i, r.bytes));
      // This thread takes one and leaves the rest to the worker.
      const mine = claims.front();
      await sharing;
      expect([mine, ...theirs.keys()].sort((a, b) => a! - b!)).toEqual(jobs.map((_, i) => i));
      for (const [i, bytes] of theirs) {
        const here = await renderHere(jobs[i]!.form, jobs[i]!.format, meta, ex.fonts);
        expect(Buffer.from(bytes).equals(Buffer.from(here.bytes)), `job ${i}`).toBe(true);
      }
    } finally {
      await worker.close();
    }
  });
});
