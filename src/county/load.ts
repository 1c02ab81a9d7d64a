/** The county file (county.yaml): YAML errors with line and column, schema errors with the field. */
import { error, type Diagnostic } from '../core/diagnostic.js';
import { ioFailure } from '../core/failure.js';
import type { IoError } from '../core/io.js';
import { parseSource, type Source } from '../core/source.js';
import { zodDiagnostics } from '../core/zod-report.js';
import { decodeText, type World } from '../world/world.js';
import { countyFileSchema, type CountyFile } from './schema.js';

export interface LoadedCountyFile {
  file: string;
  source: Source;
  data: CountyFile;
  /** The file's bytes, as they go on the county's disc. */
  bytes: Uint8Array;
}

/** Pure: the text of a county file to its data, or the problems. */
export function parseCountyFile(text: string, file: string): { loaded?: Omit<LoadedCountyFile, 'bytes'>; diagnostics: Diagnostic[] } {
  const { source, diagnostics } = parseSource(text, file);
  if (!source) return { diagnostics };
  if (source.data === null || typeof source.data !== 'object' || Array.isArray(source.data)) {
    return { diagnostics: [error('syntax.notMapping', {}, { file, line: 1, column: 1 })] };
  }
  const parsed = countyFileSchema.safeParse(source.data, { reportInput: true });
  if (!parsed.success) return { diagnostics: zodDiagnostics(parsed.error.issues, countyFileSchema, source) };
  return { loaded: { file, source, data: parsed.data }, diagnostics: [] };
}

/** Reads and parses county.yaml; a file that cannot be read is a Failure (exit 3). */
export async function loadCountyFile(world: World, file: string, shown = file): Promise<{ loaded?: LoadedCountyFile; diagnostics: Diagnostic[] }> {
  let bytes: Uint8Array;
  try {
    bytes = await world.read(file);
  } catch (e) {
    throw ioFailure(e as IoError);
  }
  const { loaded, diagnostics } = parseCountyFile(decodeText(bytes), shown);
  return loaded ? { loaded: { ...loaded, bytes }, diagnostics } : { diagnostics };
}
