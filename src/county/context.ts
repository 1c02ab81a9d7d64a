/**
 * What the county's form templates see: the county, and per applicant its figures, the
 * sentences the scheme words over them (county/derived.ts), the applicant's own texts the
 * parts quote and the county's words — formatted as the reports print them. The figures are
 * taken from the applicant's roster as checked, never retyped by the county.
 */
import { showFigure } from '../check/eligibility.js';
import { formatInt, formatPercent, formatPoints } from '../core/number.js';
import { cnDate, cnDateSpaced } from '../forms/cn.js';
import { gradeBands } from '../forms/context.js';
import { paragraphsOf, render } from '../forms/fill.js';
import { geometry, SIZE_PT, textWidth as pageWidth, mm } from '../paper/typography.js';
import { COUNTY_FORMS, type Scheme } from '../scheme/schema.js';
import { removalShown, type ApplicantPlan, type CountyPlan } from './decide.js';
import { derivedSentence, factsContext, quoted, reportParts } from './derived.js';
import type { ApplicantFacts } from './intake.js';
import { textWidth, TITLE_BREAK, titleLines } from './title.js';

export interface CountyInfo {
  name: string;
  bureau: string;
  contact: string;
  phone: string;
  date: string;
}

const lines = (text: string | undefined) => paragraphsOf(text ?? '').map((t) => ({ text: t }));
const paras = (texts: readonly string[]) => texts.map((t) => ({ text: t }));

/** The title of the county's package (its cover's title): 科尔沁右翼前旗2026年职业技能培训品牌推荐材料. */
export function countyTitle(county: CountyInfo, plan: CountyPlan, scheme: Scheme): string {
  return render(scheme.forms[COUNTY_FORMS.cover]!.title, { county, year: plan.year, br: '' });
}

/**
 * Where the signature goes (GB/T 9704—2012 7.3.5.1): 成文日期右空四字; the bureau's name centred
 * over the date — set flush right when it is too long to be centred so. In characters of the
 * body size, for the paragraphs' `right`.
 */
export function signatureRight(bureau: string, date: string): { bureau: number; date: number } {
  const d = 4;
  return { bureau: Math.max(0, d + (textWidth(date) - textWidth(bureau)) / 2), date: d };
}

export function countyContext(county: CountyInfo, plan: CountyPlan, scheme: Scheme) {
  const dateCn = cnDate(county.date);
  return {
    county: { ...county, dateCn, dateSpaced: cnDateSpaced(county.date) },
    /** The signature's places (see signatureRight). */
    signature: signatureRight(county.bureau, dateCn),
    year: plan.year,
    /** The year of the figures (上年度). */
    dataYear: plan.dataYear,
    /** A title's permitted break renders as nothing, except while its lines are worked out. */
    br: '',
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

/** The lines of a form's title (its `title:`, with {{br}} where it may break), for a title set line by line. */
export function titleLinesOf(formId: string, ctx: object, scheme: Scheme, counties: readonly string[]): { text: string }[] {
  const form = scheme.forms[formId]!;
  const text = render(form.title, { ...ctx, br: TITLE_BREAK });
  const width = mm(pageWidth(geometry(form.orientation)));
  return titleLines(text, { max: Math.floor(width / SIZE_PT.title), words: scheme.countyReview.titleBreaks, counties }).map((t) => ({ text: t }));
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
    /** Whether the county volume carries the applicant's pledge (所推荐的项目均需附《信用承诺书》). */
    pledge: a.pledge !== undefined,
  };
}

/**
 * The recommendation report (办法第七条（二）): per part its title, the sentence the data gives,
 * the applicant's own texts it quotes and the county's words. The county's 无 is printed only
 * in a part that has nothing else.
 */
export function reportContext(p: ApplicantPlan, scheme: Scheme, county: CountyInfo) {
  const a = p.intake.applicant!;
  const words = p.entry;
  const base = applicantBase(p, scheme);
  const none = scheme.countyReview.none;
  const sections = reportParts(a, scheme).map((s) => {
    const own = (words?.[s.key] ?? '').trim();
    const said = own === none && (s.derived || s.quoted.length) ? [] : lines(own);
    return { key: s.key, title: s.title, derived: s.derived, quoted: paras(s.quoted), words: said };
  });
  const by = <T>(f: (s: (typeof sections)[number]) => T) => Object.fromEntries(sections.map((s) => [s.key, f(s)]));
  const opinion = words?.opinion.trim() ? lines(words.opinion) : [{ text: render(scheme.countyReview.opinions.recommend, base) }];
  const ctx = { applicant: base, sections, derived: by((s) => s.derived), quoted: by((s) => s.quoted), words: by((s) => s.words), titles: by((s) => s.title), opinion };
  return { ...ctx, titleLines: titleLinesOf(COUNTY_FORMS.report, ctx, scheme, [a.county, county.name]) };
}

/**
 * The evaluation result report (办法第十二条（二）): the five parts of 第九条 from the review's
 * data and texts, the county's score per rubric group, the grounds of 第十三条 with what the
 * data shows, and the opinion (第十条 for a failing grade).
 */
export function evaluationContext(p: ApplicantPlan, scheme: Scheme, county: CountyInfo) {
  const a = p.intake.applicant!;
  const base = applicantBase(p, scheme);
  const review = scheme.countyReview;
  const facts = factsContext(a, scheme);
  const parts = review.evaluation.map((part) => {
    const derived = derivedSentence(part.derived, facts);
    const texts = quoted(a, part.narrative);
    // A part that quotes the applicant's texts and finds none says so; one the data alone makes needs no such line.
    const missing = part.narrative.length > 0 && texts.length === 0;
    return { key: part.key, title: part.title, derived, quoted: paras(texts), noText: missing ? review.noText : '' };
  });
  const by = <T>(f: (s: (typeof parts)[number]) => T) => Object.fromEntries(parts.map((s) => [s.key, f(s)]));
  // 第十三条 ground by ground, as the notice words them; what the data shows, or that it is checked on site.
  const checks = review.removalGrounds.map((g, i) => {
    const shown = g.computed ? removalShown(g.computed, a, scheme) : undefined;
    const words = !g.computed ? review.onSite : shown === undefined ? (g.unknown ?? review.onSite) : shown ? g.present! : g.absent!;
    return { number: i + 1, ground: g.text, result: render(words, facts), computed: g.computed !== undefined };
  });
  const score = p.countyScore;
  const groups = p.countyGroups;
  const scoreRows = a.score.groups.map((g) => ({ name: `${g.id}. ${g.name}`, max: formatPoints(g.max), self: formatPoints(g.points), county: groups?.[g.id] !== undefined ? formatPoints(groups[g.id]!) : '—' }));
  const opinions = review.opinions;
  const passMin = Math.min(...scheme.grades.filter((g) => g.min > 0).map((g) => g.min));
  const failing = score !== undefined && score < passMin;
  const said = { ...base, ref: review.refs.removal, score: score === undefined ? '' : formatPoints(score), grade: p.countyGrade?.zh ?? '', failing };
  const defaultOpinion = p.removal.length > 0 ? render(opinions.removal, said) : score === undefined ? '' : render(failing ? opinions.fail : opinions.keep, said);
  const ctx = {
    applicant: base,
    parts,
    titles: by((s) => s.title),
    derived: by((s) => s.derived),
    quoted: by((s) => s.quoted),
    noText: by((s) => s.noText),
    checks,
    removalRef: review.refs.removal,
    scoreRows,
    /** The county scored group by group (else only its total is shown). */
    byGroup: groups !== undefined,
    countyScore: score === undefined ? '' : formatPoints(score),
    countyGrade: p.countyGrade?.zh ?? '',
    gradeBands: gradeBands(scheme),
    findings: lines(p.entry?.findings),
    opinion: p.entry?.opinion.trim() ? lines(p.entry.opinion) : defaultOpinion ? [{ text: defaultOpinion }] : [],
  };
  return { ...ctx, titleLines: titleLinesOf(COUNTY_FORMS.evaluation, ctx, scheme, [a.county, county.name]) };
}

/** Where a shared resident ID was found, as the summary prints it: 01 机构 第 3 行；05 机构 第 3 行. */
const placesText = (places: CountyPlan['shared'][number]['places']) => places.map((x) => `${String(x.number).padStart(2, '0')} ${x.institution} 第 ${x.row} 行`).join('；');

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
      /** Reviews: the grade of the county's score (办法第十条). */
      countyGrade: p.countyGrade?.zh ?? (a?.kind === 'review' ? '' : '—'),
      eligible: el ? (el.eligible ? scheme.yesNo.yes : scheme.yesNo.no) : '—',
      decision: scheme.countyReview.decisions[p.decision],
      fixity: scheme.countyReview.fixity[p.intake.fixity],
    };
  });
  return {
    rows,
    /** The same resident ID (masked) in several institutions' rosters: a signal for the League to check. */
    shared: plan.shared.map((t, i) => ({ number: String(i + 1), id: t.id, places: placesText(t.places) })),
    sharedCount: plan.shared.length,
    /** One heading row over the shared IDs, when there are any (the form words it). */
    sharedHead: plan.shared.length ? [{}] : [],
    counts: {
      total: plan.applicants.length,
      recommended: plan.applicants.filter((p) => p.decision === 'recommend').length,
      reviews: plan.applicants.filter((p) => p.decision === 'review').length,
    },
  };
}
