/**
 * The electronic archive of a build: the disc tree (disc/), the same tree as a zip, and as an
 * ISO 9660/Joliet image, all from one disc value; plus which disc the image fits on.
 */
import { entrySize, type Bundle, type FileEntry } from './bundle.js';
import type { Progress } from './progress.js';
import { discFor } from '../package/capacity.js';
import { buildDisc, type DiscInput } from '../package/disc.js';
import { isoSize, planIso, writeIso } from '../package/iso.js';
import { writeZip } from '../package/zip.js';
import { info, warning, type Diagnostic } from '../core/diagnostic.js';

export interface Archive {
  bundle: Bundle;
  isoBytes: number;
  payloadBytes: number;
  files: number;
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
 */
export function packTree(tree: Bundle, name: string, date: Date, ids: IsoNames): { bundle: Bundle; isoBytes: number } {
  const files = [...tree].map(([path, content]) => ({ path, size: entrySize(content), content: content as Uint8Array | FileEntry }));
  const plan = planIso(files, { ...ids, jolietVolumeId: ids.jolietVolumeId.slice(0, 16), date, application: 'shenbao' });
  const bundle: Bundle = new Map();
  for (const [p, e] of tree) bundle.set(`disc/${p}`, e);
  bundle.set(`${name}.zip`, { kind: 'stream', write: (out) => writeZip(files, name, date, out) });
  bundle.set(`${name}.iso`, { kind: 'stream', write: (out) => writeIso(plan, out) });
  return { bundle, isoBytes: isoSize(plan) };
}

export async function buildArchive(input: DiscInput & { name: string; progress: Progress; lang: 'zh' | 'en' }): Promise<Archive> {
  const zh = input.lang === 'zh';
  const stage = input.progress.stage(zh ? '光盘' : 'disc');
  stage.step(zh ? '校验值' : 'checksums');
  const disc = await buildDisc(input);
  const s = input.loaded.submission;
  const kind = s.kind === 'review' ? '复评材料' : '申报材料';
  const { bundle, isoBytes: bytes } = packTree(disc.tree, input.name, input.date, {
    volumeId: `SHENBAO_${s.filingDate.slice(0, 4)}_${s.level.toUpperCase()}`,
    jolietVolumeId: `${s.brand.trade}${kind}`,
    publisher: s.institution.name,
  });
  const disc_ = discFor(bytes);
  const diagnostics: Diagnostic[] = [
    disc_ ? info('disc.fits', { size: bytes, disc: disc_.id }) : warning('disc.tooLarge', { size: bytes }),
  ];
  stage.done(zh ? `${disc.digests.size} 个文件` : `${disc.digests.size} files`);
  return { bundle, isoBytes: bytes, payloadBytes: disc.payloadBytes, files: disc.digests.size, diagnostics };
}
