/**
 * `shenbao verify <folder | zip | iso>`: is the package complete and unchanged? Prints every
 * problem file by file; exit 0 only when everything holds.
 */
import path from 'node:path';
import { error } from '../core/diagnostic.js';
import { ioFailure } from '../core/failure.js';
import { IoError } from '../core/io.js';
import { ui } from '../i18n/ui.js';
import { openBag, SourceFailure } from '../package/sources.js';
import { algName, verifyBag } from '../package/verify.js';
import { renderDiagnostics } from '../report/check.js';
import { diagnosticsJson, EXIT, writeJson, type Cli } from './context.js';
import { paint, painter } from './terminal.js';

export async function runVerify(cli: Cli, target: string): Promise<number> {
  const t = ui(cli.lang);
  const { out } = cli;
  let source;
  try {
    source = await openBag(cli.world, path.resolve(cli.cwd, target));
  } catch (e) {
    if (e instanceof IoError) throw ioFailure(new IoError(target, e.reason, e.detail));
    if (!(e instanceof SourceFailure)) throw e;
    const d = [error('verify.broken', { detail: e.reason }, { file: target })];
    if (cli.json) writeJson(cli, { ok: false, exitCode: EXIT.problems, diagnostics: diagnosticsJson(cli, d) });
    else out.write(renderDiagnostics(d, cli.lang, painter(out)));
    return EXIT.problems;
  }
  try {
    const r = await verifyBag(source);
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    const code = errors.length === 0 ? EXIT.ok : EXIT.problems;
    if (cli.json) {
      writeJson(cli, { ok: errors.length === 0, exitCode: code, kind: source.kind, files: r.payloadFiles, verified: r.verified, algorithms: r.algorithms, diagnostics: diagnosticsJson(cli, r.diagnostics) });
    } else {
      out.write(`${t.verify.verifying(target, t.verify.kinds[source.kind])}\n`);
      if (r.diagnostics.length) out.write(renderDiagnostics(r.diagnostics, cli.lang, painter(out)));
      const algs = t.list(r.algorithms.map(algName));
      out.write(`${errors.length === 0 ? paint(out, 'green', t.verify.ok(r.verified, algs)) : paint(out, 'red', t.verify.failed(errors.length, r.verified, r.payloadFiles))}\n`);
    }
    return code;
  } finally {
    await source.close();
  }
}
