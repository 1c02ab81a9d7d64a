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

/**
 * The first line with a field that opens a quote and does not close it on that line: a roster's
 * cells hold no line breaks, so that is where the stray quote is.
 */
export function openedQuoteRow(text: string, delimiter: string): number | undefined {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    let open = false;
    let start = true;
    for (let j = 0; j < l.length; j++) {
      const ch = l[j];
      if (open) {
        if (ch === '"' && l[j + 1] === '"') j++;
        else if (ch === '"') open = false;
      } else if (start && ch === '"') open = true;
      start = !open && ch === delimiter;
    }
    if (open) return i + 1;
  }
  return undefined;
}

export function readCsvRoster(bytes: Uint8Array, file: string, scheme: Scheme): RosterTable {
  const fail = (d: ReturnType<typeof error>): RosterTable => ({ file, columns: new Set(), rows: [], diagnostics: [d] });
  if (bytes.length === 0) return fail(error('roster.empty', { path: file }, { file }));
  const text = decodeText(bytes);
  if (text === undefined) return fail(error('roster.encoding', { path: file }, { file }));
  let records: string[][];
  const delimiter = guessDelimiter(text);
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: true,
    }) as string[][];
  } catch (e) {
    // csv-parse names the line where the file ended inside quotes; the mistake is where they were opened.
    if ((e as { code?: string }).code === 'CSV_QUOTE_NOT_CLOSED') {
      const row = openedQuoteRow(text, delimiter);
      if (row) return fail(error('roster.csvQuote', { path: file }, { file, row }));
    }
    return fail(error('roster.brokenWorkbook', { path: file, detail: (e as Error).message }, { file }));
  }
  const limit = scheme.roster.maxRows + HEADER_SCAN_ROWS;
  // Excel shows each CSV record as one sheet row, so the record's index is the row number.
  const grid: GridRow[] = records.slice(0, limit).map((values, i) => ({ row: i + 1, values }));
  return tableFromGrid(grid, file, undefined, scheme, records.length > limit);
}
