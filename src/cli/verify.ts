/**
 * `shenbao verify <folder | zip | iso>`: is the package complete and unchanged? Prints every
 * problem file by file; exit 0 only when everything holds.
 */
import { error } from '../core/diagnostic.js';
import { diagnosticJson } from '../i18n/format.js';
import type { Lang } from '../i18n/lang.js';
import { openBag, SourceFailure } from '../package/sources.js';
import { algName, verifyBag } from '../package/verify.js';
import { ReadFailure, reasonOf } from '../submission/load.js';
import { renderDiagnostics } from './check-report.js';
import { EXIT } from './exit.js';
import { paint, type Out } from './terminal.js';

export interface VerifyOptions {
  target: string;
  json: boolean;
  lang: Lang;
}

export async function runVerify(opts: VerifyOptions, out: Out): Promise<number> {
  const zh = opts.lang === 'zh';
  let source;
  try {
    source = await openBag(opts.target);
  } catch (e) {
    if (e instanceof SourceFailure) {
      const d = [error('verify.broken', { reason: e.reason }, { file: opts.target })];
      if (opts.json) out.write(`${JSON.stringify({ ok: false, diagnostics: d.map((x) => diagnosticJson(x, opts.lang)) }, null, 2)}\n`);
      else out.write(renderDiagnostics(d, opts.lang, out));
      return EXIT.problems;
    }
    throw new ReadFailure([error('file.unreadable', { path: opts.target, reason: reasonOf(e) }, { file: opts.target })]);
  }
  try {
    const r = await verifyBag(source);
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    if (opts.json) {
      out.write(`${JSON.stringify({ ok: errors.length === 0, kind: source.kind, files: r.payloadFiles, verified: r.verified, algorithms: r.algorithms, diagnostics: r.diagnostics.map((d) => diagnosticJson(d, opts.lang)) }, null, 2)}\n`);
    } else {
      const kind = zh ? { folder: '文件夹', zip: 'zip 归档', iso: '光盘镜像' }[source.kind] : source.kind;
      out.write(`${zh ? '核验' : 'Verifying'} ${opts.target}（${kind}）\n`);
      if (r.diagnostics.length) out.write(renderDiagnostics(r.diagnostics, opts.lang, out));
      const algs = r.algorithms.map(algName).join(zh ? '、' : ', ');
      out.write(
        errors.length === 0
          ? paint(out, 'green', zh ? `✓ 核验通过：${r.verified} 个文件的 ${algs} 校验值全部一致，没有缺少或多出的文件。\n` : `✓ Verified: ${r.verified} files match their ${algs} checksums; nothing missing, nothing extra.\n`)
          : paint(out, 'red', zh ? `✗ 发现 ${errors.length} 处问题（${r.verified}/${r.payloadFiles} 个文件一致）。\n` : `✗ ${errors.length} problem(s) (${r.verified}/${r.payloadFiles} files match).\n`),
      );
    }
    return errors.length === 0 ? EXIT.ok : EXIT.problems;
  } finally {
    await source.close();
  }
}
