/**
 * Shared by the .xlsx and .csv readers: a grid of cell values (rows as the user numbers
 * them) becomes roster rows keyed by column; a cell's A1 reference is its column's letter
 * (the table's `letters`) and its row's number.
 */
import { error, info, type Diagnostic } from '../core/diagnostic.js';
import type { RosterColumnId, Scheme } from '../scheme/schema.js';
import { columnLetter, findHeader, headerMatcher } from './columns.js';
import type { CellValue, RawRow, RosterTable } from './types.js';

export interface GridRow {
  /** 1-based row number in the sheet or file. */
  row: number;
  values: CellValue[];
}

function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

export function tableFromGrid(
  grid: readonly GridRow[],
  file: string,
  sheet: string | undefined,
  scheme: Scheme,
  truncated: boolean,
): RosterTable {
  const diagnostics: Diagnostic[] = [];
  const where = { file, sheet };
  const columnsDef = scheme.roster.columns;
  const nameOf = (id: RosterColumnId) => columnsDef.find((c) => c.id === id)?.name ?? id;
  const empty: RosterTable = { file, sheet, columns: new Set(), rows: [], diagnostics };

  if (grid.every((r) => r.values.every(isBlank))) {
    diagnostics.push(error('roster.empty', { path: file }, { file }));
    return empty;
  }
  const header = findHeader(
    grid.slice(0, 20).map((r) => r.values),
    headerMatcher(columnsDef),
  );
  if (!header) {
    diagnostics.push(error('roster.headerNotFound', { path: file, columns: [nameOf('name'), nameOf('idNumber')] }, { ...where }));
    return empty;
  }
  const headerRow = grid[header.index]!.row;
  for (const [id, cols] of header.duplicates) {
    diagnostics.push(
      error('roster.columnDuplicate', { column: nameOf(id), cells: cols.map((c) => `${columnLetter(c)}${headerRow}`) }, { ...where, row: headerRow, cell: `${columnLetter(cols[1]!)}${headerRow}` }),
    );
  }
  const present = new Set(header.columns.values());
  const missing = scheme.roster.headerRequires.filter((id) => !present.has(id));
  if (missing.length) {
    diagnostics.push(error('roster.columnMissing', { path: file, columns: missing.map(nameOf) }, { ...where, row: headerRow }));
    return { ...empty, columns: present };
  }
  if (!present.has('subsidised')) diagnostics.push(info('roster.subsidisedAssumed', {}, { ...where, row: headerRow }));

  const rows: RawRow[] = [];
  const columns = [...header.columns].map(([c, id]) => ({ c, id }));
  const letters = Object.fromEntries(columns.map(({ c, id }) => [id, columnLetter(c)]));
  for (let i = header.index + 1; i < grid.length; i++) {
    const g = grid[i]!;
    const values: RawRow['values'] = {};
    let meaningful = false;
    for (const { c, id } of columns) {
      const value = g.values[c] ?? null;
      values[id] = value;
      // Templates often pre-number 序号 on empty rows; those rows are not trainees.
      if (id !== 'seq' && !isBlank(value)) meaningful = true;
    }
    if (meaningful) rows.push({ row: g.row, where: { file, sheet, row: g.row }, values });
  }
  if (truncated) {
    diagnostics.push(error('roster.tooManyRows', { path: file, max: scheme.roster.maxRows }, { file }));
  } else if (rows.length === 0) {
    diagnostics.push(error('roster.noRows', { path: file }, { ...where, row: headerRow }));
  }
  return { file, sheet, columns: present, rows, diagnostics, letters };
}
