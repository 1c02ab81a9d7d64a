/**
 * Office files are zip packages, and docx and exceljs stamp the current time into every
 * entry (and docx into docProps/core.xml). To make the same input give the same bytes, the
 * package is re-zipped here with one fixed time and its entries in a fixed order.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';

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
  const mtime = zipTime(date);
  const out: Zippable = {};
  for (const name of Object.keys(entries).sort(entryOrder)) {
    let data = entries[name]!;
    if (patch && name.endsWith('.xml')) {
      const text = new TextDecoder().decode(data);
      const patched = patch(name, text);
      if (patched !== text) data = new TextEncoder().encode(patched);
    }
    out[name] = [data, { mtime, level: 6 }];
  }
  return setDosTimes(zipSync(out), mtime);
}

/** A zip's DOS time and date fields (two 16-bit words) for a moment, read in UTC. */
export function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/**
 * Sets every entry's time (local header and central directory) to `date` read in UTC. fflate
 * writes the DOS time in the process's local time zone, so the same date gave other bytes
 * under TZ=Asia/Shanghai than under TZ=UTC; archiver, for the disc zip, writes UTC already.
 */
export function setDosTimes(zip: Uint8Array, date: Date): Uint8Array {
  const b = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const { time, date: day } = dosTime(date);
  let eocd = b.length - 22;
  while (eocd >= 0 && b.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip: no end of central directory');
  const count = b.readUInt16LE(eocd + 10);
  let at = b.readUInt32LE(eocd + 16);
  for (let i = 0; i < count; i++) {
    if (b.readUInt32LE(at) !== 0x02014b50) throw new Error('zip central directory damaged');
    b.writeUInt16LE(time, at + 12);
    b.writeUInt16LE(day, at + 14);
    const local = b.readUInt32LE(at + 42);
    if (b.readUInt32LE(local) !== 0x04034b50) throw new Error('zip local header damaged');
    b.writeUInt16LE(time, local + 10);
    b.writeUInt16LE(day, local + 12);
    at += 46 + b.readUInt16LE(at + 28) + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
  }
  return zip;
}

/** docProps/core.xml: the created and modified times become the run's date. */
export function fixCoreDates(date: Date) {
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (name: string, text: string) =>
    name === 'docProps/core.xml'
      ? text.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${iso}$2`)
      : text;
}
