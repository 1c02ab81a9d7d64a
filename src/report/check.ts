/**
 * The check report as a clerk reads it: materials with ✓ ✗ ⚠, the figures against the
 * thresholds, the self-score and grade, then every problem with its place and how to fix
 * it — in the asker's language, painted for a terminal or plain.
 */
import { showFigure } from '../check/eligibility.js';
import type { CheckReport } from '../check/run.js';
import { countBySeverity, type Diagnostic } from '../core/diagnostic.js';
import { formatInt, formatPoints } from '../core/number.js';
import { hintOf, messageOf, placeOf } from '../i18n/format.js';
import type { Lang } from '../i18n/lang.js';
import { figureLabel } from '../i18n/terms.js';
import { ui } from '../i18n/ui.js';
import type { Scheme } from '../scheme/schema.js';
import type { Submission } from '../submission/schema.js';
import { displayWidth, padEnd, padStart, type Paint } from './paint.js';

const MARK = { ok: '✓', warning: '⚠', error: '✗', info: '·' } as const;

export function mark(paint: Paint, s: 'ok' | 'warning' | 'error' | 'info'): string {
  const color = s === 'ok' ? 'green' : s === 'warning' ? 'yellow' : s === 'error' ? 'red' : 'gray';
  return paint(color, MARK[s]);
}

export function renderDiagnostic(d: Diagnostic, lang: Lang, paint: Paint): string {
  const place = placeOf(d.location, lang);
  const head = `  ${mark(paint, d.severity === 'info' ? 'info' : d.severity)} ${place ? paint('cyan', place) + '  ' : ''}${messageOf(d, lang)}\n`;
  const hint = hintOf(d, lang);
  return hint && d.severity !== 'info' ? head + paint('gray', `      → ${hint}`) + '\n' : head;
}

export function renderDiagnostics(list: readonly Diagnostic[], lang: Lang, paint: Paint): string {
  return list.map((d) => renderDiagnostic(d, lang, paint)).join('');
}

/** renderDiagnostics(list).trimEnd(), one diagnostic at a time, made as it is written. */
function* diagnosticsText(list: readonly Diagnostic[], lang: Lang, paint: Paint): Generator<string> {
  for (const [i, d] of list.entries()) {
    const s = renderDiagnostic(d, lang, paint);
    yield i === list.length - 1 ? s.trimEnd() : s;
  }
}

/** The report's lines joined by line breaks; a list of problems is rendered only as it is written. */
function* joined(lines: readonly (string | Iterable<string>)[]): Generator<string> {
  for (const [i, l] of lines.entries()) {
    if (i > 0) yield '\n';
    if (typeof l === 'string') yield l;
    else yield* l;
  }
  yield '\n';
}

/** The report in pieces, to be written in order (a large roster's problems make a long report). */
export function renderCheckReport(
  report: CheckReport,
  s: Submission,
  scheme: Scheme,
  file: string,
  lang: Lang,
  paint: Paint,
  strict: boolean,
): Iterable<string> {
  const t = ui(lang);
  const lines: (string | Iterable<string>)[] = [];
  const push = (x = '') => lines.push(x);
  const h = (x: string) => push(paint('bold', x));

  h(`${t.reportTitle}${t.dash}${scheme.title}`);
  push(`${t.institution}${t.colon}${s.institution.name}    ${t.trade}${t.colon}${s.brand.trade}`);
  push(`${t.kind[s.kind]} · ${t.levelOf(scheme.levels[s.level])} · ${s.county.name}    ${t.file}${t.colon}${file}`);
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
    if (errors > 0) details.push(paint('red', t.problems(errors)));
    push(`  ${mark(paint, m.status)} ${padEnd(`${m.number}. ${m.name}`, nameWidth)}${padEnd(m.ref, 22)}${details.join(' · ')}`);
  }
  push();

  // Figures
  const f = report.figures;
  const e = report.eligibility;
  if (f && e) {
    const levelName = e.levelName[lang];
    h(t.figures(levelName, e.ref));
    const labels = [...e.rows.map((r) => figureLabel(r.figure, lang) + (r.figure === 'keyGroup' && e.keyGroupSubsidisedOnly ? t.keyGroupSubsidised : '')), t.partners];
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
      const label = figureLabel(r.figure, lang) + (r.figure === 'keyGroup' && e.keyGroupSubsidisedOnly ? t.keyGroupSubsidised : '');
      const status = r.meets ? 'ok' : r.relaxed ? 'warning' : 'error';
      push(`  ${padEnd(label, cols[0]!)}${padStart(actual, cols[1]!)}${padStart(claimedOf[r.figure]!, cols[2]!)}${padStart(req, cols[3]!)}  ${mark(paint, status)}`);
      if (r.figure === 'passRate') {
        push(`  ${padEnd(figureLabel('employed', lang), cols[0]!)}${padStart(formatInt(f.employed), cols[1]!)}${padStart(formatInt(c.employed), cols[2]!)}`);
      }
    }
    const min = scheme.minPartners;
    push(`  ${padEnd(t.partners, cols[0]!)}${padStart(String(report.partners), cols[1]!)}${padStart('', cols[2]!)}${padStart(`≥ ${min}`, cols[3]!)}  ${mark(paint, report.partners >= min ? 'ok' : 'error')}`);
    const excluded = t.excluded(f.otherTrade, f.duplicates);
    if (excluded) push(paint('gray', `  ${t.paren(excluded).trim()}`));
    const verdict = e.rows.every((r) => r.meets) ? t.eligible(levelName) : e.eligible ? t.eligibleRelaxed(levelName) : t.notEligible(levelName);
    push(paint(e.eligible ? 'green' : 'red', `  ${verdict}`));
  } else push(t.figuresNone);
  push();

  // Score
  const sc = report.score;
  h(t.score(sc.title, sc.ref));
  for (const g of sc.groups) {
    push(`  ${padEnd(`${g.id} ${g.name}${g.assumed ? t.assumedMark : ''}`, 34)}${padStart(formatPoints(g.points), 6)} / ${formatPoints(g.max)}`);
  }
  push(paint('bold', `  ${padEnd(t.total, 34)}${padStart(formatPoints(sc.total), 6)} / 100  ${sc.grade[lang]}`));
  if (sc.gatesFailed.length) push(paint('yellow', `  ${t.gated(t.list(sc.gatesFailed))}`));
  push();

  // Problems
  const counts = countBySeverity(report.diagnostics);
  const problems = report.diagnostics.filter((d) => d.severity !== 'info');
  const infos = report.diagnostics.filter((d) => d.severity === 'info');
  if (problems.length) {
    h(t.issues(counts.error, counts.warning));
    lines.push(diagnosticsText(orderForReading(problems), lang, paint));
  } else h(t.noIssues);
  if (infos.length) {
    push();
    h(t.infos);
    lines.push(diagnosticsText(infos, lang, paint));
  }
  push();
  if (counts.error > 0) push(paint('red', t.summaryErrors(counts.error)));
  else if (counts.warning > 0 && strict) push(paint('red', t.strictFail(counts.warning)));
  else if (counts.warning > 0) push(paint('yellow', t.summaryOkWarnings(counts.warning)));
  else push(paint('green', t.summaryOk));
  return joined(lines);
}

/** Errors before warnings; within each, the submission file before the roster, rows in order. */
function orderForReading(list: readonly Diagnostic[]): Diagnostic[] {
  const rank = (d: Diagnostic) => (d.severity === 'error' ? 0 : 1);
  return list
    .map((d, i) => ({ d, i }))
    .sort((a, b) => rank(a.d) - rank(b.d) || a.i - b.i)
    .map((x) => x.d);
}
