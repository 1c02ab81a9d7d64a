/** Where a roster cell is: its sheet's column letter and its row, or its place in submission.yaml. */
import type { Location } from '../core/diagnostic.js';
import type { RosterColumnId } from '../scheme/schema.js';
import type { CellPlaces, RowPlace } from './types.js';

/** The cell's place; undefined for a column the row does not have. */
export function cellPlace(table: CellPlaces, row: RowPlace, id: RosterColumnId): Location | undefined {
  const letter = table.letters?.[id];
  // Made when asked for (a diagnostic, a glyph the fonts lack), not kept per cell.
  return letter !== undefined ? { ...row.where, cell: letter + row.row } : row.cells?.[id];
}
