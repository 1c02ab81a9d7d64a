/**
 * Field types that accept what a clerk types: Chinese words for enum values, dates in the
 * usual Chinese forms, percentages with or without a % sign. Each normalises to one form so
 * the rest of the program sees a single representation.
 */
import { z } from 'zod';
import type { CustomIssueParams } from '../core/zod-report.js';
import { toHalfWidth } from '../core/text.js';

/**
 * The longest a field's text may be: a name, a period or an area is a line or two (a pasted
 * page in one is a mistake, and would be drawn on every form); a narrative answer or a brief
 * is pages at most (the brief's own limit, 2,000 characters, is the check's).
 */
export const MAX_SHORT_TEXT = 500;
export const MAX_LONG_TEXT = 20_000;

/** Non-empty text, trimmed. */
export const text = z.string().trim().min(1).max(MAX_SHORT_TEXT);

/** Text that may be left empty in a skeleton (the check reports it as missing where needed). */
export const optionalText = z.string().trim().max(MAX_SHORT_TEXT).default('');

/** A text of paragraphs (a narrative answer, the brief). */
export const longText = z.string().max(MAX_LONG_TEXT);

type RefineCtx = { addIssue: (issue: { code: 'custom'; message: string; params: Record<string, unknown>; input?: unknown }) => void };

function customIssue(ctx: RefineCtx, p: CustomIssueParams, input: unknown): void {
  ctx.addIssue({ code: 'custom', message: p.code, params: p as unknown as Record<string, unknown>, input });
}

/** An enum whose values may also be written with any of their Chinese aliases. */
export function aliasedEnum<const T extends readonly [string, ...string[]]>(values: T, aliases: Record<string, T[number]>) {
  return z.preprocess((v) => {
    if (typeof v !== 'string') return v;
    const key = v.trim();
    return aliases[key] ?? key;
  }, z.enum(values));
}

const DATE_RE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/** Parses 2025-10-15, 2025/10/15, 2025.10.15 or 2025年10月15日 into ISO `YYYY-MM-DD`. */
export function parseChineseDate(input: string): string | undefined {
  const m = DATE_RE.exec(toHalfWidth(input).trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A calendar date, normalised to `YYYY-MM-DD`. */
export const dateField = z
  .union([z.string(), z.date()])
  .transform((v, ctx) => {
    const s = v instanceof Date ? v.toISOString().slice(0, 10) : v;
    const iso = parseChineseDate(s);
    if (!iso) {
      customIssue(ctx, { code: 'schema.date', params: { value: s } }, v);
      return z.NEVER;
    }
    return iso;
  })
  // The page draws a date picker for it (submission/form-spec.ts).
  .meta({ input: 'date' });

/** A date that may be left empty in a skeleton ("" reads as not given). */
export const optionalDateField = z
  .union([z.literal('').transform(() => undefined), dateField])
  .optional()
  .meta({ input: 'date' });

/** A percentage 0–100 written as 91.7, "91.7%" or "91.7％". */
export const percentField = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const s = typeof v === 'number' ? String(v) : toHalfWidth(v).trim().replace(/%$/, '').trim();
  const n = Number(s);
  if (s === '' || !Number.isFinite(n) || n < 0 || n > 100) {
    customIssue(ctx, { code: 'schema.percent', params: { value: String(v) } }, v);
    return z.NEVER;
  }
  return n;
}).meta({ input: 'percent' });

/** A path inside the submission folder; absolute paths are refused here, escapes later. */
export const relativePath = z
  .string()
  .trim()
  .min(1)
  .max(1000)
  .transform((v, ctx) => {
    const p = v.replace(/\\/g, '/');
    if (p.startsWith('/') || /^[A-Za-z]:\//.test(p)) {
      customIssue(ctx, { code: 'schema.absolutePath', params: { value: v } }, v);
      return z.NEVER;
    }
    return p;
  });

/** A path that may be left empty in a skeleton ("" reads as not given). */
export const optionalPath = z.union([z.literal('').transform(() => undefined), relativePath]).optional();
