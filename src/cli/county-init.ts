/**
 * `shenbao county init [packages…]`: writes county.yaml with a Chinese comment on every
 * field and, when packages are given, one entry per applicant with what its package shows
 * (kind, figures, eligibility, self-score) as a comment above it — so the officer decides
 * with the facts in view and never retypes a name.
 */
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { silent } from '../build/progress.js';
import { chinaDate, type Clock } from '../core/clock.js';
import type { Intake } from '../county/intake.js';
import { cnDate } from '../forms/cn.js';
import type { Lang } from '../i18n/lang.js';
import { messageOf } from '../i18n/format.js';
import { formatInt, formatPercent, formatPoints } from '../i18n/number.js';
import type { Scheme } from '../scheme/schema.js';
import { COUNTY_FILE, expandPackages, intakeAll } from './county.js';
import { EXIT, UsageError } from './exit.js';
import { paint, type Out } from './terminal.js';

export interface CountyInitOptions {
  packages: string[];
  county?: string;
  file?: string;
  force: boolean;
  jobs?: number;
  lang: Lang;
  scheme?: string;
  config?: string;
}

function summaryOf(it: Intake, scheme: Scheme): string {
  const a = it.applicant;
  if (!a) return `材料包无法使用：${it.fixity === 'unreadable' ? '无法读取' : '申报数据无法读取'}`;
  const parts = [`${a.kind === 'review' ? '复评' : '认定'} · ${scheme.levels[a.level].name}`];
  parts.push({ intact: '材料包完好', damaged: '材料包已损坏', unsealed: '申报文件夹（未封装）', unreadable: '材料包无法读取' }[it.fixity]);
  parts.push(it.counts.error ? `检查 ${it.counts.error} 个错误` : '检查无错误');
  const f = a.figures;
  if (f) parts.push(`培训 ${formatInt(f.trained)} 人，合格率 ${formatPercent(f.passRate)}，就业率 ${formatPercent(f.employmentRate)}`);
  if (a.eligibility) parts.push(a.eligibility.eligible ? `符合${scheme.levels[a.level].name}条件` : `未达到${scheme.levels[a.level].name}条件`);
  parts.push(`自评 ${formatPoints(a.score.total)} 分`);
  return parts.join('；');
}

export function countySkeleton(scheme: Scheme, input: { county: string; band?: string; intakes: readonly Intake[]; today: string; command: string }): string {
  const src = readFileSync(path.join(scheme.dir, 'skeleton', 'county.yaml.hbs'), 'utf8');
  const hb = Handlebars.create();
  hb.registerHelper('json', (v: unknown) => JSON.stringify(v ?? ''));
  const template = hb.compile(src, { noEscape: true, strict: false });
  const seen = new Set<string>();
  const applicants = input.intakes.flatMap((it) => {
    const a = it.applicant;
    if (!a) return [];
    const key = `${a.institution}|${a.trade}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ number: String(it.index + 1).padStart(2, '0'), package: it.input, summary: summaryOf(it, scheme), institution: a.institution, trade: a.trade, review: a.kind === 'review' }];
  });
  const year = Number(input.today.slice(0, 4));
  return template({
    title: `${scheme.title} · 旗县市初审推荐`,
    today: input.today,
    county: input.county,
    band: input.band ?? '',
    bureau: input.county ? `${input.county}人力资源和社会保障局` : '',
    deadline: cnDate(`${year}-${scheme.countyReview.deadline}`).replace(/^\d+年/, ''),
    recipient: scheme.countyReview.recipient,
    command: input.command,
    applicants,
  });
}

export async function runCountyInit(opts: CountyInitOptions, scheme: Scheme, clock: Clock, out: Out): Promise<number> {
  const zh = opts.lang === 'zh';
  const file = path.resolve(opts.file ?? COUNTY_FILE);
  if (existsSync(file) && !opts.force) {
    throw new UsageError(zh ? `${opts.file ?? COUNTY_FILE} 已经存在，没有写入。要覆盖请加 --force（原有内容会丢失）。` : `${opts.file ?? COUNTY_FILE} already exists; nothing was written. Add --force to overwrite.`);
  }
  const packages = expandPackages(opts.packages);
  const work = mkdtempSync(path.join(path.dirname(file), '.shenbao-county-init-'));
  let intakes: Intake[];
  try {
    intakes = await intakeAll({ ...opts, out: work, quiet: true }, packages, work, clock, silent);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const named = [...new Set(intakes.flatMap((i) => (i.applicant ? [i.applicant.county] : [])))];
  const bands = [...new Set(intakes.flatMap((i) => (i.applicant?.populationBand ? [i.applicant.populationBand] : [])))];
  const county = opts.county ?? (named.length === 1 ? named[0]! : '');
  const band = bands.length === 1 ? scheme.populationBands[bands[0]!].name : '';
  const shownFile = opts.file ?? COUNTY_FILE;
  const command = `${opts.packages.map((p) => (/\s/.test(p) ? `"${p}"` : p)).join(' ') || '<材料包…>'}${opts.file ? ` --file ${opts.file}` : ''}`;
  const text = countySkeleton(scheme, { county, band, intakes, today: chinaDate(clock.now), command });
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);

  const listed = new Set(intakes.flatMap((i) => (i.applicant ? [`${i.applicant.institution}|${i.applicant.trade}`] : []))).size;
  out.write(`${paint(out, 'green', '✓')} ${zh ? '已生成' : 'Created'} ${shownFile}${zh ? `：${listed} 个申报单位` : `: ${listed} applicant(s)`}\n`);
  for (const it of intakes.filter((i) => !i.applicant)) {
    const why = [...it.problems, ...it.check].find((d) => d.severity === 'error');
    out.write(`${paint(out, 'yellow', '⚠')} ${it.input}：${zh ? '无法读取申报数据，未列入' : 'its data could not be read; not listed'}${why ? `（${messageOf(why, opts.lang)}）` : ''}\n`);
  }
  if (!county) out.write(`${paint(out, 'yellow', '⚠')} ${zh ? '请在 county.name 中填写旗县市名称' : 'Fill in county.name'}\n`);
  out.write(zh ? `\n下一步：在 ${shownFile} 中填写联系人、每个单位是否推荐和报告文字，然后运行\n    shenbao county ${command}\n` : `\nNext: fill in the contact, each decision and the report texts in ${shownFile}, then run\n    shenbao county ${command}\n`);
  return EXIT.ok;
}
