/** A roster file's bytes → its table, by the reader its extension calls for. */
import path from 'node:path';
import { error } from '../core/diagnostic.js';
import type { Scheme } from '../scheme/schema.js';
import type { RosterTable } from './types.js';

export async function readRosterFile(bytes: Uint8Array, file: string, scheme: Scheme, sheet?: string): Promise<RosterTable> {
  const ext = path.extname(file).toLowerCase();
  // Each reader (csv-parse; yauzl and xml-scan.ts for .xlsx) is loaded only for the files that need it.
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') return (await import('./read-csv.js')).readCsvRoster(bytes, file, scheme);
  if (ext === '.xls' || ext === '.et' || ext === '.ods' || ext === '.numbers') {
    return { file, columns: new Set(), rows: [], diagnostics: [error('roster.unsupported', { path: file }, { file })] };
  }
  return (await import('./read-xlsx.js')).readXlsxRoster(bytes, file, scheme, sheet);
}
