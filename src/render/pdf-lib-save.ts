/**
 * pdf-lib writes a stream's contents into the saved file one byte at a time (PDFStream's
 * copyBytesInto is a JavaScript loop). A print volume carries every scan three times over,
 * so that loop was a tenth of a build's time. The same bytes are copied here with one
 * `set` — the file is byte-for-byte what pdf-lib writes. Imported by the files that save.
 */
import { PDFStream } from '#pdf-lib';

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
