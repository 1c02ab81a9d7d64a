/**
 * BagIt (RFC 8493) tag files for the disc: `bagit.txt`, `bag-info.txt` with Payload-Oxum,
 * one manifest per algorithm over the payload (data/…), and a tag manifest over the tag
 * files. Pure text from digests; paths in code-point order.
 */
import { byCodePoint } from '../core/bundle.js';
import type { Digest } from './digest.js';

export type Algorithm = 'sha256' | 'sha512';

export const BAGIT_TXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';

/** RFC 8493 §2.1.3: only CR, LF and % are percent-encoded in a manifest's file paths. */
export function encodeManifestPath(p: string): string {
  return p.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function decodeManifestPath(p: string): string {
  return p.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
}

export function manifest(digests: ReadonlyMap<string, Digest>, alg: Algorithm): string {
  return [...digests.keys()]
    .sort(byCodePoint)
    .map((p) => `${digests.get(p)![alg]}  ${encodeManifestPath(p)}\n`)
    .join('');
}

export function payloadOxum(digests: ReadonlyMap<string, Digest>): string {
  let bytes = 0;
  for (const d of digests.values()) bytes += d.size;
  return `${bytes}.${digests.size}`;
}

/** `Label: value` lines; a value's own line breaks become spaces (one field, one line). */
export function bagInfo(fields: readonly (readonly [string, string])[]): string {
  return fields.map(([k, v]) => `${k}: ${v.replace(/\s*[\r\n]+\s*/g, ' ')}\n`).join('');
}

/** Parses `Label: value` lines (with RFC 8493 continuation lines) into pairs. */
export function parseBagInfo(text: string): [string, string][] {
  const out: [string, string][] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line === '') continue;
    if (/^[ \t]/.test(line) && out.length) out[out.length - 1]![1] += ` ${line.trim()}`;
    else {
      const i = line.indexOf(':');
      if (i > 0) out.push([line.slice(0, i).trim(), line.slice(i + 1).trim()]);
    }
  }
  return out;
}

/** Parses a manifest into path → checksum; malformed lines are returned apart. */
export function parseManifest(text: string): { entries: Map<string, string>; bad: string[] } {
  const entries = new Map<string, string>();
  const bad: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const m = /^([0-9a-fA-F]+)\s+(.+)$/.exec(line);
    if (m) entries.set(decodeManifestPath(m[2]!.replace(/^\*/, '')), m[1]!.toLowerCase());
    else bad.push(line);
  }
  return { entries, bad };
}
