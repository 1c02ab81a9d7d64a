/**
 * Attachments not held in memory (files.ts KEEP_BYTES), made ready for the volume from their
 * files: a JPEG embedded with only its header read, a PDF parsed for its pages with its large
 * images left in the file, a PNG read whole when it is drawn.
 */
import { JpegEmbedder, type PDFDocument, type PDFRef } from '#pdf-lib';
import type { FileEntry } from '../core/bundle.js';
import { loadInPlace } from '../submission/pdf-in-place.js';
import { SourcedStream, sourceImages } from './streamed-pdf.js';

/** Where a JPEG's frame header is looked for first (after its EXIF and colour profile). */
const HEAD_BYTES = 64 * 1024;

/** The first `length` bytes of a file. */
async function headOf(file: FileEntry, length: number): Promise<Uint8Array> {
  if (file.range) return file.range(0, length);
  const chunks: Uint8Array[] = [];
  let n = 0;
  for await (const c of file.open()) {
    chunks.push(c);
    if ((n += c.byteLength) >= length) break;
  }
  return Buffer.concat(chunks).subarray(0, length);
}

/** A file's bytes, read whole (an attachment PDF or PNG not held in memory, when it is drawn). */
export async function wholeOf(file: FileEntry): Promise<Uint8Array> {
  const out = new Uint8Array(file.size);
  let at = 0;
  for await (const c of file.open()) {
    if (at + c.byteLength > out.length) break;
    out.set(c, at);
    at += c.byteLength;
  }
  if (at !== out.length) throw new Error(`${file.path} changed since it was checked`);
  return out;
}

/**
 * An attachment PDF not held in memory, parsed from its file for its pages to be copied; its
 * large images stay in the file (streamed-pdf.ts), so the volume holds none of their bytes.
 */
export async function openPdfInPlace(file: FileEntry): Promise<PDFDocument> {
  const bytes = await wholeOf(file);
  const doc = await loadInPlace(bytes);
  sourceImages(doc, bytes, file);
  return doc;
}

/**
 * A JPEG embedded as pdf-lib's embedJpg embeds it — the same dictionary, the same object
 * number, taken after the page's (embedJpg takes its number after a turn of the event loop)
 * — but with a marker for contents, so the bytes stay in the file (streamed-pdf.ts).
 * Only the start of the file is read: pdf-lib's own reader of the frame header is given
 * more of it until it has all it reads.
 */
export async function embedSourcedJpeg(doc: PDFDocument, file: FileEntry): Promise<PDFRef> {
  let embedder: JpegEmbedder | undefined;
  for (let length = HEAD_BYTES; !embedder; length *= 4) {
    const whole = length >= file.size;
    // pdf-lib's reader looks at the array's whole buffer: the head gets one of its own.
    const head = whole ? await wholeOf(file) : (await headOf(file, length)).slice();
    try {
      embedder = await JpegEmbedder.for(head);
    } catch (e) {
      // Read past the end of what is here (a RangeError): read more. Anything else is the file's.
      if (whole || !(e instanceof RangeError)) throw e;
    }
  }
  const ref = doc.context.nextRef();
  const cmyk = embedder.colorSpace === 'DeviceCMYK';
  const dict = doc.context.obj({
    Type: 'XObject',
    Subtype: 'Image',
    BitsPerComponent: embedder.bitsPerComponent,
    Width: embedder.width,
    Height: embedder.height,
    ColorSpace: embedder.colorSpace,
    Filter: 'DCTDecode',
    Decode: cmyk ? [1, 0, 1, 0, 1, 0, 1, 0] : undefined,
  });
  doc.context.assign(ref, new SourcedStream(dict, file));
  return ref;
}
