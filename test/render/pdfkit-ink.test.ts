/**
 * The roster's text is written straight into the page (pdfkit-ink.ts) rather than through
 * pdfkit's text(): it must land exactly where text() puts it, in the same subset font, and
 * read back as the same text.
 */
import '../../src/render/fontkit-shared.js';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { PdfKitInk } from '../../src/render/pdfkit-ink.js';
import { useCmapLayout } from '../../src/render/pdfkit-cmap-layout.js';
import { readPdf } from '../helpers/pdf.js';
import { WORLD } from '../helpers/fixture.js';

const RUNS = [
  { font: 'serif', size: 10.5, text: '巴特尔·乌日娜', x: 60, y: 80 },
  { font: 'serif', size: 10.5, text: '15222119751111021X', x: 200, y: 80 },
  { font: 'bold', size: 16, text: '学员花名册 2025', x: 120.123456789, y: 140.5 },
  { font: 'serif', size: 10.5, text: '内蒙古兴安盟科尔沁右翼前旗', x: 60, y: 300 },
];

async function drawn(way: 'ink' | 'text'): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', autoFirstPage: false, compress: false, info: { CreationDate: new Date(0) } });
  doc.registerFont('serif', Buffer.from(await WORLD.fonts.read(WORLD.fonts.bundled.serif)));
  doc.registerFont('bold', Buffer.from(await WORLD.fonts.read(WORLD.fonts.bundled.serifBold)));
  useCmapLayout(doc, 'serif');
  useCmapLayout(doc, 'bold');
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => doc.on('end', r));
  doc.addPage();
  const ink = new PdfKitInk(doc as never, 0.6);
  for (const r of RUNS) {
    if (way === 'ink') ink.run(r.font, r.size, r.text, r.x, r.y);
    else doc.font(r.font).fontSize(r.size).text(r.text, r.x, r.y, { lineBreak: false });
  }
  if (way === 'ink') {
    ink.rule(50, 70, 400, 70);
    ink.flush();
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

describe('roster text written into the page', () => {
  it('lands where pdfkit’s text() puts it, in the same fonts, and reads back the same', async () => {
    const [ink, text] = await Promise.all([drawn('ink'), drawn('text')]);
    const [a, b] = await Promise.all([readPdf(ink, { fonts: true }), readPdf(text, { fonts: true })]);
    const items = (p: typeof a) => p.pages[0]!.items.filter((i) => i.str.trim()).map((i) => ({ str: i.str, x: +i.x.toFixed(3), y: +i.y.toFixed(3), width: +i.width.toFixed(2) }));
    expect(items(a)).toEqual(items(b));
    expect(items(a).map((i) => i.str)).toEqual(RUNS.map((r) => r.text));
    expect(a.fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(b.fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort());
    expect(a.fonts.every((f) => f.embedded)).toBe(true);
  });

  it('strokes its rules before the text, in one text object', async () => {
    const content = Buffer.from(await drawn('ink')).toString('latin1');
    const ops = content.slice(content.indexOf('0.6 w'), content.indexOf('ET') + 2);
    expect(ops).toMatch(/^0\.6 w\n50 70 m\n400 70 l\nS\nq\n1 0 0 -1 0 595\.28 cm\nBT\n/);
    expect(ops.match(/BT/g)).toHaveLength(1);
    // The font is named again only where it changes.
    expect(ops.match(/ Tf/g)).toHaveLength(3);
  });
});
