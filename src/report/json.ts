/**
 * The check as one JSON value — what `check --json` prints and what the page reads after
 * each save: the diagnostics in the asker's language with their places, and the figures,
 * eligibility, materials, score and partners as data.
 */
import type { CheckReport } from '../check/run.js';
import { countBySeverity, type Diagnostic } from '../core/diagnostic.js';
import { EXIT } from '../core/failure.js';
import { diagnosticJson } from '../i18n/format.js';
import type { Lang } from '../i18n/lang.js';

export function exitCodeFor(diagnostics: readonly Diagnostic[], strict: boolean): number {
  const c = countBySeverity(diagnostics);
  return c.error > 0 || (strict && c.warning > 0) ? EXIT.problems : EXIT.ok;
}

/** `{ok, exitCode, diagnostics, figures, eligibility, materials, score, partners}`. */
export function checkJson(lang: Lang, report: CheckReport | undefined, diagnostics: readonly Diagnostic[], strict: boolean) {
  const exitCode = exitCodeFor(diagnostics, strict);
  return {
    ok: exitCode === EXIT.ok,
    exitCode,
    diagnostics: diagnostics.map((d) => diagnosticJson(d, lang)),
    figures: report?.figures ?? null,
    eligibility: report?.eligibility ?? null,
    materials:
      report?.materials.map(({ problems, ...m }) => ({ ...m, errors: problems.filter((d) => d.severity === 'error').length, warnings: problems.filter((d) => d.severity === 'warning').length })) ?? [],
    score: report?.score ?? null,
    partners: report?.partners ?? null,
  };
}

export type CheckJson = ReturnType<typeof checkJson>;
