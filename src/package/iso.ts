/**
 * An ISO 9660 disc image with a Joliet tree, written here because no npm package writes
 * one. Joliet carries the real (Chinese) names in UCS-2, which Windows shows; the ISO 9660
 * tree beside it has plain generated names (D0001, F0001.PDF;1) for readers without Joliet.
 * Both trees point at the same file data. Everything is laid out before a byte is written,
 * so the image streams out sector by sector and is the same bytes for the same input and date.
 *
 * Layout (2,048-byte sectors): 0–15 system area; 16 primary volume descriptor; 17 Joliet
 * supplementary descriptor; 18 terminator; path tables (L and M, for each tree); directory
 * extents; file data. Multi-byte numbers are written both-endian where ECMA-119 asks.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { byCodePoint, entryChunks, isBytes, writeThrough, type FileEntry } from '../core/bundle.js';
import { discNameProblem } from '../core/disc-names.js';
import { fail } from '../core/failure.js';

export const SECTOR = 2048;

export interface IsoFile {
  /** Path inside the image, '/'-separated, as the user should see it. */
  path: string;
  size: number;
  content: Uint8Array | FileEntry;
}

export interface IsoOptions {
  /** ISO 9660 volume identifier: A–Z, 0–9 and _ only, at most 32. */
  volumeId: string;
  /** Joliet volume identifier: any characters, at most 16. */
  jolietVolumeId: string;
  date: Date;
  publisher?: string;
  application?: string;
}

/**
 * Names go into the image as they are: they were decided for the disc when the disc tree was
 * made (core/disc-names.ts), so the Joliet tree holds exactly the folder's and the zip's names.
 * A name a disc cannot hold reaching this point is a bug, not something to shorten quietly.
 */
function jolietName(name: string): string {
  const bad = discNameProblem(name);
  if (bad) throw new Error(`the name ${JSON.stringify(name)} cannot go on a disc (${bad.problem}); disc names are decided when the disc tree is made`);
  return name;
}

interface Dir {
  name: string; // Joliet name ('' for the root)
  isoName: string;
  parent: Dir | null;
  dirs: Dir[];
  files: PlacedFile[];
  number: number; // path table number (1-based)
  extent: { primary: number; joliet: number };
  size: { primary: number; joliet: number };
}

interface PlacedFile {
  name: string;
  isoName: string;
  size: number;
  content: Uint8Array | FileEntry;
  extent: number;
}

export interface IsoPlan {
  root: Dir;
  dirs: Dir[]; // path-table order
  files: PlacedFile[]; // data order
  pathTable: { primary: number; joliet: number }; // bytes
  pathTableSectors: { lPrimary: number; mPrimary: number; lJoliet: number; mJoliet: number };
  totalSectors: number;
  options: IsoOptions;
}

const utf16be = (s: string) => Buffer.from(s, 'utf16le').swap16();

function isoExt(name: string): string {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return '';
  return name
    .slice(dot + 1)
    .toUpperCase()
    .replace(/[^A-Z0-9_]/g, '')
    .slice(0, 3);
}

const recordLength = (idLength: number) => 33 + idLength + (idLength % 2 === 0 ? 1 : 0);

function dirExtentSize(ids: number[]): number {
  // "." and ".." have one-byte identifiers; a record never crosses a sector boundary.
  let offset = 0;
  for (const len of [1, 1, ...ids]) {
    const r = recordLength(len);
    if ((offset % SECTOR) + r > SECTOR) offset = Math.ceil(offset / SECTOR) * SECTOR;
    offset += r;
  }
  return Math.ceil(offset / SECTOR) * SECTOR;
}

const compareBytes = (a: Buffer, b: Buffer) => Buffer.compare(a, b);

export function planIso(files: readonly IsoFile[], options: IsoOptions): IsoPlan {
  const root: Dir = { name: '', isoName: '', parent: null, dirs: [], files: [], number: 1, extent: { primary: 0, joliet: 0 }, size: { primary: 0, joliet: 0 } };
  const dirOf = (parts: string[]): Dir => {
    let d = root;
    for (const part of parts) {
      const name = jolietName(part);
      let next = d.dirs.find((x) => x.name === name);
      if (!next) {
        next = { name, isoName: '', parent: d, dirs: [], files: [], number: 0, extent: { primary: 0, joliet: 0 }, size: { primary: 0, joliet: 0 } };
        d.dirs.push(next);
      }
      d = next;
    }
    return d;
  };
  for (const f of [...files].sort((a, b) => byCodePoint(a.path, b.path))) {
    const parts = f.path.split('/');
    const d = dirOf(parts.slice(0, -1));
    d.files.push({ name: jolietName(parts.at(-1)!), isoName: '', size: f.size, content: f.content, extent: 0 });
  }
  // Children in Joliet order; generated ISO 9660 names follow the same order, so both trees sort alike.
  const walk = (d: Dir) => {
    d.dirs.sort((a, b) => compareBytes(utf16be(a.name), utf16be(b.name)));
    d.files.sort((a, b) => compareBytes(utf16be(a.name), utf16be(b.name)));
    d.dirs.forEach((c, i) => (c.isoName = `D${String(i + 1).padStart(4, '0')}`));
    d.files.forEach((f, i) => {
      const ext = isoExt(f.name);
      f.isoName = `F${String(i + 1).padStart(4, '0')}${ext ? `.${ext}` : '.'};1`;
    });
    d.dirs.forEach(walk);
  };
  walk(root);

  // Path-table order: breadth first, siblings by name (identical for both trees by construction).
  const dirs: Dir[] = [root];
  for (let i = 0; i < dirs.length; i++) dirs.push(...dirs[i]!.dirs);
  dirs.forEach((d, i) => (d.number = i + 1));

  const ptRecord = (idLen: number) => 8 + idLen + (idLen % 2);
  const pathTable = {
    primary: dirs.reduce((n, d) => n + ptRecord(d === root ? 1 : d.isoName.length), 0),
    joliet: dirs.reduce((n, d) => n + ptRecord(d === root ? 1 : utf16be(d.name).length), 0),
  };
  let sector = 19;
  const take = (bytes: number) => {
    const at = sector;
    sector += Math.max(1, Math.ceil(bytes / SECTOR));
    return at;
  };
  const pathTableSectors = {
    lPrimary: take(pathTable.primary),
    mPrimary: take(pathTable.primary),
    lJoliet: take(pathTable.joliet),
    mJoliet: take(pathTable.joliet),
  };
  for (const d of dirs) {
    d.size.primary = dirExtentSize([...d.dirs.map((c) => c.isoName.length), ...d.files.map((f) => f.isoName.length)]);
    d.extent.primary = take(d.size.primary);
  }
  for (const d of dirs) {
    d.size.joliet = dirExtentSize([...d.dirs.map((c) => utf16be(c.name).length), ...d.files.map((f) => utf16be(f.name).length)]);
    d.extent.joliet = take(d.size.joliet);
  }
  const placed: PlacedFile[] = [];
  const collect = (d: Dir) => {
    for (const f of d.files) placed.push(f);
    d.dirs.forEach(collect);
  };
  collect(root);
  for (const f of placed) {
    // ISO 9660 records a file's size in 32 bits; such a file is the input's problem, not a bug.
    if (f.size > 0xffffffff) throw fail('problems', 'file.tooLarge', { path: f.name, size: f.size, max: 0xffffffff }, { file: f.name });
    f.extent = f.size === 0 ? 0 : take(f.size);
  }
  return { root, dirs, files: placed, pathTable, pathTableSectors, totalSectors: sector, options };
}

// ── bytes ────────────────────────────────────────────────────────────────────────────────

function both16(v: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt16LE(v, 0);
  b.writeUInt16BE(v, 2);
  return b;
}

function both32(v: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeUInt32LE(v, 0);
  b.writeUInt32BE(v, 4);
  return b;
}

/** 7-byte recording date (UTC). */
function recDate(d: Date): Buffer {
  return Buffer.from([d.getUTCFullYear() - 1900, d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), 0]);
}

/** 17-byte volume descriptor date: YYYYMMDDHHMMSScc and a zero time-zone byte (UTC). */
function volDate(d: Date | undefined): Buffer {
  if (!d) return Buffer.concat([Buffer.from('0000000000000000', 'latin1'), Buffer.from([0])]);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const s = `${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}00`;
  return Buffer.concat([Buffer.from(s, 'latin1'), Buffer.from([0])]);
}

function record(id: Buffer, extent: number, size: number, isDir: boolean, date: Date): Buffer {
  const len = recordLength(id.length);
  const r = Buffer.alloc(len);
  r[0] = len;
  r[1] = 0;
  both32(extent).copy(r, 2);
  both32(size).copy(r, 10);
  recDate(date).copy(r, 18);
  r[25] = isDir ? 2 : 0;
  r[26] = 0;
  r[27] = 0;
  both16(1).copy(r, 28);
  r[32] = id.length;
  id.copy(r, 33);
  return r;
}

function dirExtent(d: Dir, tree: 'primary' | 'joliet', date: Date): Buffer {
  const self = record(Buffer.from([0]), d.extent[tree], d.size[tree], true, date);
  const parent = d.parent ?? d;
  const up = record(Buffer.from([1]), parent.extent[tree], parent.size[tree], true, date);
  const id = (name: string, iso: string) => (tree === 'joliet' ? utf16be(name) : Buffer.from(iso, 'latin1'));
  const records = [
    self,
    up,
    ...[...d.dirs.map((c) => ({ key: c.name, r: record(id(c.name, c.isoName), c.extent[tree], c.size[tree], true, date) })), ...d.files.map((f) => ({ key: f.name, r: record(id(f.name, f.isoName), f.extent, f.size, false, date) }))]
      .sort((a, b) => compareBytes(utf16be(a.key), utf16be(b.key)))
      .map((x) => x.r),
  ];
  const out = Buffer.alloc(d.size[tree]);
  let offset = 0;
  for (const r of records) {
    if ((offset % SECTOR) + r.length > SECTOR) offset = Math.ceil(offset / SECTOR) * SECTOR;
    r.copy(out, offset);
    offset += r.length;
  }
  return out;
}

function pathTableBytes(plan: IsoPlan, tree: 'primary' | 'joliet', bigEndian: boolean): Buffer {
  const parts: Buffer[] = [];
  for (const d of plan.dirs) {
    const id = d.parent === null ? Buffer.from([0]) : tree === 'joliet' ? utf16be(d.name) : Buffer.from(d.isoName, 'latin1');
    const r = Buffer.alloc(8 + id.length + (id.length % 2));
    r[0] = id.length;
    r[1] = 0;
    if (bigEndian) {
      r.writeUInt32BE(d.extent[tree], 2);
      r.writeUInt16BE(d.parent?.number ?? 1, 6);
    } else {
      r.writeUInt32LE(d.extent[tree], 2);
      r.writeUInt16LE(d.parent?.number ?? 1, 6);
    }
    id.copy(r, 8);
    parts.push(r);
  }
  return Buffer.concat(parts);
}

function padText(s: string, len: number, joliet: boolean): Buffer {
  if (joliet) {
    const b = Buffer.alloc(len);
    for (let i = 0; i + 1 < len; i += 2) b.writeUInt16BE(0x20, i);
    utf16be(s).subarray(0, len - (len % 2)).copy(b);
    return b;
  }
  return Buffer.from(s.toUpperCase().replace(/[^A-Z0-9_ ]/g, '_').padEnd(len, ' ').slice(0, len), 'latin1');
}

function descriptor(plan: IsoPlan, joliet: boolean): Buffer {
  const o = plan.options;
  const tree = joliet ? 'joliet' : 'primary';
  const b = Buffer.alloc(SECTOR);
  b[0] = joliet ? 2 : 1;
  b.write('CD001', 1, 'latin1');
  b[6] = 1;
  padText('', 32, joliet).copy(b, 8); // system identifier
  padText(joliet ? o.jolietVolumeId : o.volumeId, 32, joliet).copy(b, 40);
  both32(plan.totalSectors).copy(b, 80);
  if (joliet) b.write('%/E', 88, 'latin1'); // UCS-2 Level 3
  both16(1).copy(b, 120); // volume set size
  both16(1).copy(b, 124); // volume sequence number
  both16(SECTOR).copy(b, 128);
  both32(plan.pathTable[tree]).copy(b, 132);
  const pt = plan.pathTableSectors;
  b.writeUInt32LE(joliet ? pt.lJoliet : pt.lPrimary, 140);
  b.writeUInt32BE(joliet ? pt.mJoliet : pt.mPrimary, 148);
  record(Buffer.from([0]), plan.root.extent[tree], plan.root.size[tree], true, o.date).copy(b, 156);
  padText('', 128, joliet).copy(b, 190); // volume set
  padText(o.publisher ?? '', 128, joliet).copy(b, 318);
  padText('', 128, joliet).copy(b, 446); // data preparer
  padText(o.application ?? 'SHENBAO', 128, joliet).copy(b, 574);
  padText('', 37, joliet).copy(b, 702);
  padText('', 37, joliet).copy(b, 739);
  padText('', 37, joliet).copy(b, 776);
  volDate(o.date).copy(b, 813);
  volDate(o.date).copy(b, 830);
  volDate(undefined).copy(b, 847);
  volDate(o.date).copy(b, 864);
  b[881] = 1;
  return b;
}

/** Writes the planned image to `out`, streaming the files' data. */
export async function writeIso(plan: IsoPlan, out: Writable): Promise<void> {
  let written = 0;
  const write = async (chunk: Uint8Array) => {
    written += chunk.byteLength;
    if (!out.write(chunk)) await once(out, 'drain');
  };
  const padTo = async (sector: number) => {
    const target = sector * SECTOR;
    if (written > target) throw new Error(`ISO layout overrun at sector ${sector}`);
    while (written < target) await write(Buffer.alloc(Math.min(target - written, 1024 * 1024)));
  };
  /** One buffer for every file read through one. */
  let through: Uint8Array | undefined;
  await padTo(16);
  await write(descriptor(plan, false));
  await write(descriptor(plan, true));
  const terminator = Buffer.alloc(SECTOR);
  terminator[0] = 255;
  terminator.write('CD001', 1, 'latin1');
  terminator[6] = 1;
  await write(terminator);
  const pt = plan.pathTableSectors;
  await padTo(pt.lPrimary);
  await write(pathTableBytes(plan, 'primary', false));
  await padTo(pt.mPrimary);
  await write(pathTableBytes(plan, 'primary', true));
  await padTo(pt.lJoliet);
  await write(pathTableBytes(plan, 'joliet', false));
  await padTo(pt.mJoliet);
  await write(pathTableBytes(plan, 'joliet', true));
  for (const tree of ['primary', 'joliet'] as const) {
    for (const d of plan.dirs) {
      await padTo(d.extent[tree]);
      await write(dirExtent(d, tree, plan.options.date));
    }
  }
  for (const f of plan.files) {
    if (f.size === 0) continue;
    await padTo(f.extent);
    const start = written;
    // A file that can be read through one buffer is: each chunk written out before the next is read.
    if (!isBytes(f.content) && f.content.scan) {
      for await (const chunk of f.content.scan((through ??= new Uint8Array(1024 * 1024)))) {
        written += chunk.byteLength;
        await writeThrough(out, chunk);
      }
    } else for await (const chunk of entryChunks(f.content)) await write(chunk);
    // A file that changed size since the layout was planned would shift every file after it.
    if (written - start !== f.size) throw new Error(`${f.name} changed size while the disc image was written`);
  }
  await padTo(plan.totalSectors);
}

export const isoSize = (plan: IsoPlan) => plan.totalSectors * SECTOR;
