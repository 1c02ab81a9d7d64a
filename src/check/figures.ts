/**
 * The performance figures (上年度品牌工种绩效) derived from the roster. Rows of other trades
 * and repeated people are not counted. Rates are percentages, unrounded; rounding happens
 * only where a figure is shown.
 */
import type { FigureName } from '../scheme/schema.js';
import type { Trainee } from '../roster/types.js';

export interface Figures {
  /** 培训人数 */
  trained: number;
  passed: number;
  /** 培训合格率 % */
  passRate: number;
  /** 培训后就业人数 */
  employed: number;
  /** 培训后就业率 % */
  employmentRate: number;
  /** Key-group trainees counted as the level requires (subsidised only for League and Region). */
  keyGroup: number;
  keyGroupAll: number;
  keyGroupSubsidised: number;
  /** 订单、定岗、定向 trainees and their share % */
  order: number;
  orderShare: number;
  subsidised: number;
  /** Per key group id. */
  byKeyGroup: Record<string, number>;
  /** Rows left out: other trades, and repeated ID numbers. */
  otherTrade: number;
  duplicates: number;
}

/** Which figures are percentages (the rest are head counts). */
export const IS_RATE: Record<FigureName, boolean> = {
  trained: false,
  passRate: true,
  employmentRate: true,
  keyGroup: false,
  orderShare: true,
};

const pct = (n: number, d: number) => (d === 0 ? 0 : (n * 100) / d);

export function deriveFigures(trainees: readonly Trainee[], keyGroupSubsidisedOnly: boolean): Figures {
  let trained = 0, passed = 0, employed = 0, keyGroupAll = 0, keyGroupSubsidised = 0, order = 0, subsidised = 0;
  let otherTrade = 0, duplicates = 0;
  const byKeyGroup: Record<string, number> = {};
  for (const t of trainees) {
    if (t.duplicate) {
      duplicates++;
      continue;
    }
    if (!t.brandTrade) {
      otherTrade++;
      continue;
    }
    trained++;
    if (t.passed) passed++;
    if (t.employed) employed++;
    if (t.order) order++;
    if (t.subsidised) subsidised++;
    if (t.keyGroup) {
      keyGroupAll++;
      if (t.subsidised) keyGroupSubsidised++;
      byKeyGroup[t.keyGroup] = (byKeyGroup[t.keyGroup] ?? 0) + 1;
    }
  }
  return {
    trained,
    passed,
    passRate: pct(passed, trained),
    employed,
    employmentRate: pct(employed, trained),
    keyGroup: keyGroupSubsidisedOnly ? keyGroupSubsidised : keyGroupAll,
    keyGroupAll,
    keyGroupSubsidised,
    order,
    orderShare: pct(order, trained),
    subsidised,
    byKeyGroup,
    otherTrade,
    duplicates,
  };
}

/** Whether a figure meets a threshold (≥), compared on the exact fraction, not a rounded one. */
export function meets(figures: Figures, name: FigureName, required: number): boolean {
  switch (name) {
    case 'trained': return figures.trained >= required;
    case 'keyGroup': return figures.keyGroup >= required;
    // With nobody trained a rate is undefined and meets nothing but a zero threshold.
    case 'passRate': return rateMeets(figures.passed, figures.trained, required);
    case 'employmentRate': return rateMeets(figures.employed, figures.trained, required);
    case 'orderShare': return rateMeets(figures.order, figures.trained, required);
  }
}

function rateMeets(part: number, whole: number, requiredPercent: number): boolean {
  if (whole === 0) return requiredPercent === 0;
  return part * 100 >= requiredPercent * whole;
}
