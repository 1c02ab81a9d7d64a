/**
 * Checksums for the disc's manifests: SHA-256 and SHA-512 in one read of each file, in
 * chunks, so hashing a 200 MB scan costs no more memory than hashing a page.
 */
import { createHash } from 'node:crypto';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { scanChunks, type FileEntry } from '../core/bundle.js';

export interface Digest {
  size: number;
  sha256: string;
  sha512: string;
  /**
   * The CRC-32 of a file read in chunks, summed in the same read as its hashes: the zip then
   * writes it as bytes in memory are written (sizes and CRC ahead of the data), without
   * reading the file a second time for it.
   */
  crc32?: number;
}

export async function digest(content: Uint8Array | FileEntry | AsyncIterable<Uint8Array>, opts: { crc?: boolean } = {}): Promise<Digest> {
  const a = createHash('sha256');
  const b = createHash('sha512');
  let size = 0;
  let crc = 0;
  const source = content instanceof Uint8Array ? [content] : 'kind' in content ? scanChunks(content) : content;
  for await (const chunk of source as AsyncIterable<Uint8Array> | Uint8Array[]) {
    a.update(chunk);
    b.update(chunk);
    if (opts.crc) crc = zlibCrc32(chunk, crc);
    size += chunk.byteLength;
  }
  return { size, sha256: a.digest('hex'), sha512: b.digest('hex'), ...(opts.crc && { crc32: crc >>> 0 }) };
}
