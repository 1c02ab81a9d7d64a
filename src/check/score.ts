/**
 * The self-score (自评分) on the scheme's rubric. Items that follow from the data are
 * computed; the rest come from `selfScore` in the submission. Computed items:
 *  - figure items: full points when the figure reaches its target (the level's threshold,
 *    or the number the rubric itself writes), otherwise points × figure / target, rounded
 *    down to 0.1;
 *  - partners: points × (partners with agreements / minPartners), at most full points;
 *  - credit: full points when the credit report and the court-records screenshot are there;
 *  - special support: full points when it is claimed and its employment-rate condition holds.
 */
import { error, info, warning } from '../core/diagnostic.js';
import type { Term } from '../core/term.js';
import type { Grade, Rubric, RubricItem } from '../scheme/schema.js';
import { at, type CheckContext } from './context.js';
import type { Eligibility } from './eligibility.js';
import { IS_RATE } from './figures.js';
import { partnersWithAgreement } from './partners.js';
import { fileDiagnostics } from './materials.js';

export type ScoreSource = 'derived' | 'self' | 'none';

export interface ScoredItem {
  id: string;
  group: string;
  name: string;
  max: number;
  points: number;
  source: ScoreSource;
  assumed: boolean;
  /** For an item scored on a figure: the target it was scored against (the level's threshold, or the rubric's own number). */
  target?: { value: number; unit: 'percent' | 'persons'; basis: 'threshold' | 'rubric' };
}

export interface Score {
  rubric: string;
  title: string;
  ref: string;
  items: ScoredItem[];
  groups: { id: string; name: string; max: number; points: number; assumed: boolean }[];
  total: number;
  grade: Term;
  /** Names of qualitative gates that fail (培训绩效, 诚信记录): no evaluation if any. */
  gatesFailed: string[];
}

const floor1 = (x: number) => Math.floor(x * 10 + 1e-9) / 10;

export function gradeFor(total: number, grades: readonly Grade[]): Term {
  const g = grades.find((x) => total >= x.min) ?? grades.at(-1)!;
  return { zh: g.name, en: g.en };
}

function slotComplete(ctx: CheckContext, slot: string): boolean {
  const facts = ctx.loaded.attachments[slot] ?? [];
  const types = ctx.scheme.slots[slot]?.types;
  return facts.length > 0 && facts.every((f) => fileDiagnostics(f, types).every((d) => d.severity !== 'error'));
}

/** The target a figure item is scored against: the level's threshold, or the number the rubric writes into the item. */
function targetOf(ctx: CheckContext, item: RubricItem): ScoredItem['target'] {
  const d = item.derive;
  if (!d || !('figure' in d)) return undefined;
  const value = d.target === 'threshold' ? ctx.threshold?.[d.figure] : d.target;
  return value ? { value, unit: IS_RATE[d.figure] ? 'percent' : 'persons', basis: d.target === 'threshold' ? 'threshold' : 'rubric' } : undefined;
}

function derivedPoints(ctx: CheckContext, item: RubricItem, eligibility: Eligibility | undefined): number {
  const d = item.derive!;
  if ('figure' in d) {
    const f = ctx.figures;
    const target = targetOf(ctx, item)?.value;
    if (!f || f.trained === 0 || !target) return 0;
    return floor1(item.points * Math.min(1, f[d.figure] / target));
  }
  if ('partners' in d) {
    const min = ctx.scheme.minPartners;
    return min === 0 ? item.points : floor1(item.points * Math.min(1, partnersWithAgreement(ctx) / min));
  }
  if ('credit' in d) return slotComplete(ctx, 'creditReport') && slotComplete(ctx, 'courtRecords') ? item.points : 0;
  return eligibility?.specialSupport.applies ? item.points : 0;
}

export function scoreSubmission(ctx: CheckContext, eligibility: Eligibility | undefined): Score {
  const { scheme, submission } = ctx;
  const rid = scheme.rubricFor[submission.kind];
  const rubric: Rubric = scheme.rubrics[rid]!;
  const self = submission.selfScore;
  const items: ScoredItem[] = [];
  const notScored: string[] = [];
  const known = new Set(rubric.groups.flatMap((g) => g.items.map((i) => i.id)));

  for (const key of Object.keys(self)) {
    if (!known.has(key)) ctx.diagnostics.push(error('score.unknownItem', { item: key, options: [...known] }, at(ctx, 'selfScore', key)));
  }
  const categories = new Set(submission.brand.categories.flatMap((c) => [c, ...Object.entries(scheme.categories).filter(([, n]) => n === c).map(([id]) => id)]));

  for (const g of rubric.groups) {
    for (const item of g.items) {
      const given = self[item.id];
      let points = 0;
      let source: ScoreSource = 'none';
      if (item.derive) {
        points = derivedPoints(ctx, item, eligibility);
        source = 'derived';
        if (given !== undefined) ctx.diagnostics.push(warning('score.derivedGiven', { item: item.id, derived: points }, at(ctx, 'selfScore', item.id)));
      } else if (given !== undefined) {
        source = 'self';
        if (given > item.points) {
          ctx.diagnostics.push(error('score.overMax', { item: item.id, given, max: item.points }, at(ctx, 'selfScore', item.id)));
          points = item.points;
        } else points = given;
        if (item.category && given > 0 && !categories.has(item.category)) {
          ctx.diagnostics.push(warning('score.categoryMismatch', { item: item.id, category: scheme.categories[item.category] ?? item.category }, at(ctx, 'selfScore', item.id)));
        }
      } else notScored.push(item.id);
      const target = targetOf(ctx, item);
      items.push({ id: item.id, group: g.id, name: item.name, max: item.points, points, source, assumed: g.assumed, ...(target && { target }) });
    }
  }
  if (notScored.length) ctx.diagnostics.push(warning('score.notScored', { items: notScored }, at(ctx, 'selfScore')));

  const assumed = items.filter((i) => i.assumed);
  if (assumed.length) {
    ctx.diagnostics.push(info('score.assumedRubric', { rubric: rubric.ref, items: assumed.map((i) => i.id), note: rubric.assumedNote ?? '' }, {}));
  }

  const groups = rubric.groups.map((g) => ({
    id: g.id,
    name: g.name,
    max: g.points,
    assumed: g.assumed,
    points: floor1(items.filter((i) => i.group === g.id).reduce((a, i) => a + i.points, 0)),
  }));
  const total = floor1(items.reduce((a, i) => a + i.points, 0));

  // Qualitative gates: performance must meet the thresholds (or be relaxed), and the credit record must hold.
  const gatesFailed: string[] = [];
  for (const gid of rubric.gates) {
    const g = rubric.groups.find((x) => x.id === gid)!;
    const isPerformance = g.items.some((i) => i.derive && 'figure' in i.derive);
    const fails = isPerformance
      ? !eligibility?.eligible
      : items.filter((i) => i.group === gid && i.source === 'derived').some((i) => i.points < i.max);
    if (fails) gatesFailed.push(g.name);
  }
  if (gatesFailed.length) ctx.diagnostics.push(info('score.gated', { groups: gatesFailed }, {}));

  return { rubric: rid, title: rubric.title, ref: rubric.ref, items, groups, total, grade: gradeFor(total, scheme.grades), gatesFailed };
}
