/** Reading county.yaml: YAML errors with line and column, schema errors in Chinese with the field. */
import { readFileSync } from 'node:fs';
import { error, type Diagnostic } from '../core/diagnostic.js';
import { parseSource, type Source } from '../core/source.js';
import { zodDiagnostics } from '../core/zod-report.js';
import type { Lang } from '../i18n/lang.js';
import { ReadFailure, reasonOf } from '../submission/load.js';
import { countyFileSchema, type CountyFile } from './schema.js';

export interface LoadedCountyFile {
  file: string;
  source: Source;
  data: CountyFile;
}

/** Pure: the text of a county file to its data, or the problems. */
export function parseCountyFile(text: string, file: string, lang: Lang): { loaded?: LoadedCountyFile; diagnostics: Diagnostic[] } {
  const { source, diagnostics } = parseSource(text, file, lang);
  if (!source) return { diagnostics };
  if (source.data === null || typeof source.data !== 'object' || Array.isArray(source.data)) {
    return { diagnostics: [error('syntax.notMapping', {}, { file, line: 1, column: 1 })] };
  }
  const parsed = countyFileSchema.safeParse(source.data, { reportInput: true });
  if (!parsed.success) return { diagnostics: zodDiagnostics(parsed.error.issues, countyFileSchema, source, lang) };
  return { loaded: { file, source, data: parsed.data }, diagnostics: [] };
}

export function loadCountyFile(file: string, lang: Lang): { loaded?: LoadedCountyFile; diagnostics: Diagnostic[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ReadFailure([error('file.unreadable', { path: file, reason: reasonOf(e) }, { file })]);
  }
  return parseCountyFile(text, file, lang);
}
