/**
 * The county's decisions, as a pure function of what the packages hold and what county.yaml
 * says: which applicant gets a recommendation report, which review an evaluation report,
 * which packages go on to the League, and every reason why not. Nothing here reads a file.
 */
import { showFigure } from '../check/eligibility.js';
import { gradeFor } from '../check/score.js';
import type { Blocker, FailingFigure } from '../core/codes.js';
import { error, info, warning, type Diagnostic, type Location } from '../core/diagnostic.js';
import { locate } from '../core/source.js';
import type { Term } from '../core/term.js';
import { toHalfWidth } from '../core/text.js';
import type { Scheme } from '../scheme/schema.js';
import { reportParts } from './derived.js';
import type { ApplicantFacts, Intake } from './intake.js';
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
  /** Reviews: the county's score per rubric group (by group id), when county.yaml gives them and they add up. */
  countyGroups?: Record<string, number>;
  diagnostics: Diagnostic[];
}

/** One resident ID found in the rosters of two or more institutions (办法第十三条（二） is the League's to judge). */
export interface SharedTrainee {
  /** The ID number masked (first six and last four). */
  id: string;
  /** Every place it was found: the package's number, its institution and the roster row. */
  places: { number: number; institution: string; row: number }[];
}

export interface CountyPlan {
  applicants: ApplicantPlan[];
  diagnostics: Diagnostic[];
  /** The filing year (of the applications), for the deadline and titles. */
  year: number;
  /** The year of the figures (上年度): the summary's title and columns. */
  dataYear: number;
  deadline: string;
  /** The same person in the rosters of different institutions. */
  shared: SharedTrainee[];
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

  // Which county.yaml entry belongs to which package: the first entry of the brand written for
  // the package's kind, else the first that names no kind.
  const entryFor = (k: string, kind: ApplicantFacts['kind']): number | undefined => {
    const of = entries.map((e, i) => ({ e, i })).filter(({ e }) => brandKey(e.institution, e.trade) === k);
    return (of.find(({ e }) => e.kind === kind) ?? of.find(({ e }) => e.kind === undefined))?.i;
  };
  // Packages by brand and kind: more than one under a key is a duplicate. An application and a
  // review of the same brand are two filings, both kept.
  const byKey = new Map<string, number[]>();
  intakes.forEach((it, i) => {
    if (!it.applicant) return;
    const k = `${brandKey(it.applicant.institution, it.applicant.trade)}|${it.applicant.kind}`;
    byKey.set(k, [...(byKey.get(k) ?? []), i]);
  });
  /** Entries used, and by which kinds of filing. */
  const usedBy = new Map<number, Set<ApplicantFacts['kind']>>();
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
    const ei = entryFor(key, a.kind);
    if (ei !== undefined) {
      plan.entry = entries[ei];
      plan.entryIndex = ei;
      usedBy.set(ei, (usedBy.get(ei) ?? new Set()).add(a.kind));
    }
    const d = plan.diagnostics;
    const entryAt = (...p: PropertyKey[]) => (ei !== undefined ? where('applicants', ei, ...p) : {});

    if (a.county !== input.county.name) d.push(warning('county.otherCounty', { own: a.county, county: input.county.name }, { file: it.input }));
    if (a.level === 'county' && input.county.populationBand && a.populationBand && a.populationBand !== input.county.populationBand) {
      const band = (b: string) => scheme.populationBands[b as keyof Scheme['populationBands']] ?? { name: b, en: b };
      const term = (b: string) => ({ zh: band(b).name, en: band(b).en });
      d.push(warning('county.bandMismatch', { own: term(a.populationBand), county: term(input.county.populationBand) }, { file: it.input }));
    }
    // Several copies of one filing: when exactly one is intact it is the filing, and the damaged
    // ones are named beside it; two intact (or only damaged) copies are a duplicate.
    const copies = byKey.get(`${key}|${a.kind}`)!;
    const sound = (j: number) => intakes[j]!.fixity === 'intact' || intakes[j]!.fixity === 'unsealed';
    const soundCopies = copies.filter(sound);
    if (copies.length > 1 && soundCopies.length === 1) {
      if (!sound(i)) d.push(warning('county.damagedCopy', { institution: a.institution, trade: a.trade, kept: intakes[soundCopies[0]!]!.input }, { file: it.input }));
    } else {
      const twin = copies.find((j) => j !== i);
      if (twin !== undefined) {
        plan.duplicateOf = twin;
        d.push(error('county.duplicate', { institution: a.institution, trade: a.trade, other: intakes[twin]!.input }, { file: it.input }));
      }
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
        if (g.computed && removalShown(g.computed, a, scheme) === true) {
          plan.removal.push(g.id);
          d.push(warning('county.removal', { institution: a.institution, ground: g.text, ref: scheme.countyReview.refs.removal }, { file: it.input }));
        }
      }
      const scored = countyScores(a, plan.entry, entryAt);
      d.push(...scored.diagnostics);
      if (scored.score !== undefined) {
        plan.countyScore = scored.score;
        plan.countyGrade = gradeFor(scored.score, scheme.grades);
        if (scored.groups) plan.countyGroups = scored.groups;
      } else if (blockers.length === 0 && scored.diagnostics.length === 0) d.push(warning('county.noScore', { institution: a.institution }, ei !== undefined ? entryAt() : { file: it.input }));
      if (blockers.length) {
        d.push(error('county.notForwarded', { institution: a.institution, blockers }, { file: it.input }));
        return plan;
      }
      plan.decision = 'review';
      plan.forward = true;
      return plan;
    }

    if (plan.entry?.score !== undefined || Object.keys(plan.entry?.scores ?? {}).length) d.push(info('county.scoreIgnored', { institution: a.institution, field: 'score' }, entryAt(plan.entry?.score !== undefined ? 'score' : 'scores')));
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
    // No empty part goes to print: a part with neither the county's words nor anything from the
    // applicant's data (or its own texts) is a mistake in county.yaml, unless the county wrote 无.
    const empty = reportParts(a, scheme).filter((p) => !plan.entry![p.key].trim() && !p.derived && p.quoted.length === 0);
    if (empty.length) {
      const first = empty[0]!.key;
      d.push(error('county.noWords', { institution: a.institution, sections: empty.map((p) => p.title), none: scheme.countyReview.none, key: first }, entryAt(first)));
    }
    if (blockers.length) d.push(error('county.cannotRecommend', { institution: a.institution, blockers }, entryAt('recommend')));
    if (blockers.length || empty.length) {
      plan.decision = 'refused';
      return plan;
    }
    plan.decision = 'recommend';
    plan.forward = true;
    return plan;
  });

  entries.forEach((e, i) => {
    if (!usedBy.has(i)) global.push(warning('county.unknownApplicant', { institution: e.institution, trade: e.trade }, where('applicants', i)));
    // One entry without a kind serves an application and a review of the same brand: its words go to both.
    else if (usedBy.get(i)!.size > 1) global.push(warning('county.entryForBoth', { institution: e.institution, trade: e.trade }, where('applicants', i)));
  });

  const years = intakes.flatMap((it) => (it.applicant ? [Number(it.applicant.filingDate.slice(0, 4))] : []));
  const year = years.length ? Math.min(...years) : Number(input.county.date.slice(0, 4));
  const dataYears = intakes.flatMap((it) => (it.applicant ? [it.applicant.year] : []));
  const dataYear = dataYears.length ? Math.min(...dataYears) : year - 1;
  const deadline = `${year}-${scheme.countyReview.deadline}`;
  if (input.county.date > deadline) {
    global.push(warning('county.late', { date: input.county.date, deadline, ref: scheme.countyReview.refs.recommend }, file ? where('county', 'date') : {}));
  }
  const shared = sharedTrainees(applicants);
  // One warning per set of packages that share trainees, each ID with its row in every package.
  const groups = new Map<string, { packages: { number: number; institution: string }[]; ids: { id: string; rows: number[] }[] }>();
  for (const t of shared) {
    const numbers = [...new Set(t.places.map((x) => x.number))];
    const key = numbers.join(',');
    const g = groups.get(key) ?? { packages: numbers.map((n) => ({ number: n, institution: t.places.find((x) => x.number === n)!.institution })), ids: [] };
    g.ids.push({ id: t.id, rows: numbers.map((n) => t.places.find((x) => x.number === n)!.row) });
    groups.set(key, g);
  }
  for (const g of groups.values()) global.push(warning('county.sharedTrainee', { ...g, ref: scheme.countyReview.refs.removal }, {}));
  return { applicants, diagnostics: global, year, dataYear, deadline, shared };
}

/**
 * The same resident ID in the rosters of two or more institutions (an application and a review
 * of one institution share a roster and do not count): a signal for the League (第十三条（二）),
 * listed masked, in the order the packages were given.
 */
export function sharedTrainees(applicants: readonly ApplicantPlan[]): SharedTrainee[] {
  const found = new Map<string, { id: string; places: SharedTrainee['places']; institutions: Set<string> }>();
  for (const p of applicants) {
    const a = p.intake.applicant;
    if (!a) continue;
    const inst = brandKey(a.institution, '');
    for (const t of a.ids) {
      const hit = found.get(t.digest) ?? { id: t.masked, places: [], institutions: new Set<string>() };
      hit.places.push({ number: p.number, institution: a.institution, row: t.row });
      hit.institutions.add(inst);
      found.set(t.digest, hit);
    }
  }
  return [...found.values()].filter((h) => h.institutions.size > 1).map(({ id, places }) => ({ id, places }));
}

/**
 * The county's score of a review: per rubric group (scores:, which must name every group of the
 * applicant's rubric, each within its points, adding up to score: when both are given), or a
 * bare total (score:), which the report shows without the groups.
 */
function countyScores(a: ApplicantFacts, entry: CountyApplicant | undefined, at: (...p: PropertyKey[]) => Location): { score?: number; groups?: Record<string, number>; diagnostics: Diagnostic[] } {
  const out: Diagnostic[] = [];
  const given = entry?.scores ?? {};
  const defs = a.score.groups;
  const named = (g: { id: string; name: string }) => `${g.id}. ${g.name}`;
  if (Object.keys(given).length === 0) {
    if (entry?.score === undefined) return { diagnostics: [] };
    return { score: entry.score, diagnostics: [warning('county.scoreGroupsNone', { institution: a.institution, groups: defs.map(named) }, at('score'))] };
  }
  for (const [id, points] of Object.entries(given)) {
    const g = defs.find((x) => x.id === id);
    if (!g) out.push(error('county.scoreGroupUnknown', { institution: a.institution, group: id, options: defs.map((x) => x.id) }, at('scores', id)));
    else if (points > g.max + 1e-9) out.push(error('county.scoreGroupOver', { institution: a.institution, group: named(g), given: points, max: g.max }, at('scores', id)));
  }
  const missing = defs.filter((g) => given[g.id] === undefined);
  if (missing.length) out.push(error('county.scoreGroupsMissing', { institution: a.institution, missing: missing.map(named) }, at('scores')));
  const sum = Math.round(defs.reduce((n, g) => n + (given[g.id] ?? 0), 0) * 10) / 10;
  if (entry?.score !== undefined && Math.abs(entry.score - sum) > 0.05) out.push(error('county.scoreSum', { institution: a.institution, score: entry.score, sum }, at('score')));
  if (out.length) return { diagnostics: out };
  return { score: sum, groups: Object.fromEntries(defs.map((g) => [g.id, given[g.id]!])), diagnostics: [] };
}

/**
 * Whether the data shows a ground for removal the scheme marks as computable (第十三条): no
 * subsidised training last year, or fewer partners with an employment agreement than the Plan
 * asks, or none of them related to the brand's trade. Undefined when the data cannot tell (the
 * roster could not be read).
 */
export function removalShown(what: 'subsidised' | 'agreements', a: ApplicantFacts, scheme: Scheme): boolean | undefined {
  if (what === 'subsidised') return a.figures ? a.figures.subsidised === 0 : undefined;
  // Fewer than the partners with agreements the Plan asks for (三（五）), or none of them shown to be
  // of the brand's trade: none employs a trainee of the brand (the roster's 就业单位).
  if (a.partners < scheme.minPartners) return true;
  if (!a.figures) return undefined;
  return a.relatedPartners === 0;
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
