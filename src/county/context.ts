/**
 * What the county's form templates see: the county, and per applicant its figures and the
 * sentences derived from them — formatted as the reports print them. The figures are taken
 * from the applicant's roster as checked, never retyped by the county.
 */
import { showFigure } from '../check/eligibility.js';
import type { Figures } from '../check/figures.js';
import { cnDate, cnDateSpaced } from '../forms/cn.js';
import { gradeBands } from '../forms/context.js';
import { paragraphsOf } from '../forms/fill.js';
import { formatInt, formatPercent, formatPoints } from '../i18n/number.js';
import type { Scheme } from '../scheme/schema.js';
import type { ApplicantPlan, CountyPlan } from './decide.js';
import { derivedText } from './derived.js';
import { REPORT_SECTIONS, type SectionKey } from './sections.js';
import type { ApplicantFacts } from './intake.js';

export interface CountyInfo {
  name: string;
  bureau: string;
  contact: string;
  phone: string;
  date: string;
}

const KIND = { application: '认定', review: '复评' } as const;
const FIXITY = { intact: '完好', damaged: '已损坏', unsealed: '未封装', unreadable: '无法读取' } as const;
const DECISION = { recommend: '推荐', decline: '不推荐', undecided: '未定', refused: '不能推荐', review: '报送', unusable: '—' } as const;

const lines = (text: string | undefined) => paragraphsOf(text ?? '').map((t) => ({ text: t }));

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

function figureRows(a: ApplicantFacts) {
  return (a.eligibility?.rows ?? []).map((r) => ({
    label: r.label.zh,
    actual: showFigure(r.figure, r.actual),
    required: `≥ ${showFigure(r.figure, r.required)}`,
    result: r.meets ? '达到' : r.relaxed ? '未达到（重点扶持放宽）' : '未达到',
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
    figures: figureRows(a),
    thresholdRef: a.eligibility?.ref ?? '',
    partners: formatInt(a.partners),
    minPartners: scheme.minPartners,
    selfScore: formatPoints(a.score.total),
    selfGrade: a.score.grade,
  };
}

export function reportContext(p: ApplicantPlan, scheme: Scheme) {
  const a = p.intake.applicant!;
  const words = p.entry;
  const derived = derivedText(a, scheme);
  const base = applicantBase(p, scheme);
  const said = Object.fromEntries(REPORT_SECTIONS.map((s) => [s.key, lines(words?.[s.key])])) as Record<SectionKey, { text: string }[]>;
  const opinion = words?.opinion.trim()
    ? lines(words.opinion)
    : [{ text: `经审核，${a.institution}申报材料真实、完整，“${a.trade}”培训品牌上年度各项绩效指标达到${base.levelName}职业技能培训品牌认定标准，同意推荐。` }];
  return { applicant: base, derived, words: said, opinion };
}

export function evaluationContext(p: ApplicantPlan, scheme: Scheme) {
  const a = p.intake.applicant!;
  const base = applicantBase(p, scheme);
  const f: Figures | null = a.figures;
  const removalRef = scheme.countyReview.refs.removal;
  const checks = [
    {
      ground: '上年度没有开展品牌工种补贴性培训',
      result: f ? (f.subsidised === 0 ? '存在：花名册中享受补贴的培训 0 人' : `未发现：享受补贴的培训 ${formatInt(f.subsidised)} 人`) : '无法判断：花名册无法读取',
    },
    { ground: '骗取、套取培训补贴资金', result: '由评估领导小组现场核查' },
    { ground: '侵害学员合法权益', result: '由评估领导小组现场核查' },
    {
      ground: '未与相关企业签订长期培训就业协议',
      result: a.partners === 0 ? '存在：没有附就业协议的合作企业' : `未发现：有就业协议的合作企业 ${formatInt(a.partners)} 家${a.partners < scheme.minPartners ? `（少于 ${scheme.minPartners} 家）` : ''}`,
    },
    { ground: '其他严重违法违规行为', result: '由评估领导小组现场核查' },
  ].map((c, i) => ({ ...c, number: i + 1 }));
  const score = p.countyScore;
  const scoreRows = a.score.groups.map((g) => ({ name: `${g.id}. ${g.name}`, max: formatPoints(g.max), self: formatPoints(g.points) }));
  const keep = `继续保留其${base.levelName}职业技能培训品牌资格`;
  const defaultOpinion =
    p.removal.length > 0
      ? `数据显示存在直接取消资格的情形（${removalRef}），建议取消其${base.levelName}职业技能培训品牌资格。`
      : score === undefined
        ? ''
        : score >= Math.min(...scheme.grades.filter((g) => g.min > 0).map((g) => g.min))
          ? `评估得分 ${formatPoints(score)} 分，等级为“${p.countyGrade}”，建议${keep}。`
          : `评估得分 ${formatPoints(score)} 分，等级为“${p.countyGrade}”，复评未通过，建议取消其${base.levelName}职业技能培训品牌资格。`;
  const words = p.entry;
  return {
    applicant: base,
    checks,
    removalRef,
    scoreRows,
    countyScore: score === undefined ? '' : formatPoints(score),
    countyGrade: p.countyGrade ?? '',
    gradeBands: gradeBands(scheme),
    findings: lines(words?.findings),
    opinion: words?.opinion.trim() ? lines(words.opinion) : defaultOpinion ? [{ text: defaultOpinion }] : [],
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
      kind: a ? KIND[a.kind] : '—',
      level: a ? scheme.levels[a.level].name : '—',
      trained: f ? formatInt(f.trained) : '—',
      passRate: f ? formatPercent(f.passRate) : '—',
      employmentRate: f ? formatPercent(f.employmentRate) : '—',
      keyGroup: f ? formatInt(f.keyGroup) : '—',
      orderShare: f ? formatPercent(f.orderShare) : '—',
      selfScore: a ? formatPoints(a.score.total) : '—',
      countyScore: p.countyScore !== undefined ? formatPoints(p.countyScore) : a?.kind === 'review' ? '' : '—',
      eligible: el ? (el.eligible ? '是' : '否') : '—',
      decision: DECISION[p.decision],
      fixity: FIXITY[p.intake.fixity],
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
