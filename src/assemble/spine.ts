/**
 * The spine label (书脊) of a perfect-bound volume: a strip as wide as the volume is thick —
 * sheets × paper thickness (80 g/m² is about 0.1 mm a sheet) — and as tall as A4, with the
 * institution and brand set vertically, one upright character under the next.
 */
import { degrees, PDFDocument, rgb } from '#pdf-lib';
import '../core/pdf-lib-save.js';
import type { FontSet } from '../render/fonts.js';
import { embedSubsetFont } from '../render/page-numbers.js';
import { A4, PT_PER_MM } from '../paper/typography.js';

export interface SpineSpec {
  pages: number;
  /** mm per sheet */
  sheetThickness: number;
}

/** Spine width in mm: one sheet carries two pages (double-sided). */
export function spineWidth(s: SpineSpec): number {
  return Math.round(Math.ceil(s.pages / 2) * s.sheetThickness * 10) / 10;
}

/**
 * `meta.note`: a short line of Latin letters and digits (the disc's fingerprint), set along the
 * spine's foot, turned to read upwards as Latin text on a spine does.
 */
export async function drawSpine(spec: SpineSpec, text: string, meta: { title: string; author: string; date: Date; note?: string }, fonts: FontSet): Promise<Uint8Array> {
  const width = Math.max(spineWidth(spec), 1);
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(meta.title);
  doc.setAuthor(meta.author);
  doc.setCreator('shenbao');
  doc.setProducer('shenbao');
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  const page = doc.addPage([width * PT_PER_MM, A4.height * PT_PER_MM]);
  // The strip's edges, for cutting and gluing.
  page.drawRectangle({ x: 0.25, y: 0.25, width: page.getWidth() - 0.5, height: page.getHeight() - 0.5, borderColor: rgb(0.6, 0.6, 0.6), borderWidth: 0.5 });

  const faces = new Map<string, Awaited<ReturnType<typeof embedSubsetFont>>>();
  const chars = [...text];
  const margin = 20 * PT_PER_MM;
  // The note along the foot: as large as the width allows, at most 7 pt.
  let noteRoom = 0;
  if (meta.note) {
    const font = await embedSubsetFont(doc, fonts.faces.serif.bytes, 'SBSPNC', 'serif');
    const noteSize = Math.min(width * PT_PER_MM * 0.6, 7);
    const length = font.widthOfTextAtSize(meta.note, noteSize);
    page.drawText(meta.note, { x: (page.getWidth() + noteSize * 0.7) / 2, y: margin / 2, size: noteSize, font, rotate: degrees(90) });
    noteRoom = length + margin / 2;
  }
  // As large as the spine allows (60 % of its width, at most 20 pt), small enough for the height.
  let size = Math.min(width * PT_PER_MM * 0.6, 20);
  size = Math.min(size, (page.getHeight() - 2 * margin - noteRoom) / (chars.length * 1.15));
  let y = page.getHeight() - margin - size;
  for (const ch of chars) {
    if (ch.trim() !== '') {
      const role = fonts.faceFor('serif', ch.codePointAt(0)!) ?? 'serif';
      let font = faces.get(role);
      if (!font) faces.set(role, (font = await embedSubsetFont(doc, fonts.faces[role].bytes, role === 'serif' ? 'SBSPNA' : 'SBSPNB', role)));
      const w = font.widthOfTextAtSize(ch, size);
      page.drawText(ch, { x: (page.getWidth() - w) / 2, y, size, font });
    }
    y -= size * 1.15;
  }
  return doc.save();
}
