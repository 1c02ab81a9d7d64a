/**
 * Copying an applicant's bag out of its zip or disc image into the county's work folder, so
 * its submission can be checked again and its files forwarded. Nothing from outside the bag
 * is written: names are checked again here (the readers already refuse `../`, absolute paths
 * and links), every target must resolve inside the folder, and an archive that would unpack
 * to more than any disc holds is refused before a byte is written — a zip bomb costs nothing.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { DISCS } from '../package/capacity.js';
import type { BagSource } from '../package/sources.js';

/** The largest recordable disc: an applicant's package is never bigger than its disc. */
export const EXTRACT_LIMITS = { bytes: Math.max(...DISCS.map((d) => d.bytes)), entries: 20_000 };

export class ExtractRefused extends Error {
  constructor(readonly why: 'tooLarge' | 'tooMany' | 'unsafe', readonly detail: string) {
    super(detail);
  }
}

/** A name that stays inside the bag: relative, no `..`, no drive letter, no control characters. */
export function safeName(name: string): boolean {
  if (name === '' || name.startsWith('/') || name.includes('\\') || /^[A-Za-z]:/.test(name)) return false;
  if (/[\u0000-\u001f]/.test(name)) return false;
  return name.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}

/** Checks the whole listing first; only then writes. Files outside the bag root (`../x`) are skipped. */
export function planExtraction(src: Pick<BagSource, 'files'>, limits = EXTRACT_LIMITS): string[] {
  const names = [...src.files.keys()].filter((n) => !n.startsWith('../'));
  if (names.length > limits.entries) throw new ExtractRefused('tooMany', String(names.length));
  const total = names.reduce((a, n) => a + src.files.get(n)!.size, 0);
  if (total > limits.bytes) throw new ExtractRefused('tooLarge', String(total));
  const bad = names.find((n) => !safeName(n));
  if (bad !== undefined) throw new ExtractRefused('unsafe', bad);
  return names;
}

export async function extractBag(src: BagSource, dest: string, limits = EXTRACT_LIMITS): Promise<number> {
  const names = planExtraction(src, limits);
  const root = path.resolve(dest);
  let written = 0;
  for (const name of names) {
    const target = path.resolve(root, ...name.split('/'));
    if (!target.startsWith(root + path.sep)) throw new ExtractRefused('unsafe', name);
    mkdirSync(path.dirname(target), { recursive: true });
    const declared = src.files.get(name)!.size;
    let got = 0;
    // The declared size is a promise; stop the moment an entry gives more (a lying header).
    const counted = Readable.from(
      (async function* () {
        for await (const chunk of src.read(name)) {
          got += chunk.byteLength;
          if (got > declared) throw new ExtractRefused('tooLarge', name);
          yield chunk;
        }
      })(),
    );
    await pipeline(counted, createWriteStream(target, { flags: 'wx' }));
    written += got;
  }
  return written;
}
