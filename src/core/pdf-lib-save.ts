/**
 * pdf-lib writes a stream's contents into the saved file one byte at a time (PDFStream's
 * copyBytesInto is a JavaScript loop). A print volume carries every scan three times over,
 * so that loop was a tenth of a build's time. The same bytes are copied here with one
 * `set` — the file is byte-for-byte what pdf-lib writes. Imported by the files that load or save.
 */
import { PDFContext, PDFDocument, PDFFlateStream, PDFStream, typedArrayFor } from '#pdf-lib';
import { deflateSync } from 'node:zlib';

const OPEN = new TextEncoder().encode('\nstream\n');
const CLOSE = new TextEncoder().encode('\nendstream');

type Writable = { updateDict(): void; dict: { copyBytesInto(b: Uint8Array, o: number): number }; getContents(): Uint8Array };

PDFStream.prototype.copyBytesInto = function (this: Writable, buffer: Uint8Array, offset: number): number {
  this.updateDict();
  const start = offset;
  offset += this.dict.copyBytesInto(buffer, offset);
  buffer.set(OPEN, offset);
  offset += OPEN.length;
  const contents = this.getContents();
  buffer.set(contents, offset);
  offset += contents.length;
  buffer.set(CLOSE, offset);
  return offset + CLOSE.length - start;
} as never;

/**
 * pdf-lib pauses on a timer every 50 objects it saves and every 100 it parses, to let a page
 * in a browser breathe; in Node each pause is a millisecond or more, which the print volume
 * (thousands of objects, loaded and saved once per copy) paid many times over. Unless a
 * caller asks otherwise, it parses and saves straight through. The bytes are the same.
 */
type Loader = (bytes: Uint8Array | ArrayBuffer | string, options?: { parseSpeed?: number }) => Promise<PDFDocument>;
const load = PDFDocument.load.bind(PDFDocument) as Loader;
PDFDocument.load = ((bytes: Uint8Array | ArrayBuffer | string, options: { parseSpeed?: number } = {}) => load(bytes, { parseSpeed: Infinity, ...options })) as never;
const save = PDFDocument.prototype.save;
PDFDocument.prototype.save = function (this: PDFDocument, options: Parameters<PDFDocument['save']>[0] = {}) {
  return save.call(this, { objectsPerTick: Infinity, ...options });
};

/**
 * pdf-lib deflates with pako, a port of zlib to JavaScript that sets up and zeroes its tables
 * for every stream: a print volume's hundreds of small content and object streams spent a
 * quarter of the print stage there. Node's own zlib (which pdfkit already uses for every form)
 * does the same deflate, with the same level and window, natively; the output is the same
 * for the same input on the same Node, as pako's is.
 */
type FlateStream = { encode: boolean; contentsCache: { value?: Uint8Array }; getUnencodedContents(): Uint8Array };
PDFFlateStream.prototype.getContents = function (this: FlateStream): Uint8Array {
  const cache = this.contentsCache;
  // Kept in pdf-lib's own cache field, where its other code looks for a stream's contents.
  cache.value ??= this.encode ? deflateSync(this.getUnencodedContents()) : this.getUnencodedContents();
  return cache.value;
} as never;
PDFFlateStream.prototype.getContentsSize = function (this: PDFFlateStream): number {
  return this.getContents().length;
};
PDFContext.prototype.flateStream = function (this: PDFContext, contents: string | Uint8Array, dict = {}) {
  return this.stream(deflateSync(typedArrayFor(contents)), { ...dict, Filter: 'FlateDecode' });
} as never;
