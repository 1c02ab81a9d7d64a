/** Interpreting single roster cells: text, yes/no flags, and Excel's number trouble. */
import { toHalfWidth } from '../core/text.js';
import type { CellValue } from './types.js';

export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return Number.isInteger(v) ? v.toFixed(0) : String(v);
}

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓', '✔', '有', '合格', '已就业', '就业', '对', '是的', '已合格']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '×', '✗', '无', '不合格', '未就业', '不', '没有', '未合格']);

/** true / false for a yes-no cell; null when empty; undefined when it cannot be read. */
export function cellFlag(v: CellValue | undefined): boolean | null | undefined {
  if (typeof v === 'boolean') return v;
  const s = toHalfWidth(cellText(v)).replace(/\s/g, '').toLowerCase();
  if (s === '') return null;
  if (YES.has(s)) return true;
  if (NO.has(s)) return false;
  return undefined;
}

/**
 * Excel turns long digit strings into numbers and keeps only 15 significant digits, so an
 * ID number stored as a number (or exported as "1.52201E+17") has already lost digits.
 */
export function isMangledNumber(v: CellValue | undefined): boolean {
  if (typeof v === 'number') return Math.abs(v) >= 1e15;
  return typeof v === 'string' && /^\d(\.\d+)?e\+?\d+$/i.test(v.trim());
}
