/**
 * A PDF parsed with every stream's contents a view into its bytes rather than a copy: an
 * attachment too large to keep is looked at without a second copy of its images, and where
 * each stream lies in the file is known (its view's offset: assemble/streamed-pdf.ts).
 */
import { PDFDocument, PDFParser } from '#pdf-lib';

/** Arrays being parsed whose streams are to be views into them, not copies (see loadInPlace). */
const inPlace = new WeakSet<Uint8Array>();
let patched = false;

/**
 * `bytes` parsed as analyze.ts parses a PDF (`throwOnInvalidObject` false: as withCover loads a body), each stream a view into them. pdf-lib's
 * ByteStream, which its parser reads through, is not exported: its `slice` is reached
 * through a parser's instance and changed for such arrays alone. `bytes` must be a whole
 * buffer of its own (pdf-lib reads `bytes.buffer`).
 */
export async function loadInPlace(bytes: Uint8Array, throwOnInvalidObject = true): Promise<PDFDocument> {
  if (!patched) {
    const proto = Object.getPrototypeOf((PDFParser.forBytesWithOptions(new Uint8Array(0)) as unknown as { bytes: object }).bytes) as { slice(this: { bytes: Uint8Array }, s: number, e: number): Uint8Array };
    const slice = proto.slice;
    proto.slice = function (this: { bytes: Uint8Array }, start: number, end: number) {
      return inPlace.has(this.bytes) ? this.bytes.subarray(start, end) : slice.call(this, start, end);
    };
    patched = true;
  }
  inPlace.add(bytes);
  try {
    return await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject });
  } finally {
    inPlace.delete(bytes);
  }
}
