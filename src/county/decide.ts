/**
 * The county's decisions, as a pure function of what the packages hold and what county.yaml
 * says: which applicant gets a recommendation report, which review an evaluation report,
 * which packages go on to the League, and every reason why not. Nothing here reads a file.
 */
import type { FigureName } from '../scheme/schema.js';
import { showFigure } from '../check/eligibility.js';
import { error, info, warning, type Diagnostic } from '../core/diagnostic.js';
import { locate } from '../core/source.js';
import { toHalfWidth } from '../core/text.js';
import { IS_RATE } from '../check/figures.js';
import { cnDate } from '../forms/cn.js';
import { gradeFor } from '../check/score.js';
import type { Scheme } from '../scheme/schema.js';
import type { Intake } from './intake.js';
import type { LoadedCountyFile } from './load.js';
import type { CountyApplicant } from './schema.js';
import { derivedText } from './derived.js';
import { REPORT_SECTIONS } from './sections.js';

export type Decision =
  /** Application, county says recommend, nothing stands in the way. */
  | 'recommend'
  /** Application, county says no. */
  | 'decline'
  /** Application, county.yaml has no decision yet. */
  | 'undecided'
  /** Application the county would recommend, but it cannot be: damaged, failing, duplicate. */
  | 'refused'
  /** Review: evaluated and forwarded. */
  | 'review'
  /** A package that could not be read, or a damaged or duplicate review. */
  | 'unusable';

export interface ApplicantPlan {
  /** 1-based, in the order the packages were given. */
  number: number;
  intake: Intake;
  /** “机构 · 工种”, or the package's path when its data could not be read. */
  label: string;
  entry?: CountyApplicant;
  entryIndex?: number;
  decision: Decision;
  /** Its package goes into the county's outgoing package. */
  forward: boolean;
  duplicateOf?: number;
  /** Thresholds not met, as “培训人数 180 人 < 200 人”. */
  failing: string[];
  /** Reviews: grounds for removal the data shows (第十三条). */
  removal: string[];
  countyScore?: number;
  countyGrade?: string;
  diagnostics: Diagnostic[];
}

export interface CountyPlan {
  applicants: ApplicantPlan[];
  diagnostics: Diagnostic[];
  /** The filing year (of the applications), for the deadline and titles. */
  year: number;
  deadline: string;
}

export interface DecideInput {
  intakes: readonly Intake[];
  county: { name: string; date: string; populationBand?: string };
  file?: LoadedCountyFile;
  scheme: Scheme;
}

/** Institution and trade as a key: spaces and full-width forms do not make a new brand. */
export const brandKey = (institution: string, trade: string) => `${toHalfWidth(institution).replace(/\s+/g, '')}|${toHalfWidth(trade).replace(/\s+/g, '')}`;

/** A figure with its unit: “240 人”, “92.5%”. */
const show = (name: FigureName, v: number) => `${showFigure(name, v)}${IS_RATE[name] ? '' : ' 人'}`;

export function decide(input: DecideInput): CountyPlan {
  const { intakes, scheme, file } = input;
  const entries = file?.data.applicants ?? [];
  const where = (...p: PropertyKey[]) => (file ? locate(file.source, p) : {});
  const global: Diagnostic[] = [];

  // Which county.yaml entry belongs to which package.
  const entryByKey = new Map<string, number>();
  entries.forEach((e, i) => {
    const k = brandKey(e.institution, e.trade);
    if (!entryByKey.has(k)) entryByKey.set(k, i);
  });
  // Packages by brand: more than one under a key is a duplicate.
  const byKey = new Map<string, number[]>();
  intakes.forEach((it, i) => {
    if (!it.applicant) return;
    const k = brandKey(it.applicant.institution, it.applicant.trade);
    byKey.set(k, [...(byKey.get(k) ?? []), i]);
  });

  const used = new Set<number>();
  const applicants = intakes.map((it, i): ApplicantPlan => {
    const a = it.applicant;
    const plan: ApplicantPlan = {
      number: i + 1,
      intake: it,
      label: a ? `${a.institution} · ${a.trade}` : it.input,
      decision: 'unusable',
      forward: false,
      failing: [],
      removal: [],
      diagnostics: [],
    };
    if (!a) return plan;
    const key = brandKey(a.institution, a.trade);
    const ei = entryByKey.get(key);
    if (ei !== undefined) {
      plan.entry = entries[ei];
      plan.entryIndex = ei;
      used.add(ei);
    }
    const d = plan.diagnostics;
    const entryAt = (...p: PropertyKey[]) => (ei !== undefined ? where('applicants', ei, ...p) : {});

    if (a.county !== input.county.name) d.push(warning('county.otherCounty', { own: a.county, county: input.county.name }, { file: it.input }));
    if (a.level === 'county' && input.county.populationBand && a.populationBand && a.populationBand !== input.county.populationBand) {
      const band = (b: string) => scheme.populationBands[b as keyof Scheme['populationBands']]?.name ?? b;
      d.push(warning('county.bandMismatch', { own: band(a.populationBand), county: band(input.county.populationBand) }, { file: it.input }));
    }
    const twin = byKey.get(key)!.find((j) => j !== i);
    if (twin !== undefined) {
      plan.duplicateOf = twin;
      d.push(error('county.duplicate', { institution: a.institution, trade: a.trade, other: intakes[twin]!.input }, { file: it.input }));
    }
    for (const r of a.eligibility?.rows ?? []) {
      if (!r.meets && !r.relaxed) plan.failing.push(`${r.label.zh} ${show(r.figure, r.actual)}，要求 ≥ ${show(r.figure, r.required)}`);
    }
    if (ei === undefined) d.push(warning('county.notInFile', { institution: a.institution, trade: a.trade }, { file: it.input }));

    const intact = it.fixity === 'intact' || it.fixity === 'unsealed';
    const blockers: string[] = [];
    if (!intact) blockers.push(it.fixity === 'damaged' ? `材料包已损坏（${it.problems.length} 处问题）` : '材料包无法读取');
    if (plan.duplicateOf !== undefined) blockers.push('重复报送');

    if (a.kind === 'review') {
      if (plan.entry?.recommend !== undefined) d.push(info('county.scoreIgnored', { institution: a.institution }, entryAt('recommend')));
      if (a.figures && a.figures.subsidised === 0) plan.removal.push(`上年度没有开展品牌工种补贴性培训（花名册中享受补贴的培训 0 人）`);
      if (a.partners === 0) plan.removal.push(`没有与相关企业签订长期培训就业协议（有协议的合作企业 0 家）`);
      for (const g of plan.removal) d.push(warning('county.removal', { institution: a.institution, ground: g, ref: scheme.countyReview.refs.removal }, { file: it.input }));
      const score = plan.entry?.score;
      if (score !== undefined) {
        plan.countyScore = score;
        plan.countyGrade = gradeFor(score, scheme.grades).zh;
      } else if (blockers.length === 0) d.push(warning('county.noScore', { institution: a.institution }, ei !== undefined ? entryAt() : { file: it.input }));
      if (blockers.length) {
        d.push(error('county.notForwarded', { institution: a.institution, reason: blockers.join('；') }, { file: it.input }));
        return plan;
      }
      plan.decision = 'review';
      plan.forward = true;
      return plan;
    }

    if (plan.entry?.score !== undefined) d.push(info('county.scoreIgnored', { institution: a.institution }, entryAt('score')));
    const wish = plan.entry?.recommend;
    if (wish === false) {
      plan.decision = 'decline';
      return plan;
    }
    if (it.counts.error > 0) blockers.push(`检查发现 ${it.counts.error} 个错误`);
    if (a.eligibility && !a.eligibility.eligible) blockers.push(`未达到${scheme.levels[a.level].name}认定条件（${plan.failing.join('；')}）`);
    if (wish === undefined) {
      if (ei !== undefined) d.push(warning('county.undecided', { institution: a.institution, trade: a.trade }, entryAt()));
      plan.decision = 'undecided';
      return plan;
    }
    if (blockers.length) {
      plan.decision = 'refused';
      d.push(error('county.cannotRecommend', { institution: a.institution, reason: blockers.join('；') }, entryAt('recommend')));
      return plan;
    }
    plan.decision = 'recommend';
    plan.forward = true;
    // A section with neither derived sentences nor the county's words would print as a bare heading.
    const derived = derivedText(a, scheme);
    const empty = REPORT_SECTIONS.filter((s) => !plan.entry![s.key].trim() && !(s.key !== 'practices' && derived[s.key])).map((s) => s.title);
    if (empty.length) d.push(warning('county.noWords', { institution: a.institution, sections: empty.join('；') }, entryAt()));
    return plan;
  });

  entries.forEach((e, i) => {
    if (!used.has(i)) global.push(warning('county.unknownApplicant', { institution: e.institution, trade: e.trade }, where('applicants', i)));
  });

  const years = intakes.flatMap((it) => (it.applicant ? [Number(it.applicant.filingDate.slice(0, 4))] : []));
  const year = years.length ? Math.min(...years) : Number(input.county.date.slice(0, 4));
  const deadline = `${year}-${scheme.countyReview.deadline}`;
  if (input.county.date > deadline) {
    global.push(warning('county.late', { date: cnDate(input.county.date), deadline: cnDate(deadline), ref: scheme.countyReview.refs.recommend }, file ? where('county', 'date') : {}));
  }
  return { applicants, diagnostics: global, year, deadline };
}
