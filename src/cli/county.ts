/**
 * `shenbao county <packages…>`: the county bureau's run. Every applicant's package is opened,
 * verified and checked again on a worker thread; county.yaml gives the county's decisions and
 * words; out come the summary, the recommendation and evaluation reports, the audit record,
 * the print set and the disc (tree, zip, ISO) — written in one step under <out>/<name>/.
 * A package that cannot be used gets its line in the report; the others go on.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { packTree } from '../build/archive.js';
import type { Bundle } from '../build/bundle.js';
import { both, recordingProgress, silent, terminalProgress, timings, type Progress } from '../build/progress.js';
import { fileNamePart, WriteFailure, writeBundle } from '../build/write.js';
import { chinaDate, type Clock } from '../core/clock.js';
import { error, hasErrors, type Diagnostic } from '../core/diagnostic.js';
import { decide, type ApplicantPlan, type CountyPlan } from '../county/decide.js';
import { COUNTY_DIR, applicantBase, fillCountyDocuments, renderCountyDocuments } from '../county/documents.js';
import { buildCountyDisc } from '../county/disc.js';
import { bagRootOf, packageForm, type Intake } from '../county/intake.js';
import type { Built, Job } from '../county/jobs.js';
import { loadCountyFile, type LoadedCountyFile } from '../county/load.js';
import { runPool } from '../county/pool.js';
import { buildCountyPrintSet, PRINT } from '../county/print.js';
import type { CountyInfo } from '../county/context.js';
import type { Lang } from '../i18n/lang.js';
import { discFor } from '../package/capacity.js';
import { notepadText, sizeText } from '../package/disc.js';
import { fontChoice } from '../render/font-choice.js';
import { fontSet } from '../render/fonts.js';
import type { Scheme } from '../scheme/schema.js';
import { ReadFailure } from '../submission/load.js';
import { renderDiagnostics } from './check-report.js';
import { loadConfig } from './config.js';
import { renderCountyReport } from './county-report.js';
import { EXIT, UsageError } from './exit.js';
import { schemePicker } from './scheme.js';
import { paint, type Out } from './terminal.js';

export const COUNTY_FILE = 'county.yaml';

export interface CountyOptions {
  packages: string[];
  county?: string;
  file?: string;
  out: string;
  jobs?: number;
  quiet: boolean;
  lang: Lang;
  scheme?: string;
  config?: string;
}

/** A county's own earlier output (its bag says so): never taken for an applicant's package. */
function isCountyOutput(dir: string): boolean {
  const root = statSync(dir).isDirectory() ? bagRootOf(dir) : undefined;
  if (!root) return false;
  try {
    return /^External-Identifier: [^\n]*\/county\//m.test(readFileSync(path.join(root, 'bag-info.txt'), 'utf8'));
  } catch {
    return false;
  }
}

/** A folder that is neither a package nor a submission stands for the packages inside it. */
export function expandPackages(inputs: readonly string[]): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    let st;
    try {
      st = statSync(input);
    } catch {
      out.push(input);
      continue;
    }
    if (!st.isDirectory() || packageForm(input).form) {
      out.push(input);
      continue;
    }
    const inside = readdirSync(input)
      .sort()
      .filter((n) => !n.startsWith('.'))
      .map((n) => path.join(input, n))
      .filter((p) => {
        try {
          return Boolean(packageForm(p).form) && !isCountyOutput(p);
        } catch {
          return false;
        }
      });
    // An output folder of `build` holds the disc tree and its zip and ISO: take the folder once.
    out.push(...(inside.length ? inside : [input]));
  }
  return out;
}

function readCountyFile(opts: CountyOptions): LoadedCountyFile | undefined | Diagnostic[] {
  const file = opts.file ?? (existsSync(COUNTY_FILE) ? COUNTY_FILE : undefined);
  if (!file) return undefined;
  const { loaded, diagnostics } = loadCountyFile(file, opts.lang);
  return loaded ?? diagnostics;
}

function threads(opts: CountyOptions, jobs: number): number {
  return Math.max(0, Math.min(opts.jobs ?? availableParallelism(), jobs));
}

export async function intakeAll(opts: CountyOptions, packages: readonly string[], work: string, clock: Clock, progress: Progress): Promise<Intake[]> {
  const zh = opts.lang === 'zh';
  const stage = progress.stage(zh ? '核验和检查材料包' : 'verify and check packages');
  const jobs: Job[] = packages.map((input, index) => ({ type: 'intake', task: { index, input, work, lang: opts.lang, scheme: opts.scheme, config: opts.config, now: clock.now.getTime() } }));
  let done = 0;
  const outcomes = await runPool(jobs, threads(opts, jobs.length), (i, o) => {
    const it = o.ok ? (o.result as Intake) : undefined;
    stage.step(it?.applicant ? `${it.applicant.institution} · ${it.applicant.trade}` : packages[i]!, ++done, jobs.length);
  });
  stage.done(zh ? `${packages.length} 个` : `${packages.length}`);
  return outcomes.map((o, index) =>
    o.ok
      ? (o.result as Intake)
      : { index, input: packages[index]!, fixity: 'unreadable', verified: 0, payloadFiles: 0, algorithms: [], problems: [error('internal.bug', { reason: o.failure }, { file: packages[index] })], volumes: [], check: [], counts: { error: 0, warning: 0 } },
  );
}

/** Plain submission folders that go on are built here, as `shenbao build` would. */
async function buildUnsealed(opts: CountyOptions, plan: CountyPlan, work: string, clock: Clock, progress: Progress): Promise<Map<number, { root: string; volumes: string[] }>> {
  const bags = new Map<number, { root: string; volumes: string[] }>();
  const todo: ApplicantPlan[] = [];
  for (const p of plan.applicants) {
    if (!p.forward) continue;
    if (p.intake.bagRoot) bags.set(p.number, { root: p.intake.bagRoot, volumes: p.intake.volumes });
    else if (p.intake.fixity === 'unsealed' && p.intake.submissionDir) todo.push(p);
  }
  if (todo.length === 0) return bags;
  const zh = opts.lang === 'zh';
  const stage = progress.stage(zh ? '生成未封装单位的材料包' : 'build unsealed submissions');
  const jobs: Job[] = todo.map((p) => ({ type: 'build', task: { index: p.number - 1, dir: p.intake.submissionDir!, work, lang: opts.lang, scheme: opts.scheme, config: opts.config, now: clock.now.getTime() } }));
  let done = 0;
  const outcomes = await runPool(jobs, threads(opts, jobs.length), (i) => stage.step(todo[i]!.label, ++done, jobs.length));
  outcomes.forEach((o, i) => {
    const p = todo[i]!;
    const built = o.ok ? (o.result as Built) : undefined;
    if (built?.bagRoot && !hasErrors(built.problems)) bags.set(p.number, { root: built.bagRoot, volumes: built.volumes });
    else {
      const reason = built ? (built.problems.length ? '材料包无法生成（附件无法放入打印册）' : '材料包无法生成') : o.ok ? '' : o.failure;
      p.diagnostics.push(...(built?.problems ?? []), error('county.cannotRecommend', { institution: p.intake.applicant!.institution, reason }, { file: p.intake.input }));
      p.forward = false;
      if (p.decision === 'recommend') p.decision = 'refused';
    }
  });
  stage.done(zh ? `${todo.length} 个` : `${todo.length}`);
  return bags;
}

function countyInfo(opts: CountyOptions, file: LoadedCountyFile | undefined, intakes: readonly Intake[], clock: Clock): CountyInfo {
  const c = file?.data.county;
  let name = opts.county ?? c?.name;
  if (!name) {
    const named = [...new Set(intakes.flatMap((i) => (i.applicant ? [i.applicant.county] : [])))];
    if (named.length === 1) name = named[0];
  }
  if (!name) {
    throw new UsageError(
      opts.lang === 'zh'
        ? `不知道是哪个旗县市：请加 --county 旗县市名称，或用 shenbao county init 生成 ${COUNTY_FILE}。`
        : `Which county? Add --county NAME, or write ${COUNTY_FILE} with shenbao county init.`,
    );
  }
  return {
    name,
    bureau: c?.bureau || `${name}人力资源和社会保障局`,
    contact: c?.contact ?? '',
    phone: c?.phone ?? '',
    date: c?.date ?? chinaDate(clock.now),
  };
}

export function outputNameFor(county: CountyInfo, year: number): string {
  return `${fileNamePart(county.name)}-${year}年推荐材料`;
}

export async function runCounty(opts: CountyOptions, clock: Clock, out: Out, err: Out): Promise<number> {
  const zh = opts.lang === 'zh';
  const progress = both(opts.quiet || !err.color ? silent : terminalProgress(err), recordingProgress(timings));
  const cf = readCountyFile(opts);
  if (Array.isArray(cf)) {
    out.write(renderDiagnostics(cf, opts.lang, out));
    out.write(zh ? `${opts.file ?? COUNTY_FILE} 有错误，未生成任何文件。\n` : `${opts.file ?? COUNTY_FILE} has errors; nothing was written.\n`);
    return EXIT.problems;
  }
  // --scheme, else the one county.yaml names; the workers check with the same.
  opts = { ...opts, scheme: opts.scheme ?? cf?.data.scheme };
  const scheme: Scheme = schemePicker(opts.scheme, opts.lang)(undefined);
  const { config, diagnostics: configProblems } = loadConfig(opts.config);
  if (!config) throw new ReadFailure(configProblems);

  const packages = expandPackages(opts.packages);
  const outRoot = path.resolve(opts.out);
  const work = path.join(outRoot, `.shenbao-county-${process.pid}-${clock.now.getTime()}`);
  mkdirSync(work, { recursive: true });
  try {
    const intakes = await intakeAll(opts, packages, work, clock, progress);
    const county = countyInfo(opts, cf, intakes, clock);
    const plan = decide({ intakes, county: { name: county.name, date: county.date, populationBand: cf?.data.county.populationBand }, file: cf, scheme });
    const bags = await buildUnsealed(opts, plan, work, clock, progress);

    const fonts = fontSet(fontChoice(undefined, process.cwd(), config));
    const docs = fillCountyDocuments(county, plan, scheme);
    const rendered = await renderCountyDocuments(docs, { fonts, date: clock.now, author: county.bureau, keywords: scheme.notice, progress, lang: opts.lang });
    const bundle: Bundle = rendered.bundle;
    const print = await buildCountyPrintSet({ county, plan, scheme, fonts, docs, bare: rendered.bare, date: clock.now, copies: 3, progress, lang: opts.lang, bags });
    for (const [k, v] of print.bundle) bundle.set(k, v);

    const docsOf = (p: ApplicantPlan) => {
      if (!p.intake.applicant) return [];
      const dir = p.decision === 'recommend' ? COUNTY_DIR.reports : p.decision === 'review' ? COUNTY_DIR.evaluations : undefined;
      return dir ? [`documents/${dir}/${applicantBase(p)}.pdf`] : [];
    };
    const plain = { write: () => {}, color: false };
    const record = recordText(county, plan, scheme, opts.lang, plain, docsOf, clock);
    bundle.set('审核记录.txt', record);

    const stage = progress.stage(zh ? '光盘' : 'disc');
    const countyFile = cf ? { name: path.basename(cf.file), bytes: new Uint8Array(readFileSync(cf.file)) } : undefined;
    const bag = await buildCountyDisc({ county, plan, scheme, outputs: bundle, record, countyFile, bags, date: clock.now });
    const name = outputNameFor(county, plan.year);
    const packed = packTree(bag.tree, name, clock.now, { volumeId: `SHENBAO_${plan.year}_COUNTY`, jolietVolumeId: `${county.name}推荐材料`, publisher: county.bureau });
    for (const [k, v] of packed.bundle) bundle.set(k, v);
    stage.done(zh ? `${bag.digests.size} 个文件，${sizeText(bag.payloadBytes)}` : `${bag.digests.size} files, ${sizeText(bag.payloadBytes)}`);

    const writing = progress.stage(zh ? '写入' : 'write');
    let target: string;
    try {
      target = await writeBundle(outRoot, name, bundle);
    } catch (e) {
      if (e instanceof WriteFailure) throw new ReadFailure([error('file.unwritable', { path: e.target, reason: e.reason }, { file: e.target })]);
      throw e;
    }
    writing.done();

    out.write(renderCountyReport(plan, scheme, opts.lang, out, docsOf));
    const rel = path.relative(process.cwd(), target);
    const shown = rel && !rel.startsWith('..') ? rel : target;
    const disc = discFor(packed.isoBytes);
    const forwarded = plan.applicants.filter((p) => p.forward).length;
    out.write(`\n${zh ? '已生成' : 'Written'} → ${shown}${path.sep}\n`);
    out.write(zh ? `  汇总表.pdf、汇总表.xlsx  ${paint(out, 'gray', `documents/，${plan.applicants.length} 个单位`)}\n` : `  summary (PDF, XLSX) in documents/, ${plan.applicants.length} applicant(s)\n`);
    const reports = plan.applicants.filter((p) => p.decision === 'recommend').length;
    const evals = plan.applicants.filter((p) => p.decision === 'review').length;
    out.write(zh ? `  推荐报告 ${reports} 份，评价结果报告 ${evals} 份（PDF、DOCX）\n` : `  ${reports} recommendation report(s), ${evals} evaluation report(s) (PDF, DOCX)\n`);
    out.write(zh ? `  print/  ${paint(out, 'gray', `旗县市材料一式三份，每份 ${print.pages} 页；${PRINT.applicants}/ 下是 ${forwarded} 个报送单位的打印册`)}\n` : `  print/  county volume ×3, ${print.pages} pages each; ${forwarded} applicant volume set(s) under ${PRINT.applicants}/\n`);
    out.write(zh ? `  disc/、${name}.zip、${name}.iso  ${paint(out, 'gray', `${bag.digests.size} 个文件，${sizeText(bag.payloadBytes)}${disc ? `，可刻录到一张 ${disc.id}` : '，一张光盘装不下'}`)}\n` : `  disc/, ${name}.zip, ${name}.iso  ${bag.digests.size} files, ${sizeText(bag.payloadBytes)}${disc ? `, fits one ${disc.id}` : ', fits no single disc'}\n`);
    out.write(zh ? `  审核记录.txt\n` : `  审核记录.txt (audit record)\n`);
    const blocking = plan.applicants.some((p) => hasErrors([...p.diagnostics, ...p.intake.problems]));
    if (blocking) out.write(paint(out, 'yellow', zh ? '\n有材料包不能使用或不能推荐，见上面各单位的说明。\n' : '\nSome packages cannot be used or recommended; see above.\n'));
    return blocking ? EXIT.problems : EXIT.ok;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function recordText(county: CountyInfo, plan: CountyPlan, scheme: Scheme, lang: Lang, plain: Out, docsOf: (p: ApplicantPlan) => string[], clock: Clock): Uint8Array {
  const head = [
    `${county.name}${plan.year}年职业技能培训品牌推荐材料 —— 审核记录`,
    `推荐单位：${county.bureau}    推荐日期：${county.date}    生成：${chinaDate(clock.now)}`,
    `依据：${scheme.notice}，${scheme.countyReview.refs.recommend}、${scheme.countyReview.refs.evaluate}`,
    '',
    '',
  ].join('\n');
  const body = renderCountyReport(plan, scheme, lang, plain, docsOf);
  return notepadText(head + body);
}

