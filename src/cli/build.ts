/**
 * `shenbao build [dir]`: check, then fill and render every document, and write the
 * package under <out>/<name>/ in one step (nothing half-written). A submission with
 * errors is refused unless --force.
 */
import path from 'node:path';
import { makePackage, type Package } from '../build/package.js';
import { statSync } from 'node:fs';
import { sizeText } from '../package/disc.js';
import { AttachmentFailure } from '../assemble/volume.js';
import { both, recordingProgress, silent, terminalProgress, timings } from '../build/progress.js';
import { WriteFailure, writeBundle } from '../build/write.js';
import type { Clock } from '../core/clock.js';
import { countBySeverity, error } from '../core/diagnostic.js';
import { collectGarbage } from '../build/memory.js';
import { renderDiagnostics } from './check-report.js';
import { EXIT } from './exit.js';
import { prepare, type PrepareOptions } from './prepare.js';
import { paint, type Out } from './terminal.js';
import { ReadFailure } from '../submission/load.js';

export interface BuildOptions extends PrepareOptions {
  out: string;
  force: boolean;
  quiet: boolean;
}



export async function runBuild(opts: BuildOptions, clock: Clock, out: Out, err: Out): Promise<number> {
  const zh = opts.lang === 'zh';
  const progress = both(opts.quiet || !err.color ? silent : terminalProgress(err), recordingProgress(timings));

  const checking = progress.stage(zh ? '检查' : 'check');
  const { loaded, scheme, fonts, report, diagnostics } = await prepare(opts, clock);
  if (!loaded || !scheme || !fonts || !report) {
    checking.done();
    out.write(renderDiagnostics(diagnostics, opts.lang, out));
    out.write(zh ? '申报文件有错误，未生成任何文件。\n' : 'The submission file has errors; nothing was written.\n');
    return EXIT.problems;
  }
  const counts = countBySeverity(report.diagnostics);
  checking.done(zh ? `${counts.error} 个错误，${counts.warning} 个警告` : `${counts.error} error(s), ${counts.warning} warning(s)`);
  if (counts.error > 0) {
    const problems = report.diagnostics.filter((d) => d.severity !== 'info');
    out.write(renderDiagnostics(problems, opts.lang, out));
    if (!opts.force) {
      out.write(
        paint(out, 'red', zh
          ? `\n有 ${counts.error} 个错误，未生成任何文件。改正后再运行（shenbao check 可查看完整报告），或加 --force 仍然生成。\n`
          : `\n${counts.error} error(s): nothing was written. Fix them (see shenbao check) or add --force to build anyway.\n`),
      );
      return EXIT.problems;
    }
    out.write(paint(out, 'yellow', zh ? `\n--force：尽管有 ${counts.error} 个错误，仍然生成。\n` : `\n--force: building despite ${counts.error} error(s).\n`));
  }

  collectGarbage();
  let pkg: Package;
  try {
    pkg = await makePackage({ loaded, scheme, fonts, report, date: clock.now, progress, lang: opts.lang });
  } catch (e) {
    if (!(e instanceof AttachmentFailure)) throw e;
    out.write(renderDiagnostics([error('attachment.unusable', { path: e.path, reason: e.reason }, { file: e.path })], opts.lang, out));
    return EXIT.problems;
  }
  const { name, bundle, print, archive } = pkg;

  const writing = progress.stage(zh ? '写入' : 'write');
  let target: string;
  try {
    target = await writeBundle(path.resolve(opts.out), name, bundle);
  } catch (e) {
    if (e instanceof WriteFailure) throw new ReadFailure([error('file.unwritable', { path: e.target, reason: e.reason }, { file: e.target })]);
    throw e;
  }
  writing.done();

  const rel = path.relative(process.cwd(), target);
  const shown = rel && !rel.startsWith('..') ? rel : target;
  // The listing shows what a clerk opens; the disc tree is summed up in one line.
  const shownFiles = [...bundle.keys()].filter((k) => !k.startsWith('disc/'));
  out.write(zh ? `已生成 → ${shown}${path.sep}\n` : `Written → ${shown}${path.sep}\n`);
  for (const rel of shownFiles) {
    out.write(`  ${rel}  ${paint(out, 'gray', sizeText(statSync(path.join(target, ...rel.split('/'))).size))}\n`);
  }
  out.write(zh ? `  disc/  ${paint(out, 'gray', `光盘目录：${archive.files} 个文件，${sizeText(archive.payloadBytes)}，BagIt 校验清单`)}\n` : `  disc/  ${paint(out, 'gray', `disc tree: ${archive.files} files, ${sizeText(archive.payloadBytes)}, BagIt manifests`)}\n`);
  out.write(zh ? `打印册每份 ${print.pages} 页（双面 ${Math.ceil(print.pages / 2)} 张），书脊约 ${print.spineMm} mm。\n` : `Each print volume: ${print.pages} pages (${Math.ceil(print.pages / 2)} sheets double-sided), spine about ${print.spineMm} mm.\n`);
  out.write(renderDiagnostics(pkg.diagnostics, opts.lang, out));
  return EXIT.ok;
}
