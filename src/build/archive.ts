/**
 * The electronic archive of a build: the disc tree (disc/), the same tree as a zip, and as an
 * ISO 9660/Joliet image, all from one disc value; plus which disc the image fits on.
 */
import { entrySize, type Bundle, type FileEntry } from '../core/bundle.js';
import { info, warning, type Diagnostic } from '../core/diagnostic.js';
import type { Progress } from '../core/progress.js';
import { discFor } from '../package/capacity.js';
import type { Digest } from '../package/digest.js';
import { buildDisc, type DiscInput } from '../package/disc.js';
import type { Fingerprint } from '../package/fingerprint.js';
import { isoSize, planIso, writeIso } from '../package/iso.js';
import { writeZip } from '../package/zip.js';

export interface Archive {
  bundle: Bundle;
  /** Every file of the disc tree with its digest. */
  digests: Map<string, Digest>;
  isoBytes: number;
  payloadBytes: number;
  files: number;
  /** The disc's fingerprint (package/fingerprint.ts), as the print volumes print it. */
  fingerprint: Fingerprint;
  diagnostics: Diagnostic[];
}

export interface IsoNames {
  volumeId: string;
  jolietVolumeId: string;
  publisher: string;
}

/**
 * A disc tree packed three ways from the one value: disc/… as files, <name>.zip and
 * <name>.iso as streams written at the end; with the image's size, to name the disc it fits.
 * `digests`: what hashing found (a file's CRC-32 among it, for the zip).
 */
export function packTree(tree: Bundle, name: string, date: Date, ids: IsoNames, digests?: ReadonlyMap<string, Digest>): { bundle: Bundle; isoBytes: number } {
  const files = [...tree].map(([path, content]) => {
    const crc = digests?.get(path)?.crc32;
    return { path, size: entrySize(content), content: content as Uint8Array | FileEntry, ...(crc !== undefined && { crc }) };
  });
  const plan = planIso(files, { ...ids, jolietVolumeId: ids.jolietVolumeId.slice(0, 16), date, application: 'shenbao' });
  const bundle: Bundle = new Map();
  for (const [p, e] of tree) bundle.set(`disc/${p}`, e);
  bundle.set(`${name}.zip`, { kind: 'stream', write: (out) => writeZip(files, name, date, out) });
  bundle.set(`${name}.iso`, { kind: 'stream', write: (out) => writeIso(plan, out) });
  return { bundle, isoBytes: isoSize(plan) };
}

/** The size of the image as a diagnostic: which disc it fits on, or that none holds it. */
export function discFits(bytes: number): Diagnostic {
  const disc = discFor(bytes);
  return disc ? info('disc.fits', { size: bytes, disc: disc.id }) : warning('disc.tooLarge', { size: bytes });
}

/** `printed`: the fingerprint the print volumes carry; the disc made must have it. */
export async function buildArchive(input: DiscInput & { name: string; progress: Progress; printed?: Fingerprint }): Promise<Archive> {
  const stage = input.progress.stage('disc');
  const disc = await buildDisc(input);
  if (input.printed && input.printed.sha256 !== disc.fingerprint.sha256) throw new Error('the disc made is not the disc the print volumes name (fingerprint differs)');
  const s = input.loaded.submission;
  const { bundle, isoBytes } = packTree(disc.tree, input.name, input.date, {
    volumeId: `SHENBAO_${s.filingDate.slice(0, 4)}_${s.level.toUpperCase()}`,
    jolietVolumeId: `${s.brand.trade}${input.scheme.kinds[s.kind].package}`,
    publisher: s.institution.name,
  }, disc.all);
  stage.done({ files: disc.digests.size, bytes: disc.payloadBytes });
  return { bundle, digests: disc.all, isoBytes, payloadBytes: disc.payloadBytes, files: disc.digests.size, fingerprint: disc.fingerprint, diagnostics: [discFits(isoBytes)] };
}
