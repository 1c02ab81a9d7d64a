/**
 * The check report as a clerk reads it in a terminal: materials with ✓ ✗ ⚠, the figures
 * against the thresholds, the self-score and grade, then every problem with its place and
 * how to fix it.
 */
import { showFigure } from '../check/eligibility.js';
import type { CheckReport } from '../check/run.js';
import { countBySeverity, type Diagnostic } from '../core/diagnostic.js';
import { hintOf, messageOf, placeOf } from '../i18n/format.js';
import type { Lang } from '../i18n/lang.js';
import { formatInt, formatPoints } from '../i18n/number.js';
import { ui } from '../i18n/ui.js';
import type { Scheme } from '../scheme/schema.js';
import type { Submission } from '../submission/schema.js';
import { displayWidth, padEnd, padStart, paint, type Out } from './terminal.js';

const MARK = { ok: '✓', warning: '⚠', error: '✗', info: '·' } as const;

function mark(out: Out, s: 'ok' | 'warning' | 'error' | 'info'): string {
  const color = s === 'ok' ? 'green' : s === 'warning' ? 'yellow' : s === 'error' ? 'red' : 'gray';
  return paint(out, color, MARK[s]);
}

export function renderDiagnostic(d: Diagnostic, lang: Lang, out: Out): string {
  const place = placeOf(d.location, lang);
  const head = `  ${mark(out, d.severity === 'info' ? 'info' : d.severity)} ${place ? paint(out, 'cyan', place) + '  ' : ''}${messageOf(d, lang)}\n`;
  const hint = hintOf(d, lang);
  return hint && d.severity !== 'info' ? head + paint(out, 'gray', `      → ${hint}`) + '\n' : head;
}

export function renderDiagnostics(list: readonly Diagnostic[], lang: Lang, out: Out): string {
  return list.map((d) => renderDiagnostic(d, lang, out)).join('');
}

export function renderCheckReport(
  report: CheckReport,
  s: Submission,
  scheme: Scheme,
  file: string,
  lang: Lang,
  out: Out,
  strict: boolean,
): string {
  const t = ui(lang);
  const lines: string[] = [];
  const push = (x = '') => lines.push(x);
  const h = (x: string) => push(paint(out, 'bold', x));

  h(`${t.reportTitle} —— ${scheme.title}`);
  push(`${t.institution}：${s.institution.name}    ${t.trade}：${s.brand.trade}`);
  push(`${t.kind[s.kind]} · ${lang === 'zh' ? scheme.levels[s.level].name : scheme.levels[s.level].en} · ${s.county.name}    ${t.file}：${file}`);
  push();

  // Materials
  h(t.materials(report.materials.length));
  const nameWidth = Math.max(...report.materials.map((m) => 4 + [...m.name].length * 2)) + 2;
  for (const m of report.materials) {
    const errors = m.problems.filter((d) => d.severity === 'error').length;
    const details: string[] = [];
    if (m.generated) details.push(t.generated);
    if (m.chars !== undefined) details.push(t.chars(formatInt(m.chars)));
    if (m.files > 0) details.push(t.filesCount(m.files));
    if (errors > 0) details.push(paint(out, 'red', t.problems(errors)));
    push(`  ${mark(out, m.status)} ${padEnd(`${m.number}. ${m.name}`, nameWidth)}${padEnd(m.ref, 22)}${details.join(' · ')}`);
  }
  push();

  // Figures
  const f = report.figures;
  const e = report.eligibility;
  if (f && e) {
    const levelName = lang === 'zh' ? e.levelName.zh : e.levelName.en;
    h(t.figures(levelName, e.ref));
    const labels = [...e.rows.map((r) => (lang === 'zh' ? r.label.zh : r.label.en) + (r.figure === 'keyGroup' && e.keyGroupSubsidisedOnly ? t.keyGroupSubsidised : '')), t.partners];
    const cols = [Math.max(...labels.map(displayWidth)) + 2, 10, 10, 12];
    push(`  ${padEnd(t.colFigure, cols[0]!)}${padStart(t.colRoster, cols[1]!)}${padStart(t.colClaimed, cols[2]!)}${padStart(t.colRequired, cols[3]!)}  ${t.colResult}`);
    const c = s.claimed;
    const claimedOf: Record<string, string> = {
      trained: formatInt(c.trained),
      passRate: `${c.passRate}%`,
      employmentRate: `${c.employmentRate}%`,
      keyGroup: formatInt(c.keyGroup),
      orderShare: `${c.orderShare}%`,
    };
    for (const r of e.rows) {
      const actual = showFigure(r.figure, r.actual);
      const req = `≥ ${showFigure(r.figure, r.required)}`;
      const label = (lang === 'zh' ? r.label.zh : r.label.en) + (r.figure === 'keyGroup' && e.keyGroupSubsidisedOnly ? t.keyGroupSubsidised : '');
      const status = r.meets ? 'ok' : r.relaxed ? 'warning' : 'error';
      push(`  ${padEnd(label, cols[0]!)}${padStart(actual, cols[1]!)}${padStart(claimedOf[r.figure]!, cols[2]!)}${padStart(req, cols[3]!)}  ${mark(out, status)}`);
      if (r.figure === 'passRate') {
        const lab = lang === 'zh' ? '培训后就业人数' : 'employed after training';
        push(`  ${padEnd(lab, cols[0]!)}${padStart(formatInt(f.employed), cols[1]!)}${padStart(formatInt(c.employed), cols[2]!)}`);
      }
    }
    const min = scheme.minPartners;
    push(`  ${padEnd(t.partners, cols[0]!)}${padStart(String(report.partners), cols[1]!)}${padStart('', cols[2]!)}${padStart(`≥ ${min}`, cols[3]!)}  ${mark(out, report.partners >= min ? 'ok' : 'error')}`);
    const excluded = t.excluded(f.otherTrade, f.duplicates);
    if (excluded) push(paint(out, 'gray', `  （${excluded}）`));
    const verdict = e.rows.every((r) => r.meets) ? t.eligible(levelName) : e.eligible ? t.eligibleRelaxed(levelName) : t.notEligible(levelName);
    push(paint(out, e.eligible ? 'green' : 'red', `  ${verdict}`));
  } else push(t.figuresNone);
  push();

  // Score
  const sc = report.score;
  h(t.score(sc.title, sc.ref));
  for (const g of sc.groups) {
    push(`  ${padEnd(`${g.id} ${g.name}${g.assumed ? t.assumedMark : ''}`, 34)}${padStart(formatPoints(g.points), 6)} / ${formatPoints(g.max)}`);
  }
  push(paint(out, 'bold', `  ${padEnd(t.total, 34)}${padStart(formatPoints(sc.total), 6)} / 100  ${lang === 'zh' ? sc.grade.zh : sc.grade.en}`));
  if (sc.gatesFailed.length) push(paint(out, 'yellow', `  ${t.gated(sc.gatesFailed.join(lang === 'zh' ? '、' : ', '))}`));
  push();

  // Problems
  const counts = countBySeverity(report.diagnostics);
  const problems = report.diagnostics.filter((d) => d.severity !== 'info');
  const infos = report.diagnostics.filter((d) => d.severity === 'info');
  if (problems.length) {
    h(t.issues(counts.error, counts.warning));
    lines.push(renderDiagnostics(orderForReading(problems), lang, out).trimEnd());
  } else h(t.noIssues);
  if (infos.length) {
    push();
    h(t.infos);
    lines.push(renderDiagnostics(infos, lang, out).trimEnd());
  }
  push();
  if (counts.error > 0) push(paint(out, 'red', t.summaryErrors(counts.error)));
  else if (counts.warning > 0 && strict) push(paint(out, 'red', t.strictFail(counts.warning)));
  else if (counts.warning > 0) push(paint(out, 'yellow', t.summaryOkWarnings(counts.warning)));
  else push(paint(out, 'green', t.summaryOk));
  return lines.join('\n') + '\n';
}

/** Errors before warnings; within each, the submission file before the roster, rows in order. */
function orderForReading(list: readonly Diagnostic[]): Diagnostic[] {
  const rank = (d: Diagnostic) => (d.severity === 'error' ? 0 : 1);
  return list
    .map((d, i) => ({ d, i }))
    .sort((a, b) => rank(a.d) - rank(b.d) || a.i - b.i)
    .map((x) => x.d);
}
