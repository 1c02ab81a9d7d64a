/**
 * Completeness (办法第七条（一）, 第十二条（一）): every material of the kind is present, and
 * every file it names exists inside the folder, is non-empty and holds what its slot
 * accepts (judged by its bytes).
 */
import { error, warning, type Diagnostic } from '../core/diagnostic.js';
import { typeOfExtension } from '../core/sniff.js';
import type { Term } from '../core/term.js';
import type { AttachmentType, MaterialDef } from '../scheme/schema.js';
import type { FileFact } from '../submission/files.js';
import { at, type CheckContext } from './context.js';
import { checkBrief } from './brief.js';
import { MIN_DPI, placeImage } from '../paper/placement.js';
import { MAX_FILE_BYTES } from '../submission/files.js';

export type MaterialStatus = 'ok' | 'warning' | 'error';

export interface MaterialReport {
  number: number;
  id: string;
  name: string;
  ref: string;
  status: MaterialStatus;
  /** Filled in by shenbao from the data (a form). */
  generated: boolean;
  /** Attached files counted for this material. */
  files: number;
  /** Brief length in 字数, where the material has one. */
  chars?: number;
  /** The diagnostics that concern this material. */
  problems: Diagnostic[];
}

/** The kind of filing as the scheme names it, in both languages. */
export const kindTerm = (ctx: CheckContext): Term => ({ zh: ctx.scheme.kinds[ctx.submission.kind].name, en: ctx.scheme.kinds[ctx.submission.kind].en });

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

function statusOf(problems: Diagnostic[]): MaterialStatus {
  if (problems.some((d) => d.severity === 'error')) return 'error';
  if (problems.some((d) => d.severity === 'warning')) return 'warning';
  return 'ok';
}

function checkMaterial(ctx: CheckContext, m: MaterialDef, number: number): MaterialReport {
  const { scheme, loaded } = ctx;
  const problems: Diagnostic[] = [];
  let files = 0;
  let chars: number | undefined;

  if (m.form === 'roster') {
    // The roster form is filled from the roster; its file (if any) must be sound.
    const rs = ctx.submission.roster;
    if (rs === undefined) problems.push(error('roster.missing', {}, at(ctx)));
    const rosterFile = typeof rs === 'string' ? rs : rs && 'file' in rs ? rs.file : undefined;
    for (const f of loaded.files.filter((x) => x.path === rosterFile)) problems.push(...fileDiagnostics(f));
  }
  if (m.brief) {
    const before = ctx.diagnostics.length;
    chars = checkBrief(ctx, m.brief.maxChars);
    problems.push(...ctx.diagnostics.splice(before));
    if (chars === undefined) {
      const briefFile = loaded.submission.brief;
      const fileFact = typeof briefFile === 'object' ? loaded.files.find((x) => x.path === briefFile.file) : undefined;
      if (fileFact && fileFact.status !== 'ok') problems.push(...fileDiagnostics(fileFact));
      else problems.push(error('brief.missing', {}, at(ctx, 'brief')));
    }
  }
  for (const slotId of m.slots) {
    const slot = scheme.slots[slotId]!;
    const facts = loaded.attachments[slotId] ?? [];
    if (facts.length === 0) {
      problems.push(error('material.missing', { material: m.name, slot: slot.name, slotId }, at(ctx, 'attachments', slotId)));
    }
    for (const f of facts) {
      const d = fileDiagnostics(f, slot.types);
      problems.push(...d);
      if (!d.some((x) => x.severity === 'error')) files++;
    }
  }
  for (const kind of m.partnerFiles) {
    ctx.submission.partners.forEach((p, i) => {
      const fact = loaded.partners[i]?.[kind];
      if (kind === 'particulars' && !fact) {
        problems.push(error('partners.particularsMissing', { name: p.name }, at(ctx, 'partners', i)));
        return;
      }
      if (!fact) return; // a partner without an agreement simply does not count (see partners.ts)
      const d = fileDiagnostics(fact, ['pdf', 'jpeg', 'png']);
      problems.push(...d);
      if (!d.some((x) => x.severity === 'error')) files++;
    });
  }
  return { number, id: m.id, name: m.name, ref: m.ref, status: statusOf(problems), generated: m.form !== undefined, files, chars, problems };
}

export function checkMaterials(ctx: CheckContext): MaterialReport[] {
  const { scheme, submission } = ctx;
  const list = scheme.materials[submission.kind];
  const reports = list.map((m, i) => checkMaterial(ctx, m, i + 1));
  for (const r of reports) ctx.diagnostics.push(...r.problems);

  // Attachment slots the scheme does not know, or that this kind does not bind.
  const used = new Set(list.flatMap((m) => m.slots));
  for (const key of Object.keys(ctx.loaded.attachments)) {
    if (!(key in scheme.slots)) {
      ctx.diagnostics.push(error('attachment.unknownSlot', { key, options: Object.keys(scheme.slots) }, at(ctx, 'attachments', key)));
    } else if (!used.has(key)) {
      ctx.diagnostics.push(warning('attachment.notForKind', { key, kind: kindTerm(ctx) }, at(ctx, 'attachments', key)));
    }
  }
  return reports;
}
