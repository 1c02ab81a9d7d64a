/**
 * The figures claimed on the recommendation form against those the roster gives. Counts
 * must be equal; a rate matches when it agrees to the precision it is written with
 * (91.7 stands for 91.65–91.75, 92 for 91.5–92.5).
 */
import { error } from '../core/diagnostic.js';
import { formatInt, formatPercent } from '../core/number.js';
import { at, type CheckContext } from './context.js';

export function decimalsOf(n: number): number {
  const s = String(n);
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

export function rateMatches(claimed: number, derived: number): boolean {
  const half = 0.5 * 10 ** -Math.min(decimalsOf(claimed), 2);
  return Math.abs(claimed - derived) <= half + 1e-9;
}

export function checkClaims(ctx: CheckContext): void {
  const f = ctx.figures;
  if (!f || f.trained === 0) return;
  const c = ctx.submission.claimed;
  const counts = [
    ['trained', c.trained, f.trained],
    ['employed', c.employed, f.employed],
    ['keyGroup', c.keyGroup, f.keyGroup],
  ] as const;
  for (const [name, claimed, derived] of counts) {
    if (claimed !== derived) {
      ctx.diagnostics.push(error('figures.claimMismatch', { figure: name, claimed: formatInt(claimed), derived: formatInt(derived) }, at(ctx, 'claimed', name)));
    }
  }
  const rates = [
    ['passRate', c.passRate, f.passRate],
    ['employmentRate', c.employmentRate, f.employmentRate],
    ['orderShare', c.orderShare, f.orderShare],
  ] as const;
  for (const [name, claimed, derived] of rates) {
    if (!rateMatches(claimed, derived)) {
      ctx.diagnostics.push(
        error('figures.claimMismatch', { figure: name, claimed: `${claimed}%`, derived: formatPercent(derived, Math.max(1, decimalsOf(claimed))) }, at(ctx, 'claimed', name)),
      );
    }
  }
}

/** The figures as the form should claim them: counts as they are, rates to one decimal (what the page offers with one click). */
export function claimsFromFigures(f: { trained: number; passRate: number; employed: number; employmentRate: number; keyGroup: number; orderShare: number }) {
  const rate = (x: number) => Math.round(x * 10) / 10;
  return { trained: f.trained, passRate: rate(f.passRate), employed: f.employed, employmentRate: rate(f.employmentRate), keyGroup: f.keyGroup, orderShare: rate(f.orderShare) };
}
