/**
 * Phone numbers as clerks write them: an 11-digit mobile (1[3-9]…), or a landline with its
 * area code — (0482)8238615, （0482）8238615, 0482-8238615, 0482 8238615 — optionally with
 * an extension (-123 / 转123).
 */
import { toHalfWidth } from '../core/text.js';

const MOBILE = /^(?:\+?86[-\s]?)?1[3-9]\d{9}$/;
const LANDLINE = /^(?:\(0\d{2,3}\)|0\d{2,3}[-\s]?)\s?[2-9]\d{6,7}(?:(?:-|转|ext\.?)\d{1,6})?$/i;

export function normalizePhone(raw: string): string {
  return toHalfWidth(raw).trim().replace(/\s+/g, ' ');
}

export function isValidPhone(raw: string): boolean {
  const p = normalizePhone(raw);
  return MOBILE.test(p.replace(/[\s-]/g, '')) || LANDLINE.test(p);
}
