/**
 * Reads an .xlsx roster with exceljs's streaming reader: it lets us stop at the row limit
 * without holding a 50,000-row workbook in memory, and it is faster than a full load.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { error } from '../core/diagnostic.js';
import { sniff } from '../core/sniff.js';
import type { Scheme } from '../scheme/schema.js';
import { findHeader, headerMatcher, HEADER_SCAN_ROWS } from './columns.js';
import { tableFromGrid, type GridRow } from './grid.js';
import type { CellValue, RosterTable } from './types.js';

/** exceljs cell values come in several shapes (rich text, formulas, links); flatten them. */
export function plainValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join('');
    if ('result' in o) return plainValue(o.result);
    if ('text' in o) return plainValue(o.text);
    if ('error' in o) return String(o.error);
  }
  return String(v);
}

export async function readXlsxRoster(bytes: Uint8Array, file: string, scheme: Scheme, sheetName?: string): Promise<RosterTable> {
  const fail = (d: ReturnType<typeof error>): RosterTable => ({ file, columns: new Set(), rows: [], diagnostics: [d] });
  const kind = sniff(bytes.subarray(0, 1024));
  if (kind === 'empty') return fail(error('roster.empty', { path: file }, { file }));
  if (kind !== 'zip') return fail(error('roster.notSpreadsheet', { path: file, actual: kind }, { file }));

  const match = headerMatcher(scheme.roster.columns);
  const limit = scheme.roster.maxRows + HEADER_SCAN_ROWS;
  const sheetsSeen: string[] = [];
  let first: { grid: GridRow[]; name: string; truncated: boolean } | undefined;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'cache',
      worksheets: 'emit',
      entries: 'ignore',
    });
    for await (const ws of reader as unknown as AsyncIterable<AsyncIterable<ExcelJS.Row> & { name: string }>) {
      const name = ws.name;
      sheetsSeen.push(name);
      const wanted = sheetName === undefined || name === sheetName;
      const grid: GridRow[] = [];
      let truncated = false;
      // A sheet must be read to its end before the reader moves on, so unwanted sheets are drained.
      for await (const row of ws) {
        if (!wanted) continue;
        if (grid.length >= limit) {
          truncated = true;
          continue;
        }
        // exceljs numbers rows as the sheet does (gaps included): keep them for cell references.
        grid.push({ row: row.number, values: (row.values as unknown[]).slice(1).map(plainValue) });
      }
      if (!wanted) continue;
      first ??= { grid, name, truncated };
      if (sheetName !== undefined || findHeader(grid.slice(0, HEADER_SCAN_ROWS).map((g) => g.values), match)) {
        return tableFromGrid(grid, file, name, scheme, truncated);
      }
    }
  } catch (e) {
    return fail(error('roster.brokenWorkbook', { path: file, reason: (e as Error).message }, { file }));
  }
  if (sheetName !== undefined) {
    return fail(error('roster.sheetNotFound', { path: file, sheet: sheetName, sheets: sheetsSeen.join('、') }, { file }));
  }
  if (!first) return fail(error('roster.notSpreadsheet', { path: file, actual: 'zip' }, { file }));
  // No sheet has a header: report against the first sheet (empty, or header not found).
  return tableFromGrid(first.grid, file, first.name, scheme, first.truncated);
}
