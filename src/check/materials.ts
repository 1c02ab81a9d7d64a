/**
 * Completeness (办法第七条（一）, 第十二条（一）): every material of the kind is present, and
 * every file it names exists inside the folder, is non-empty and holds what its slot
 * accepts (judged by its bytes).
 */
import { countedTrainees } from '../roster/counted.js';
import { error, warning, type Diagnostic } from '../core/diagnostic.js';
import type { Term } from '../core/term.js';
import type { MaterialDef } from '../scheme/schema.js';
import { fileDiagnostics } from '../submission/file-problems.js';
import { at, type CheckContext } from './context.js';
import { checkBrief } from './brief.js';
import { ROSTER_FORMS } from '../scheme/schema.js';

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

export { fileDiagnostics } from '../submission/file-problems.js';

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

  const rs = ctx.submission.roster;
  const rosterFile = typeof rs === 'string' ? rs : rs && 'file' in rs ? rs.file : undefined;
  /** What the roster itself says is wrong (a file that cannot be read, a .xls, rows with errors). */
  const rosterProblems = () =>
    ctx.diagnostics.filter((d) => d.code.startsWith('roster.') && (rosterFile ? d.location.file === rosterFile : true) && !d.code.startsWith('roster.employed.'));
  if (m.form === ROSTER_FORMS.trainees) {
    // The roster form is filled from the roster: the material is as sound as the roster.
    if (rs === undefined) problems.push(error('roster.missing', {}, at(ctx)));
    for (const f of loaded.files.filter((x) => x.path === rosterFile)) problems.push(...fileDiagnostics(f));
    if (problems.length === 0) problems.push(...rosterProblems());
  }
  if (m.form === ROSTER_FORMS.employed) {
    // The employment roster is filled from the roster's employed trainees; without them it is empty.
    const employed = countedTrainees(ctx.roster?.trainees ?? []).filter((t) => t.employed).length;
    if (ctx.roster && employed === 0) problems.push(error('employment.none', {}, rosterFile ? { file: rosterFile } : at(ctx, 'roster')));
    problems.push(...ctx.diagnostics.filter((d) => d.code.startsWith('roster.employed.')));
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
      // Folders named for the slot that hold nothing were said so when loading: that is why the material is missing.
      const empty = ctx.diagnostics.filter((d) => d.code === 'file.emptyFolder' && d.location.field?.startsWith(`attachments.${slotId}[`));
      if (empty.length) problems.push(...empty);
      else problems.push(error('material.missing', { material: m.name, slot: slot.name, slotId }, at(ctx, 'attachments', slotId)));
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
  // A material's problems include what was already said of its files and its roster: each is said once.
  const said = new Set(ctx.diagnostics);
  for (const r of reports) for (const d of r.problems) if (!said.has(d)) (said.add(d), ctx.diagnostics.push(d));

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
