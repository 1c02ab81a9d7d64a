/**
 * Every file that goes on the disc must have a name a disc can hold (core/disc-names.ts):
 * the submission's own files keep their names on the disc, byte for byte, so a name that
 * would have to change there is refused here, with a name to use instead.
 */
import { discPathProblem, suggestedName } from '../core/disc-names.js';
import { error } from '../core/diagnostic.js';
import type { CheckContext } from './context.js';

export function checkDiscNames(ctx: CheckContext): void {
  const { loaded } = ctx;
  const seen = new Set<string>();
  const files = [{ path: loaded.file, where: { file: loaded.file } }, ...loaded.files.filter((f) => f.status === 'ok')];
  for (const f of files) {
    const bad = discPathProblem(f.path);
    // A folder with a bad name is reported once, not once for every file in it.
    if (!bad || seen.has(bad.prefix)) continue;
    seen.add(bad.prefix);
    ctx.diagnostics.push(
      error(
        'file.discName',
        { path: bad.prefix, name: bad.name, problem: bad.problem, ...(bad.char && { char: bad.char }), length: bad.name.length, max: 64, suggestion: suggestedName(bad.name) },
        f.where,
      ),
    );
  }
  // Two names that differ only in case (合同.PDF, 合同.pdf) are one file on Windows: copied
  // from the disc, the second overwrites the first.
  const byFolded = new Map<string, string>();
  for (const f of files) {
    const folded = f.path.normalize('NFC').toLowerCase();
    const first = byFolded.get(folded);
    if (first === undefined) byFolded.set(folded, f.path);
    else if (first !== f.path) ctx.diagnostics.push(error('file.caseClash', { path: f.path, other: first }, f.where));
  }
}
