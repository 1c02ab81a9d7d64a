/**
 * `shenbao build [dir]`: check, then fill and render every document, bind the volumes and
 * make the disc, and write the package under <out>/<name>/ in one step (nothing
 * half-written). A submission with errors is refused unless --force.
 */
import path from 'node:path';
import { countBySeverity } from '../core/diagnostic.js';
import { ioFailure } from '../core/failure.js';
import { IoError } from '../core/io.js';
import { both, silent } from '../core/progress.js';
import { ui } from '../i18n/ui.js';
import { build } from '../pipeline/build.js';
import { startRenderWorker, type RenderWorker } from '../pipeline/render-pool.js';
import { verifiedWrite } from '../pipeline/verify.js';
import { sizeText } from '../package/disc.js';
import { renderDiagnostics } from '../report/check.js';
import { writeBundle } from '../world/node-write.js';
import { diagnosticsJson, EXIT, outputWritable, shown, writeJson, type Cli } from './context.js';
import { recordingProgress, terminalProgress, type Timing } from './progress.js';
import { paint, painter, showsProgress } from './terminal.js';

export interface BuildOptions {
  dir: string;
  out: string;
  force: boolean;
  scheme?: string;
  config?: string;
}

/** `helper`: the render worker, if the caller started one already; closed once the build is made. */
export async function runBuild(cli: Cli, opts: BuildOptions, timings: Timing[], helper: RenderWorker | undefined = startRenderWorker()): Promise<number> {
  const t = ui(cli.lang);
  const { out, err } = cli;
  const progress = both(cli.quiet || !showsProgress(err) || cli.json ? silent : terminalProgress(err, cli.lang), recordingProgress(timings));
  await outputWritable(cli, opts.out).catch(async (e: unknown) => {
    await helper?.close();
    throw e;
  });
  const result = await build(cli.world, { dir: opts.dir, scheme: opts.scheme, config: opts.config, cwd: cli.cwd, force: opts.force, progress, helpers: helper ? [helper] : [], releaseHelpers: () => void helper?.close() }).finally(() => helper?.close());
  if (result.status === 'unreadable') {
    if (cli.json) writeJson(cli, { ok: false, exitCode: EXIT.problems, diagnostics: diagnosticsJson(cli, result.diagnostics) });
    else out.write(`${renderDiagnostics(result.diagnostics, cli.lang, painter(out))}${t.build.unreadable}\n`);
    return EXIT.problems;
  }
  const diagnostics = result.checked.report.diagnostics;
  const counts = countBySeverity(diagnostics);
  const problems = diagnostics.filter((d) => d.severity !== 'info');
  if (result.status === 'refused') {
    if (cli.json) writeJson(cli, { ok: false, exitCode: EXIT.problems, diagnostics: diagnosticsJson(cli, problems) });
    else out.write(`${renderDiagnostics(problems, cli.lang, painter(out))}${paint(out, 'red', `\n${t.build.refused(counts.error)}\n`)}`);
    return EXIT.problems;
  }
  if (counts.error > 0 && !cli.json) out.write(`${renderDiagnostics(problems, cli.lang, painter(out))}${paint(out, 'yellow', `\n${t.build.forced(counts.error)}\n`)}`);

  const { pkg } = result;
  const writing = progress.stage('write');
  let target: string;
  try {
    target = await writeBundle(path.resolve(cli.cwd, opts.out), pkg.name, pkg.bundle, { check: verifiedWrite(cli.world, pkg.name, { bundle: pkg.bundle, digests: pkg.archive.digests }) });
  } catch (e) {
    if (e instanceof IoError) throw ioFailure(e, true);
    throw e;
  }
  writing.done();

  // The listing shows what a clerk opens; the disc tree is summed up in one line.
  const files = [...pkg.bundle.keys()].filter((k) => !k.startsWith('disc/'));
  if (cli.json) {
    writeJson(cli, {
      ok: true,
      exitCode: EXIT.ok,
      output: target,
      files,
      disc: { files: pkg.archive.files, payloadBytes: pkg.archive.payloadBytes, isoBytes: pkg.archive.isoBytes },
      print: { pages: pkg.print.pages, spineMm: pkg.print.spineMm },
      diagnostics: diagnosticsJson(cli, [...diagnostics, ...pkg.diagnostics]),
    });
    return EXIT.ok;
  }
  const { stat } = await import('node:fs/promises');
  out.write(`${t.build.written(`${shown(cli, target)}${path.sep}`)}\n`);
  for (const rel of files) out.write(`  ${rel}  ${paint(out, 'gray', sizeText((await stat(path.join(target, ...rel.split('/')))).size))}\n`);
  out.write(`  disc/  ${paint(out, 'gray', t.build.discLine(pkg.archive.files, pkg.archive.payloadBytes))}\n`);
  out.write(`${t.build.volumes(pkg.print.pages, pkg.print.spineMm)}\n`);
  out.write(renderDiagnostics(pkg.diagnostics, cli.lang, painter(out)));
  return EXIT.ok;
}
