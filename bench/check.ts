/** Copies of the example with larger rosters, for the benchmark. */
import { cpSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { readFileSync } from 'node:fs';
import { rosterWorkbook } from './rosters.js';

export const EXAMPLE = path.resolve(import.meta.dirname, '../data/example');

/** A copy of the example whose roster has n rows. */
export async function exampleWithRoster(n: number): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), `shenbao-bench-${n}-`));
  cpSync(EXAMPLE, dir, { recursive: true });
  writeFileSync(path.join(dir, 'bench-roster.xlsx'), await rosterWorkbook(n));
  const file = path.join(dir, 'submission.yaml');
  const doc = parseDocument(readFileSync(file, 'utf8'));
  doc.set('roster', 'bench-roster.xlsx');
  writeFileSync(file, doc.toString());
  return dir;
}

