/**
 * The figures against the thresholds of the level applied for (办法第六条), and the
 * special-support claim (方案三（三）3) that may relax them. A tool cannot decide special
 * support; it shows which thresholds fail, that the claim is made, and whether the claim's
 * own condition (employment rate ≥ 70 %) holds.
 */
import { error, warning } from '../core/diagnostic.js';
import { closest } from '../core/suggest.js';
import type { Term } from '../core/term.js';
import { formatInt, formatPercent } from '../core/number.js';
import { FIGURES, type FigureName, type Level, type PopulationBand } from '../scheme/schema.js';
import { at, type CheckContext } from './context.js';
import { IS_RATE, meets } from './figures.js';

export interface EligibilityRow {
  figure: FigureName;
  actual: number;
  required: number;
  unit: 'persons' | 'percent';
  meets: boolean;
  /** Failing, but relaxed under a valid special-support claim. */
  relaxed: boolean;
}

export interface Eligibility {
  level: Level;
  levelName: Term;
  populationBand: PopulationBand | null;
  ref: string;
  keyGroupSubsidisedOnly: boolean;
  rows: EligibilityRow[];
  specialSupport: { claimed: boolean; applies: boolean; grounds: string[] };
  /** Every threshold met, or every failure relaxed by special support. */
  eligible: boolean;
  /** Some threshold is met only by special support: the review panel decides (需评审认定). */
  relaxed: boolean;
}

export function showFigure(name: FigureName, value: number): string {
  return IS_RATE[name] ? formatPercent(value) : formatInt(value);
}

function requirement(name: FigureName, value: number): string {
  return `≥ ${showFigure(name, value)}`;
}

/** Validates the brand's categories and special-support grounds against the scheme. */
export function checkBrandClaims(ctx: CheckContext): void {
  const { scheme } = ctx;
  const brand = ctx.submission.brand;
  const catIds = Object.keys(scheme.categories);
  const catNames = Object.values(scheme.categories);
  brand.categories.forEach((c, i) => {
    if (!catIds.includes(c) && !catNames.includes(c)) {
      ctx.diagnostics.push(error('category.unknown', { value: c, options: catIds.map((id) => ({ id, name: scheme.categories[id]! })) }, at(ctx, 'brand', 'categories', i)));
    }
  });
  const ss = brand.specialSupport;
  const groundIds = Object.keys(scheme.specialSupport.grounds);
  const groundNames = Object.values(scheme.specialSupport.grounds);
  if (ss.claimed && ss.grounds.length === 0) ctx.diagnostics.push(error('specialSupport.noGrounds', {}, at(ctx, 'brand', 'specialSupport', 'grounds')));
  ss.grounds.forEach((g, i) => {
    if (!groundIds.includes(g) && !groundNames.includes(g)) {
      const suggestion = closest(g, groundIds);
      ctx.diagnostics.push(
        error('specialSupport.unknownGround', { value: g, options: suggestion ? [suggestion] : groundIds }, at(ctx, 'brand', 'specialSupport', 'grounds', i)),
      );
    }
  });
  if (!scheme.counties.includes(ctx.submission.county.name)) {
    ctx.diagnostics.push(warning('county.unknown', { value: ctx.submission.county.name, options: scheme.counties }, at(ctx, 'county', 'name')));
  }
  if (ctx.submission.level === 'county' && !ctx.submission.county.populationBand) {
    ctx.diagnostics.push(error('county.bandRequired', {}, at(ctx, 'county')));
  }
}

export function checkEligibility(ctx: CheckContext): Eligibility | undefined {
  const { scheme, submission: s, threshold: t, figures: f } = ctx;
  if (!t || !f) return undefined;
  const level = scheme.levels[s.level];
  const levelName: Term = { zh: level.name, en: level.en };
  const ss = s.brand.specialSupport;
  const minRate = scheme.specialSupport.minEmploymentRate;
  const rateOk = meets(f, 'employmentRate', minRate);
  // 方案三（三）3: a named ground, the employment rate, and a level whose thresholds the League sets.
  const known = Object.keys(scheme.specialSupport.grounds);
  const knownNames = Object.values(scheme.specialSupport.grounds);
  const grounded = ss.grounds.length > 0 && ss.grounds.every((g) => known.includes(g) || knownNames.includes(g));
  const levelAllowed = scheme.specialSupport.levels.includes(s.level);
  const applies = ss.claimed && grounded && rateOk && levelAllowed;

  const rows: EligibilityRow[] = FIGURES.map((name) => {
    const required = t[name];
    const ok = meets(f, name, required);
    return { figure: name, actual: f[name], required, unit: IS_RATE[name] ? 'percent' : 'persons', meets: ok, relaxed: !ok && applies };
  });

  for (const r of rows) {
    if (r.meets) continue;
    const where = at(ctx, 'claimed', r.figure);
    const base = { figure: r.figure, actual: showFigure(r.figure, r.actual), required: requirement(r.figure, r.required), level: levelName };
    if (r.relaxed) {
      ctx.diagnostics.push(
        warning('threshold.relaxed', { ...base, employmentRate: formatPercent(f.employmentRate), minRate: formatPercent(minRate), ref: scheme.specialSupport.ref }, where),
      );
    } else ctx.diagnostics.push(error('threshold.fail', { ...base, ref: t.ref }, where));
  }
  if (ss.claimed && !levelAllowed) {
    ctx.diagnostics.push(warning('specialSupport.levelNotAllowed', { level: levelName, ref: t.ref }, at(ctx, 'brand', 'specialSupport', 'claimed')));
  } else if (ss.claimed && !rateOk && rows.some((r) => !r.meets)) {
    ctx.diagnostics.push(
      warning('specialSupport.rateTooLow', { employmentRate: formatPercent(f.employmentRate), minRate: formatPercent(minRate), ref: scheme.specialSupport.ref }, at(ctx, 'brand', 'specialSupport', 'claimed')),
    );
  }
  return {
    level: s.level,
    levelName,
    populationBand: s.level === 'county' ? (s.county.populationBand ?? null) : null,
    ref: t.ref,
    keyGroupSubsidisedOnly: t.keyGroupSubsidisedOnly,
    rows,
    specialSupport: { claimed: ss.claimed, applies, grounds: ss.grounds },
    eligible: rows.every((r) => r.meets || r.relaxed),
    relaxed: rows.some((r) => r.relaxed),
  };
}
