/**
 * Reading an ISO 9660 image's Joliet tree (or its ISO 9660 tree when there is none), for
 * `shenbao verify`: the image is never extracted — each file is read in place, by offset,
 * through the World. Every record is checked against the image's bounds, so a truncated or
 * crafted image is an error, never a read outside it or an endless walk.
 */
import type { World } from '../world/world.js';
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

/** An image file read by offset through the World. */
export interface IsoImage {
  world: World;
  file: string;
  size: number;
}

async function readAt(img: IsoImage, offset: number, length: number): Promise<Buffer> {
  if (offset < 0 || offset + length > img.size) throw new IsoError(`the image ends before byte ${offset + length} (it has ${img.size}): truncated`);
  const b = await img.world.readRange(img.file, offset, length);
  if (b.byteLength < length) throw new IsoError(`the image ends before byte ${offset + length}: truncated`);
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}

export async function readIsoEntries(img: IsoImage): Promise<IsoEntry[]> {
  // Volume descriptors from sector 16: the Joliet one (escape %/@, %/C or %/E) if present.
  let root: { extent: number; size: number; joliet: boolean } | undefined;
  for (let s = 16; s < 16 + 64; s++) {
    const d = await readAt(img, s * SECTOR, SECTOR);
    if (d.toString('latin1', 1, 6) !== 'CD001') throw new IsoError('not an ISO 9660 image (no volume descriptor)');
    const type = d[0];
    if (type === 255) break;
    const rec = d.subarray(156, 156 + 34);
    const here = { extent: rec.readUInt32LE(2), size: rec.readUInt32LE(10) };
    if (type === 1 && !root) root = { ...here, joliet: false };
    if (type === 2 && /^%\/[@CE]/.test(d.toString('latin1', 88, 91))) root = { ...here, joliet: true };
  }
  if (!root) throw new IsoError('no primary volume descriptor');
  const entries: IsoEntry[] = [];
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
      const id = r.subarray(33, 33 + idLen);
      if (idLen === 1 && (id[0] === 0 || id[0] === 1)) continue; // "." and ".."
      const name = parseName(id, root!.joliet);
      if (name === '' || name === '.' || name === '..' || name.includes('/') || name.includes('\\') || name.includes('\0')) {
        throw new IsoError(`an entry has an unsafe name: ${JSON.stringify(name)}`);
      }
      const childExtent = r.readUInt32LE(2);
      const childSize = r.readUInt32LE(10);
      const isDir = (r[25]! & 2) !== 0;
      const path = prefix ? `${prefix}/${name}` : name;
      if (isDir) await walk(childExtent, childSize, path, depth + 1);
      else {
        if (childExtent * SECTOR + childSize > img.size) throw new IsoError(`${path} reaches past the end of the image: truncated`);
        entries.push({ path, offset: childExtent * SECTOR, size: childSize });
      }
    }
  };
  await walk(root.extent, root.size, '', 0);
  return entries;
}

/** A file of the image, in chunks. */
export async function* readIsoFile(img: IsoImage, entry: IsoEntry): AsyncGenerator<Uint8Array> {
  const chunk = 1024 * 1024;
  for (let done = 0; done < entry.size; ) {
    const n = Math.min(chunk, entry.size - done);
    const b = await img.world.readRange(img.file, entry.offset + done, n);
    if (b.byteLength < n) throw new IsoError(`${entry.path} is cut short: truncated image`);
    done += n;
    yield b;
  }
}
