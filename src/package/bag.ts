/**
 * A BagIt bag as a bundle value: the payload under data/, the tag files beside it, and the
 * bag's own files — bagit.txt, bag-info.txt with Payload-Oxum, SHA-256 and SHA-512 manifests,
 * the tag manifests (SHA-256 and SHA-512) — computed from one streaming read of each payload file.
 */
import { isBytes, type Bundle, type Entry, type FileEntry } from '../core/bundle.js';
import { BAGIT_TXT, bagInfo, manifest, payloadOxum } from './bagit.js';
import { digest, type Digest } from './digest.js';
import { digestAll } from './digest-shared.js';

export interface Bag {
  tree: Bundle;
  /** The payload's digests (data/…). */
  digests: Map<string, Digest>;
  /** Every file's digest, payload and tag files alike (for a county that forwards the bag). */
  all: Map<string, Digest>;
  payloadBytes: number;
}

/** Digests of the payload; those already `known` (a forwarded bag's, from its verification) are not computed again. */
export async function payloadDigests(payload: ReadonlyMap<string, Entry>, known?: ReadonlyMap<string, Digest>): Promise<Map<string, Digest>> {
  const todo: [string, Uint8Array | FileEntry][] = [];
  for (const [p, e] of payload) {
    if (!isBytes(e) && e.kind === 'stream') throw new Error(`${p}: a streamed entry cannot be part of the payload`);
    if (!known?.has(p)) todo.push([p, e as Uint8Array | FileEntry]);
  }
  const computed = await digestAll(todo.map(([, e]) => e));
  const fresh = new Map(todo.map(([p], i) => [p, computed[i]!]));
  return new Map([...payload.keys()].map((p) => [p, known?.get(p) ?? fresh.get(p)!]));
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
  // Both algorithms (RFC 8493 §2.2.1: a tag manifest SHOULD be given for each payload manifest's
  // algorithm), so a verifier can tell a changed tag file from a tag manifest that lies about it.
  const all = new Map([...digests, ...tagDigests]);
  for (const alg of ['sha256', 'sha512'] as const) {
    const tagManifest = Buffer.from(manifest(tagDigests, alg), 'utf8');
    tree.set(`tagmanifest-${alg}.txt`, tagManifest);
    all.set(`tagmanifest-${alg}.txt`, await digest(tagManifest));
  }
  return { tree, digests: new Map(digests), all, payloadBytes };
}
