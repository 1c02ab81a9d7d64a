/**
 * Completeness and fixity of a bag (RFC 8493), wherever it is — folder, zip or disc image:
 * every file the manifests list is there and has its checksum, no payload file is missing
 * from a manifest, the tag files are intact, Payload-Oxum adds up, and nothing is there that
 * no manifest accounts for.
 *
 * Each file is read once, for every algorithm at a time, through one buffer; SHA-256 and
 * SHA-512 are computed for every file read whatever the manifests use, and come back as
 * `digests`, so a county that forwards the bag never hashes it again. A bag checked against
 * what it is meant to hold (VerifyOptions.expected) compares instead of hashing.
 */
import { createHash } from 'node:crypto';
import { byCodePoint } from '../core/bundle.js';
import { error, warning, type Diagnostic } from '../core/diagnostic.js';
import { parseBagInfo, parseManifest } from './bagit.js';
import type { Digest } from './digest.js';
import { FINGERPRINT_EXCLUDES_FIELD, FINGERPRINT_FIELD, fingerprintOf, type Fingerprint } from './fingerprint.js';
import type { BagSource } from './sources.js';
import type { FileReader } from '../world/world.js';

const ALGORITHMS = ['sha256', 'sha512', 'sha384', 'sha1', 'md5'] as const;
type Alg = (typeof ALGORITHMS)[number];

/** sha256 → SHA-256, as the algorithms are usually written. */
export const algName = (a: string) => a.toUpperCase().replace(/^SHA(\d)/, 'SHA-$1');

export interface VerifyResult {
  diagnostics: Diagnostic[];
  /** Payload files whose every checksum matched. */
  verified: number;
  payloadFiles: number;
  algorithms: string[];
  /** Size, SHA-256 and SHA-512 of every file read (payload and tag files), by path in the bag. */
  digests: Map<string, Digest>;
  /** The disc's fingerprint, from manifest-sha256.txt as the bag has it (package/fingerprint.ts). */
  fingerprint?: Fingerprint;
}

interface Read {
  bytes?: Buffer;
  hex: Partial<Record<Alg, string>>;
}

/**
 * What a file of the bag is meant to be: bytes held in memory, a file already proven to hold
 * them, or the content it was written from, read again (a scan kept in its file, a print copy
 * written on demand: see pipeline/verify.ts for when that stands for its digest).
 */
export type Meant =
  | { bytes: Uint8Array; digest: Digest }
  | { copy: () => Promise<FileReader>; digest: Digest }
  | { chunks: () => AsyncIterable<Uint8Array>; digest: Digest };

export interface VerifyOptions {
  /**
   * What the bag is meant to hold, by path — a build's own disc tree, checked right after it
   * was written: a file given here is compared with the bytes it was made from (or with a
   * copy of them already verified: the disc folder's, for the zip and the image) instead of
   * hashed, and has their digest (computed when the bag was made). Equal bytes have equal
   * checksums, and comparing costs a fraction of SHA-512; a file that differs is hashed as it
   * would be without this, so what is reported is what `verify` reports.
   */
  expected?: ReadonlyMap<string, Meant>;
}

/** Bytes read at a time, through one buffer for the whole bag. */
const CHUNK = 4 * 1024 * 1024;

export async function verifyBag(src: BagSource, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const out: Diagnostic[] = [];
  const digests = new Map<string, Digest>();
  const where = (file: string) => ({ file });
  for (const p of src.problems) {
    if (p.kind === 'iso') {
      const q = p.problem;
      if (q.kind === 'record') out.push(error('verify.isoRecord', { tree: q.tree, path: q.path }, {}));
      else if (q.kind === 'pathTable') out.push(error('verify.isoPathTable', { tree: q.tree, table: q.table }, {}));
      else if (q.kind === 'treesDiffer') out.push(error('verify.isoTreesDiffer', { path: q.path }, {}));
      else out.push(error('verify.isoTreeBroken', { tree: q.tree, detail: q.detail }, {}));
    } else if (p.kind === 'unsafe') out.push(error('verify.unsafeEntry', { name: p.name }, where(p.name)));
    else if (p.kind === 'link') out.push(error('verify.link', { name: p.name }, where(p.name)));
    else out.push(error('verify.broken', { detail: p.reason ?? p.name }, where(p.name)));
  }
  let fingerprint: Fingerprint | undefined;
  const result = (verified = 0, payloadFiles = 0, algorithms: string[] = []): VerifyResult => ({ diagnostics: out, verified, payloadFiles, algorithms, digests, ...(fingerprint && { fingerprint }) });

  const scratch = Buffer.allocUnsafe(CHUNK);
  let other: Buffer | undefined;
  /** Whether a file holds exactly the bytes meant: those in memory, or those of the copy (read alongside, through a second buffer). */
  const holds = async (p: string, meant: Meant): Promise<boolean> => {
    let at = 0;
    let same = true;
    if ('bytes' in meant) {
      const want = Buffer.from(meant.bytes.buffer, meant.bytes.byteOffset, meant.bytes.byteLength);
      for await (const chunk of src.scan(p, scratch)) {
        same &&= at + chunk.byteLength <= want.length && want.subarray(at, at + chunk.byteLength).equals(chunk);
        at += chunk.byteLength;
      }
      return same && at === want.length;
    }
    if ('chunks' in meant) return holdsChunks(p, meant.chunks(), meant.digest.size);
    const copy = await meant.copy();
    try {
      const buf = (other ??= Buffer.allocUnsafe(CHUNK));
      for await (const chunk of src.scan(p, scratch)) {
        if (same) same = (await copy.read(buf.subarray(0, chunk.byteLength), at)) === chunk.byteLength && buf.subarray(0, chunk.byteLength).equals(chunk);
        at += chunk.byteLength;
      }
      return same && at === meant.digest.size && (await copy.read(buf.subarray(0, 1), at)) === 0;
    } finally {
      await copy.close();
    }
  };

  /** Whether a file holds the bytes `chunks` gives (each valid until the next is asked for), compared as both are read. */
  const holdsChunks = async (p: string, chunks: AsyncIterable<Uint8Array>, size: number): Promise<boolean> => {
    const it = chunks[Symbol.asyncIterator]();
    let cur: Uint8Array = new Uint8Array(0);
    let pos = 0;
    let same = true;
    let at = 0;
    try {
      for await (const chunk of src.scan(p, scratch)) {
        for (let off = 0; same && off < chunk.byteLength; ) {
          if (pos === cur.length) {
            const r = await it.next();
            if (r.done) {
              same = false;
              break;
            }
            cur = r.value;
            pos = 0;
            continue;
          }
          const n = Math.min(cur.length - pos, chunk.byteLength - off);
          same = Buffer.from(cur.buffer, cur.byteOffset + pos, n).equals(chunk.subarray(off, off + n));
          pos += n;
          off += n;
        }
        at += chunk.byteLength;
      }
      // Nothing may be left of what was meant.
      while (same && pos === cur.length) {
        const r = await it.next();
        if (r.done) break;
        cur = r.value;
        pos = 0;
      }
      return same && pos === cur.length && at === size;
    } finally {
      await it.return?.();
    }
  };

  /** Reads a file once: hashes with SHA-256, SHA-512 and `extra`, keeping the bytes of small tag files. */
  const reads = new Map<string, Read>();
  const read = async (p: string, extra: readonly Alg[] = [], keep = false): Promise<Read> => {
    const hit = reads.get(p);
    if (hit && extra.every((a) => hit.hex[a]) && (!keep || hit.bytes)) return hit;
    const known = opts.expected?.get(p);
    if (known && !keep && extra.every((a) => a === 'sha256' || a === 'sha512') && (await holds(p, known))) {
      digests.set(p, known.digest);
      const r: Read = { hex: { sha256: known.digest.sha256, sha512: known.digest.sha512 } };
      reads.set(p, r);
      return r;
    }
    const algs = [...new Set<Alg>(['sha256', 'sha512', ...extra])];
    const hs = algs.map((a) => createHash(a));
    const kept: Buffer[] = [];
    let size = 0;
    for await (const chunk of src.scan(p, scratch)) {
      for (const h of hs) h.update(chunk);
      if (keep) kept.push(Buffer.from(chunk));
      size += chunk.byteLength;
    }
    const hex = Object.fromEntries(algs.map((a, i) => [a, hs[i]!.digest('hex')])) as Read['hex'];
    digests.set(p, { size, sha256: hex.sha256!, sha512: hex.sha512! });
    const r: Read = { hex, ...(keep && { bytes: Buffer.concat(kept) }) };
    reads.set(p, r);
    return r;
  };
  const text = async (p: string) => (await read(p, [], true)).bytes!.toString('utf8');

  if (!src.files.has('bagit.txt')) {
    out.push(error('verify.notBag', {}, {}));
    return result();
  }
  const declaration = await text('bagit.txt');
  if (!/^BagIt-Version:\s*\d+\.\d+/m.test(declaration) || !/^Tag-File-Character-Encoding:\s*\S+/m.test(declaration)) {
    out.push(error('verify.badDeclaration', {}, where('bagit.txt')));
  }

  // Payload manifests.
  const manifests = new Map<Alg, Map<string, string>>();
  for (const p of [...src.files.keys()].filter((k) => /^manifest-[a-z0-9]+\.txt$/.test(k)).sort()) {
    const alg = /^manifest-([a-z0-9]+)\.txt$/.exec(p)![1] as Alg;
    if (!ALGORITHMS.includes(alg)) {
      out.push(warning('verify.unsupported', { name: p }, where(p)));
      continue;
    }
    const { entries, bad } = parseManifest(await text(p));
    for (const line of bad) out.push(error('verify.badLine', { line: line.slice(0, 60) }, where(p)));
    manifests.set(alg, entries);
  }
  if (manifests.size === 0) {
    out.push(error('verify.noManifest', {}, {}));
    return result();
  }
  const algs = [...manifests.keys()];
  const payload = [...src.files.keys()].filter((k) => k.startsWith('data/')).sort(byCodePoint);
  const listed = new Set<string>();
  for (const m of manifests.values()) for (const p of m.keys()) listed.add(p);

  /**
   * Which file is wrong, when a checksum disagrees: a file that matches one manifest but not
   * another is intact, and the manifest that disagrees is wrong; a file that matches none is
   * changed — unless every manifest that disagrees is itself known to be changed.
   */
  type Check = { manifest: string; alg: Alg; ok: boolean };
  const judge = (p: string, checks: Check[], changed: ReadonlySet<string>, to: Diagnostic[]): boolean => {
    const bad = checks.filter((c) => !c.ok);
    if (bad.length === 0) return true;
    const intact = checks.some((c) => c.ok) || bad.every((c) => changed.has(c.manifest));
    for (const c of bad) {
      to.push(intact ? error('verify.manifestWrong', { manifest: c.manifest, path: p, alg: algName(c.alg) }, where(c.manifest)) : error('verify.mismatch', { path: p, alg: algName(c.alg) }, where(p)));
    }
    return false;
  };

  // Tag manifests cover the bag's own files (the payload manifests among them): read first, so a
  // payload manifest found changed is the file blamed for the checksums it gets wrong.
  const tagOut: Diagnostic[] = [];
  const tagListed = new Set<string>();
  const tagChecks = new Map<string, Check[]>();
  for (const p of [...src.files.keys()].filter((k) => /^tagmanifest-[a-z0-9]+\.txt$/.test(k)).sort()) {
    const alg = /^tagmanifest-([a-z0-9]+)\.txt$/.exec(p)![1] as Alg;
    if (!ALGORITHMS.includes(alg)) continue;
    const { entries, bad } = parseManifest(await text(p));
    for (const line of bad) tagOut.push(error('verify.badLine', { line: line.slice(0, 60) }, where(p)));
    for (const [tag, want] of entries) {
      if (!src.files.has(tag)) {
        if (!tagListed.has(tag)) tagOut.push(error('verify.missing', { path: tag }, where(tag)));
        tagListed.add(tag);
        continue;
      }
      tagListed.add(tag);
      const got = await read(tag, [alg]);
      tagChecks.set(tag, [...(tagChecks.get(tag) ?? []), { manifest: p, alg, ok: got.hex[alg] === want }]);
    }
  }
  const changedManifests = new Set<string>();
  for (const [tag, checks] of [...tagChecks].sort(([a], [b]) => byCodePoint(a, b))) {
    if (!judge(tag, checks, new Set(), tagOut) && checks.every((c) => !c.ok)) changedManifests.add(tag);
  }

  // bag-info.txt first: its Payload-Oxum bounds what any one payload file can hold.
  let infoFields: [string, string][] = [];
  if (src.files.has('bag-info.txt')) infoFields = parseBagInfo(await text('bag-info.txt'));
  const oxum = infoFields.find(([k]) => k === 'Payload-Oxum')?.[1];
  const declaredBytes = oxum && /^\d+\.\d+$/.test(oxum) ? Number(oxum.split('.')[0]) : undefined;

  let verified = 0;
  for (const p of [...listed].sort(byCodePoint)) {
    if (!p.startsWith('data/') || p.split('/').includes('..')) {
      out.push(error('verify.unsafeEntry', { name: p }, where(p)));
      continue;
    }
    if (!src.files.has(p)) {
      out.push(error('verify.missing', { path: p }, where(p)));
      continue;
    }
    // A file larger than the whole payload the bag declares cannot be the one listed (a bomb
    // put in its place): said from the archive's listing, never unpacked.
    const size = src.files.get(p)!.size;
    if (declaredBytes !== undefined && size > declaredBytes) {
      out.push(error('verify.oversized', { path: p, size, declared: declaredBytes }, where(p)));
      continue;
    }
    let got: Read;
    try {
      got = await read(p, algs);
    } catch (e) {
      out.push(error('verify.broken', { detail: (e as Error).message }, where(p)));
      continue;
    }
    let ok = true;
    const checks: Check[] = [];
    for (const [alg, m] of manifests) {
      const want = m.get(p);
      if (want === undefined) {
        out.push(error('verify.notInManifest', { path: p, manifest: `manifest-${alg}.txt` }, where(p)));
        ok = false;
      } else checks.push({ manifest: `manifest-${alg}.txt`, alg, ok: want === got.hex[alg] });
    }
    if (judge(p, checks, changedManifests, out) && ok) verified++;
  }
  for (const p of payload) if (!listed.has(p)) out.push(error('verify.extra', { path: p }, where(p)));

  // Payload-Oxum: the byte and file counts the bag declares.
  if (oxum) {
    const bytes = payload.reduce((a, p) => a + src.files.get(p)!.size, 0);
    const actual = `${bytes}.${payload.length}`;
    if (oxum !== actual) out.push(error('verify.oxum', { declared: oxum, actual }, where('bag-info.txt')));
  }

  // The fingerprint the paper carries: of manifest-sha256.txt's lines, less what bag-info.txt says it leaves out.
  const sha256 = manifests.get('sha256');
  if (sha256) {
    const excludes = infoFields.find(([k]) => k === FINGERPRINT_EXCLUDES_FIELD)?.[1] ?? '';
    const lines = new Map([...sha256].map(([p, hex]) => [p, { sha256: hex, sha512: '', size: src.files.get(p)?.size ?? 0 }]));
    fingerprint = fingerprintOf(lines, excludes);
    const declared = infoFields.find(([k]) => k === FINGERPRINT_FIELD)?.[1];
    if (declared && declared.toLowerCase() !== fingerprint.sha256) out.push(error('verify.fingerprint', { declared, actual: fingerprint.sha256 }, where('bag-info.txt')));
  }

  out.push(...tagOut);
  for (const p of src.files.keys()) {
    if (p.startsWith('data/') || tagListed.has(p) || /^tagmanifest-[a-z0-9]+\.txt$/.test(p)) continue;
    out.push(error('verify.extra', { path: p }, where(p)));
  }
  return result(verified, listed.size, algs);
}
