/**
 * Whether a scan's bytes hold the whole picture. image-size reads only the header, so a
 * truncated JPEG or a PNG with a damaged IDAT would pass and print broken. A full decode
 * (jpeg-js, pngjs) costs about a second per phone photo, so this checks structure instead,
 * which no library offers on its own: a PNG's chunk CRCs and that its image data inflates to
 * exactly the bytes its header promises; a JPEG's markers from SOI through its scans to EOI.
 */
import { crc32, inflateSync } from 'node:zlib';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Samples per pixel by PNG colour type. */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
/** Adam7 passes: start column, start row, column step, row step. */
const ADAM7 = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]] as const;

export function pngIntact(b: Uint8Array): boolean {
  if (b.length < 8 || PNG_SIGNATURE.some((v, i) => b[i] !== v)) return false;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let at = 8;
  let header: { width: number; height: number; bits: number; interlaced: boolean } | undefined;
  const idat: Uint8Array[] = [];
  let ended = false;
  while (at + 12 <= b.length) {
    const length = view.getUint32(at);
    if (at + 12 + length > b.length) return false;
    const typeAndData = b.subarray(at + 4, at + 8 + length);
    if (crc32(typeAndData) !== view.getUint32(at + 8 + length)) return false;
    const type = String.fromCharCode(...typeAndData.subarray(0, 4));
    const data = typeAndData.subarray(4);
    if (type === 'IHDR') {
      const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
      const channels = CHANNELS[data[9]!];
      if (length < 13 || !channels) return false;
      header = { width: dv.getUint32(0), height: dv.getUint32(4), bits: data[8]! * channels, interlaced: data[12] === 1 };
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') {
      ended = true;
      break;
    }
    at += 12 + length;
  }
  if (!header || !ended || idat.length === 0) return false;
  const rowBytes = (w: number) => (w === 0 ? 0 : 1 + Math.ceil((w * header!.bits) / 8));
  const expected = header.interlaced
    ? ADAM7.reduce((n, [x0, y0, dx, dy]) => {
        const w = Math.ceil((header!.width - x0) / dx);
        const h = Math.ceil((header!.height - y0) / dy);
        return n + (w > 0 && h > 0 ? h * rowBytes(w) : 0);
      }, 0)
    : header.height * rowBytes(header.width);
  try {
    // The limit stops a forged header from inflating without end.
    return inflateSync(Buffer.concat(idat), { maxOutputLength: expected + 1 }).length === expected;
  } catch {
    return false;
  }
}

/** Markers without a length: TEM and the restart markers inside a scan. */
const STANDALONE = new Set([0x01, 0xd0, 0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7]);

export function jpegIntact(b: Uint8Array): boolean {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return false;
  let at = 2;
  let frame = false;
  let scans = 0;
  while (at + 1 < b.length) {
    if (b[at] !== 0xff) return false;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0xd9) return frame && scans > 0;
    if (STANDALONE.has(marker)) {
      at += 2;
      continue;
    }
    if (at + 4 > b.length) return false;
    const length = (b[at + 2]! << 8) | b[at + 3]!;
    if (length < 2 || at + 2 + length > b.length) return false;
    if ((marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)) frame = true;
    at += 2 + length;
    if (marker === 0xda) {
      if (!frame) return false;
      scans++;
      // Entropy-coded data runs to the next marker that is neither a stuffed 00 nor a restart.
      // indexOf finds each 0xFF natively: a byte-by-byte loop was a tenth of a check's time.
      for (;;) {
        at = b.indexOf(0xff, at);
        if (at < 0 || at + 1 >= b.length) return false;
        const next = b[at + 1]!;
        if (next !== 0x00 && !(next >= 0xd0 && next <= 0xd7)) break;
        at++;
      }
    }
  }
  return false;
}
