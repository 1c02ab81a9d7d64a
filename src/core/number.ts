/** Numbers as every language here writes them: grouped digits, percentages, score points. */

/** 1234 → "1,234" in both languages (clerks read grouped digits in either). */
export function formatInt(n: number): string {
  // Grouped by hand: the first toLocaleString of a process starts ICU's number formatting (~10 ms).
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A percentage with at most `digits` decimals, trailing zeros dropped: 91.666 → "91.7%". */
export function formatPercent(value: number, digits = 1): string {
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor;
  return `${rounded.toFixed(digits).replace(/\.?0+$/, '')}%`;
}

/** Score points: 86.5 → "86.5", 86 → "86". */
export function formatPoints(value: number): string {
  return (Math.round(value * 10) / 10).toFixed(1).replace(/\.0$/, '');
}
