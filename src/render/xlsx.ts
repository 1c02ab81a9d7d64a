/**
 * A table form (the roster) → XLSX with exceljs, for clerks who keep working in Excel:
 * the title and unit lines above, the header repeated on every printed page, borders,
 * wrapped cells, A4 landscape fitted to the page width.
 */
import ExcelJS from 'exceljs';
import type { Block, FilledForm, Table } from '../forms/model.js';
import type { FontSet } from './fonts.js';
import { SIZE_PT } from '../paper/typography.js';
import { fixCoreDates, normalizeOfficeZip } from './zip.js';

/** Excel column width units per mm (one unit is about one digit of the default font). */
const WIDTH_PER_MM = 1 / 1.95;

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

const NUMBER_FORMAT = { int: '#,##0', percent: '0.0%', points: '0.0' } as const;

/** “1,234”, “91.7%”, “86.5” → the number Excel should hold; anything else stays text. */
function numberOf(text: string, kind: keyof typeof NUMBER_FORMAT): number | undefined {
  const t = text.trim().replace(/,/g, '');
  const m = /^(-?\d+(?:\.\d+)?)(%?)$/.exec(t);
  if (!m) return undefined;
  const v = Number(m[1]);
  return kind === 'percent' ? v / 100 : v;
}

export async function renderXlsx(form: FilledForm, _fonts: FontSet, meta: { title: string; author: string; date: Date }): Promise<Uint8Array> {
  const table = form.blocks.find((b): b is Table => b.type === 'table');
  if (!table) throw new Error(`form ${form.id} has no table to write as XLSX`);
  const wb = new ExcelJS.Workbook();
  wb.creator = meta.author;
  wb.title = meta.title;
  wb.created = meta.date;
  wb.modified = meta.date;
  const ncols = table.columns.length;
  const ws = wb.addWorksheet(form.name, {
    pageSetup: {
      paperSize: 9,
      orientation: form.orientation,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.6, right: 0.6, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.4 },
    },
    headerFooter: { oddFooter: '&C— &P —' },
  });
  table.columns.forEach((w, i) => (ws.getColumn(i + 1).width = Math.round(w * WIDTH_PER_MM * 10) / 10));

  const font = (size: number, bold = false): Partial<ExcelJS.Font> => ({ name: '宋体', size, bold });
  // Lines above the table: title, subtitle, 填报单位名称 …
  for (const b of form.blocks as Block[]) {
    if (b.type === 'table') break;
    const text = b.type === 'para' ? b.para.text : b.type === 'line' ? [b.left.text, b.right.text].filter(Boolean).join('    ') : undefined;
    if (text === undefined) continue;
    const row = ws.addRow([text]);
    ws.mergeCells(row.number, 1, row.number, ncols);
    const size = b.type === 'para' ? SIZE_PT[b.para.size] : 11;
    const cell = row.getCell(1);
    cell.font = font(size, b.type === 'para' && b.para.size === 'title');
    cell.alignment = { horizontal: b.type === 'para' ? (b.para.align === 'justify' ? 'left' : b.para.align) : 'left', vertical: 'middle' };
    row.height = size * 1.8;
  }

  const headerStart = ws.rowCount + 1;
  const write = (cells: Table['rows'][number]['cells'], header: boolean) => {
    const values: string[] = [];
    let c = 0;
    for (const cell of cells) {
      values[c] = cell.paras.map((p) => p.text).join('\n');
      c += cell.colSpan ?? 1;
    }
    const row = ws.addRow(values);
    for (let i = 1; i <= ncols; i++) {
      const x = row.getCell(i);
      x.border = THIN;
      x.font = font(10.5);
      x.alignment = { wrapText: true, vertical: 'middle', horizontal: header ? 'center' : (cells[i - 1]?.align === 'center' ? 'center' : 'left') };
    }
    return row;
  };
  for (const r of table.header) write(r.cells, true);
  const headerEnd = ws.rowCount;
  for (const r of table.rows) {
    const row = write(r.cells, false);
    let c = 1;
    for (const cell of r.cells) {
      const x = row.getCell(c);
      const n = cell.numeric ? numberOf(x.value as string, cell.numeric) : undefined;
      if (n !== undefined) {
        x.value = n;
        x.numFmt = NUMBER_FORMAT[cell.numeric!];
        x.alignment = { ...x.alignment, horizontal: 'right' };
      } else {
        // Text cells stay text: Excel would turn an ID number into 1.52E+17.
        x.numFmt = '@';
      }
      c += cell.colSpan ?? 1;
    }
  }
  if (table.header.length) {
    ws.pageSetup.printTitlesRow = `${headerStart}:${headerEnd}`;
    ws.views = [{ state: 'frozen', ySplit: headerEnd }];
  }
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return normalizeOfficeZip(bytes, meta.date, fixCoreDates(meta.date));
}
