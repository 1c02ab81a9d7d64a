/**
 * The blank roster workbook `shenbao init` writes: the seed's title and 填报单位名称 rows,
 * the header (the ten printed columns, then the columns the figures need), widths, the ID
 * column as text so Excel keeps all 18 characters, and drop-down lists for 性别, 民族,
 * the yes/no columns and the key groups (kept on a hidden sheet 选项). It prints as the
 * filled roster does: A4 landscape, one page wide, the header on every page, rows as tall as
 * their text.
 */
import ExcelJS from 'exceljs';
import { columnTextPt, sheetPageSetup, sheetRowHeight } from '../paper/sheet.js';
import type { Scheme } from '../scheme/schema.js';
import { ETHNIC_GROUPS } from './ethnic-groups.js';

const WIDTHS: Record<string, number> = {
  seq: 6, name: 14, sex: 6, ethnicity: 10, idNumber: 22, trade: 14, teacher: 10, employer: 24, address: 30, phone: 16,
  passed: 10, keyGroup: 18, order: 10, subsidised: 10, employed: 10,
};

export const TEMPLATE_ROWS = 500;

export async function rosterTemplate(scheme: Scheme, unitName: string, created: Date): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'shenbao';
  wb.created = created;
  wb.modified = created;
  const ws = wb.addWorksheet('花名册', {
    views: [{ state: 'frozen', ySplit: 3 }],
    pageSetup: { ...sheetPageSetup('landscape'), printTitlesRow: '3:3' },
    headerFooter: { oddFooter: '&C— &P —' },
  });
  const cols = scheme.roster.columns;
  const last = cols.length;

  ws.mergeCells(1, 1, 1, last);
  const title = ws.getCell(1, 1);
  title.value = scheme.roster.title;
  title.font = { size: 16, bold: true };
  title.alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, last);
  ws.getCell(2, 1).value = `填报单位名称：${unitName}`;
  ws.getRow(1).height = sheetRowHeight(1, 16);
  ws.getRow(2).height = sheetRowHeight(1, 11);

  const header = ws.getRow(3);
  cols.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.name;
    cell.font = { bold: true, color: c.printed ? undefined : { argb: 'FF1F4E79' } };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.printed ? 'FFF2F2F2' : 'FFDDEBF7' } };
    if (!c.printed) cell.note = '统计用列，不打印在花名册上';
    ws.getColumn(i + 1).width = WIDTHS[c.id] ?? 12;
  });
  // Header names are Chinese, one em each at 11 pt: as many lines as the column needs for the longest.
  header.height = sheetRowHeight(Math.max(...cols.map((c, i) => Math.ceil(([...c.name].length * 11) / columnTextPt(WIDTHS[c.id] ?? 12)))), 11);

  // Lists on a hidden sheet: an inline list is limited to 255 characters, too short for 56 names.
  const opts = wb.addWorksheet('选项', { state: 'hidden' });
  const lists: Record<string, string[]> = {
    sex: ['男', '女'],
    ethnicity: [...ETHNIC_GROUPS],
    yesNo: ['是', '否'],
    keyGroup: scheme.keyGroups.map((g) => g.name),
  };
  const ref: Record<string, string> = {};
  Object.entries(lists).forEach(([key, values], i) => {
    const col = String.fromCharCode(65 + i);
    values.forEach((v, r) => (opts.getCell(`${col}${r + 1}`).value = v));
    ref[key] = `选项!$${col}$1:$${col}$${values.length}`;
  });

  const firstRow = 4;
  const lastRow = firstRow + TEMPLATE_ROWS - 1;
  cols.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    const letter = col.letter;
    const list =
      c.id === 'sex' ? ref.sex : c.id === 'ethnicity' ? ref.ethnicity : c.id === 'keyGroup' ? ref.keyGroup
        : ['passed', 'order', 'subsidised', 'employed'].includes(c.id) ? ref.yesNo : undefined;
    for (let r = firstRow; r <= lastRow; r++) {
      const cell = ws.getCell(`${letter}${r}`);
      if (c.id === 'idNumber' || c.id === 'phone') cell.numFmt = '@';
      if (list) {
        cell.dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [list],
          showErrorMessage: c.id !== 'keyGroup',
          errorTitle: '请从下拉列表中选择',
          error: `“${c.name}”请从下拉列表中选择`,
        };
      }
    }
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
