/**
 * The second core's renderer for `build`: a worker thread that fills in forms as PDF, DOCX
 * or XLSX while the main thread renders others. Its imports (pdfmake, pdfkit, docx, exceljs)
 * and the bundled fonts load as soon as it starts — while the main thread is still checking —
 * so its first document costs no start-up. It draws with the same font files as the main
 * thread (the bundled ones and any a user chose), parsed once in this thread.
 */
import { parentPort } from 'node:worker_threads';
import { Claims } from '../core/claims.js';
import { thrownMessage } from '../core/failure.js';
import { collectGarbage } from '../core/memory.js';
import { loadFontSet, type FontChoice, type FontSet } from '../render/fonts.js';
import { renderFormat, type Rendered } from '../render/render.js';
import { adoptFontFiles, nodeFonts } from '../world/node.js';
import type { FontFiles, RenderRequest, RenderReply } from './render-pool.js';

// What this thread is for: the Office writers load now, before the first document arrives.
await Promise.all([import('../render/docx.js'), import('../render/xlsx.js')]);
// It ends with the smallest PDFs of the list: their renderers load in the time before the
// first document arrives (the main thread is still checking), not when that PDF is due.
setTimeout(() => void Promise.all([import('../render/pdf.js'), import('../render/pdf-grid.js')]).catch(() => {}), 0);

const sets = new Map<string, Promise<FontSet>>();
const fontsFor = (choice: FontChoice) => {
  const key = JSON.stringify(choice);
  let set = sets.get(key);
  if (!set) sets.set(key, (set = loadFontSet(nodeFonts, choice)));
  return set;
};
// The first message is the bundled fonts as the main thread read them, in shared memory.
// Most builds draw with those only: open them at once, a WOFF unpacked whole (read table by
// table, fontkit's pure-JS inflate costs half a second on the DOCX).
const warm = (files: FontFiles['files']) => {
  adoptFontFiles(files);
  fontsFor({}).then(
    (set) => Object.values(set.faces).forEach((face) => face.bytes),
    () => sets.delete('{}'),
  );
};

const reply = (m: RenderReply, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(m, transfer);

// Transferred, not copied: the bytes are this thread's no longer.
const replyWith = (id: number, { bytes }: Rendered, index?: number) => reply({ id, index, bytes }, [bytes.buffer as ArrayBuffer]);

// This thread's heap peaks beside the main thread's: a big roster's garbage goes before the next job.
const collected = <T>(p: Promise<T>) => p.finally(collectGarbage);

/** Jobs taken from the back of a shared list, each sent back as it is done, until none is left. */
async function share(req: Extract<RenderRequest, { kind: 'share' }>): Promise<void> {
  const claims = new Claims(req.claims);
  const fonts = await fontsFor(req.fonts);
  for (let i = claims.back(); i !== undefined; i = claims.back()) {
    const job = req.jobs[i]!;
    replyWith(req.id, await collected(renderFormat(job.form, job.format, fonts, job.meta)), i);
  }
}

const work = async (req: RenderRequest): Promise<void> => {
  if (req.kind === 'share') {
    await share(req);
    return reply({ id: req.id });
  }
  replyWith(req.id, await collected(renderFormat(req.form, req.format, await fontsFor(req.fonts), req.meta)));
};

parentPort!.on('message', (req: RenderRequest | FontFiles) => {
  if (req.kind === 'fonts') return warm(req.files);
  work(req).catch((e: unknown) => reply({ id: req.id, ...thrownMessage(e) }));
});
