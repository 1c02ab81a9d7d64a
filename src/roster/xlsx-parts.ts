/**
 * The parts of an .xlsx package, read with yauzl from the zip's central directory (random
 * access: only the parts asked for are inflated, each once, by zlib) and streamed through
 * a tokenizer (xml-scan.ts), so a worksheet is never held whole, neither as bytes nor as a tree.
 */
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { XmlScanner } from './xml-scan.js';

export interface Package {
  zip: yauzl.ZipFile;
  /** Entries by their name in the zip. */
  entries: Map<string, yauzl.Entry>;
}

/** Opens the package and lists its entries; throws on anything that is not a readable zip. */
export async function openPackage(bytes: Uint8Array): Promise<Package> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const zip = await yauzl.fromBufferPromise(buf, { lazyEntries: true, decodeStrings: true });
  const entries = new Map<string, yauzl.Entry>();
  for await (const e of zip.eachEntry()) entries.set(e.fileName, e);
  return { zip, entries };
}

export interface XmlHandlers {
  /** An element opens: its name without a namespace prefix, and its attributes as written. */
  open?(name: string, attrs: Readonly<Record<string, string>>): void;
  close?(name: string): void;
  text?(t: string): void;
}

/** Signals, thrown from a handler, that the rest of the part is not needed. */
export class StopReading extends Error {}

/** <x:row> is <row>: a few writers prefix SpreadsheetML's names. */
const localName = (n: string) => {
  const i = n.indexOf(':');
  return i < 0 ? n : n.slice(i + 1);
};

/** An attribute by its name without the prefix (r:id, whatever the writer bound r to). */
export function attrLocal(attrs: Readonly<Record<string, string>>, local: string): string | undefined {
  for (const k in attrs) if (localName(k) === local && !k.startsWith('xmlns')) return attrs[k];
  return undefined;
}

/** Inflated in chunks this large: fewer, larger writes into the parser than zlib's 16 KB default. */
const CHUNK_BYTES = 256 * 1024;

/** The entry's bytes, inflated as they are read; never more than the central directory says they are. */
async function* entryBytes(pkg: Package, entry: yauzl.Entry): AsyncGenerator<Buffer> {
  const deflated = entry.compressionMethod === 8;
  if (!deflated && entry.compressionMethod !== 0) throw new Error(`${entry.fileName}: unsupported compression method ${entry.compressionMethod}`);
  // A stored entry's bytes are the data; a deflated one's are inflated here, in large chunks.
  const raw = await pkg.zip.openReadStreamPromise(entry, deflated ? { decompress: false } : {});
  const stream = deflated ? raw.pipe(zlib.createInflateRaw({ chunkSize: CHUNK_BYTES })) : raw;
  let total = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      // A zip bomb's directory understates its entries: stop where the directory said the entry ends.
      if ((total += chunk.length) > entry.uncompressedSize) throw new Error(`${entry.fileName} is larger than the zip's directory says`);
      yield chunk;
    }
  } finally {
    raw.destroy();
    stream.destroy();
  }
  if (total !== entry.uncompressedSize) throw new Error(`${entry.fileName} is shorter than the zip's directory says`);
}

/**
 * Streams one part through a SAX parser. Resolves when the part has been read (or a handler
 * threw StopReading); rejects on damaged data or malformed XML.
 */
export async function readPart(pkg: Package, entry: yauzl.Entry, h: XmlHandlers): Promise<void> {
  const parser = new XmlScanner({
    open: h.open ? (name, attrs) => h.open!(localName(name), attrs) : () => {},
    close: h.close ? (name) => h.close!(localName(name)) : () => {},
    text: h.text ?? (() => {}),
  });
  // The decoder keeps a character split between two inflated chunks whole.
  const decoder = new TextDecoder('utf-8');
  try {
    for await (const chunk of entryBytes(pkg, entry)) parser.write(decoder.decode(chunk, { stream: true }));
    parser.write(decoder.decode());
    parser.close();
  } catch (e) {
    if (e instanceof StopReading) return;
    throw e;
  }
}
