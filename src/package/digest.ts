/**
 * Checksums for the disc's manifests: SHA-256 and SHA-512 in one read of each file, in
 * chunks, so hashing a 200 MB scan costs no more memory than hashing a page.
 */
import { createHash } from 'node:crypto';
import { entryChunks, type FileEntry } from '../core/bundle.js';

export interface Digest {
  size: number;
  sha256: string;
  sha512: string;
}

export async function digest(content: Uint8Array | FileEntry | AsyncIterable<Uint8Array>): Promise<Digest> {
  const a = createHash('sha256');
  const b = createHash('sha512');
  let size = 0;
  const source = content instanceof Uint8Array ? [content] : 'kind' in content ? entryChunks(content) : content;
  for await (const chunk of source as AsyncIterable<Uint8Array> | Uint8Array[]) {
    a.update(chunk);
    b.update(chunk);
    size += chunk.byteLength;
  }
  return { size, sha256: a.digest('hex'), sha512: b.digest('hex') };
}
