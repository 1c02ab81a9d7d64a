/** Diagnostics into sentences, at the edge: the one place a code becomes words of one language. */
import type { Code } from '../core/codes.js';
import type { Diagnostic, Location } from '../core/diagnostic.js';
import { catalog } from './catalog.js';
import type { Lang } from './lang.js';

type AnyRender = (p: unknown) => string;

export function messageOf(d: Diagnostic, lang: Lang): string {
  const def = catalog[d.code as Code] as unknown as Record<Lang, AnyRender>;
  return def[lang](d.params);
}

export function hintOf(d: Diagnostic, lang: Lang): string | undefined {
  const def = catalog[d.code as Code] as { hint?: { zh: AnyRender; en: AnyRender } };
  return def.hint ? def.hint[lang](d.params) : undefined;
}

/**
 * The place as a clerk reads it: `submission.yaml:12:5`, `roster.xlsx 花名册!E12`,
 * `roster.csv!E12`, or `submission.yaml 第 3 行（roster.rows）`.
 */
export function placeOf(loc: Location, lang: Lang): string {
  const parts: string[] = [];
  if (loc.file) {
    let s = loc.file;
    if (loc.line !== undefined) s += `:${loc.line}${loc.column !== undefined ? `:${loc.column}` : ''}`;
    parts.push(s);
  }
  if (loc.cell) {
    parts.push(loc.sheet ? `${loc.sheet}!${loc.cell}` : loc.cell);
  } else if (loc.row !== undefined && loc.line === undefined) {
    parts.push(lang === 'zh' ? `第 ${loc.row} 行` : `row ${loc.row}`);
  }
  if (parts.length === 0 && loc.field) parts.push(loc.field);
  return parts.join(' ');
}

/** The JSON form promised by `check --json`. */
export interface DiagnosticJson {
  severity: Diagnostic['severity'];
  code: string;
  message: string;
  hint: string | null;
  file: string | null;
  line: number | null;
  column: number | null;
  sheet: string | null;
  cell: string | null;
  row: number | null;
  field: string | null;
}

export function diagnosticJson(d: Diagnostic, lang: Lang): DiagnosticJson {
  const l = d.location;
  return {
    severity: d.severity,
    code: d.code,
    message: messageOf(d, lang),
    hint: hintOf(d, lang) ?? null,
    file: l.file ?? null,
    line: l.line ?? null,
    column: l.column ?? null,
    sheet: l.sheet ?? null,
    cell: l.cell ?? null,
    row: l.row ?? null,
    field: l.field ?? null,
  };
}
