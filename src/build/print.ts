/**
 * The print set: `print/第1份.pdf` … `第N份.pdf` (identical but for the copy mark on the
 * cover) and `print/书脊.pdf`, the spine label. Built from the unnumbered pages of the
 * rendered forms and the submission's attachments, as loaded.
 */
import { assembleVolumes } from '../assemble/copies.js';
import { volumeMaterials } from '../assemble/parts.js';
import { loadParts } from '../assemble/volume.js';
import type { CheckReport } from '../check/run.js';
import type { Bundle } from '../core/bundle.js';
import { warning, type Diagnostic } from '../core/diagnostic.js';
import type { Progress } from '../core/progress.js';
import { formContext } from '../forms/context.js';
import type { FontSet } from '../render/fonts.js';
import { FIXED_FORMS, type Scheme } from '../scheme/schema.js';
import type { LoadedSubmission } from '../submission/load.js';
import { fingerprintWords, type Fingerprint } from '../package/fingerprint.js';

export interface PrintInput {
  loaded: LoadedSubmission;
  scheme: Scheme;
  report: CheckReport;
  fonts: FontSet;
  /** PDFs of the filled forms, by form id (their own page numbers are left out of the volume). */
  forms: ReadonlyMap<string, Uint8Array>;
  date: Date;
  progress: Progress;
  /** The disc's fingerprint, printed on the contents page and the spine. */
  fingerprint?: Fingerprint;
}

export interface PrintSet {
  bundle: Bundle;
  pages: number;
  spineMm: number;
  diagnostics: Diagnostic[];
}

export async function buildPrintSet(input: PrintInput): Promise<PrintSet> {
  const { loaded, scheme, report, fonts, date } = input;
  const s = loaded.submission;
  const stage = input.progress.stage('print');
  const ctx = formContext(s, scheme, report);
  const materials = volumeMaterials(loaded, scheme);
  const parts = await loadParts(materials, { forms: input.forms, contents: loaded.contents, pdfs: loaded.pdfs });
  const meta = {
    title: `${ctx.formTitle}${ctx.packageKind}`,
    author: s.institution.name,
    subject: `${s.brand.trade} · ${s.county.name}`,
    keywords: scheme.notice,
    date,
  };
  const copies = s.print.copies;
  const { bundle, pages, spineMm } = await assembleVolumes({
    materials,
    parts,
    meta,
    scheme,
    fonts,
    ctx,
    submission: s,
    cover: FIXED_FORMS.volumeCover,
    copies,
    spine: { text: `${s.institution.name}　${s.brand.trade}${ctx.packageKind}`, sheetThickness: s.print.sheetThickness, ...(input.fingerprint && { note: input.fingerprint.short }) },
    ...(input.fingerprint && { disc: fingerprintWords(input.fingerprint) }),
    onCopy: (copy, file) => stage.step(file, copy, copies),
  });
  const diagnostics: Diagnostic[] = [];
  if (spineMm > s.print.maxSpine) {
    diagnostics.push(warning('print.tooThick', { pages, spine: spineMm, max: s.print.maxSpine }, { field: 'print.maxSpine' }));
  }
  stage.done({ copies, pages, spineMm });
  return { bundle, pages, spineMm, diagnostics };
}
