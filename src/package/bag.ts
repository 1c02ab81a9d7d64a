/**
 * A BagIt bag as a bundle value: the payload under data/, the tag files beside it, and the
 * bag's own files — bagit.txt, bag-info.txt with Payload-Oxum, SHA-256 and SHA-512 manifests,
 * the tag manifest — computed from one streaming read of each payload file.
 */
import { isBytes, type Bundle, type Entry, type FileEntry } from '../build/bundle.js';
import { BAGIT_TXT, bagInfo, manifest, payloadOxum } from './bagit.js';
import { digest, type Digest } from './digest.js';

export interface Bag {
  tree: Bundle;
  digests: Map<string, Digest>;
  payloadBytes: number;
}

export async function payloadDigests(payload: ReadonlyMap<string, Entry>): Promise<Map<string, Digest>> {
  const digests = new Map<string, Digest>();
  for (const [p, e] of payload) {
    if (!isBytes(e) && e.kind === 'stream') throw new Error(`${p}: a streamed entry cannot be part of the payload`);
    digests.set(p, await digest(e as Uint8Array | FileEntry));
  }
  return digests;
}

/**
 * `tags`: files beside data/ (说明.txt, index.html…), covered by the tag manifest.
 * `info`: bag-info.txt fields; Payload-Oxum is inserted before the rest ends.
 */
export async function makeBag(
  payload: ReadonlyMap<string, Entry>,
  digests: ReadonlyMap<string, Digest>,
  tags: ReadonlyMap<string, Uint8Array>,
  info: readonly (readonly [string, string])[],
): Promise<Bag> {
  const payloadBytes = [...digests.values()].reduce((a, d) => a + d.size, 0);
  const tree: Bundle = new Map(payload);
  for (const [p, b] of tags) tree.set(p, b);
  tree.set('bagit.txt', Buffer.from(BAGIT_TXT, 'utf8'));
  tree.set('bag-info.txt', Buffer.from(bagInfo([...info, ['Payload-Oxum', payloadOxum(digests)]]), 'utf8'));
  tree.set('manifest-sha256.txt', Buffer.from(manifest(digests, 'sha256'), 'utf8'));
  tree.set('manifest-sha512.txt', Buffer.from(manifest(digests, 'sha512'), 'utf8'));
  // The tag manifest covers every file outside data/ but the tag manifests themselves.
  const tagDigests = new Map<string, Digest>();
  for (const [p, e] of tree) if (!p.startsWith('data/')) tagDigests.set(p, await digest(e as Uint8Array));
  tree.set('tagmanifest-sha256.txt', Buffer.from(manifest(tagDigests, 'sha256'), 'utf8'));
  return { tree, digests: new Map(digests), payloadBytes };
}
