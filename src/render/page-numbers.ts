/**
 * Page numbers after GB/T 9704: “— 7 —” in 14 pt, 7 mm below the text area, odd pages at
 * the right and even pages at the left, one character in from the edge of the text area.
 * A form's own PDF draws them with the form (pdfkit-page-numbers.ts), in a content stream of
 * their own that a print volume leaves out; the volume draws its own here (pdf-lib), through
 * the volume.
 */
import type { PDFDocument, PDFFont, PDFPage } from '#pdf-lib';
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
 * Where a page's number goes (PDF points, origin at the page's lower left; `y` is the
 * baseline), given the number's width. `mirror`: the page is bound on its right (an even
 * page of a double-sided volume), so its text area — and the number with it — sits 2 mm
 * further left than on an odd page.
 */
export function pageNumberAt(page: { width: number; height: number }, n: number, textWidth: number, opts: { mirror: boolean }): { x: number; y: number } {
  const landscape = page.width > page.height;
  const g = landscape ? LANDSCAPE : PORTRAIT;
  const odd = n % 2 === 1;
  const shift = opts.mirror && !odd && !landscape ? g.right - g.left : 0;
  const left = (g.left + shift) * PT_PER_MM;
  const right = page.width - (g.right - shift) * PT_PER_MM;
  const x = odd ? right - PAGE_NUMBER_PT - textWidth : left + PAGE_NUMBER_PT;
  const top = (g.bottom - PAGE_NUMBER_GAP_MM) * PT_PER_MM;
  return { x, y: top - PAGE_NUMBER_PT * 0.88 };
}

/** A volume's page number, drawn onto a page of the volume (pdf-lib). */
export function drawPageNumber(page: PDFPage, n: number, font: PDFFont, opts: { mirror: boolean }): void {
  const text = pageNumberText(n);
  const { x, y } = pageNumberAt({ width: page.getWidth(), height: page.getHeight() }, n, font.widthOfTextAtSize(text, PAGE_NUMBER_PT), opts);
  page.drawText(text, { x, y, size: PAGE_NUMBER_PT, font });
}
