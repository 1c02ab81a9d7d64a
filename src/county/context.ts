/**
 * What the county's form templates see: the county, and per applicant its figures and the
 * sentences derived from them — formatted as the reports print them. The figures are taken
 * from the applicant's roster as checked, never retyped by the county.
 */
import { showFigure } from '../check/eligibility.js';
import { formatInt, formatPercent, formatPoints } from '../core/number.js';
import { cnDate, cnDateSpaced } from '../forms/cn.js';
import { gradeBands } from '../forms/context.js';
import { paragraphsOf, render } from '../forms/fill.js';
import { COUNTY_FORMS, type Scheme } from '../scheme/schema.js';
import { removalShown, type ApplicantPlan, type CountyPlan } from './decide.js';
import { derivedText } from './derived.js';
import type { ApplicantFacts } from './intake.js';

export interface CountyInfo {
  name: string;
  bureau: string;
  contact: string;
  phone: string;
  date: string;
}

const lines = (text: string | undefined) => paragraphsOf(text ?? '').map((t) => ({ text: t }));

/** The title of the county's package (its cover's title): 科尔沁右翼前旗2026年职业技能培训品牌推荐材料. */
export function countyTitle(county: CountyInfo, plan: CountyPlan, scheme: Scheme): string {
  return render(scheme.forms[COUNTY_FORMS.cover]!.title, { county, year: plan.year });
}

export function countyContext(county: CountyInfo, plan: CountyPlan, scheme: Scheme) {
  return {
    county: { ...county, dateCn: cnDate(county.date), dateSpaced: cnDateSpaced(county.date) },
    year: plan.year,
    recipient: scheme.countyReview.recipient,
    notice: scheme.notice,
    measures: scheme.countyReview.measures,
    schemeTitle: scheme.title,
    region: scheme.region,
    refs: scheme.countyReview.refs,
    /** The articles without the rules' name, for “《办法》第七条（二）”. */
    articles: {
      recommend: scheme.countyReview.refs.recommend.replace(/^办法/, ''),
      evaluate: scheme.countyReview.refs.evaluate.replace(/^办法/, ''),
    },
  };
}

function figureRows(a: ApplicantFacts, scheme: Scheme) {
  return (a.eligibility?.rows ?? []).map((r) => ({
    label: scheme.figureNames[r.figure],
    actual: showFigure(r.figure, r.actual),
    required: `≥ ${showFigure(r.figure, r.required)}`,
    result: r.meets ? scheme.results.meets : r.relaxed ? scheme.results.relaxed : scheme.results.fails,
  }));
}

function applicantBase(p: ApplicantPlan, scheme: Scheme) {
  const a = p.intake.applicant!;
  const level = scheme.levels[a.level];
  return {
    number: p.number,
    institution: a.institution,
    trade: a.trade,
    levelName: level.name,
    formTitle: level.formTitle,
    countyName: a.county,
    year: a.year,
    founded: cnDate(a.founded),
    legalRepresentative: a.legalRepresentative,
    period: a.period,
    coverage: a.coverage,
    categories: a.categories.map((c) => scheme.categories[c] ?? c).join('、') || '—',
    figures: figureRows(a, scheme),
    thresholdRef: a.eligibility?.ref ?? '',
    partners: formatInt(a.partners),
    minPartners: scheme.minPartners,
    selfScore: formatPoints(a.score.total),
    selfGrade: a.score.grade.zh,
  };
}

export function reportContext(p: ApplicantPlan, scheme: Scheme) {
  const a = p.intake.applicant!;
  const words = p.entry;
  const derived = derivedText(a, scheme);
  const base = applicantBase(p, scheme);
  const sections = scheme.countyReview.sections.map((s) => ({ ...s, derived: s.key === 'practices' ? '' : derived[s.key], words: lines(words?.[s.key]) }));
  const said = Object.fromEntries(sections.map((s) => [s.key, s.words]));
  const titles = Object.fromEntries(sections.map((s) => [s.key, s.title]));
  const opinion = words?.opinion.trim() ? lines(words.opinion) : [{ text: render(scheme.countyReview.opinions.recommend, base) }];
  return { applicant: base, derived, words: said, titles, sections, opinion };
}

export function evaluationContext(p: ApplicantPlan, scheme: Scheme) {
  const a = p.intake.applicant!;
  const base = applicantBase(p, scheme);
  const removalRef = scheme.countyReview.refs.removal;
  // 第十三条 ground by ground, as the notice words them; what the data shows, or that it is checked on site.
  const evidence = { subsidised: formatInt(a.figures?.subsidised ?? 0), partners: formatInt(a.partners), min: scheme.minPartners, fewer: a.partners < scheme.minPartners };
  const checks = scheme.countyReview.removalGrounds.map((g, i) => {
    const shown = g.computed ? removalShown(g.computed, a) : undefined;
    const words = !g.computed ? scheme.countyReview.onSite : shown === undefined ? (g.unknown ?? scheme.countyReview.onSite) : shown ? g.present! : g.absent!;
    return { number: i + 1, ground: g.text, result: render(words, evidence) };
  });
  const score = p.countyScore;
  const scoreRows = a.score.groups.map((g) => ({ name: `${g.id}. ${g.name}`, max: formatPoints(g.max), self: formatPoints(g.points) }));
  const opinions = scheme.countyReview.opinions;
  const said = { ...base, ref: removalRef, score: score === undefined ? '' : formatPoints(score), grade: p.countyGrade?.zh ?? '' };
  const passing = score !== undefined && score >= Math.min(...scheme.grades.filter((g) => g.min > 0).map((g) => g.min));
  const defaultOpinion = p.removal.length > 0 ? render(opinions.removal, said) : score === undefined ? '' : render(passing ? opinions.keep : opinions.fail, said);
  return {
    applicant: base,
    checks,
    removalRef,
    scoreRows,
    countyScore: score === undefined ? '' : formatPoints(score),
    countyGrade: p.countyGrade?.zh ?? '',
    gradeBands: gradeBands(scheme),
    findings: lines(p.entry?.findings),
    opinion: p.entry?.opinion.trim() ? lines(p.entry.opinion) : defaultOpinion ? [{ text: defaultOpinion }] : [],
  };
}

export function summaryContext(plan: CountyPlan, scheme: Scheme) {
  const rows = plan.applicants.map((p) => {
    const a = p.intake.applicant;
    const f = a?.figures;
    const el = a?.eligibility;
    return {
      number: String(p.number),
      institution: a?.institution ?? p.intake.input.split(/[\\/]/).pop() ?? p.intake.input,
      trade: a?.trade ?? '—',
      kind: a ? scheme.kinds[a.kind].short : '—',
      level: a ? scheme.levels[a.level].name : '—',
      trained: f ? formatInt(f.trained) : '—',
      passRate: f ? formatPercent(f.passRate) : '—',
      employmentRate: f ? formatPercent(f.employmentRate) : '—',
      keyGroup: f ? formatInt(f.keyGroup) : '—',
      orderShare: f ? formatPercent(f.orderShare) : '—',
      selfScore: a ? formatPoints(a.score.total) : '—',
      countyScore: p.countyScore !== undefined ? formatPoints(p.countyScore) : a?.kind === 'review' ? '' : '—',
      eligible: el ? (el.eligible ? scheme.yesNo.yes : scheme.yesNo.no) : '—',
      decision: scheme.countyReview.decisions[p.decision],
      fixity: scheme.countyReview.fixity[p.intake.fixity],
    };
  });
  return {
    rows,
    counts: {
      total: plan.applicants.length,
      recommended: plan.applicants.filter((p) => p.decision === 'recommend').length,
      reviews: plan.applicants.filter((p) => p.decision === 'review').length,
    },
  };
}
