/**
 * Office files are zip packages, and docx and exceljs stamp the current time into every
 * entry (and docx into docProps/core.xml). To make the same input give the same bytes, the
 * package is re-zipped here with one fixed time and its entries in a fixed order.
 *
 * Unpacked by fflate; packed again here with Node's zlib (deflate and CRC-32, both native):
 * fflate's deflate, in JavaScript, was the render worker's largest single cost (~0.1 s of
 * the example's nine Office files). Written here, as the disc zip is (package/zip.ts):
 * every header field must be ours anyway for fixed bytes (UTC times, order, no extra
 * fields; fflate's times needed rewriting afterwards), and that is all a zip writer adds
 * to the deflated entries.
 */
import { unzipSync } from 'fflate';
import { crc32, deflateRawSync } from 'node:zlib';

/** Zip (DOS) times cannot say anything before 1980. */
export function zipTime(date: Date): Date {
  const min = Date.UTC(1980, 0, 1, 12);
  return new Date(Math.max(date.getTime(), min));
}

/** `[Content_Types].xml` first (as Office writes it), then the rest by name. */
function entryOrder(a: string, b: string): number {
  const rank = (n: string) => (n === '[Content_Types].xml' ? 0 : 1);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

export function normalizeOfficeZip(bytes: Uint8Array, date: Date, patch?: (name: string, text: string) => string): Uint8Array {
  const entries = unzipSync(bytes);
  const out: [string, Uint8Array][] = [];
  for (const name of Object.keys(entries).sort(entryOrder)) {
    let data = entries[name]!;
    if (patch && name.endsWith('.xml')) {
      const text = new TextDecoder().decode(data);
      const patched = patch(name, text);
      if (patched !== text) data = new TextEncoder().encode(patched);
    }
    out.push([name, data]);
  }
  return deflatedZip(out, zipTime(date));
}

/**
 * A zip of these entries in this order, each deflated (level 6) and dated `date` (UTC):
 * version 2.0, no data descriptors, the UTF-8 flag on a name that is not ASCII.
 */
function deflatedZip(entries: readonly [name: string, data: Uint8Array][], date: Date): Uint8Array {
  const { time, date: day } = dosTime(date);
  const parts: Uint8Array[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const packed = deflateRawSync(data, { level: 6 });
    const crc = crc32(data);
    const flags = /^[\x20-\x7e]*$/.test(name) ? 0 : 0x800;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(day, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    local.copy(dir, 8, 6, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, nameBytes);
    parts.push(local, nameBytes, packed);
    offset += local.length + nameBytes.length + packed.length;
  }
  const dirSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, ...central, end]));
}

/** A zip's DOS time and date fields (two 16-bit words) for a moment, read in UTC. */
export function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/** docProps/core.xml: the created and modified times become the run's date. */
export function fixCoreDates(date: Date) {
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (name: string, text: string) =>
    name === 'docProps/core.xml'
      ? text.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${iso}$2`)
      : text;
}
