/**
 * What is wrong with one file a submission names, from the facts gathered while loading:
 * missing, outside the folder, empty, of a type its slot does not take, a PDF or scan that
 * cannot be used, a scan of too low a resolution. Used by the check, the loader's partial
 * pass and the county's intake.
 */
import { error, warning, type Diagnostic } from '../core/diagnostic.js';
import { typeOfExtension } from '../core/sniff.js';
import { MIN_DPI, placeImage } from '../paper/placement.js';
import type { AttachmentType } from '../scheme/schema.js';
import { MAX_FILE_BYTES, type FileFact } from './files.js';

/** Problems with one referenced file, if any. */
export function fileDiagnostics(f: FileFact, accepted?: readonly AttachmentType[]): Diagnostic[] {
  const where = { ...f.where, field: f.where.field };
  switch (f.status) {
    case 'missing': return [error('file.missing', { path: f.path }, where)];
    case 'outside': return [error('file.outside', { path: f.path }, where)];
    case 'empty': return [error('file.empty', { path: f.path }, where)];
    case 'notFile': return [error('file.notFile', { path: f.path }, where)];
    case 'unreadable': return [error('file.unreadable', { path: f.path, reason: f.reason ?? 'denied' }, where)];
    case 'tooLarge': return [error('file.tooLarge', { path: f.path, size: f.size, max: MAX_FILE_BYTES }, where)];
    case 'ok': break;
  }
  if (accepted && !(accepted as readonly string[]).includes(f.content)) {
    return [error('file.wrongType', { path: f.path, expected: [...accepted], actual: f.content }, where)];
  }
  switch (f.problem) {
    case 'encrypted': return [error('pdf.encrypted', { path: f.path }, where)];
    case 'noPages': return [error('pdf.noPages', { path: f.path }, where)];
    case 'broken': return [error(f.content === 'pdf' ? 'pdf.broken' : 'image.broken', { path: f.path }, where)];
    default: break;
  }
  const out: Diagnostic[] = [];
  if (f.pixels) {
    const { dpi } = placeImage(f.pixels);
    if (dpi < MIN_DPI) out.push(warning('image.lowResolution', { path: f.path, dpi: Math.round(dpi), min: MIN_DPI }, where));
  }
  const promised = typeOfExtension(f.path);
  if (promised && promised !== f.content) out.push(warning('file.extensionMismatch', { path: f.path, actual: f.content }, where));
  return out;
}
