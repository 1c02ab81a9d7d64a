/**
 * Finding the roster's header row by the seed's Chinese column names (or their usual
 * variants), in any order, with extra columns allowed.
 */
import { headerKey } from '../core/text.js';
import type { RosterColumn, RosterColumnId } from '../scheme/schema.js';
import type { CellValue } from './types.js';

export const HEADER_SCAN_ROWS = 20;

export type HeaderMatcher = (text: string) => RosterColumnId | undefined;

export function headerMatcher(columns: readonly RosterColumn[]): HeaderMatcher {
  const byKey = new Map<string, RosterColumnId>();
  for (const c of columns) {
    for (const name of [c.name, ...c.aliases, c.id]) byKey.set(headerKey(name), c.id);
  }
  return (text) => byKey.get(headerKey(text));
}

export interface HeaderMatch {
  /** Index of the header row within the scanned rows. */
  index: number;
  /** Column index → column id. */
  columns: Map<number, RosterColumnId>;
  /** Column ids that appear more than once, with their indexes. */
  duplicates: Map<RosterColumnId, number[]>;
}

/** The first row that names at least the trainee's name and ID number columns. */
export function findHeader(rows: readonly (readonly CellValue[])[], match: HeaderMatcher): HeaderMatch | undefined {
  for (let r = 0; r < Math.min(rows.length, HEADER_SCAN_ROWS); r++) {
    const columns = new Map<number, RosterColumnId>();
    const seen = new Map<RosterColumnId, number[]>();
    rows[r]!.forEach((v, c) => {
      if (typeof v !== 'string') return;
      const id = match(v);
      if (!id) return;
      seen.set(id, [...(seen.get(id) ?? []), c]);
      if (!columns.has(c) && (seen.get(id)!.length === 1)) columns.set(c, id);
    });
    const ids = new Set(columns.values());
    if (ids.has('name') && ids.has('idNumber')) {
      const duplicates = new Map([...seen].filter(([, cols]) => cols.length > 1));
      return { index: r, columns, duplicates };
    }
  }
  return undefined;
}

/** 0 → A, 25 → Z, 26 → AA */
export function columnLetter(index: number): string {
  let s = '';
  let n = index + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
