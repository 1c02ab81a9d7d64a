/**
 * The render worker of `build`, seen from the main thread: a DocumentRenderer that sends a
 * filled form to the worker (render-worker.ts) and gets its bytes back. Start it before
 * the check so that it has loaded by the time the forms are filled; close it after.
 * The same form, format and fonts give the same bytes on either thread, so who renders
 * what does not show in the output.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DocumentJob, DocumentRenderer, RenderHelper } from '../build/documents.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { Failure, type ExitKind } from '../core/failure.js';
import type { FilledForm } from '../forms/model.js';
import type { FontChoice, FontSet } from '../render/fonts.js';
import type { DocumentMeta } from '../render/meta.js';
import type { Format, Rendered } from '../render/render.js';
import { nodeFonts } from '../world/node.js';
import { workersAvailable } from './pool.js';

export type RenderRequest =
  | { kind: 'document'; id: number; form: FilledForm; format: Format; meta: DocumentMeta; fonts: FontChoice }
  /** A list of documents whose jobs the worker takes from the back of `claims` (core/claims.ts) itself. */
  | { kind: 'share'; id: number; jobs: readonly DocumentJob[]; claims: SharedArrayBuffer; fonts: FontChoice };

/** The bundled font files, read once by the main thread into shared memory. */
export interface FontFiles {
  kind: 'fonts';
  files: [file: string, bytes: Uint8Array][];
}

/** `index`: one job of a shared list done (the list's end is a reply without bytes). */
export type RenderReply =
  | { id: number; index?: number; bytes?: Uint8Array; failed?: undefined; failure?: undefined }
  | { id: number; failed: { kind: ExitKind; diagnostics: Diagnostic[] }; failure?: undefined; index?: undefined; bytes?: undefined }
  | { id: number; failure: string; failed?: undefined; index?: undefined; bytes?: undefined };

export interface RenderWorker extends RenderHelper {
  /** One document, rendered there. */
  render: DocumentRenderer;
  close(): Promise<void>;
}

function rendered(m: RenderReply): Rendered {
  if (!m.bytes) throw new Error('the render worker replied without bytes');
  return { bytes: m.bytes };
}

/** The font files a set was loaded with beyond the bundled ones, which the worker loads too. */
function choiceOf(fonts: FontSet): FontChoice {
  const choice: FontChoice = {};
  for (const face of Object.values(fonts.faces)) if (!face.bundled) choice[face.id] = face.source;
  return choice;
}

/**
 * A worker on the second core, or undefined where there is none to use (one core, or
 * running from source under the test runner, where documents render on this thread).
 */
export function startRenderWorker(): RenderWorker | undefined {
  if (!workersAvailable() || availableParallelism() < 2) return undefined;
  const worker = new Worker(new URL('./render-worker.js', import.meta.url));
  // An idle worker must not keep a finished command alive.
  worker.unref();
  // Read now (the check needs them too) and shared, not copied. Sent before any document, and
  // sent even when one cannot be read: the worker then reads its own, and reports the same failure.
  const bundled = [...new Set(Object.values(nodeFonts.bundled))];
  void Promise.all(bundled.map((f) => nodeFonts.read(f).then((b) => [f, b] as [string, Uint8Array], () => undefined))).then((read) =>
    worker.postMessage({ kind: 'fonts', files: read.filter((x) => x !== undefined) } satisfies FontFiles),
  );
  const waiting = new Map<number, { resolve(r: RenderReply): void; reject(e: Error): void; each?(index: number, r: Rendered): void }>();
  let next = 0;
  let dead: Error | undefined;
  const failAll = (e: Error) => {
    dead = e;
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  };
  worker.on('message', (m: RenderReply) => {
    const w = waiting.get(m.id);
    if (!w) return;
    if (m.index !== undefined && m.bytes) return w.each?.(m.index, { bytes: m.bytes });
    waiting.delete(m.id);
    if (m.failed) w.reject(new Failure(m.failed.kind, m.failed.diagnostics));
    else if (m.failure !== undefined) w.reject(new Error(m.failure));
    else w.resolve(m);
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`render worker exited with code ${code}`)));
  const ask = (req: RenderRequest, each?: (index: number, r: Rendered) => void) => {
    if (dead) return Promise.reject(dead);
    return new Promise<RenderReply>((resolve, reject) => {
      waiting.set(req.id, { resolve, reject, each });
      // Only while work is out does the worker hold the process open.
      worker.ref();
      worker.postMessage(req);
    }).finally(() => {
      if (waiting.size === 0) worker.unref();
    });
  };
  return {
    render: async (form, format, meta, fonts) => rendered(await ask({ kind: 'document', id: next++, form, format, meta, fonts: choiceOf(fonts) })),
    share: async (jobs, claims, fonts, done) => {
      await ask({ kind: 'share', id: next++, jobs, claims: claims.buffer, fonts: choiceOf(fonts) }, done);
    },
    async close() {
      await worker.terminate();
    },
  };
}
