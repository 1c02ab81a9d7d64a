/**
 * Reading an ISO 9660 image for `shenbao verify`: both trees (ISO 9660 and Joliet) and their
 * path tables, checked against each other; files are read through the Joliet tree (or the
 * ISO 9660 tree when there is none). The image is never extracted — each file is read in place, by offset,
 * through the World. Every record is checked against the image's bounds, so a truncated or
 * crafted image is an error, never a read outside it or an endless walk.
 */
import type { FileReader } from '../world/world.js';
import { SECTOR } from './iso.js';

export interface IsoEntry {
  path: string;
  offset: number;
  size: number;
}

export class IsoError extends Error {}

const MAX_DEPTH = 32;

function parseName(id: Buffer, joliet: boolean): string {
  if (joliet) {
    const b = Buffer.from(id);
    b.swap16();
    return b.toString('utf16le').replace(/;1$/, '');
  }
  return id.toString('latin1').replace(/;\d+$/, '').replace(/\.$/, '');
}

/** An image file read by offset, held open through the World. */
export interface IsoImage {
  size: number;
  reader: () => Promise<FileReader>;
}

async function readVia(reader: FileReader, offset: number, length: number): Promise<Uint8Array> {
  const b = Buffer.allocUnsafe(length);
  return b.subarray(0, await reader.read(b, offset));
}

async function readAt(img: IsoImage, offset: number, length: number): Promise<Buffer> {
  if (offset < 0 || offset + length > img.size) throw new IsoError(`the image ends before byte ${offset + length} (it has ${img.size}): truncated`);
  const b = await readVia(await img.reader(), offset, length);
  if (b.byteLength < length) throw new IsoError(`the image ends before byte ${offset + length}: truncated`);
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}

export type IsoTree = 'primary' | 'joliet';

/** Something wrong with one tree of an image that does not stop it being read (through the other tree). */
export type IsoProblem =
  | { kind: 'record'; tree: IsoTree; path: string }
  | { kind: 'pathTable'; tree: IsoTree; table: 'L' | 'M' }
  | { kind: 'treesDiffer'; path: string }
  | { kind: 'treeBroken'; tree: IsoTree; detail: string };

interface Volume {
  tree: IsoTree;
  descriptor: Buffer;
  root: { extent: number; size: number };
}

interface Walked {
  files: (IsoEntry & { parent: number })[];
  /** Directories: extent, its parent's extent, the identifier's bytes (the root's is [0]). */
  dirs: { path: string; extent: number; parent: number; id: Buffer }[];
  /** Directory records whose two copies of a number (little- and big-endian) disagree. */
  damaged: string[];
}

/** Both-endian fields: the little-endian copy and the big-endian copy must agree. */
const agree32 = (b: Buffer, at: number) => b.readUInt32LE(at) === b.readUInt32BE(at + 4);
const agree16 = (b: Buffer, at: number) => b.readUInt16LE(at) === b.readUInt16BE(at + 2);

async function walkTree(img: IsoImage, v: Volume): Promise<Walked> {
  const joliet = v.tree === 'joliet';
  const out: Walked = { files: [], dirs: [{ path: '', extent: v.root.extent, parent: v.root.extent, id: Buffer.from([0]) }], damaged: [] };
  const seen = new Set<number>();
  const walk = async (extent: number, length: number, prefix: string, depth: number) => {
    if (depth > MAX_DEPTH) throw new IsoError('directories nested too deep');
    if (seen.has(extent)) throw new IsoError('a directory loops back on itself');
    seen.add(extent);
    const data = await readAt(img, extent * SECTOR, length);
    let offset = 0;
    while (offset < data.length) {
      const len = data[offset]!;
      if (len === 0) {
        offset = (Math.floor(offset / SECTOR) + 1) * SECTOR; // rest of the sector is padding
        continue;
      }
      if (len < 34 || offset + len > data.length) throw new IsoError('a directory record runs past its directory');
      const r = data.subarray(offset, offset + len);
      offset += len;
      const idLen = r[32]!;
      if (33 + idLen > len) throw new IsoError('a directory record runs past its directory');
      const id = r.subarray(33, 33 + idLen);
      const dot = idLen === 1 && (id[0] === 0 || id[0] === 1);
      const name = dot ? '' : parseName(id, joliet);
      const path = dot ? prefix : prefix ? `${prefix}/${name}` : name;
      if (!agree32(r, 2) || !agree32(r, 10) || !agree16(r, 28)) out.damaged.push(path || '/');
      if (dot) continue; // "." and ".."
      if (name === '' || name === '.' || name === '..' || name.includes('/') || name.includes('\\') || name.includes('\0')) {
        throw new IsoError(`an entry has an unsafe name: ${JSON.stringify(name)}`);
      }
      const childExtent = r.readUInt32LE(2);
      const childSize = r.readUInt32LE(10);
      const isDir = (r[25]! & 2) !== 0;
      if (isDir) {
        out.dirs.push({ path, extent: childExtent, parent: extent, id: Buffer.from(id) });
        await walk(childExtent, childSize, path, depth + 1);
      } else {
        if (childExtent * SECTOR + childSize > img.size) throw new IsoError(`${path} reaches past the end of the image: truncated`);
        out.files.push({ path, offset: childExtent * SECTOR, size: childSize, parent: extent });
      }
    }
  };
  await walk(v.root.extent, v.root.size, '', 0);
  return out;
}

/** Whether a path table (L: little-endian, M: big-endian) lists exactly the directories the walk found. */
async function pathTableHolds(img: IsoImage, v: Volume, walked: Walked, table: 'L' | 'M'): Promise<boolean> {
  const d = v.descriptor;
  const size = d.readUInt32LE(132);
  const at = table === 'L' ? d.readUInt32LE(140) : d.readUInt32BE(148);
  if (!agree32(d, 132) || size > 64 * 1024 * 1024) return false;
  let bytes: Buffer;
  try {
    bytes = await readAt(img, at * SECTOR, size);
  } catch {
    return false;
  }
  const records: { extent: number; parent: number; id: Buffer }[] = [];
  for (let o = 0; o < bytes.length; ) {
    const idLen = bytes[o]!;
    if (idLen === 0 || o + 8 + idLen > bytes.length) return false;
    const extent = table === 'L' ? bytes.readUInt32LE(o + 2) : bytes.readUInt32BE(o + 2);
    const parent = table === 'L' ? bytes.readUInt16LE(o + 6) : bytes.readUInt16BE(o + 6);
    records.push({ extent, parent, id: bytes.subarray(o + 8, o + 8 + idLen) });
    o += 8 + idLen + (idLen % 2);
  }
  if (records.length !== walked.dirs.length) return false;
  const key = (extent: number, parent: number, id: Buffer) => `${extent}:${parent}:${id.toString('hex')}`;
  const listed = records.map((r) => (r.parent >= 1 && r.parent <= records.length ? key(r.extent, records[r.parent - 1]!.extent, r.id) : 'bad')).sort();
  const found = walked.dirs.map((x) => key(x.extent, x.parent, x.id)).sort();
  return listed.every((k, i) => k === found[i]);
}

/** A tree's shape without its names: the files' extents and sizes, folder by folder. */
function shape(w: Walked): Map<string, string> {
  const byDir = new Map<number, string[]>();
  for (const f of w.files) byDir.set(f.parent, [...(byDir.get(f.parent) ?? []), `${f.offset}:${f.size}`]);
  const children = new Map<number, number[]>();
  for (const d of w.dirs) if (d.path !== '') children.set(d.parent, [...(children.get(d.parent) ?? []), d.extent]);
  const sig = (extent: number, depth: number): string =>
    depth > MAX_DEPTH ? '…' : `[${[...(byDir.get(extent) ?? []).sort(), ...(children.get(extent) ?? []).map((c) => sig(c, depth + 1)).sort()].join(',')}]`;
  return new Map(w.dirs.map((d) => [d.path, sig(d.extent, 0)]));
}

/**
 * Reads an image's trees: its files as the Joliet tree names them (or the ISO 9660 tree, when
 * there is no Joliet tree), and what is wrong with either tree — damaged records, path tables
 * that do not match the directories, trees that do not hold the same files.
 */
export async function readIsoImage(img: IsoImage): Promise<{ entries: IsoEntry[]; problems: IsoProblem[] }> {
  const volumes: Volume[] = [];
  for (let s = 16; s < 16 + 64; s++) {
    const d = await readAt(img, s * SECTOR, SECTOR);
    if (d.toString('latin1', 1, 6) !== 'CD001') throw new IsoError('not an ISO 9660 image (no volume descriptor)');
    const type = d[0];
    if (type === 255) break;
    const rec = d.subarray(156, 156 + 34);
    const root = { extent: rec.readUInt32LE(2), size: rec.readUInt32LE(10) };
    if (type === 1 && !volumes.some((v) => v.tree === 'primary')) volumes.push({ tree: 'primary', descriptor: d, root });
    if (type === 2 && /^%\/[@CE]/.test(d.toString('latin1', 88, 91)) && !volumes.some((v) => v.tree === 'joliet')) volumes.push({ tree: 'joliet', descriptor: d, root });
  }
  const primary = volumes.find((v) => v.tree === 'primary');
  if (!primary) throw new IsoError('no primary volume descriptor');
  const joliet = volumes.find((v) => v.tree === 'joliet');
  const main = joliet ?? primary;
  const problems: IsoProblem[] = [];
  // The tree files are read through must be whole; the other is checked against it.
  const walked = new Map<IsoTree, Walked>([[main.tree, await walkTree(img, main)]]);
  if (joliet) {
    try {
      walked.set('primary', await walkTree(img, primary));
    } catch (e) {
      if (!(e instanceof IsoError)) throw e;
      problems.push({ kind: 'treeBroken', tree: 'primary', detail: e.message });
    }
  }
  for (const v of volumes) {
    const w = walked.get(v.tree);
    if (!w) continue;
    for (const p of w.damaged) problems.push({ kind: 'record', tree: v.tree, path: p });
    for (const table of ['L', 'M'] as const) if (!(await pathTableHolds(img, v, w, table))) problems.push({ kind: 'pathTable', tree: v.tree, table });
  }
  const j = joliet && walked.get('joliet');
  const p = joliet && walked.get('primary');
  if (j && p) {
    // Both trees must hold the same files (the same data, the same sizes) in the same folders.
    const pk = new Map<string, number>();
    for (const f of p.files) pk.set(`${f.offset}:${f.size}`, (pk.get(`${f.offset}:${f.size}`) ?? 0) + 1);
    const differ: string[] = [];
    for (const f of j.files) {
      const k = `${f.offset}:${f.size}`;
      const n = pk.get(k) ?? 0;
      if (n === 0) differ.push(f.path);
      else pk.set(k, n - 1);
    }
    for (const f of p.files) {
      const k = `${f.offset}:${f.size}`;
      const n = pk.get(k) ?? 0;
      if (n > 0) {
        differ.push(`ISO 9660: ${f.path}`);
        pk.set(k, n - 1);
      }
    }
    if (differ.length === 0) {
      const js = shape(j);
      const ps = new Set(shape(p).values());
      const dir = [...js].find(([, sig]) => !ps.has(sig));
      if (dir) differ.push(dir[0] || '/');
    }
    for (const path of differ) problems.push({ kind: 'treesDiffer', path });
  }
  const files = walked.get(main.tree)!.files.map(({ path, offset, size }) => ({ path, offset, size }));
  return { entries: files, problems };
}

/** The files of an image, as its Joliet tree names them (see readIsoImage for its problems). */
export async function readIsoEntries(img: IsoImage): Promise<IsoEntry[]> {
  return (await readIsoImage(img)).entries;
}

/** A file of the image, in chunks. */
export async function* readIsoFile(img: IsoImage, entry: IsoEntry): AsyncGenerator<Uint8Array> {
  const chunk = 1024 * 1024;
  for (let done = 0; done < entry.size; ) {
    const n = Math.min(chunk, entry.size - done);
    const b = await readVia(await img.reader(), entry.offset + done, n);
    if (b.byteLength < n) throw new IsoError(`${entry.path} is cut short: truncated image`);
    done += n;
    yield b;
  }
}
