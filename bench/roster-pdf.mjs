/**
 * The roster PDF three ways, on the same rows: shenbao's own drawing path (what `build`
 * uses), pdfkit used directly the ordinary way (text with a width, so pdfkit wraps), and
 * Typst (the npm compiler) — the two yardsticks issue #3 names.
 */
// Plain JavaScript on the compiled dist/, so that each is timed as a whole process the way
// it would run (no TypeScript loader in front of any of the three).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bundledFontFiles } from '../dist/world/node.js';
import { traineeRow } from './trainee-row.mjs';

/** @param {number} n */
export function printedRows(n) {
  return Array.from({ length: n }, (_, i) => {
    const r = traineeRow(i);
    return { seq: String(i + 1), name: r[1], sex: r[2], ethnicity: r[3], idNumber: r[4], trade: r[5], teacher: r[6], employer: r[7], address: r[8], phone: r[9] };
  });
}

const HEADER = ['序号', '姓名', '性别', '民族', '身份证号码', '工种', '授课教师', '就业单位', '住址', '联系电话'];
const WIDTHS_MM = [10, 24, 8, 14, 42, 22, 15, 41, 54, 27];
const KEYS = ['seq', 'name', 'sex', 'ethnicity', 'idNumber', 'trade', 'teacher', 'employer', 'address', 'phone'];
const mm = (x) => (x * 72) / 25.4;

/** shenbao: the roster form filled and rendered as `build` makes its PDF, page numbers included. */
export async function ours(scheme, rows, fonts) {
  const [{ fillForm }, { renderFormat }] = await Promise.all([import('../dist/forms/fill.js'), import('../dist/render/render.js')]);
  const ctx = { year: 2025, review: false, institution: { name: '科尔沁右翼前旗天骄职业技能培训学校' }, trainees: rows };
  const form = fillForm({ template: scheme.forms.roster, ctx, submission: {}, scheme });
  return (await renderFormat(form, 'pdf', fonts, { title: 'bench', author: 'bench', subject: 'bench', keywords: 'bench', date: new Date(0) })).bytes;
}

/** pdfkit as commonly used: text() with a width, heightOfString() for row heights. */
export async function directPdfkit(rows) {
  // Loaded here, not at the top: shenbao's path loads pdfkit after its own fontkit set-up
  // (render/fontkit-shared.ts), as a build does; loading it first would parse each font twice.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margins: { top: mm(22), bottom: mm(22), left: mm(20), right: mm(20) }, info: { CreationDate: new Date(0) } });
  doc.registerFont('serif', readFileSync(bundledFontFiles().serif));
  const chunks = [];
  doc.on('data', (c) => chunks.push(c));
  const done = new Promise((r) => doc.on('end', r));
  const widths = WIDTHS_MM.map(mm);
  const left = mm(20);
  const bottom = doc.page.height - mm(22);
  const pad = 3;
  doc.font('serif').fontSize(10.5);
  let y = mm(22);
  const drawRow = (cells) => {
    const h = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i] - 2 * pad }))) + 2 * pad;
    if (y + h > bottom) {
      doc.addPage();
      y = mm(22);
      drawRow(HEADER);
    }
    let x = left;
    cells.forEach((c, i) => {
      doc.rect(x, y, widths[i], h).stroke();
      doc.text(c, x + pad, y + pad, { width: widths[i] - 2 * pad });
      x += widths[i];
    });
    y += h;
  };
  doc.fontSize(22).text('2025年度职业技能培训学员花名册', { align: 'center' });
  doc.fontSize(10.5);
  y = doc.y + 10;
  drawRow(HEADER);
  for (const r of rows) drawRow(KEYS.map((k) => r[k]));
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

let compiler;

/** Typst: the same table with a repeated header, compiled by the npm Typst compiler. */
export async function typst(rows) {
  // Loaded here, not at the top: the other two do not load Typst's native module.
  const { NodeCompiler } = await import('@myriaddreamin/typst-ts-node-compiler');
  const fonts = bundledFontFiles();
  compiler ??= NodeCompiler.create({ fontArgs: [{ fontPaths: [path.dirname(fonts.serif)] }] });
  const esc = (s) => s.replace(/[\\#*_`$<>@\[\]]/g, (c) => `\\${c}`);
  const cells = rows.map((r) => KEYS.map((k) => `[${esc(r[k])}]`).join(', ')).join(',\n');
  const src = `#set page(paper: "a4", flipped: true, margin: (top: 22mm, bottom: 22mm, left: 20mm, right: 20mm))
#set text(font: "Noto Serif SC", size: 10.5pt, lang: "zh")
#align(center, text(size: 22pt)[2025年度职业技能培训学员花名册])
#table(columns: (${WIDTHS_MM.map((w) => `${w}mm`).join(', ')}), inset: 1.2mm,
  table.header(${HEADER.map((h) => `[${h}]`).join(', ')}),
${cells})
`;
  return compiler.pdf({ mainFileContent: src });
}

