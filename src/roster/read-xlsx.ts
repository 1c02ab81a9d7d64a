/**
 * Reads an .xlsx roster: the workbook's parts are inflated once each, straight from the zip,
 * and the worksheet's XML is streamed row by row (xlsx-sheet.ts), so neither the sheet's text
 * nor a tree of it is ever held. (exceljs's streaming reader turns a Chinese character split
 * across two decompressed chunks into U+FFFD — exceljs issues #2063, #2084, fixes unmerged —
 * and its full loader builds an object per cell; read-excel-file, used before, inflated the
 * sheet twice and built a tree of it.) A sheet is read only until it passes the row limit, and
 * while the roster's sheet is being looked for, a sheet without a header in its first rows is
 * left after those rows.
 */
import { error } from '../core/diagnostic.js';
import { sniff } from '../core/sniff.js';
import type { Scheme } from '../scheme/schema.js';
import { findHeader, headerMatcher, HEADER_SCAN_ROWS } from './columns.js';
import { tableFromGrid, type GridRow } from './grid.js';
import type { RosterTable } from './types.js';
import { openPackage, type Package } from './xlsx-parts.js';
import { readSheet, type SheetEnd } from './xlsx-sheet.js';
import { readWorkbook, TextsTooLarge, type SheetRef, type Workbook } from './xlsx-workbook.js';

/** A worksheet's XML larger than this is not a roster (and could be a zip bomb). */
const MAX_SHEET_XML_BYTES = 256 * 1024 * 1024;
/** The workbook's texts: a 20,000-row roster holds a few MB; one huge text would be read whole into memory. */
const MAX_SHARED_STRINGS_BYTES = 64 * 1024 * 1024;

export async function readXlsxRoster(bytes: Uint8Array, file: string, scheme: Scheme, sheetName?: string): Promise<RosterTable> {
  const fail = (d: ReturnType<typeof error>): RosterTable => ({ file, columns: new Set(), rows: [], diagnostics: [d] });
  const kind = sniff(bytes.subarray(0, 1024));
  if (kind === 'empty') return fail(error('roster.empty', { path: file }, { file }));
  if (kind !== 'zip') return fail(error('roster.notSpreadsheet', { path: file, actual: kind }, { file }));

  let pkg: Package;
  try {
    pkg = await openPackage(bytes);
  } catch {
    return fail(error('roster.brokenWorkbook', { path: file, detail: 'not a readable zip package' }, { file }));
  }
  try {
    const wb = await readWorkbook(pkg, MAX_SHARED_STRINGS_BYTES);
    if (wb.sheets.length === 0) return fail(error('roster.notSpreadsheet', { path: file, actual: 'zip' }, { file }));
    const tooMany = () => fail(error('roster.tooManyRows', { path: file, max: scheme.roster.maxRows }, { file }));
    if (wb.sheets.some((s) => pkg.entries.get(s.part)!.uncompressedSize > MAX_SHEET_XML_BYTES)) return tooMany();

    const match = headerMatcher(scheme.roster.columns);
    const hasHeader = (grid: readonly GridRow[]) => findHeader(grid.slice(0, HEADER_SCAN_ROWS).map((g) => g.values), match) !== undefined;
    const read = async (ref: SheetRef, scanning: boolean): Promise<{ grid: GridRow[]; end: SheetEnd }> => {
      const grid: GridRow[] = [];
      const end = await readSheet(pkg, pkg.entries.get(ref.part)!, wb, {
        rowLimit: scheme.roster.maxRows + HEADER_SCAN_ROWS,
        onRow(row) {
          grid.push(row);
          // Looking for the roster's sheet: one without a header in its first rows is not it.
          return !scanning || grid.length !== HEADER_SCAN_ROWS || hasHeader(grid);
        },
      });
      return { grid, end };
    };
    const table = (ref: SheetRef, grid: GridRow[]) => tableFromGrid(grid, file, ref.name, scheme, false);

    if (sheetName !== undefined) {
      const ref = wb.sheets.find((s) => s.name === sheetName);
      if (!ref) return fail(error('roster.sheetNotFound', { path: file, sheet: sheetName, sheets: wb.sheets.map((s) => s.name) }, { file }));
      const { grid, end } = await read(ref, false);
      return end === 'tooManyRows' ? tooMany() : table(ref, grid);
    }
    // The first sheet with a roster header; without one, report against the first sheet.
    let first: GridRow[] | undefined;
    for (const ref of wb.sheets) {
      const { grid, end } = await read(ref, true);
      if (end === 'tooManyRows') return tooMany();
      if (end === 'end' && hasHeader(grid)) return table(ref, grid);
      first ??= grid;
    }
    return table(wb.sheets[0]!, first!);
  } catch (e) {
    if (e instanceof TextsTooLarge) return fail(error('roster.textsTooLarge', { path: file, maxMb: MAX_SHARED_STRINGS_BYTES / 1048576 }, { file }));
    return fail(error('roster.brokenWorkbook', { path: file, detail: (e as Error).message }, { file }));
  } finally {
    pkg.zip.close();
  }
}
