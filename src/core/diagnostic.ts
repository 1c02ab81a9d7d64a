/**
 * One diagnostic type for every stage (loader, roster, rules, score).
 *
 * A diagnostic stores a message *code* and its parameters, not a sentence: the sentence is
 * produced at the edge in the user's language (see i18n/format.ts); the codes and their
 * parameters are listed in codes.ts. Parameters never carry raw personal data — callers
 * mask ID numbers and phones before they build one.
 */
import type { Code, ParamsOf } from './codes.js';

export type Severity = 'error' | 'warning' | 'info';

/** Where a problem is: a YAML line:column, a sheet!cell, a roster row, a field path. */
export interface Location {
  /** File path as the user knows it (relative to the submission folder when possible). */
  file?: string;
  line?: number;
  column?: number;
  /** Worksheet name for .xlsx rosters. */
  sheet?: string;
  /** A1-style cell reference inside the sheet (or the CSV read as a sheet). */
  cell?: string;
  /** 1-based row number in the roster sheet / CSV / inline list. */
  row?: number;
  /** Dotted field path inside the submission (e.g. `institution.name`). */
  field?: string;
}

export interface Diagnostic<C extends Code = Code> {
  severity: Severity;
  code: C;
  params: ParamsOf<C>;
  location: Location;
}

export function diag<C extends Code>(
  severity: Severity,
  code: C,
  params: ParamsOf<C>,
  location: Location = {},
): Diagnostic<C> {
  return { severity, code, params, location };
}

export const error = <C extends Code>(code: C, params: ParamsOf<C>, location?: Location) =>
  diag('error', code, params, location);
export const warning = <C extends Code>(code: C, params: ParamsOf<C>, location?: Location) =>
  diag('warning', code, params, location);
export const info = <C extends Code>(code: C, params: ParamsOf<C>, location?: Location) =>
  diag('info', code, params, location);

export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error');
}

export function countBySeverity(list: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of list) counts[d.severity]++;
  return counts;
}

/** Stable order for reports: by file, then position, then severity. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return [...list].sort(
    (a, b) =>
      (a.location.file ?? '').localeCompare(b.location.file ?? '') ||
      (a.location.row ?? a.location.line ?? 0) - (b.location.row ?? b.location.line ?? 0) ||
      (a.location.column ?? 0) - (b.location.column ?? 0) ||
      (a.location.cell ?? '').localeCompare(b.location.cell ?? '') ||
      rank[a.severity] - rank[b.severity],
  );
}
