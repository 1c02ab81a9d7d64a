/**
 * Trainees written directly in submission.yaml under `roster.rows` (handy for small
 * rosters and for tests). Keys are column ids (name, idNumber …) or the Chinese header
 * names; each cell is located by its YAML line and column.
 */
import { error, info } from '../core/diagnostic.js';
import { locate, type Source } from '../core/source.js';
import { closest } from '../core/suggest.js';
import type { Scheme } from '../scheme/schema.js';
import { headerMatcher } from './columns.js';
import type { RawRow, RosterCellValue, RosterTable } from './types.js';

export function readInlineRoster(rows: readonly Record<string, RosterCellValue>[], source: Source | undefined, scheme: Scheme): RosterTable {
  const file = source?.file ?? 'submission.yaml';
  const match = headerMatcher(scheme.roster.columns);
  const diagnostics: RosterTable['diagnostics'] = [];
  const columns = new Set<ReturnType<typeof match> & string>();
  const out: RawRow[] = [];
  rows.forEach((r, i) => {
    const values: RawRow['values'] = {};
    const cells: NonNullable<RawRow['cells']> = {};
    for (const [key, value] of Object.entries(r)) {
      const id = match(key);
      const where = { ...locate(source, ['roster', 'rows', i, key]), row: i + 1 };
      if (!id) {
        const suggestion = closest(key, scheme.roster.columns.flatMap((c) => [c.id, c.name])) ?? '';
        diagnostics.push(error('schema.unknownKey', { key, at: `roster.rows[${i}]`, suggestion }, { ...locate(source, ['roster', 'rows', i, key], { key: true }), row: i + 1 }));
        continue;
      }
      columns.add(id);
      values[id] = value ?? null;
      cells[id] = where;
    }
    out.push({ row: i + 1, where: { ...locate(source, ['roster', 'rows', i]), row: i + 1 }, values, cells });
  });
  if (out.length === 0) diagnostics.push(error('roster.noRows', { path: `${file} roster.rows` }, locate(source, ['roster', 'rows'])));
  if (!columns.has('subsidised')) diagnostics.push(info('roster.subsidisedAssumed', {}, locate(source, ['roster', 'rows'])));
  return { file, columns, rows: out, diagnostics };
}
