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

export async function buildArchive(input: DiscInput & { name: string; progress: Progress; lang: 'zh' | 'en' }): Promise<Archive> {
  const zh = input.lang === 'zh';
  const stage = input.progress.stage(zh ? '光盘' : 'disc');
  stage.step(zh ? '校验值' : 'checksums');
  const disc = await buildDisc(input);
  const files = [...disc.tree].map(([path, content]) => ({ path, size: entrySize(content), content: content as Uint8Array | FileEntry }));
  const s = input.loaded.submission;
  const kind = s.kind === 'review' ? '复评材料' : '申报材料';
  const plan = planIso(files, {
    volumeId: `SHENBAO_${s.filingDate.slice(0, 4)}_${s.level.toUpperCase()}`,
    jolietVolumeId: `${s.brand.trade}${kind}`.slice(0, 16),
    date: input.date,
    publisher: s.institution.name,
    application: 'shenbao',
  });
  const bundle: Bundle = new Map();
  for (const [p, e] of disc.tree) bundle.set(`disc/${p}`, e);
  bundle.set(`${input.name}.zip`, { kind: 'stream', write: (out) => writeZip(files, input.name, input.date, out) });
  bundle.set(`${input.name}.iso`, { kind: 'stream', write: (out) => writeIso(plan, out) });
  const bytes = isoSize(plan);
  const disc_ = discFor(bytes);
  const diagnostics: Diagnostic[] = [
    disc_ ? info('disc.fits', { size: bytes, disc: disc_.id }) : warning('disc.tooLarge', { size: bytes }),
  ];
  stage.done(zh ? `${disc.digests.size} 个文件` : `${disc.digests.size} files`);
  return { bundle, isoBytes: bytes, payloadBytes: disc.payloadBytes, files: disc.digests.size, diagnostics };
}
