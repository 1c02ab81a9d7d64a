/**
 * Page numbers stamped onto finished PDF pages (pdf-lib), after GB/T 9704: “— 7 —” in
 * 14 pt, 7 mm below the text area, odd pages at the right and even pages at the left, one
 * character in from the edge of the text area. Stamping rather than drawing them with the
 * form lets the same pages be numbered 1…n as a document and on through a print volume.
 */
import { PDFDocument, type PDFFont, type PDFPage } from '#pdf-lib';
import './pdf-lib-save.js';
import type { FontSet } from './fonts.js';
import { pdfLibFontkit } from './pdf-lib-fontkit.js';
import { LANDSCAPE, PAGE_NUMBER_GAP_MM, PAGE_NUMBER_PT, pageNumberText, PORTRAIT, PT_PER_MM } from '../paper/typography.js';

/**
 * The subset is named with a six-letter tag, as PDF subsets are (ISO 32000 9.6.4), so
 * viewers and checkers know it is one; pdf-lib would otherwise append a number.
 */
export async function embedSubsetFont(doc: PDFDocument, bytes: Uint8Array, tag: string, name: string): Promise<PDFFont> {
  doc.registerFontkit(pdfLibFontkit as never);
  return doc.embedFont(bytes, { subset: true, customName: `${tag}+${name}` });
}

export async function embedNumberFont(doc: PDFDocument, fonts: FontSet): Promise<PDFFont> {
  return embedSubsetFont(doc, fonts.numbers.bytes, 'SBPAGE', 'NotoSerifSC-Regular');
}

/**
 * `mirror`: the page is bound on its right (an even page of a double-sided volume), so its
 * text area — and the number with it — sits 2 mm further left than on an odd page.
 */
export function drawPageNumber(page: PDFPage, n: number, font: PDFFont, opts: { mirror: boolean }): void {
  const landscape = page.getWidth() > page.getHeight();
  const g = landscape ? LANDSCAPE : PORTRAIT;
  const odd = n % 2 === 1;
  const shift = opts.mirror && !odd && !landscape ? g.right - g.left : 0;
  const left = (g.left + shift) * PT_PER_MM;
  const right = page.getWidth() - (g.right - shift) * PT_PER_MM;
  const text = pageNumberText(n);
  const width = font.widthOfTextAtSize(text, PAGE_NUMBER_PT);
  const x = odd ? right - PAGE_NUMBER_PT - width : left + PAGE_NUMBER_PT;
  const top = (g.bottom - PAGE_NUMBER_GAP_MM) * PT_PER_MM;
  page.drawText(text, { x, y: top - PAGE_NUMBER_PT * 0.88, size: PAGE_NUMBER_PT, font });
}

/** A standalone document numbered 1…n (its metadata kept as rendered). */
export async function numberPdf(bytes: Uint8Array, fonts: FontSet): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const font = await embedNumberFont(doc, fonts);
  doc.getPages().forEach((page, i) => drawPageNumber(page, i + 1, font, { mirror: false }));
  return doc.save();
}
