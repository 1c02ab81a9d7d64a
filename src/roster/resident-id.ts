/**
 * Citizen identity numbers after GB 11643-1999: 6-digit area code, 8-digit birth date,
 * 3-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check character.
 */
import { stripSpaces, toHalfWidth } from '../core/text.js';

export type IdProblem =
  | { kind: 'length'; length: number }
  | { kind: 'format' }
  | { kind: 'area' }
  | { kind: 'date'; date: string }
  | { kind: 'future'; date: string }
  | { kind: 'tooOld'; date: string }
  | { kind: 'checksum'; expected: string; actual: string };

export interface IdInfo {
  areaCode: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: '男' | '女';
}

export interface IdCheck {
  /** The number as it should be written: half-width, no spaces, capital X. */
  normalized: string;
  info?: IdInfo;
  problem?: IdProblem;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/**
 * First two digits: provinces and equivalents (GB/T 2260), plus 81/82 (Hong Kong, Macao)
 * and 83 (residence permits of Taiwan residents).
 */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

export function normalizeResidentId(raw: string): string {
  return stripSpaces(toHalfWidth(raw)).toUpperCase();
}

export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** `today` is the caller's date (YYYY-MM-DD), so that results do not depend on the clock. */
export function checkResidentId(raw: string, today: string): IdCheck {
  const id = normalizeResidentId(raw);
  const length = [...id].length;
  if (length !== 18) return { normalized: id, problem: { kind: 'length', length } };
  if (!/^\d{17}[\dX]$/.test(id)) return { normalized: id, problem: { kind: 'format' } };
  if (!PROVINCES.has(id.slice(0, 2))) return { normalized: id, problem: { kind: 'area' } };

  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || m > 12 || probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) {
    return { normalized: id, problem: { kind: 'date', date } };
  }
  if (date > today) return { normalized: id, problem: { kind: 'future', date } };
  if (y < 1900) return { normalized: id, problem: { kind: 'tooOld', date } };

  const expected = checkCharacter(id);
  if (expected !== id[17]) return { normalized: id, problem: { kind: 'checksum', expected, actual: id[17]! } };

  return {
    normalized: id,
    info: { areaCode: id.slice(0, 6), birthDate: date, sex: Number(id[16]) % 2 === 1 ? '男' : '女' },
  };
}
