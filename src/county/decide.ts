/**
 * The county's decisions, as a pure function of what the packages hold and what county.yaml
 * says: which applicant gets a recommendation report, which review an evaluation report,
 * which packages go on to the League, and every reason why not. Nothing here reads a file.
 */
import { showFigure } from '../check/eligibility.js';
import { gradeFor } from '../check/score.js';
import type { Blocker, FailingFigure } from '../core/codes.js';
import { error, info, warning, type Diagnostic } from '../core/diagnostic.js';
import { locate } from '../core/source.js';
import type { Term } from '../core/term.js';
import { toHalfWidth } from '../core/text.js';
import type { Scheme } from '../scheme/schema.js';
import { derivedText } from './derived.js';
import type { Intake } from './intake.js';
import type { LoadedCountyFile } from './load.js';
import type { CountyApplicant } from './schema.js';

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
  /** Thresholds not met. */
  failing: FailingFigure[];
  /** Reviews: grounds for removal the data shows (第十三条), by their id in the scheme. */
  removal: string[];
  countyScore?: number;
  countyGrade?: Term;
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
      const band = (b: string) => scheme.populationBands[b as keyof Scheme['populationBands']] ?? { name: b, en: b };
      const term = (b: string) => ({ zh: band(b).name, en: band(b).en });
      d.push(warning('county.bandMismatch', { own: term(a.populationBand), county: term(input.county.populationBand) }, { file: it.input }));
    }
    const twin = byKey.get(key)!.find((j) => j !== i);
    if (twin !== undefined) {
      plan.duplicateOf = twin;
      d.push(error('county.duplicate', { institution: a.institution, trade: a.trade, other: intakes[twin]!.input }, { file: it.input }));
    }
    for (const r of a.eligibility?.rows ?? []) {
      if (!r.meets && !r.relaxed) plan.failing.push({ figure: r.figure, actual: showFigure(r.figure, r.actual), required: `≥ ${showFigure(r.figure, r.required)}`, unit: r.unit });
    }
    if (ei === undefined) d.push(warning('county.notInFile', { institution: a.institution, trade: a.trade }, { file: it.input }));

    const intact = it.fixity === 'intact' || it.fixity === 'unsealed';
    const blockers: Blocker[] = [];
    if (!intact) blockers.push(it.fixity === 'damaged' ? { kind: 'damaged', problems: it.problems.length } : { kind: 'unreadable' });
    if (plan.duplicateOf !== undefined) blockers.push({ kind: 'duplicate' });

    if (a.kind === 'review') {
      if (plan.entry?.recommend !== undefined) d.push(info('county.scoreIgnored', { institution: a.institution, field: 'recommend' }, entryAt('recommend')));
      for (const g of scheme.countyReview.removalGrounds) {
        if (g.computed && removalShown(g.computed, a) === true) {
          plan.removal.push(g.id);
          d.push(warning('county.removal', { institution: a.institution, ground: g.text, ref: scheme.countyReview.refs.removal }, { file: it.input }));
        }
      }
      const score = plan.entry?.score;
      if (score !== undefined) {
        plan.countyScore = score;
        plan.countyGrade = gradeFor(score, scheme.grades);
      } else if (blockers.length === 0) d.push(warning('county.noScore', { institution: a.institution }, ei !== undefined ? entryAt() : { file: it.input }));
      if (blockers.length) {
        d.push(error('county.notForwarded', { institution: a.institution, blockers }, { file: it.input }));
        return plan;
      }
      plan.decision = 'review';
      plan.forward = true;
      return plan;
    }

    if (plan.entry?.score !== undefined) d.push(info('county.scoreIgnored', { institution: a.institution, field: 'score' }, entryAt('score')));
    const wish = plan.entry?.recommend;
    if (wish === false) {
      plan.decision = 'decline';
      return plan;
    }
    if (it.counts.error > 0) blockers.push({ kind: 'errors', count: it.counts.error });
    if (a.eligibility && !a.eligibility.eligible) blockers.push({ kind: 'notEligible', level: { zh: scheme.levels[a.level].name, en: scheme.levels[a.level].en }, failing: plan.failing });
    if (wish === undefined) {
      if (ei !== undefined) d.push(warning('county.undecided', { institution: a.institution, trade: a.trade }, entryAt()));
      plan.decision = 'undecided';
      return plan;
    }
    if (blockers.length) {
      plan.decision = 'refused';
      d.push(error('county.cannotRecommend', { institution: a.institution, blockers }, entryAt('recommend')));
      return plan;
    }
    plan.decision = 'recommend';
    plan.forward = true;
    // A section with neither derived sentences nor the county's words would print as a bare heading.
    const derived = derivedText(a, scheme);
    const empty = scheme.countyReview.sections.filter((s) => !plan.entry![s.key].trim() && !(s.key !== 'practices' && derived[s.key])).map((s) => s.title);
    if (empty.length) d.push(warning('county.noWords', { institution: a.institution, sections: empty }, entryAt()));
    return plan;
  });

  entries.forEach((e, i) => {
    if (!used.has(i)) global.push(warning('county.unknownApplicant', { institution: e.institution, trade: e.trade }, where('applicants', i)));
  });

  const years = intakes.flatMap((it) => (it.applicant ? [Number(it.applicant.filingDate.slice(0, 4))] : []));
  const year = years.length ? Math.min(...years) : Number(input.county.date.slice(0, 4));
  const deadline = `${year}-${scheme.countyReview.deadline}`;
  if (input.county.date > deadline) {
    global.push(warning('county.late', { date: input.county.date, deadline, ref: scheme.countyReview.refs.recommend }, file ? where('county', 'date') : {}));
  }
  return { applicants, diagnostics: global, year, deadline };
}

/**
 * Whether the data shows a ground for removal the scheme marks as computable (第十三条): no
 * subsidised training last year, or no partner with an employment agreement. Undefined when
 * the data cannot tell (the roster could not be read).
 */
export function removalShown(what: 'subsidised' | 'agreements', a: NonNullable<Intake['applicant']>): boolean | undefined {
  if (what === 'subsidised') return a.figures ? a.figures.subsidised === 0 : undefined;
  return a.partners === 0;
}

/** What became of building a plain submission folder's package (see pipeline/county.ts). */
export type BuildOutcome = { ok: true } | { ok: false; diagnostics: Diagnostic[]; detail?: string };

/**
 * The plan after the builds of plain submission folders: one that could not be built is not
 * forwarded, and a recommendation becomes a refusal. A new plan; the old one is unchanged.
 */
export function withBuilds(plan: CountyPlan, outcomes: ReadonlyMap<number, BuildOutcome>): CountyPlan {
  return {
    ...plan,
    applicants: plan.applicants.map((p) => {
      const o = outcomes.get(p.number);
      if (!o || o.ok) return p;
      const blockers: Blocker[] = [{ kind: 'notBuilt', ...(o.detail && { detail: o.detail }) }];
      return {
        ...p,
        forward: false,
        decision: p.decision === 'recommend' ? 'refused' : p.decision,
        diagnostics: [...p.diagnostics, ...o.diagnostics, error('county.cannotRecommend', { institution: p.intake.applicant!.institution, blockers }, { file: p.intake.input })],
      };
    }),
  };
}
