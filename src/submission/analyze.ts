/**
 * A closer look at attachments that the print volume will contain: a PDF must open (not
 * encrypted, not broken) and have pages; a scan's pixel size decides its printed
 * resolution. Done once while loading, from the bytes already read, so the check can report
 * it before any build — and the parsed PDF is kept, so the volume never parses it again.
 */
import { imageSize } from 'image-size';
import { EncryptedPDFError, PDFDocument } from '#pdf-lib';
import '../core/pdf-lib-save.js';
import { jpegIntact, pngIntact } from './image-integrity.js';
import { loadInPlace } from './pdf-in-place.js';

export interface PdfFacts {
  pages: number;
  /** Page sizes in mm. */
  sizes: { width: number; height: number }[];
}

export type ContentProblem = 'encrypted' | 'broken' | 'noPages';

const PT_TO_MM = 25.4 / 72;

/** `inPlace`: the document's streams are views into `bytes` (pdf-in-place.ts), for a file not kept: no copy of its images. */
export async function analyzePdf(bytes: Uint8Array, inPlace = false): Promise<{ facts: PdfFacts; doc: PDFDocument } | ContentProblem> {
  try {
    // pdf-lib reads `bytes.buffer` from offset 0: a view into a larger buffer must be copied first.
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    const doc = inPlace ? await loadInPlace(own) : await PDFDocument.load(own, { updateMetadata: false, throwOnInvalidObject: true });
    const pages = doc.getPages();
    if (pages.length === 0) return 'noPages';
    return { doc, facts: { pages: pages.length, sizes: pages.map((p) => ({ width: p.getWidth() * PT_TO_MM, height: p.getHeight() * PT_TO_MM })) } };
  } catch (e) {
    // pdf-lib's errors are ES5 classes, so instanceof can fail; its message is stable.
    return e instanceof EncryptedPDFError || /is encrypted/.test((e as Error).message) ? 'encrypted' : 'broken';
  }
}

export function analyzeImage(bytes: Uint8Array, type: 'jpeg' | 'png'): { width: number; height: number; orientation?: number } | ContentProblem {
  if (!(type === 'png' ? pngIntact(bytes) : jpegIntact(bytes))) return 'broken';
  try {
    // As a Buffer: image-size slices its input, which copies a plain Uint8Array (a scan, 2.5 MB) and only views a Buffer.
    const { width, height, orientation } = imageSize(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    if (!width || !height) return 'broken';
    const turned = orientation && orientation >= 2 && orientation <= 8 ? { orientation } : {};
    // EXIF orientations 5–8 turn the picture a quarter: width and height swap on paper.
    return orientation && orientation >= 5 && orientation <= 8 ? { width: height, height: width, ...turned } : { width, height, ...turned };
  } catch {
    return 'broken';
  }
}

/** What a closer look at one file's bytes finds (the fields of its FileFact), and the parsed PDF. */
export interface Analysis {
  found: { pdf?: PdfFacts; pixels?: { width: number; height: number }; orientation?: number; problem?: ContentProblem };
  doc?: PDFDocument;
}

export async function analyzeBytes(bytes: Uint8Array, content: string, inPlace = false): Promise<Analysis> {
  if (content === 'pdf') {
    const r = await analyzePdf(bytes, inPlace);
    return typeof r === 'string' ? { found: { problem: r } } : { found: { pdf: r.facts }, doc: r.doc };
  }
  if (content !== 'jpeg' && content !== 'png') return { found: {} };
  const r = analyzeImage(bytes, content);
  return { found: typeof r === 'string' ? { problem: r } : { pixels: { width: r.width, height: r.height }, ...(r.orientation && { orientation: r.orientation }) } };
}

/** Adds page counts, image sizes and problems to the facts of PDF and image files; returns the parsed PDFs. */
export async function analyzeFiles(facts: readonly { path: string; status: string; content: string }[], contents: ReadonlyMap<string, Uint8Array>): Promise<Map<string, PDFDocument>> {
  const pdfs = new Map<string, PDFDocument>();
  const done = new Map<string, Analysis['found']>();
  for (const f of facts) {
    if (f.status !== 'ok' || !['pdf', 'jpeg', 'png'].includes(f.content)) continue;
    let found = done.get(f.path);
    if (!found) {
      const a = await analyzeBytes(contents.get(f.path)!, f.content);
      found = a.found;
      if (a.doc) pdfs.set(f.path, a.doc);
      done.set(f.path, found);
    }
    Object.assign(f, found);
  }
  return pdfs;
}
