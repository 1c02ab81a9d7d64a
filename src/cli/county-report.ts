/**
 * What `shenbao county` tells the officer, per applicant: the package (intact, damaged,
 * unsealed, unreadable), the check, the figures against the thresholds, the self-score, the
 * decision and every problem. The same text, without colours, is the audit record
 * (审核记录.txt) that goes on the disc.
 */
import { showFigure } from '../check/eligibility.js';
import { sortDiagnostics, type Diagnostic } from '../core/diagnostic.js';
import type { Lang } from '../i18n/lang.js';
import { formatPoints } from '../i18n/number.js';
import type { Scheme } from '../scheme/schema.js';
import type { ApplicantPlan, CountyPlan } from '../county/decide.js';
import { algName } from '../package/verify.js';
import { renderDiagnostic, renderDiagnostics } from './check-report.js';
import { paint, type Out } from './terminal.js';

const FORM = {
  zh: { folder: '文件夹', zip: 'zip 归档', iso: '光盘镜像', submission: '申报文件夹（未封装）' },
  en: { folder: 'folder', zip: 'zip', iso: 'disc image', submission: 'submission folder (unsealed)' },
} as const;

const DECISION = {
  zh: { recommend: '推荐', decline: '不推荐', undecided: '未定', refused: '不能推荐', review: '复评，报送', unusable: '不能使用' },
  en: { recommend: 'recommended', decline: 'not recommended', undecided: 'undecided', refused: 'cannot be recommended', review: 'review, forwarded', unusable: 'unusable' },
} as const;

function fixityLine(p: ApplicantPlan, lang: Lang, out: Out): string {
  const it = p.intake;
  const zh = lang === 'zh';
  const form = it.form ? FORM[lang][it.form] : zh ? '无法识别' : 'unrecognised';
  const algs = it.algorithms.map(algName).join(zh ? '、' : ', ');
  switch (it.fixity) {
    case 'intact':
      return paint(out, 'green', zh ? `完好（${form}）：${it.verified} 个文件的 ${algs} 校验值全部一致` : `intact (${form}): ${it.verified} files match their ${algs} checksums`);
    case 'damaged':
      return paint(out, 'red', zh ? `已损坏（${form}）：${it.verified}/${it.payloadFiles} 个文件一致，${it.problems.length} 处问题` : `damaged (${form}): ${it.verified}/${it.payloadFiles} files match, ${it.problems.length} problem(s)`);
    case 'unsealed':
      return paint(out, 'yellow', zh ? `${form}：没有校验清单，按原样检查` : `${form}: no manifests; checked as it is`);
    default:
      return paint(out, 'red', zh ? `无法读取（${form}）` : `unreadable (${form})`);
  }
}

function figuresLine(p: ApplicantPlan, scheme: Scheme, lang: Lang, out: Out): string | undefined {
  const a = p.intake.applicant;
  if (!a?.eligibility) return undefined;
  const zh = lang === 'zh';
  const parts = a.eligibility.rows.map((r) => {
    const v = showFigure(r.figure, r.actual);
    const need = showFigure(r.figure, r.required);
    const text = `${zh ? r.label.zh : r.label.en} ${v}${r.meets ? '' : ` < ${need}`}`;
    return r.meets ? text : paint(out, r.relaxed ? 'yellow' : 'red', text);
  });
  const level = zh ? scheme.levels[a.level].name : scheme.levels[a.level].en;
  const verdict = a.eligibility.eligible ? paint(out, 'green', zh ? `符合${level}条件` : `meets the ${level} thresholds`) : paint(out, 'red', zh ? `未达到${level}条件` : `below the ${level} thresholds`);
  return `${verdict}：${parts.join(zh ? '，' : ', ')}`;
}

export function renderApplicant(p: ApplicantPlan, scheme: Scheme, lang: Lang, out: Out, docs: readonly string[]): string {
  const zh = lang === 'zh';
  const it = p.intake;
  const a = it.applicant;
  const lines: string[] = [];
  const kind = a ? (zh ? { application: '认定', review: '复评' }[a.kind] : a.kind) : '';
  const level = a ? (zh ? scheme.levels[a.level].name : scheme.levels[a.level].en) : '';
  lines.push(paint(out, 'bold', `[${String(p.number).padStart(2, '0')}] ${p.label}${a ? `（${kind} · ${level}）` : ''}`));
  const label = (zh: string, en: string) => `    ${lang === 'zh' ? zh : en}：`;
  lines.push(`${label('材料包', 'package')}${it.input}  ${fixityLine(p, lang, out)}`);
  if (a || it.counts.error || it.counts.warning) {
    const c = it.counts;
    lines.push(`${label('检查', 'check')}${c.error ? paint(out, 'red', zh ? `${c.error} 个错误` : `${c.error} error(s)`) : paint(out, 'green', zh ? '无错误' : 'no errors')}${zh ? `，${c.warning} 个警告` : `, ${c.warning} warning(s)`}`);
  }
  if (a) {
    const m = a.materials;
    lines.push(`${label('材料', 'materials')}${m.incomplete.length === 0 ? paint(out, 'green', zh ? `${m.total} 项齐全` : `all ${m.total} complete`) : paint(out, 'red', zh ? `${m.incomplete.length} 项缺少或有误：${m.incomplete.join('；')}` : `${m.incomplete.length} missing or faulty: ${m.incomplete.join('; ')}`)}`);
  }
  const fig = figuresLine(p, scheme, lang, out);
  if (fig) lines.push(`${label('绩效', 'figures')}${fig}`);
  if (a) {
    let score = `${formatPoints(a.score.total)}（${a.score.grade}）`;
    if (p.countyScore !== undefined) score += zh ? `；旗县市评估 ${formatPoints(p.countyScore)}（${p.countyGrade}）` : `; county ${formatPoints(p.countyScore)} (${p.countyGrade})`;
    lines.push(`${label('自评分', 'self-score')}${score}`);
  }
  for (const g of p.removal) lines.push(`${label('取消情形', 'removal')}${paint(out, 'red', g)}`);
  const color = p.decision === 'recommend' || p.decision === 'review' ? 'green' : p.decision === 'decline' || p.decision === 'undecided' ? 'yellow' : 'red';
  lines.push(`${label('决定', 'decision')}${paint(out, color, DECISION[lang][p.decision])}${docs.length ? ` → ${docs.join(zh ? '、' : ', ')}` : ''}`);
  const problems = sortDiagnostics([...it.problems, ...p.diagnostics, ...it.check].filter((d) => d.severity !== 'info'));
  if (problems.length) {
    const more = it.counts.error + it.counts.warning - it.check.length;
    lines.push(renderDiagnostics(problems, lang, out).replace(/\n$/, '').replace(/^/gm, '  '));
    if (more > 0) lines.push(paint(out, 'gray', zh ? `      ……另有 ${more} 处检查问题未列出（在申报文件夹运行 shenbao check 查看全部）` : `      … ${more} more check problem(s) (run shenbao check on the submission to see all)`));
  }
  return `${lines.join('\n')}\n`;
}

export function renderCountyReport(plan: CountyPlan, scheme: Scheme, lang: Lang, out: Out, docsOf: (p: ApplicantPlan) => string[]): string {
  const parts = plan.applicants.map((p) => renderApplicant(p, scheme, lang, out, docsOf(p)));
  const global = plan.diagnostics.filter((d: Diagnostic) => d.severity !== 'info');
  if (global.length) parts.push(global.map((d) => renderDiagnostic(d, lang, out)).join(''));
  return parts.join('\n');
}
