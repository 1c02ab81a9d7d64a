/**
 * Reads an .xlsx roster with read-excel-file: rows as plain arrays, in the sheet's own row
 * positions, at a fraction of exceljs's memory. (exceljs's streaming reader turns a Chinese
 * character split across two decompressed chunks into U+FFFD — exceljs issues #2063,
 * #2084, fixes unmerged — and its full loader builds an object per cell.) The sheets' rows
 * are counted first from the zip, so an oversized roster is refused before it is parsed.
 */
import { unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { error } from '../core/diagnostic.js';
import { sniff } from '../core/sniff.js';
import type { Scheme } from '../scheme/schema.js';
import { findHeader, headerMatcher, HEADER_SCAN_ROWS } from './columns.js';
import { tableFromGrid, type GridRow } from './grid.js';
import type { CellValue, RosterTable } from './types.js';

/** A worksheet's XML larger than this is not a roster (and could be a zip bomb). */
const MAX_SHEET_XML_BYTES = 256 * 1024 * 1024;
/** The workbook's texts: a 20,000-row roster holds a few MB; one huge text would be read whole into memory. */
const MAX_SHARED_STRINGS_BYTES = 64 * 1024 * 1024;

/** Rows per worksheet, counted from the package without parsing it; undefined when it is not a zip. */
export function countSheetRows(bytes: Uint8Array): { rows: number[]; tooLarge: boolean; textsTooLarge: boolean } | undefined {
  let tooLarge = false;
  let textsTooLarge = false;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (f) => {
        if (f.name === 'xl/sharedStrings.xml' && f.originalSize > MAX_SHARED_STRINGS_BYTES) textsTooLarge = true;
        if (!/^xl\/worksheets\/[^/]+\.xml$/.test(f.name)) return false;
        if (f.originalSize > MAX_SHEET_XML_BYTES) tooLarge = true;
        return !tooLarge;
      },
    });
  } catch {
    return undefined;
  }
  const rows = Object.values(entries).map((xml) => {
    const b = Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength);
    let n = 0;
    for (let i = b.indexOf('<row ', 0, 'latin1'); i >= 0; i = b.indexOf('<row ', i + 5, 'latin1')) n++;
    return n;
  });
  return { rows, tooLarge, textsTooLarge };
}

/** Cell values as the reader gives them (strings, numbers, booleans, dates), flattened to ours. */
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

  const limit = scheme.roster.maxRows + HEADER_SCAN_ROWS;
  const counted = countSheetRows(bytes);
  if (!counted) return fail(error('roster.brokenWorkbook', { path: file, detail: 'not a readable zip package' }, { file }));
  if (counted.textsTooLarge) return fail(error('roster.textsTooLarge', { path: file, maxMb: MAX_SHARED_STRINGS_BYTES / 1048576 }, { file }));
  if (counted.tooLarge || counted.rows.some((n) => n > limit)) {
    return fail(error('roster.tooManyRows', { path: file, max: scheme.roster.maxRows }, { file }));
  }

  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    sheets = (await readXlsxFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) as { sheet: string; data: unknown[][] }[];
  } catch (e) {
    return fail(error('roster.brokenWorkbook', { path: file, detail: (e as Error).message }, { file }));
  }
  if (sheets.length === 0) return fail(error('roster.notSpreadsheet', { path: file, actual: 'zip' }, { file }));
  const match = headerMatcher(scheme.roster.columns);
  // read-excel-file keeps empty rows, so a row's index + 1 is its number in the sheet.
  const gridOf = (data: unknown[][]): GridRow[] =>
    data.flatMap((values, i) => (values.some((v) => v !== null && v !== undefined && v !== '') ? [{ row: i + 1, values: values.map(plainValue) }] : []));
  if (sheetName !== undefined) {
    const ws = sheets.find((x) => x.sheet === sheetName);
    if (!ws) return fail(error('roster.sheetNotFound', { path: file, sheet: sheetName, sheets: sheets.map((x) => x.sheet) }, { file }));
    return tableFromGrid(gridOf(ws.data), file, ws.sheet, scheme, false);
  }
  // The first sheet with a roster header; without one, report against the first sheet.
  for (const ws of sheets) {
    const grid = gridOf(ws.data);
    if (findHeader(grid.slice(0, HEADER_SCAN_ROWS).map((g) => g.values), match)) return tableFromGrid(grid, file, ws.sheet, scheme, false);
  }
  return tableFromGrid(gridOf(sheets[0]!.data), file, sheets[0]!.sheet, scheme, false);
}
