/** `shenbao check [dir]`: load, check, print the report (or JSON), and choose the exit code. */
import type { CheckReport } from '../check/run.js';
import type { Clock } from '../core/clock.js';
import { countBySeverity, type Diagnostic } from '../core/diagnostic.js';
import { diagnosticJson } from '../i18n/format.js';
import type { Lang } from '../i18n/lang.js';
import { ui } from '../i18n/ui.js';
import { renderCheckReport, renderDiagnostics } from './check-report.js';
import { EXIT } from './exit.js';
import { prepare, type PrepareOptions } from './prepare.js';
import type { Out } from './terminal.js';

export interface CheckOptions extends PrepareOptions {
  json: boolean;
  strict: boolean;
}

export function exitCodeFor(diagnostics: readonly Diagnostic[], strict: boolean): number {
  const c = countBySeverity(diagnostics);
  return c.error > 0 || (strict && c.warning > 0) ? EXIT.problems : EXIT.ok;
}

/** The `--json` object: `{ok, diagnostics, figures, eligibility, materials, score}`. */
export function checkJson(report: CheckReport | undefined, diagnostics: readonly Diagnostic[], lang: Lang, strict: boolean) {
  return {
    ok: exitCodeFor(diagnostics, strict) === EXIT.ok,
    diagnostics: diagnostics.map((d) => diagnosticJson(d, lang)),
    figures: report?.figures ?? null,
    eligibility: report?.eligibility ?? null,
    materials:
      report?.materials.map(({ problems, ...m }) => ({ ...m, errors: problems.filter((d) => d.severity === 'error').length, warnings: problems.filter((d) => d.severity === 'warning').length })) ?? [],
    score: report?.score ?? null,
    partners: report?.partners ?? null,
  };
}

export async function runCheck(opts: CheckOptions, clock: Clock, out: Out): Promise<number> {
  const { loaded, scheme, report, diagnostics } = await prepare(opts, clock);
  if (!loaded || !scheme || !report) {
    // The submission file itself is unusable (syntax or schema): report what is wrong and stop.
    if (opts.json) out.write(JSON.stringify(checkJson(undefined, diagnostics, opts.lang, opts.strict), null, 2) + '\n');
    else {
      const c = countBySeverity(diagnostics);
      out.write(renderDiagnostics(diagnostics, opts.lang, out) + '\n' + ui(opts.lang).summaryErrors(c.error) + '\n');
    }
    return EXIT.problems;
  }
  if (opts.json) out.write(JSON.stringify(checkJson(report, report.diagnostics, opts.lang, opts.strict), null, 2) + '\n');
  else out.write(renderCheckReport(report, loaded.submission, scheme, loaded.file, opts.lang, out, opts.strict));
  return exitCodeFor(report.diagnostics, opts.strict);
}
