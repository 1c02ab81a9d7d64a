/**
 * Long answers written piece by piece. A check of a large roster can hold tens of thousands
 * of diagnostics: as one string (then its terminal-safe copy, then its UTF-8 bytes) the report
 * took three times its size at once, over 100 MB for 80,000 of them.
 */
import type { Out } from './terminal.js';

/** The pieces in order, gathered into writes of about 64 K characters. */
export function writePieces(out: Out, pieces: Iterable<string>): void {
  let buf = '';
  for (const p of pieces) {
    buf += p;
    if (buf.length >= 65536) {
      out.write(buf);
      buf = '';
    }
  }
  if (buf) out.write(buf);
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { toJSON?: unknown }).toJSON !== 'function';

/** What JSON.stringify leaves out of an object. */
const omitted = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/**
 * JSON.stringify(value, null, 2), to the byte, in pieces: the top-level object key by key and
 * its arrays item by item. (Items are indented by replacing line breaks, which JSON strings
 * never hold unescaped.) No streaming JSON writer is among the dependencies; this is the
 * one shape the CLI answers in.
 */
export function* jsonPieces(value: unknown): Generator<string> {
  if (!isRecord(value)) {
    yield JSON.stringify(value, null, 2);
    return;
  }
  const entries = Object.entries(value).filter(([, v]) => !omitted(v));
  if (entries.length === 0) {
    yield '{}';
    return;
  }
  for (const [i, [k, v]] of entries.entries()) {
    yield `${i === 0 ? '{' : ','}\n  ${JSON.stringify(k)}: `;
    if (Array.isArray(v) && v.length > 0) {
      for (const [j, item] of v.entries()) yield `${j === 0 ? '[' : ','}\n    ${(omitted(item) ? 'null' : JSON.stringify(item, null, 2)).replace(/\n/g, '\n    ')}`;
      yield '\n  ]';
    } else yield JSON.stringify(v, null, 2).replace(/\n/g, '\n  ');
  }
  yield '\n}';
}
