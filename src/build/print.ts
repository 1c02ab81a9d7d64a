/**
 * The print set: `print/第1份.pdf` … `第N份.pdf` (identical but for the copy mark on the
 * cover) and `print/书脊.pdf`, the spine label. Built from the unnumbered pages of the
 * rendered forms and the submission's attachments.
 */
import { assembleVolumes } from '../assemble/copies.js';
import { volumeMaterials } from '../assemble/parts.js';
import { loadParts } from '../assemble/volume.js';
import type { CheckReport } from '../check/run.js';
import { warning, type Diagnostic } from '../core/diagnostic.js';
import { formContext } from '../forms/context.js';
import type { FontSet } from '../render/fonts.js';
import { FIXED_FORMS, type Scheme } from '../scheme/schema.js';
import type { LoadedSubmission } from '../submission/load.js';
import type { Bundle } from './bundle.js';
import type { Progress } from './progress.js';

export interface PrintInput {
  loaded: LoadedSubmission;
  scheme: Scheme;
  report: CheckReport;
  fonts: FontSet;
  /** Unnumbered PDFs of the filled forms, by form id. */
  forms: ReadonlyMap<string, Uint8Array>;
  date: Date;
  progress: Progress;
  lang: 'zh' | 'en';
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
  const zh = input.lang === 'zh';
  const stage = input.progress.stage(zh ? '打印册' : 'print volumes');
  const ctx = formContext(s, scheme, report);
  const materials = volumeMaterials(loaded, scheme);
  const parts = await loadParts(materials, loaded.dir, input.forms);
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
    spine: { text: `${s.institution.name}　${s.brand.trade}${ctx.packageKind}`, sheetThickness: s.print.sheetThickness },
    onCopy: (copy) => stage.step(zh ? `第${copy}份` : `copy ${copy}`, copy, copies),
  });
  const diagnostics: Diagnostic[] = [];
  if (spineMm > s.print.maxSpine) {
    diagnostics.push(warning('print.tooThick', { pages, spine: String(spineMm), max: String(s.print.maxSpine) }, { field: 'print.maxSpine' }));
  }
  stage.done(zh ? `${copies} 份，每份 ${pages} 页，书脊 ${spineMm} mm` : `${copies} copies of ${pages} pages, spine ${spineMm} mm`);
  return { bundle, pages, spineMm, diagnostics };
}
