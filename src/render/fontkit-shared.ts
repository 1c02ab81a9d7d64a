/**
 * One parse of each font file per process, shared by our own measuring and by every PDF.
 * pdfkit (inside pdfmake, and the roster's own drawing) calls fontkit.create on the bytes it
 * is given for every document, parsing the same 10–15 MB CJK font again each time; pdf-lib
 * does the same for page numbers. Neither takes a parsed font, so the CommonJS fontkit they
 * both load is given a create that remembers what it made, by the bytes' buffer and range.
 * (Our own code goes through the same build, so the parsed font is literally shared.) A
 * fontkit Font is safe to share: each document makes its own subset from it.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import type * as Fontkit from 'fontkit';

const require = createRequire(import.meta.url);

/**
 * tiny-inflate, the pure-JS inflate fontkit and its unicode tables load with, as zlib's: at
 * load fontkit inflates four Unicode tries with it (~40 ms of every process and thread), and
 * a WOFF's tables after. Same contract: raw DEFLATE into `dest`, a shorter result as a copy.
 */
function inflateInto(source: Uint8Array, dest: Uint8Array): Uint8Array {
  const out = inflateRawSync(source);
  if (out.length > dest.length) throw new Error('Data error');
  dest.set(out);
  return out.length < dest.length ? dest.slice(0, out.length) : dest;
}
/**
 * Puts `exports(file)` in the module cache for a module fontkit requires, before fontkit
 * loads. A fontkit without that dependency leaves nothing to replace.
 */
function provide(specifier: string, exports: (file: string) => unknown): void {
  try {
    const file = require.resolve(specifier, { paths: [path.dirname(require.resolve('fontkit'))] });
    require.cache[file] ??= { id: file, filename: file, loaded: true, exports: exports(file), children: [], paths: [] } as unknown as NodeJS.Module;
  } catch {
    // not installed: fontkit loads what it has
  }
}
provide('tiny-inflate', () => inflateInto);
// fontkit loads its brotli decoder (for WOFF2 fonts, which the bundled ones are not) at once,
// ~12 ms of every thread: it loads now when a WOFF2 is first read.
provide('brotli/decompress.js', (entry) => {
  const decoder = path.join(path.dirname(entry), 'dec/decode.js');
  return (buffer: Uint8Array, size?: number) => (require(decoder) as { BrotliDecompressBuffer(b: Uint8Array, s?: number): Uint8Array }).BrotliDecompressBuffer(buffer, size);
});

const fontkit = require('fontkit') as typeof Fontkit;
const original = fontkit.create;

type Made = ReturnType<typeof Fontkit.create>;
const made = new WeakMap<ArrayBufferLike, Map<string, Made>>();

/** fontkit.create, once per buffer range (and face name of a collection). */
export function createFont(bytes: Uint8Array, postscriptName?: string): Made {
  const key = `${bytes.byteOffset}:${bytes.byteLength}:${postscriptName ?? ''}`;
  let forBuffer = made.get(bytes.buffer);
  if (!forBuffer) made.set(bytes.buffer, (forBuffer = new Map()));
  let font = forBuffer.get(key);
  if (!font) {
    const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    font = original(buf, postscriptName);
    forBuffer.set(key, font);
  }
  return font;
}

// fontkit's exports are fixed getters, so pdfkit is handed, through the module cache, a copy
// whose create is this one. This module must load before pdfkit does: the files that use
// pdfkit or pdfmake import it first.
const cached = require.cache[require.resolve('fontkit')];
if (cached) cached.exports = { ...fontkit, create: createFont };
