/**
 * A table form (the roster, the county's summary) → XLSX with exceljs, for clerks who keep
 * working in Excel: the title and unit lines above, the header repeated on every printed
 * page, borders, wrapped cells, A4 in the form's orientation fitted to the page width.
 *
 * Neither Excel nor LibreOffice sizes a row to its wrapped text when it opens a file (they
 * print a long 住址 over the next row), so every row gets its height here: its tallest cell,
 * broken into lines as wrap.ts breaks it for the PDF. Excel breaks a transliterated name
 * anywhere, and a line break put into the cell would change the name, so a column holding
 * such names is made wide enough for the longest of them on one line instead.
 */
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';

// Only the workbook (exceljs 4.4, no exports map): the package's entry also loads its
// streaming reader and writer, CSV and their zip libraries, twice the load time on every
// thread that writes an XLSX.
const Workbook = createRequire(import.meta.url)('exceljs/lib/doc/workbook') as typeof ExcelJS.Workbook;
import type { Block, Cell, FilledForm, Para, Table } from '../forms/model.js';
import type { FontSet } from './fonts.js';
import { columnTextPt, sheetPageSetup, sheetRowHeight } from '../paper/sheet.js';
import { SIZE_PT } from '../paper/typography.js';
import { DOTTED_NAME, Measure, wrap } from './wrap.js';
import { fixCoreDates, normalizeOfficeZip } from './zip.js';

/** Excel column width units per mm (one unit is about one digit of the default font). */
const WIDTH_PER_MM = 1 / 1.95;

/** Cell text size in the sheet (宋体 五号, as the roster prints). */
const CELL_PT = 10.5;
/** A column is never widened to more than this many times its template width. */
const MAX_WIDEN = 2;

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

/**
 * Column widths are counted in digits of the workbook's default font, which exceljs makes
 * Calibri. Where Calibri is missing (LibreOffice on most Linux machines) a wider font stands
 * in and every column comes out a third wider than the rows were sized for; 宋体 is where
 * the sheet's text is anyway, and a machine that prints Chinese has it or a CJK stand-in of
 * about the same digit width. (exceljs has no setting for it: styles.xml is patched.)
 */
export function withSheetDefaultFont(styles: string): string {
  return styles.replace(/<font>.*?<\/font>/, '<font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>');
}

/** Lines a cell's text takes in a column `widthPt` wide. */
function linesOf(paras: readonly Para[], size: number, widthPt: number, fonts: FontSet, measure: Measure): number {
  let n = 0;
  for (const p of paras) for (const line of p.text.split('\n')) n += wrap(line, 'serif', size, widthPt, fonts, measure).length;
  return Math.max(1, n);
}

/** Width of a text on one line, in points. */
function lineWidth(text: string, size: number, fonts: FontSet, measure: Measure): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    w += measure.advance(fonts.faceFor('serif', cp) ?? 'serif', cp) * size;
  }
  return w;
}

/** Column widths in Excel units: the template's, widened where a dotted name would not fit on one line. */
function columnWidths(table: Table, fonts: FontSet, measure: Measure): number[] {
  const widths = table.columns.map((w) => Math.round(w * WIDTH_PER_MM * 10) / 10);
  const needPt = widths.map(() => 0);
  for (const r of table.rows) {
    let c = 0;
    for (const cell of r.cells) {
      if ((cell.colSpan ?? 1) === 1) for (const p of cell.paras) if (DOTTED_NAME.test(p.text)) needPt[c] = Math.max(needPt[c]!, lineWidth(p.text, CELL_PT, fonts, measure));
      c += cell.colSpan ?? 1;
    }
  }
  return widths.map((w, i) => {
    if (needPt[i]! <= columnTextPt(w)) return w;
    // The smallest width (in tenths) whose text room holds the name, within MAX_WIDEN.
    let x = w;
    while (columnTextPt(x) < needPt[i]! && x < w * MAX_WIDEN) x = Math.round((x + 0.1) * 10) / 10;
    return x;
  });
}

/** A row's height in points: its tallest cell, wrapped to its column (or the columns it spans). */
function rowHeight(cells: readonly Cell[], widths: readonly number[], fonts: FontSet, measure: Measure): number {
  let lines = 1;
  let c = 0;
  for (const cell of cells) {
    const span = cell.colSpan ?? 1;
    // Merged columns hold their widths and the borders between them.
    const width = widths.slice(c, c + span).reduce((a, w) => a + columnTextPt(w), 0) + (span - 1) * 6;
    lines = Math.max(lines, linesOf(cell.paras, CELL_PT, width, fonts, measure));
    c += span;
  }
  return sheetRowHeight(lines, CELL_PT);
}

export async function renderXlsx(form: FilledForm, fonts: FontSet, meta: { title: string; author: string; date: Date }): Promise<Uint8Array> {
  const table = form.blocks.find((b): b is Table => b.type === 'table');
  if (!table) throw new Error(`form ${form.id} has no table to write as XLSX`);
  const wb = new Workbook();
  wb.creator = meta.author;
  wb.title = meta.title;
  wb.created = meta.date;
  wb.modified = meta.date;
  const ncols = table.columns.length;
  const ws = wb.addWorksheet(form.name, {
    pageSetup: sheetPageSetup(form.orientation),
    headerFooter: { oddFooter: '&C— &P —' },
  });
  const measure = new Measure(fonts);
  const widths = columnWidths(table, fonts, measure);
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));

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
    // The cell each column belongs to (a spanning cell covers several).
    const owner: (Cell | undefined)[] = [];
    let c = 0;
    for (const cell of cells) {
      values[c] = cell.paras.map((p) => p.text).join('\n');
      for (let k = 0; k < (cell.colSpan ?? 1); k++) owner[c + k] = cell;
      c += cell.colSpan ?? 1;
    }
    const row = ws.addRow(values);
    for (let i = 1; i <= ncols; i++) {
      const x = row.getCell(i);
      x.border = THIN;
      x.font = font(CELL_PT);
      x.alignment = { wrapText: true, vertical: 'middle', horizontal: header || owner[i - 1]?.align === 'center' ? 'center' : 'left' };
    }
    // A cell spanning columns is merged over them, so its text wraps to their width (as its height assumes).
    c = 1;
    for (const cell of cells) {
      const span = cell.colSpan ?? 1;
      if (span > 1) ws.mergeCells(row.number, c, row.number, c + span - 1);
      c += span;
    }
    row.height = rowHeight(cells, widths, fonts, measure);
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
  // Stored, not deflated: normalizeOfficeZip unpacks and deflates every part again anyway, so
  // jszip's deflate was spent for nothing (the file's bytes are the same either way).
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as ExcelJS.XlsxWriteOptions));
  const dates = fixCoreDates(meta.date);
  return normalizeOfficeZip(bytes, meta.date, (name, text) => (name === 'xl/styles.xml' ? withSheetDefaultFont(text) : dates(name, text)));
}
