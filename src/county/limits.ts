/**
 * What a plausible applicant's package is: never larger than the largest recordable disc,
 * never more files than a filing has, every name inside the bag. Checked from the listing
 * (a zip's central directory, an image's directory records) before a byte of any file is
 * read, so a “zip bomb” costs nothing.
 */
import { DISCS } from '../package/capacity.js';
import type { BagSource } from '../package/sources.js';

export const PACKAGE_LIMITS = { bytes: Math.max(...DISCS.map((d) => d.bytes)), entries: 20_000 };

export type Implausible = { why: 'tooMany' | 'tooLarge'; limit: number } | { why: 'unsafe'; name: string };

/** A name that stays inside the bag: relative, no `..`, no drive letter, no control characters. */
export function safeName(name: string): boolean {
  if (name === '' || name.startsWith('/') || name.includes('\\') || /^[A-Za-z]:/.test(name)) return false;
  if (/[\u0000-\u001f]/.test(name)) return false;
  return name.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}

/** Why the listing cannot be a package, or undefined. Files outside the bag root (`../x`) are the verifier's to report. */
export function implausible(src: Pick<BagSource, 'files'>, limits = PACKAGE_LIMITS): Implausible | undefined {
  const names = [...src.files.keys()].filter((n) => !n.startsWith('../'));
  if (names.length > limits.entries) return { why: 'tooMany', limit: limits.entries };
  const total = names.reduce((a, n) => a + src.files.get(n)!.size, 0);
  if (total > limits.bytes) return { why: 'tooLarge', limit: limits.bytes };
  const bad = names.find((n) => !safeName(n));
  return bad !== undefined ? { why: 'unsafe', name: bad } : undefined;
}
