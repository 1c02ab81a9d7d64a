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
    if ('createSubset' in font) leanSubsets(font);
    if ('getGlyph' in font) leanBoxes(font);
    if ('_decodeTable' in font) leanTables(font);
  }
  return font;
}

interface TtfSubset {
  font: { loca: { offsets: number[] }; directory: { tables: Record<string, { transformed?: boolean } | undefined> }; _variationProcessor?: unknown; _getTableStream(t: string): { buffer: Uint8Array; pos: number; readBuffer(n: number): Uint8Array }; getGlyph(id: number): { advanceWidth: number; _getMetrics(): { leftBearing: number } } };
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  _addGlyph(gid: number): number;
}
let leaned = false;

/**
 * fontkit's TrueType subsetter decodes every glyph it takes in — each point of its outline,
 * through restructure's generic decoders — only to learn whether it is a compound glyph
 * whose parts must come too; on a CJK form that was a fifth of each PDF's making. The glyph's
 * first two bytes say so (numberOfContours < 0), so a simple glyph's bytes are taken as they
 * are, with the same table entries fontkit makes; a compound glyph, or a variable font, goes
 * through fontkit’s own code. (fontkit 2 TTFSubset._addGlyph; the subset has no other way in.)
 */
function leanSubsets(font: { createSubset(): unknown }): void {
  if (leaned) return;
  // A CFF font's subsetter has no _addGlyph: the first TrueType font sets this up.
  const proto = Object.getPrototypeOf(font.createSubset()) as TtfSubset;
  const addGlyph = proto._addGlyph;
  if (typeof addGlyph !== 'function' || !Object.hasOwn(proto, '_addGlyph')) return;
  leaned = true;
  proto._addGlyph = function (this: TtfSubset, gid: number): number {
    const { font: f } = this;
    // A WOFF2's glyf table is transformed: its bytes are not outlines to read here.
    if (f._variationProcessor || f.directory.tables.glyf?.transformed) return addGlyph.call(this, gid);
    const cur = f.loca.offsets[gid]!;
    const next = f.loca.offsets[gid + 1]!;
    const stream = f._getTableStream('glyf');
    const at = stream.pos + cur;
    const contours = next > cur ? ((stream.buffer[at]! << 24) >> 16) | stream.buffer[at + 1]! : 0;
    if (contours < 0) return addGlyph.call(this, gid);
    const glyph = f.getGlyph(gid);
    stream.pos = at;
    const buffer = stream.readBuffer(next - cur);
    this.glyf.push(buffer);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push({ advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing });
    this.offset += buffer.length;
    return this.glyf.length - 1;
  };
}

// fontkit's exports are fixed getters, so pdfkit is handed, through the module cache, a copy
// whose create is this one. This module must load before pdfkit does: the files that use
// pdfkit or pdfmake import it first.
const cached = require.cache[require.resolve('fontkit')];
if (cached) cached.exports = { ...fontkit, create: createFont };

interface TtfGlyph {
  id: number;
  _font: { loca: { offsets: number[] }; _variationProcessor?: unknown; _getTableStream(t: string): { buffer: Uint8Array; pos: number } };
  _getCBox(internal?: boolean): object;
}
let boxed = false;

/**
 * A glyph's advance, in fontkit, goes through its metrics, and those (for a font without
 * vertical metrics) through its bounding box, read from the glyph's header with
 * restructure's generic struct decoder: a tenth of a form's drawing. The header is five
 * big-endian int16s, read here straight from the table's bytes into fontkit's own frozen
 * BBox — the same numbers. (fontkit 2 TTFGlyph._getCBox; a variable font goes through fontkit.)
 */
function leanBoxes(font: { getGlyph(id: number): unknown }): void {
  if (boxed) return;
  // TrueType glyphs' own class (it decodes simple outlines); a CFF font's glyphs, or a WOFF2's
  // (whose class has a _getCBox of its own), are not it, and the first TrueType font sets this up.
  let proto = Object.getPrototypeOf(font.getGlyph(0)) as TtfGlyph | null;
  while (proto && !Object.hasOwn(proto, '_decodeSimple')) proto = Object.getPrototypeOf(proto) as TtfGlyph | null;
  if (!proto || !Object.hasOwn(proto, '_getCBox')) return;
  const getCBox = proto._getCBox;
  boxed = true;
  let BBox: (new (a: number, b: number, c: number, d: number) => object) | undefined;
  proto._getCBox = function (this: TtfGlyph, internal?: boolean): object {
    const f = this._font;
    if (f._variationProcessor || !BBox) {
      const box = getCBox.call(this, internal);
      if (!f._variationProcessor) BBox = box.constructor as typeof BBox;
      return box;
    }
    const stream = f._getTableStream('glyf');
    const b = stream.buffer;
    const at = stream.pos + f.loca.offsets[this.id]!;
    const i16 = (k: number) => ((b[at + k]! << 24) >> 16) | b[at + k + 1]!;
    return Object.freeze(new BBox(i16(2), i16(4), i16(6), i16(8)));
  };
}

interface TableFont {
  stream: { pos: number };
  head: { indexToLocFormat: number };
  _getTableStream(tag: string): { buffer: Buffer; pos: number } | null;
  _decodeTable(table: { tag: string; length: number }): unknown;
}

/**
 * The `loca` table — where each glyph's outline starts, one number per glyph — as fontkit
 * decodes it (format 0: halved 16-bit offsets, doubled; format 1: 32-bit), read in one loop
 * rather than number by number through restructure (5 ms a font a thread). Undefined when the
 * format is neither: fontkit's own decoding then says what it says.
 */
function locaOf(font: TableFont, table: { length: number; transformed?: boolean }): object | undefined {
  const format = font.head.indexToLocFormat;
  if (format !== 0 && format !== 1) return undefined;
  const pos = font.stream.pos;
  const stream = font._getTableStream('loca');
  // The table's start, before the font's own stream (which it may be) is put back.
  const at = stream?.pos ?? 0;
  font.stream.pos = pos;
  // A WOFF2's loca is transformed, and its data is not a Buffer: fontkit's own decoding then.
  if (!stream || !Buffer.isBuffer(stream.buffer) || table.transformed) return undefined;
  const b = stream.buffer;
  const size = format === 0 ? 2 : 4;
  const n = Math.floor(Math.min(table.length, b.length - at) / size);
  const offsets = new Array<number>(n);
  if (format === 0) for (let i = 0; i < n; i++) offsets[i] = b.readUInt16BE(at + 2 * i) << 1;
  else for (let i = 0; i < n; i++) offsets[i] = b.readUInt32BE(at + 4 * i);
  return format === 0 ? { version: 0, offsets, _processed: true } : { version: 1, offsets };
}
let posted = false;

/**
 * Two tables fontkit decodes slowly, read here instead: `loca` (locaOf) and `post`. A
 * version 2 `post` table names every glyph, and fontkit decodes all the names (string by
 * string, through restructure) when anything asks for the table: pdfkit asks for its fixed
 * pitch and italic angle when it embeds a font, which for the bundled kai font was 25 ms on
 * every thread that drew with it. The header's fields are read here; the names, index and
 * count are fontkit's own decoding, done when first asked for (a glyph's name).
 */
function leanTables(font: object): void {
  if (posted) return;
  // The base font class (TTFFont), whichever kind of font came first: WOFF and WOFF2 fonts
  // are its subclasses and come here through it.
  let proto = Object.getPrototypeOf(font) as TableFont | null;
  while (proto && typeof (Object.getPrototypeOf(proto) as Partial<TableFont> | null)?._decodeTable === 'function') proto = Object.getPrototypeOf(proto) as TableFont;
  if (!proto || !Object.hasOwn(proto, '_decodeTable')) return;
  const decodeTable = proto._decodeTable;
  posted = true;
  proto._decodeTable = function (this: TableFont, table: { tag: string; length: number }): unknown {
    if (table.tag === 'loca') return locaOf(this, table) ?? decodeTable.call(this, table);
    if (table.tag !== 'post') return decodeTable.call(this, table);
    const pos = this.stream.pos;
    const stream = this._getTableStream('post');
    const at = stream?.pos ?? 0;
    const b = stream?.buffer;
    this.stream.pos = pos;
    if (!Buffer.isBuffer(b) || b.length < at + 32 || b.readUInt32BE(at) !== 0x00020000) return decodeTable.call(this, table);
    const fixed = (k: number) => b.readInt32BE(at + k) / 65536;
    const post: Record<string, unknown> = {
      version: 2,
      italicAngle: fixed(4),
      underlinePosition: b.readInt16BE(at + 8),
      underlineThickness: b.readInt16BE(at + 10),
      isFixedPitch: b.readUInt32BE(at + 12),
      minMemType42: b.readUInt32BE(at + 16),
      maxMemType42: b.readUInt32BE(at + 20),
      minMemType1: b.readUInt32BE(at + 24),
      maxMemType1: b.readUInt32BE(at + 28),
    };
    let full: Record<string, unknown> | undefined;
    for (const key of ['numberOfGlyphs', 'glyphNameIndex', 'names']) {
      Object.defineProperty(post, key, { enumerable: true, get: () => (full ??= decodeTable.call(this, table) as Record<string, unknown>)[key] });
    }
    return post;
  };
}

