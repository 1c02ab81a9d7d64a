/**
 * The roster's table as WordprocessingML, written as text. The docx library builds an
 * object per cell, run and property: on a 5,000-row roster that is over a gigabyte and nine
 * seconds. A roster row is always the same shape, so its XML is produced directly here and
 * put in the place the library left for it; cell text comes from a paragraph style
 * (`ShenbaoTableCell`) defined once in the document's styles.
 */
import type { Table } from '../forms/model.js';

export const TABLE_MARKER = '@@SHENBAO-TABLE@@';
export const CELL_STYLE = 'ShenbaoTableCell';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One paragraph per line of the cell; `\n` inside a cell text is a line break as in the seed's 授课\n教师. */
function cellXml(text: string, widthTw: number, center: boolean, span: number): string {
  const runs = text
    .split('\n')
    .map((line, i) => `${i ? '<w:br/>' : ''}<w:t xml:space="preserve">${escapeXml(line)}</w:t>`)
    .join('');
  return (
    `<w:tc><w:tcPr><w:tcW w:w="${widthTw}" w:type="dxa"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}<w:vAlign w:val="center"/></w:tcPr>` +
    `<w:p><w:pPr><w:pStyle w:val="${CELL_STYLE}"/>${center ? '<w:jc w:val="center"/>' : ''}</w:pPr><w:r>${runs}</w:r></w:p></w:tc>`
  );
}

export function tableXml(t: Table, columnsTw: number[], margins: { x: number; y: number }): string {
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
      return cellXml(c.paras.map((p) => p.text).join('\n'), w, header || c.align === 'center', span);
    });
    // Rows are kept whole on a page; header rows repeat on every page.
    return `<w:tr><w:trPr><w:cantSplit/>${header ? '<w:tblHeader/>' : ''}</w:trPr>${cells.join('')}</w:tr>`;
  };
  for (const r of t.header) parts.push(row(r, true));
  for (const r of t.rows) parts.push(row(r, false));
  parts.push('</w:tbl>');
  return parts.join('');
}
