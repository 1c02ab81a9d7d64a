/**
 * Reads a .csv roster. Chinese Excel saves "CSV (逗号分隔)" in GB18030/GBK and "CSV UTF-8"
 * with a byte-order mark; both are accepted, and so is a tab-separated "Unicode text" file.
 */
import { parse } from 'csv-parse/sync';
import { error } from '../core/diagnostic.js';
import type { Scheme } from '../scheme/schema.js';
import { HEADER_SCAN_ROWS } from './columns.js';
import { tableFromGrid, type GridRow } from './grid.js';
import type { RosterTable } from './types.js';

/** UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (a superset of GBK and GB2312). */
export function decodeText(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  for (const enc of ['utf-8', 'gb18030']) {
    try {
      return new TextDecoder(enc, { fatal: true }).decode(bytes);
    } catch {
      // try the next encoding
    }
  }
  return undefined;
}

function guessDelimiter(text: string): string {
  const head = text.split(/\r?\n/, 5).join('\n');
  const count = (ch: string) => head.split(ch).length - 1;
  return count('\t') > count(',') ? '\t' : count('，') > count(',') && count(',') === 0 ? '，' : ',';
}

export function readCsvRoster(bytes: Uint8Array, file: string, scheme: Scheme): RosterTable {
  const fail = (d: ReturnType<typeof error>): RosterTable => ({ file, columns: new Set(), rows: [], diagnostics: [d] });
  if (bytes.length === 0) return fail(error('roster.empty', { path: file }, { file }));
  const text = decodeText(bytes);
  if (text === undefined) return fail(error('roster.encoding', { path: file }, { file }));
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: guessDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: true,
    }) as string[][];
  } catch (e) {
    return fail(error('roster.brokenWorkbook', { path: file, detail: (e as Error).message }, { file }));
  }
  const limit = scheme.roster.maxRows + HEADER_SCAN_ROWS;
  // Excel shows each CSV record as one sheet row, so the record's index is the row number.
  const grid: GridRow[] = records.slice(0, limit).map((values, i) => ({ row: i + 1, values }));
  return tableFromGrid(grid, file, undefined, scheme, records.length > limit);
}
