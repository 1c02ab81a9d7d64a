/**
 * The disc's fingerprint — one line an archivist compares on paper and on screen: the
 * contents page of each print volume, the spine label and 说明.txt print it, and
 * `shenbao verify` prints the same line for the disc it reads.
 *
 * It is the SHA-256 of manifest-sha256.txt — of its lines for every payload file outside the
 * print folder (data/打印册/), exactly as they stand in the manifest. The print volumes are on
 * the disc and carry the fingerprint, so they cannot be inside what it covers: a volume's
 * bytes would depend on its own checksum. The volumes are the paper itself; the fingerprint
 * ties that paper to everything else on the disc. Shown short (the first 16 hex digits in
 * groups of four) with the file count and bytes it covers. bag-info.txt records the full
 * value (Disc-Fingerprint) and what it leaves out (Disc-Fingerprint-Excludes), so verify
 * computes it the same way for any bag, and says when a bag's declared value does not hold.
 */
import { createHash } from 'node:crypto';
import { formatInt } from '../core/number.js';
import { manifest } from './bagit.js';
import type { Digest } from './digest.js';

export const FINGERPRINT_FIELD = 'Disc-Fingerprint';
export const FINGERPRINT_EXCLUDES_FIELD = 'Disc-Fingerprint-Excludes';

export interface Fingerprint {
  /** SHA-256 of the manifest lines covered, 64 hex digits. */
  sha256: string;
  /** What a person compares: the first 16 hex digits in groups of four. */
  short: string;
  files: number;
  bytes: number;
  /** The payload folder left out ('' when none). */
  excludes: string;
}

export const shortFingerprint = (hex: string) => hex.slice(0, 16).match(/.{4}/g)!.join(' ');

/** The fingerprint over payload digests (paths in the bag), leaving out those under `excludes` (a folder ending in '/'). */
export function fingerprintOf(digests: ReadonlyMap<string, Digest>, excludes = ''): Fingerprint {
  const kept = new Map([...digests].filter(([p]) => !excludes || !p.startsWith(excludes)));
  const sha256 = createHash('sha256').update(manifest(kept, 'sha256'), 'utf8').digest('hex');
  let bytes = 0;
  for (const d of kept.values()) bytes += d.size;
  return { sha256, short: shortFingerprint(sha256), files: kept.size, bytes, excludes };
}

/** The words templates print it with: short form, count and bytes as numbers are written. */
export const fingerprintWords = (f: Fingerprint) => ({ fingerprint: f.short, files: formatInt(f.files), bytes: formatInt(f.bytes), sha256: f.sha256 });
