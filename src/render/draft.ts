/**
 * A preview of a form while the check still finds errors is marked as a draft on every
 * page — a light diagonal word across the page and a line at its top — so a preview that
 * escapes onto paper cannot be mistaken for the filing. The words come from the caller, in
 * the asker's language.
 */
import { degrees, PDFDocument, rgb } from '#pdf-lib';
import '../core/pdf-lib-save.js';
import type { FontSet } from './fonts.js';
import { embedSubsetFont } from './page-numbers.js';

export async function stampDraft(bytes: Uint8Array, word: string, line: string, fonts: FontSet): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const face = fonts.faces.sans;
  const font = await embedSubsetFont(doc, face.bytes, 'SBDRFT', face.familyName.replace(/\s+/g, ''));
  for (const page of doc.getPages()) {
    const { width, height } = page.getSize();
    const size = Math.min(width, height) / 5;
    const w = font.widthOfTextAtSize(word, size);
    // Centred on the page, turned 35° up from the left.
    const a = (35 * Math.PI) / 180;
    page.drawText(word, {
      x: width / 2 - (w / 2) * Math.cos(a) + (size / 3) * Math.sin(a),
      y: height / 2 - (w / 2) * Math.sin(a) - (size / 3) * Math.cos(a),
      size,
      font,
      rotate: degrees(35),
      color: rgb(0.85, 0.2, 0.2),
      opacity: 0.18,
    });
    page.drawText(line, { x: 36, y: height - 24, size: 9, font, color: rgb(0.8, 0.1, 0.1) });
  }
  return doc.save();
}
