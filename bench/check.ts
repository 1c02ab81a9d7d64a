/** `check` on the example with its roster replaced by an n-row roster: load + check, in process. */
import { cpSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { readFileSync } from 'node:fs';
import { checkSubmission } from '../src/check/run.js';
import { loadScheme, TEMPLATES_DIR } from '../src/scheme/load.js';
import { loadSubmission } from '../src/submission/load.js';
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

export async function timeCheck(dir: string): Promise<{ ms: number; trainees: number; errors: number }> {
  const { scheme } = loadScheme(path.join(TEMPLATES_DIR, 'xam-2023'));
  const t0 = performance.now();
  const { loaded } = await loadSubmission(dir, 'zh', () => scheme!);
  const report = checkSubmission(loaded!, scheme!, '2026-10-20');
  const ms = performance.now() - t0;
  return { ms, trainees: report.roster?.trainees.length ?? 0, errors: report.diagnostics.filter((d) => d.severity === 'error').length };
}
