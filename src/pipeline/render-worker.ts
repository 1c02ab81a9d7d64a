/**
 * The second core's renderer for `build`: a worker thread that fills in forms as PDF, DOCX
 * or XLSX while the main thread renders others, and later joins covers to print copies. Its imports (pdfmake, pdfkit, docx, exceljs)
 * and the bundled fonts load as soon as it starts — while the main thread is still checking —
 * so its first document costs no start-up. It draws with the same font files as the main
 * thread (the bundled ones and any a user chose), parsed once in this thread.
 */
import { parentPort } from 'node:worker_threads';
import { thrownMessage } from '../core/failure.js';
import { collectGarbage } from '../core/memory.js';
import { loadFontSet, type FontChoice, type FontSet } from '../render/fonts.js';
import { joinCover } from '../assemble/volume.js';
import { renderFormat, type Rendered } from '../render/render.js';
import { adoptFontFiles, nodeFonts } from '../world/node.js';
import type { FontFiles, RenderRequest, RenderReply } from './render-pool.js';

// What this thread is for: the Office writers load now, before the first document arrives.
await Promise.all([import('../render/docx.js'), import('../render/xlsx.js')]);

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

const work = async (req: RenderRequest): Promise<Rendered> =>
  req.kind === 'cover' ? { bytes: await joinCover(req.body, req.cover) } : renderFormat(req.form, req.format, await fontsFor(req.fonts), req.meta);

parentPort!.on('message', (req: RenderRequest | FontFiles) => {
  if (req.kind === 'fonts') return warm(req.files);
  work(req)
    // This thread's heap peaks beside the main thread's: a big roster's garbage goes before the next job.
    .finally(collectGarbage)
    .then(
      ({ bytes, pages }) => {
        // Transferred, not copied: the bytes are this thread's no longer. A PDF's numbered and
        // bare bytes may be one array (a form without page numbers), which transfers once.
        const buffers = [...new Set([bytes, pages].filter((b) => b !== undefined).map((b) => b.buffer as ArrayBuffer))];
        reply({ id: req.id, bytes, pages }, buffers);
      },
      (e: unknown) =>
        reply({ id: req.id, ...thrownMessage(e) }),
    );
});
