/**
 * `shenbao verify <folder | zip | iso>`: is the package complete and unchanged? Prints every
 * problem file by file; exit 0 only when everything holds.
 */
import path from 'node:path';
import { ui } from '../i18n/ui.js';
import { algName } from '../package/verify.js';
import { verifyPackage } from '../pipeline/verify.js';
import { renderDiagnostics } from '../report/check.js';
import { diagnosticsJson, EXIT, writeJson, type Cli } from './context.js';
import { paint, painter } from './terminal.js';

export async function runVerify(cli: Cli, target: string): Promise<number> {
  const t = ui(cli.lang);
  const { out } = cli;
  const v = await verifyPackage(cli.world, path.resolve(cli.cwd, target), target);
  if (!v.opened) {
    if (cli.json) writeJson(cli, { ok: false, exitCode: EXIT.problems, diagnostics: diagnosticsJson(cli, v.diagnostics) });
    else out.write(renderDiagnostics(v.diagnostics, cli.lang, painter(out)));
    return EXIT.problems;
  }
  const { result: r, errors } = v;
  const code = errors === 0 ? EXIT.ok : EXIT.problems;
  if (cli.json) {
    writeJson(cli, { ok: errors === 0, exitCode: code, kind: v.kind, files: r.payloadFiles, verified: r.verified, algorithms: r.algorithms, ...(r.fingerprint && { fingerprint: r.fingerprint }), diagnostics: diagnosticsJson(cli, r.diagnostics) });
  } else {
    out.write(`${t.verify.verifying(target, t.verify.kinds[v.kind])}\n`);
    if (r.diagnostics.length) out.write(renderDiagnostics(r.diagnostics, cli.lang, painter(out)));
    const algs = t.list(r.algorithms.map(algName));
    out.write(`${errors === 0 ? paint(out, 'green', t.verify.ok(r.verified, algs)) : paint(out, 'red', t.verify.failed(errors, r.verified, r.payloadFiles))}\n`);
    // One line to compare with the one printed on the volumes' contents page and the spine.
    if (r.fingerprint) out.write(`${t.verify.fingerprint(r.fingerprint.short, r.fingerprint.files, r.fingerprint.bytes, r.fingerprint.excludes)}\n`);
  }
  return code;
}
