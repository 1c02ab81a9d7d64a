/** Chinese ways of writing dates and numbers on official forms. */

const DIGITS = '〇一二三四五六七八九';

/** 2026-10-12 → 2026年10月12日 */
export function cnDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 2026-10-12 → 2026 年 10 月 12 日 (spaced, as on a form line). */
export function cnDateSpaced(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y} 年 ${m} 月 ${d} 日`;
}

/** 1–99 in Chinese numerals: 1 → 一, 10 → 十, 12 → 十二, 20 → 二十. */
export function cnNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

/** 2026-10-12 → 二〇二六年十月 (the year digit by digit, as the seed's 二〇××年××月). */
export function cnYearMonth(iso: string): string {
  const [y, m] = iso.split('-');
  return `${[...y!].map((c) => DIGITS[Number(c)]).join('')}年${cnNumber(Number(m))}月`;
}
