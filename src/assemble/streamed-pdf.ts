/**
 * A print volume with 200 MB of scans, written without ever being held whole. The scans'
 * bytes stay in their files: while the volume is drawn each large scan (a JPEG, or a page
 * image inside an attachment PDF) is a SourcedStream; the body is saved with a short marker
 * for each, and each copy, loaded from that small body, has its markers swapped back for
 * streams read from the files as the copy is written.
 *
 * pdf-lib saves a document into one buffer of its whole size; `pdfLayout` asks its own
 * writer (PDFStreamWriter, what `save()` uses) for the layout — every object and the sizes
 * that place them — and `pdfChunks` writes those objects in turn, as `serializeToBuffer`
 * does, into chunks: the same bytes, with a file's contents read in chunks where its stream
 * is. Hand-written because pdf-lib has no streaming save; it is its loop, not a new format.
 */
import { type PDFDocument, PDFName, type PDFObject, PDFRawStream, type PDFRef, PDFStream, PDFStreamWriter, type PDFContext, type PDFDict } from '#pdf-lib';
import { randomBytes } from 'node:crypto';
import { scanChunks, sliceOf, type FileEntry } from '../core/bundle.js';

/** A stream whose contents are a file's bytes, read only when the document is written. */
export class SourcedStream extends PDFStream {
  constructor(dict: PDFDict, readonly source: FileEntry) {
    super(dict);
  }

  override clone(context?: PDFContext): SourcedStream {
    return new SourcedStream(this.dict.clone(context), this.source);
  }

  override getContentsSize(): number {
    return this.source.size;
  }

  override getContents(): Uint8Array {
    throw new Error(`${this.source.path}: a sourced stream is read as the document is written`);
  }
}

// Random per process, so no stream an attachment carries can pass for one (a marker never
// reaches the output: every one is swapped back before a copy is written).
const MARK = `%shenbao-source-${randomBytes(8).toString('hex')}-`;
const MARK_LENGTH = MARK.length + 8;

/** The placeholder contents of the `index`th source while the volume is drawn and its body saved. */
export const marker = (index: number): Uint8Array => new TextEncoder().encode(`${MARK}${String(index).padStart(8, '0')}`);

/**
 * Puts a marker where each sourced stream is (before the body is saved with pdf-lib's own
 * writer, which reads every stream's contents); returns the sources, by marker number.
 */
export function markSources(doc: PDFDocument): FileEntry[] {
  const sources: FileEntry[] = [];
  for (const [ref, obj] of doc.context.enumerateIndirectObjects()) {
    if (obj instanceof SourcedStream) doc.context.assign(ref, PDFRawStream.of(obj.dict, marker(sources.push(obj.source) - 1)));
  }
  return sources;
}

/** Images at least this large inside an attachment PDF are read from its file when written. */
export const SOURCED_MIN = 64 * 1024;

/**
 * Makes each large image of a PDF loaded in place a stream of `file`'s bytes where it lies:
 * the copies of its pages then carry no image bytes (they are read as the copy is written).
 */
export function sourceImages(doc: PDFDocument, bytes: Uint8Array, file: FileEntry): void {
  for (const [ref, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFRawStream) || obj.contents.length < SOURCED_MIN || obj.contents.buffer !== bytes.buffer) continue;
    if (obj.dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) continue;
    doc.context.assign(ref, new SourcedStream(obj.dict, sliceOf(file, obj.contents.byteOffset - bytes.byteOffset, obj.contents.length)));
  }
}

const markPrefix = new TextEncoder().encode(MARK);

/** Puts each source's stream where its marker is (a document loaded from a body with markers). */
export function swapSources(doc: PDFDocument, sources: readonly FileEntry[]): void {
  for (const [ref, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFRawStream) || obj.contents.length !== MARK_LENGTH) continue;
    const c = obj.contents;
    if (!markPrefix.every((b, i) => c[i] === b)) continue;
    const index = Number(new TextDecoder().decode(c.subarray(markPrefix.length)));
    const source = sources[index];
    if (!source) throw new Error(`no source ${index} for a marked stream`);
    doc.context.assign(ref, new SourcedStream(obj.dict, source));
  }
}

/** What pdf-lib's writer computes before it writes: the objects in order and the file's size. */
export interface PdfLayout {
  size: number;
  header: PDFObject;
  indirectObjects: [PDFRef, PDFObject][];
  xref?: PDFObject;
  trailerDict?: PDFObject;
  trailer: PDFObject;
}

/** The layout `doc.save()` writes (object streams, as save's default). Compute once, write as often as wanted. */
export async function pdfLayout(doc: PDFDocument): Promise<PdfLayout> {
  await doc.flush();
  const writer = PDFStreamWriter.forContext(doc.context, 50);
  return (writer as unknown as { computeBufferSize(): Promise<PdfLayout> }).computeBufferSize();
}

const CHUNK = 1024 * 1024;
const ascii = (s: string) => new TextEncoder().encode(s);
const OPEN = ascii('\nstream\n');
const CLOSE = ascii('\nendstream');
const END = ascii('\nendobj\n\n');

/**
 * The bytes of a laid-out document in chunks, a source read as its stream comes. Each chunk
 * is new (a consumer may keep it), or with `reuse` one buffer used again (see FileEntry.scan).
 */
export async function* pdfChunks(layout: PdfLayout, reuse = false): AsyncGenerator<Uint8Array> {
  const base = new Uint8Array(CHUNK);
  // With `reuse`, the sources are read through one buffer too.
  const sourceBuf = reuse ? new Uint8Array(CHUNK) : undefined;
  let buf = base;
  let at = 0;
  const room = (n: number) => n <= buf.length - at;
  function* flush(): Generator<Uint8Array> {
    if (at > 0) yield buf.subarray(0, at);
    buf = reuse ? base : new Uint8Array(CHUNK);
    at = 0;
  }
  const put = (bytes: Uint8Array) => {
    buf.set(bytes, at);
    at += bytes.length;
  };

  at += layout.header.copyBytesInto(buf, at);
  put(ascii('\n\n'));
  for (const [ref, object] of layout.indirectObjects) {
    const head = ascii(`${ref.objectNumber} ${ref.generationNumber} obj\n`);
    if (object instanceof SourcedStream) {
      object.updateDict();
      const dictSize = object.dict.sizeInBytes();
      if (!room(head.length + dictSize + OPEN.length)) yield* flush();
      if (!room(head.length + dictSize + OPEN.length)) buf = new Uint8Array(head.length + dictSize + OPEN.length);
      put(head);
      at += object.dict.copyBytesInto(buf, at);
      put(OPEN);
      yield* flush();
      let n = 0;
      for await (const chunk of reuse ? scanChunks(object.source, sourceBuf) : object.source.open()) {
        n += chunk.byteLength;
        if (n > object.source.size) break;
        yield chunk;
      }
      // The layout placed every object after it by this size: a file that changed must not pass.
      if (n !== object.source.size) throw new Error(`${object.source.path} changed while the print volume was written`);
      put(CLOSE);
      put(END);
      continue;
    }
    const size = head.length + object.sizeInBytes() + END.length;
    if (!room(size)) yield* flush();
    if (!room(size)) buf = new Uint8Array(size);
    put(head);
    at += object.copyBytesInto(buf, at);
    put(END);
  }
  for (const tail of [layout.xref, layout.trailerDict]) {
    if (!tail) continue;
    const size = tail.sizeInBytes() + 2;
    if (!room(size)) yield* flush();
    if (!room(size)) buf = new Uint8Array(size);
    at += tail.copyBytesInto(buf, at);
    put(ascii(tail === layout.xref ? '\n' : '\n\n'));
  }
  const size = layout.trailer.sizeInBytes();
  if (!room(size)) yield* flush();
  if (!room(size)) buf = new Uint8Array(size);
  at += layout.trailer.copyBytesInto(buf, at);
  yield* flush();
}
