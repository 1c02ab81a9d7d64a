/**
 * What `shenbao county` tells the officer, per applicant: the package (intact, damaged,
 * unsealed, unreadable), the check, the figures against the thresholds, the self-score, the
 * decision and every problem. The same text, plain and in Chinese, is the audit record
 * (审核记录.txt) that goes on the disc.
 */
import { showFigure } from '../check/eligibility.js';
import { chinaDate } from '../core/clock.js';
import { sortDiagnostics, type Diagnostic } from '../core/diagnostic.js';
import { formatPoints } from '../core/number.js';
import type { CountyInfo } from '../county/context.js';
import type { ApplicantPlan, CountyPlan } from '../county/decide.js';
import type { Lang } from '../i18n/lang.js';
import { figureLabel } from '../i18n/terms.js';
import { ui } from '../i18n/ui.js';
import { algName } from '../package/verify.js';
import type { Scheme } from '../scheme/schema.js';
import { renderDiagnostic, renderDiagnostics } from './check.js';
import { plain, type Paint } from './paint.js';

function fixityLine(p: ApplicantPlan, lang: Lang, paint: Paint): string {
  const t = ui(lang).county;
  const it = p.intake;
  const form = it.form ? t.forms[it.form] : t.unrecognised;
  const algs = ui(lang).list(it.algorithms.map(algName));
  switch (it.fixity) {
    case 'intact': return paint('green', t.intact(form, it.verified, algs));
    case 'damaged': return paint('red', t.damaged(form, it.verified, it.payloadFiles, it.problems.length));
    case 'unsealed': return paint('yellow', t.unsealed(form));
    default: return paint('red', t.unreadable(form));
  }
}

function figuresLine(p: ApplicantPlan, scheme: Scheme, lang: Lang, paint: Paint): string | undefined {
  const a = p.intake.applicant;
  if (!a?.eligibility) return undefined;
  const t = ui(lang);
  const parts = a.eligibility.rows.map((r) => {
    const text = `${figureLabel(r.figure, lang)} ${showFigure(r.figure, r.actual)}${r.meets ? '' : ` < ${showFigure(r.figure, r.required)}`}`;
    return r.meets ? text : paint(r.relaxed ? 'yellow' : 'red', text);
  });
  const level = t.levelOf(scheme.levels[a.level]);
  const verdict = a.eligibility.eligible ? paint('green', t.county.meets(level)) : paint('red', t.county.below(level));
  return `${verdict}${t.colon}${parts.join(t.comma)}`;
}

export function renderApplicant(p: ApplicantPlan, scheme: Scheme, lang: Lang, paint: Paint, docs: readonly string[]): string {
  const t = ui(lang);
  const c = t.county;
  const it = p.intake;
  const a = it.applicant;
  const lines: string[] = [];
  const kind = a ? c.kinds[a.kind] : '';
  const level = a ? t.levelOf(scheme.levels[a.level]) : '';
  const label = a ? `${a.institution} · ${a.trade}` : it.input;
  lines.push(paint('bold', `[${String(p.number).padStart(2, '0')}] ${label}${a ? t.paren(`${kind} · ${level}`) : ''}`));
  const field = (name: keyof typeof c.label) => `    ${c.label[name]}${t.colon}`;
  lines.push(`${field('package')}${it.input}  ${fixityLine(p, lang, paint)}`);
  if (a || it.counts.error || it.counts.warning) {
    const n = it.counts;
    lines.push(`${field('check')}${n.error ? paint('red', c.errors(n.error)) : paint('green', c.noErrors)}${c.warnings(n.warning)}`);
  }
  if (a) {
    const m = a.materials;
    const list = m.incomplete.map((x) => `${x.number}. ${x.name}`).join(t.semicolon);
    lines.push(`${field('materials')}${m.incomplete.length === 0 ? paint('green', c.complete(m.total)) : paint('red', c.incomplete(m.incomplete.length, list))}`);
  }
  const fig = figuresLine(p, scheme, lang, paint);
  if (fig) lines.push(`${field('figures')}${fig}`);
  if (a) {
    let score = `${formatPoints(a.score.total)}${t.paren(a.score.grade[lang])}`;
    if (p.countyScore !== undefined) score += c.countyScore(formatPoints(p.countyScore), p.countyGrade?.[lang] ?? '');
    lines.push(`${field('score')}${score}`);
  }
  for (const id of p.removal) {
    const ground = scheme.countyReview.removalGrounds.find((g) => g.id === id)?.text ?? id;
    lines.push(`${field('removal')}${paint('red', ground)}`);
  }
  const color = p.decision === 'recommend' || p.decision === 'review' ? 'green' : p.decision === 'decline' || p.decision === 'undecided' ? 'yellow' : 'red';
  lines.push(`${field('decision')}${paint(color, c.decisions[p.decision])}${docs.length ? ` → ${t.list(docs)}` : ''}`);
  const problems = sortDiagnostics([...it.problems, ...p.diagnostics, ...it.check].filter((d) => d.severity !== 'info'));
  if (problems.length) {
    const more = it.counts.error + it.counts.warning - it.check.length;
    lines.push(renderDiagnostics(problems, lang, paint).replace(/\n$/, '').replace(/^/gm, '  '));
    if (more > 0) lines.push(paint('gray', `      ${c.more(more)}`));
  }
  return `${lines.join('\n')}\n`;
}

export function renderCountyReport(plan: CountyPlan, scheme: Scheme, lang: Lang, paint: Paint, docsOf: (p: ApplicantPlan) => string[]): string {
  const parts = plan.applicants.map((p) => renderApplicant(p, scheme, lang, paint, docsOf(p)));
  const global = plan.diagnostics.filter((d: Diagnostic) => d.severity !== 'info');
  if (global.length) parts.push(global.map((d) => renderDiagnostic(d, lang, paint)).join(''));
  return parts.join('\n');
}

/** The audit record (审核记录.txt) for the disc: the officer's report, plain, in Chinese, under a heading. */
export function auditRecord(county: CountyInfo, plan: CountyPlan, scheme: Scheme, title: string, generated: Date, docsOf: (p: ApplicantPlan) => string[]): string {
  const c = ui('zh').county;
  const refs = `${scheme.countyReview.refs.recommend}、${scheme.countyReview.refs.evaluate}`;
  const head = [c.recordTitle(title), c.recordHead(county.bureau, county.date, chinaDate(generated)), c.recordBasis(scheme.notice, refs), '', ''].join('\n');
  // Every shared resident ID, masked, with where each is (the terminal's message names the first few).
  const shared = plan.shared.length
    ? `\n${c.recordShared(plan.shared.length)}\n${plan.shared.map((t, i) => `  ${i + 1}. ${t.id}  ${t.places.map((x) => `[${String(x.number).padStart(2, '0')}] ${x.institution} 第 ${x.row} 行`).join('；')}`).join('\n')}\n`
    : '';
  return head + renderCountyReport(plan, scheme, 'zh', plain, docsOf) + shared;
}
