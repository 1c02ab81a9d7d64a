/**
 * `shenbao county <packages…>` and `shenbao county init [packages…]`: the county bureau's
 * run (see pipeline/county.ts) — this file maps the options, shows progress, writes the
 * bundle in one step and prints the officer's report.
 */
import { writeFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { hasErrors } from '../core/diagnostic.js';
import { fail, ioFailure } from '../core/failure.js';
import { asIoError, IoError } from '../core/io.js';
import { both, silent } from '../core/progress.js';
import { discFor } from '../package/capacity.js';
import { diagnosticJson } from '../i18n/format.js';
import { ui } from '../i18n/ui.js';
import { COUNTY_FILE, runCounty, PRINT } from '../pipeline/county.js';
import { startRenderWorker } from '../pipeline/render-pool.js';
import { countyInit } from '../pipeline/county-init.js';
import { verifiedWrite } from '../pipeline/verify.js';
import { renderCountyReport } from '../report/county.js';
import { messageOf } from '../i18n/format.js';
import { writeBundle } from '../world/node-write.js';
import { diagnosticsJson, EXIT, outputWritable, shown, writeJson, type Cli } from './context.js';
import { recordingProgress, terminalProgress, type Timing } from './progress.js';
import { paint, painter, showsProgress } from './terminal.js';

export interface CountyOptions {
  packages: string[];
  county?: string;
  file?: string;
  out: string;
  jobs?: number;
  scheme?: string;
  config?: string;
}

export async function runCountyCommand(cli: Cli, opts: CountyOptions, timings: Timing[]): Promise<number> {
  const t = ui(cli.lang).county;
  const { out, err } = cli;
  const progress = both(cli.quiet || !showsProgress(err) || cli.json ? silent : terminalProgress(err, cli.lang), recordingProgress(timings));
  await outputWritable(cli, opts.out);
  // The second core's renderer: it loads while the packages are taken in, then shares the county's documents.
  const helper = startRenderWorker();
  const run = await runCounty(cli.world, { ...opts, cwd: cli.cwd, progress, helpers: helper ? [helper] : [] }).finally(() => helper?.close());
  let target: string;
  try {
    const writing = progress.stage('write');
    target = await writeBundle(path.resolve(cli.cwd, opts.out), run.name, run.bundle, { check: verifiedWrite(cli.world, run.name, { bundle: run.bundle, digests: run.disc.digests }) });
    writing.done();
  } catch (e) {
    if (e instanceof IoError) throw ioFailure(e, true);
    throw e;
  } finally {
    await run.close();
  }
  const { plan } = run;
  const blocking = plan.applicants.some((p) => hasErrors([...p.diagnostics, ...p.intake.problems]));
  const code = blocking ? EXIT.problems : EXIT.ok;
  if (cli.json) {
    writeJson(cli, {
      ok: !blocking,
      exitCode: code,
      output: target,
      applicants: plan.applicants.map((p) => ({
        number: p.number,
        input: p.intake.input,
        institution: p.intake.applicant?.institution ?? null,
        trade: p.intake.applicant?.trade ?? null,
        kind: p.intake.applicant?.kind ?? null,
        fixity: p.intake.fixity,
        decision: p.decision,
        forwarded: p.forward,
        documents: run.docsOf(p),
        diagnostics: [...p.intake.problems, ...p.diagnostics, ...p.intake.check].map((d) => diagnosticJson(d, cli.lang)),
      })),
      diagnostics: diagnosticsJson(cli, plan.diagnostics),
    });
    return code;
  }
  out.write(renderCountyReport(plan, run.scheme, cli.lang, painter(out), run.docsOf));
  const disc = discFor(run.disc.isoBytes);
  const forwarded = plan.applicants.filter((p) => p.forward).length;
  const reports = plan.applicants.filter((p) => p.decision === 'recommend').length;
  const evals = plan.applicants.filter((p) => p.decision === 'review').length;
  out.write(`\n${t.written(`${shown(cli, target)}${path.sep}`)}\n`);
  out.write(`  ${paint(out, 'gray', t.summaryLine(plan.applicants.length))}\n`);
  out.write(`  ${t.reportsLine(reports, evals)}\n`);
  out.write(`  ${paint(out, 'gray', t.printLine(run.print.pages, forwarded, PRINT.applicants))}\n`);
  out.write(`  ${paint(out, 'gray', t.discLine(run.name, run.disc.files, run.disc.payloadBytes, disc?.id))}\n`);
  out.write(`  ${t.recordLine}\n`);
  if (blocking) out.write(paint(out, 'yellow', `\n${t.blocking}\n`));
  return code;
}

export async function runCountyInitCommand(cli: Cli, opts: Omit<CountyOptions, 'out'> & { force: boolean }): Promise<number> {
  const t = ui(cli.lang).county;
  const { out } = cli;
  const shownFile = opts.file ?? COUNTY_FILE;
  const file = path.resolve(cli.cwd, shownFile);
  if (!opts.force && (await stat(file).then(() => true, () => false))) throw fail('usage', 'usage.exists', { paths: [shownFile] });
  const r = await countyInit(cli.world, { ...opts, cwd: cli.cwd, lang: cli.lang });
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    await writeFile(tmp, r.text);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw ioFailure(asIoError(e, shownFile), true);
  }
  const unread = r.intakes.filter((i) => !i.applicant);
  if (cli.json) {
    writeJson(cli, { ok: true, exitCode: EXIT.ok, file: r.file, applicants: r.listed, unreadable: unread.map((i) => i.input), damaged: r.intakes.filter((i) => i.applicant && i.fixity === 'damaged').map((i) => i.input), county: r.county || null, diagnostics: [] });
    return EXIT.ok;
  }
  out.write(`${paint(out, 'green', '✓')} ${t.initCreated(shownFile, r.listed)}\n`);
  for (const it of unread) {
    const why = [...it.problems, ...it.check].find((d) => d.severity === 'error');
    out.write(`${paint(out, 'yellow', '⚠')} ${t.initUnreadable(it.input, why ? messageOf(why, cli.lang) : '')}\n`);
  }
  // Damaged packages whose data could be read are listed (or stand beside an intact copy): each is named.
  for (const it of r.intakes.filter((i) => i.applicant && i.fixity === 'damaged')) {
    out.write(`${paint(out, 'yellow', '⚠')} ${t.initDamaged(it.input, it.problems.length)}\n`);
  }
  if (!r.county) out.write(`${paint(out, 'yellow', '⚠')} ${t.initNoCounty}\n`);
  out.write(t.initNext(shownFile, r.command));
  return EXIT.ok;
}
