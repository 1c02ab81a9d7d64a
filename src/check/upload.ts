/**
 * Judging a file a clerk uploads for an attachment slot, by its bytes, as the check would
 * judge it once it is in the folder: refused when it is not a type the slot takes, cannot
 * be opened (encrypted, broken, no pages) or is not what its name says; kept with a warning
 * when it is only too coarse to print well.
 */
import { error, type Diagnostic } from '../core/diagnostic.js';
import { sniff } from '../core/sniff.js';
import { fileDiagnostics } from './materials.js';
import type { AttachmentType } from '../scheme/schema.js';
import { analyzeFiles } from '../submission/analyze.js';
import type { FileFact } from '../submission/files.js';

export type UploadVerdict =
  | { ok: true; fact: FileFact; warnings: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

/** Warnings that still refuse an upload: a name that lies about the content would mislead every reader of the disc. */
const REFUSING_WARNINGS = new Set(['file.extensionMismatch']);

export async function judgeUpload(name: string, bytes: Uint8Array, accepted: readonly AttachmentType[]): Promise<UploadVerdict> {
  const where = { file: name };
  if (bytes.byteLength === 0) return { ok: false, diagnostics: [error('file.empty', { path: name }, where)] };
  const fact: FileFact = { path: name, where, status: 'ok', size: bytes.byteLength, content: sniff(bytes) };
  await analyzeFiles([fact], new Map([[name, bytes]]));
  const found = fileDiagnostics(fact, accepted);
  const refusing = found.filter((d) => d.severity === 'error' || REFUSING_WARNINGS.has(d.code));
  if (refusing.length) return { ok: false, diagnostics: refusing };
  return { ok: true, fact, warnings: found };
}
