/**
 * The roster's table as WordprocessingML, written as text. The docx library builds an
 * object per cell, run and property: on a 5,000-row roster that is over a gigabyte and nine
 * seconds. A roster row is always the same shape, so its XML is produced directly here and
 * put in the place the library left for it; cell text comes from a paragraph style
 * (`ShenbaoTableCell`) defined once in the document's styles.
 */
import type { Para, Table } from '../forms/model.js';
import { SIZE_PT } from '../paper/typography.js';
import { cellLines, runFont, wordFont } from './docx-fonts.js';
import type { FontSet } from './fonts.js';

export const TABLE_MARKER = '@@SHENBAO-TABLE@@';
export const CELL_STYLE = 'ShenbaoTableCell';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * One paragraph per cell; `\n` inside a cell text is a line break as in the seed's 授课\n教师,
 * and a name too wide for its cell is broken at its dots (cellLines). Text in the cell
 * style's font is one run; characters that font lacks get a run naming the fallback (runFont).
 */
function cellXml(fonts: FontSet, paras: readonly Para[], widthTw: number, marginTw: number, center: boolean, span: number): string {
  const runs: string[] = [];
  paras.forEach((p, k) => {
    const base = wordFont(fonts, p.font).name;
    const lines = p.text.split('\n').flatMap((l) => cellLines(fonts, l, p.font, SIZE_PT[p.size], (widthTw - 2 * marginTw) / 20));
    lines.forEach((line, i) => {
      const segments = fonts.segment(line, p.font);
      segments.forEach((r, j) => {
        const br = (k > 0 || i > 0) && j === 0 ? '<w:br/>' : '';
        const font = runFont(fonts, p.font, r.face, r.text).name;
        const rPr = font === base ? '' : `<w:rPr><w:rFonts w:ascii="${escapeXml(font)}" w:eastAsia="${escapeXml(font)}" w:hAnsi="${escapeXml(font)}"/></w:rPr>`;
        runs.push(`<w:r>${rPr}${br}<w:t xml:space="preserve">${escapeXml(r.text)}</w:t></w:r>`);
      });
    });
  });
  return (
    `<w:tc><w:tcPr><w:tcW w:w="${widthTw}" w:type="dxa"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}<w:vAlign w:val="center"/></w:tcPr>` +
    `<w:p><w:pPr><w:pStyle w:val="${CELL_STYLE}"/>${center ? '<w:jc w:val="center"/>' : ''}</w:pPr>${runs.join('')}</w:p></w:tc>`
  );
}

export function tableXml(t: Table, columnsTw: number[], margins: { x: number; y: number }, fonts: FontSet): string {
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
  const parts: string[] = [
    `<w:tbl><w:tblPr><w:tblW w:w="${columnsTw.reduce((a, b) => a + b, 0)}" w:type="dxa"/>`,
    `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>`,
    '<w:tblLayout w:type="fixed"/>',
    `<w:tblCellMar><w:top w:w="${margins.y}" w:type="dxa"/><w:left w:w="${margins.x}" w:type="dxa"/><w:bottom w:w="${margins.y}" w:type="dxa"/><w:right w:w="${margins.x}" w:type="dxa"/></w:tblCellMar>`,
    `</w:tblPr><w:tblGrid>${columnsTw.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`,
  ];
  const row = (r: Table['rows'][number], header: boolean) => {
    let col = 0;
    const cells = r.cells.map((c) => {
      if (c.rowSpan && c.rowSpan > 1) throw new Error('a big table cannot span rows');
      const span = c.colSpan ?? 1;
      const w = columnsTw.slice(col, col + span).reduce((a, b) => a + b, 0);
      col += span;
      return cellXml(fonts, c.paras, w, margins.x, header || c.align === 'center', span);
    });
    // Rows are kept whole on a page; header rows repeat on every page.
    return `<w:tr><w:trPr><w:cantSplit/>${header ? '<w:tblHeader/>' : ''}</w:trPr>${cells.join('')}</w:tr>`;
  };
  for (const r of t.header) parts.push(row(r, true));
  for (const r of t.rows) parts.push(row(r, false));
  parts.push('</w:tbl>');
  return parts.join('');
}
