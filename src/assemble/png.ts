/**
 * PNG scans into a PDF without decoding them. pdf-lib decodes every PNG and compresses it
 * again (hundreds of milliseconds for a screen capture); but a PNG's image data is already
 * a zlib stream with per-row filters, which PDF's FlateDecode with a PNG predictor reads as
 * it is (ISO 32000-1, 7.4.4.4). So 8-bit grey or RGB images without transparency or
 * interlacing are embedded byte for byte, as pdfkit does; any other PNG goes through pdf-lib.
 */
import { concatTransformationMatrix, drawObject, popGraphicsState, pushGraphicsState, type PDFDocument, type PDFPage, type PDFRef } from '#pdf-lib';

export interface PassThroughPng {
  width: number;
  height: number;
  colors: 1 | 3;
  data: Uint8Array;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The image data of a PNG that can pass through unchanged, or undefined. */
export function passThroughPng(bytes: Uint8Array): PassThroughPng | undefined {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!SIGNATURE.every((v, i) => b[i] === v)) return undefined;
  let offset = 8;
  let width = 0;
  let height = 0;
  let colors: 1 | 3 | undefined;
  const idat: Buffer[] = [];
  while (offset + 8 <= b.length) {
    const length = b.readUInt32BE(offset);
    const type = b.toString('latin1', offset + 4, offset + 8);
    const data = b.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [depth, colorType, , , interlace] = [data[8], data[9], data[10], data[11], data[12]];
      if (depth !== 8 || interlace !== 0 || (colorType !== 0 && colorType !== 2)) return undefined;
      colors = colorType === 0 ? 1 : 3;
    } else if (type === 'tRNS') return undefined; // transparency needs a soft mask
    else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  if (!colors || !width || !height || idat.length === 0) return undefined;
  return { width, height, colors, data: Buffer.concat(idat) };
}

/** Registers the image as an XObject of the document. */
export function embedPassThroughPng(doc: PDFDocument, png: PassThroughPng): PDFRef {
  const stream = doc.context.stream(png.data, {
    Type: 'XObject',
    Subtype: 'Image',
    Width: png.width,
    Height: png.height,
    ColorSpace: png.colors === 1 ? 'DeviceGray' : 'DeviceRGB',
    BitsPerComponent: 8,
    Filter: 'FlateDecode',
    DecodeParms: { Predictor: 15, Colors: png.colors, BitsPerComponent: 8, Columns: png.width },
  });
  return doc.context.register(stream);
}

/** Draws an embedded image XObject into a box (points). */
export function drawXObject(page: PDFPage, ref: PDFRef, box: { x: number; y: number; width: number; height: number }, orientation = 1): void {
  const name = page.node.newXObject('Im', ref);
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(...orientedMatrix(box, orientation)), drawObject(name), popGraphicsState());
}

/**
 * The matrix that paints an image's unit square into `box` as its EXIF orientation says the
 * picture stands (a phone photo taken upright is stored on its side with orientation 6):
 * 1 as stored, 2/4 mirrored, 3 turned half round, 5–8 a quarter turn (the box is then the
 * turned picture's, width and height swapped). pdf-lib's own rotate turns about a corner and
 * does not mirror, so the matrix is written out.
 */
export function orientedMatrix(b: { x: number; y: number; width: number; height: number }, orientation: number): [number, number, number, number, number, number] {
  const { x, y, width: w, height: h } = b;
  switch (orientation) {
    case 2: return [-w, 0, 0, h, x + w, y];
    case 3: return [-w, 0, 0, -h, x + w, y + h];
    case 4: return [w, 0, 0, -h, x, y + h];
    case 5: return [0, -h, -w, 0, x + w, y + h];
    case 6: return [0, -h, w, 0, x, y + h];
    case 7: return [0, h, w, 0, x, y];
    case 8: return [0, h, -w, 0, x + w, y];
    default: return [w, 0, 0, h, x, y];
  }
}
