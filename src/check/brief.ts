/**
 * The brief's length, counted the way Chinese word processors count 字数 (Word's and WPS's
 * "字数" statistic): every Chinese character and every Chinese (full-width) punctuation
 * mark counts one; every run of other non-space characters — an English word, a number
 * such as 2023 or 85% — counts one; spaces and line breaks count nothing.
 */
import { error } from '../core/diagnostic.js';
import { type CheckContext } from './context.js';

// Han ideographs in every block (including Extension B and beyond), CJK symbols and
// punctuation, full-width forms, and the typographic marks Chinese text uses (“”‘’—…·).
const EAST_ASIAN = String.raw`\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2014\u2026\u00b7\u2027\u30fb`;
const TOKEN = new RegExp(`[${EAST_ASIAN}]|[^\\s${EAST_ASIAN}]+`, 'gu');

/** The same rule as a pattern (flags gu), for the page, which counts as the clerk types. */
export const COUNT_PATTERN = TOKEN.source;

export function countChars(text: string): number {
  return text.match(TOKEN)?.length ?? 0;
}

export function checkBrief(ctx: CheckContext, maxChars: number, where = ctx.loaded.brief?.where): number | undefined {
  const brief = ctx.loaded.brief;
  if (!brief || brief.text.trim() === '') return undefined;
  const n = countChars(brief.text);
  if (n > maxChars) ctx.diagnostics.push(error('brief.tooLong', { count: n, max: maxChars }, where));
  return n;
}
