/** `shenbao check [dir]`: load, check, print the report (or JSON), and choose the exit code. */
import { countBySeverity } from '../core/diagnostic.js';
import { ui } from '../i18n/ui.js';
import { prepare } from '../pipeline/prepare.js';
import { renderCheckReport, renderDiagnostics } from '../report/check.js';
import { checkJson, exitCodeFor } from '../report/json.js';
import { EXIT, writeJson, type Cli } from './context.js';
import { painter } from './terminal.js';
import { writePieces } from './write.js';

export interface CheckOptions {
  dir: string;
  strict: boolean;
  scheme?: string;
  config?: string;
}

export async function runCheck(cli: Cli, opts: CheckOptions): Promise<number> {
  const prepared = await prepare(cli.world, { dir: opts.dir, scheme: opts.scheme, config: opts.config, cwd: cli.cwd });
  if (!prepared.ok) {
    // The submission file itself is unusable (syntax or schema): report what is wrong and stop.
    if (cli.json) writeJson(cli, checkJson(cli.lang, undefined, prepared.diagnostics, opts.strict));
    else {
      const c = countBySeverity(prepared.diagnostics);
      cli.out.write(`${renderDiagnostics(prepared.diagnostics, cli.lang, painter(cli.out))}\n${ui(cli.lang).summaryErrors(c.error)}\n`);
    }
    return EXIT.problems;
  }
  const { report, loaded, scheme } = prepared;
  if (cli.json) writeJson(cli, checkJson(cli.lang, report, report.diagnostics, opts.strict));
  else writePieces(cli.out, renderCheckReport(report, loaded.submission, scheme, loaded.file, cli.lang, painter(cli.out), opts.strict));
  return exitCodeFor(report.diagnostics, opts.strict);
}
