/**
 * A form's own page numbers (1…n), drawn by pdfkit as the form is rendered — rather than by
 * loading the finished PDF again to stamp them, which cost a third of the roster's drawing.
 *
 * Each page's number goes into a content stream of its own, first in the page's /Contents,
 * marked as a pagination artifact (ISO 32000 14.8.2.2) and left uncompressed. A print volume
 * numbers its pages through, so it takes the form's pages without that stream
 * (`withoutPageNumbers`, assemble/form-pages.ts). The number is set in the bundled serif, which pdfkit merges with
 * the body's serif (one subset, one font resource, kept). pdfkit has no API for a second
 * content stream: the page's `content` is pointed at the new stream while the number is
 * drawn (pdfkit 0.19 PDFPage).
 */
import type { FontSet } from './fonts.js';
import { pageNumberAt } from './page-numbers.js';
import { useCmapLayout } from './pdfkit-cmap-layout.js';
import { PAGE_NUMBER_PT, pageNumberText } from '../paper/typography.js';

/** How every page-number stream begins: what a volume looks for. */
export const PAGE_NUMBER_MARK = '/Artifact <</Type /Pagination /Subtype /Footer>> BDC';
const NUMBER_FONT = 'shenbao-page-number';

interface PdfKitRef {
  compress: boolean;
  end(): void;
}
interface PdfKitPage {
  width: number;
  height: number;
  content: PdfKitRef;
  dictionary: { data: { Contents: PdfKitRef | PdfKitRef[] } };
}
/** The pdfkit document members used here (pdfmake's document is a pdfkit one). */
export interface NumberablePdfKit {
  page: PdfKitPage;
  ref(): PdfKitRef;
  addContent(s: string): unknown;
  registerFont(name: string, bytes: Uint8Array): unknown;
  font(name: string): unknown;
  fontSize(pt: number): unknown;
  widthOfString(s: string): number;
  text(s: string, x: number, y: number, opts: object): unknown;
  bufferedPageRange(): { start: number; count: number };
  switchToPage(n: number): unknown;
}

/** Numbers every page of a document made with `bufferPages: true`, before it is ended. */
export function numberPages(doc: NumberablePdfKit, fonts: FontSet): void {
  doc.registerFont(NUMBER_FONT, fonts.numbers.bytes);
  // Dashes, spaces and digits need no shaping (fontkit's costs ~4 ms a number on a CJK font).
  // The body is drawn already, so its text keeps the shaping it had.
  // (It also makes the number's font the current one, once: pdfkit opens a font again on each font() call.)
  useCmapLayout(doc, NUMBER_FONT);
  doc.fontSize(PAGE_NUMBER_PT);
  const { start, count } = doc.bufferedPageRange();
  for (let i = 0; i < count; i++) {
    doc.switchToPage(start + i);
    const page = doc.page;
    const body = page.content;
    const numbers = doc.ref();
    numbers.compress = false;
    page.content = numbers;
    // pdfkit draws in its top-down space, which the body sets up for itself: set up here too.
    doc.addContent(`${PAGE_NUMBER_MARK}\nq 1 0 0 -1 0 ${page.height} cm`);
    const text = pageNumberText(i + 1);
    const at = pageNumberAt(page, i + 1, doc.widthOfString(text), { mirror: false });
    doc.text(text, at.x, page.height - at.y, { lineBreak: false, baseline: 'alphabetic' });
    doc.addContent('Q\nEMC');
    page.content = body;
    numbers.end();
    page.dictionary.data.Contents = [numbers, body];
  }
}
