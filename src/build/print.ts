/**
 * The print set: `print/第1份.pdf` … `第N份.pdf` (identical but for the copy mark on the
 * cover) and `print/书脊.pdf`, the spine label. Built from the unnumbered pages of the
 * rendered forms and the submission's attachments.
 */
import { PDFDocument } from 'pdf-lib';
import { drawSpine, spineWidth } from '../assemble/spine.js';
import { planVolume } from '../assemble/layout.js';
import { volumeMaterials } from '../assemble/parts.js';
import { drawVolumeBody, loadParts, pageCounts, withCover } from '../assemble/volume.js';
import type { CheckReport } from '../check/run.js';
import { warning, type Diagnostic } from '../core/diagnostic.js';
import { formContext } from '../forms/context.js';
import { fillForm } from '../forms/fill.js';
import type { FontSet } from '../render/fonts.js';
import { renderPdf } from '../render/pdf.js';
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
  const counts = pageCounts(parts);
  const meta = {
    title: `${ctx.formTitle}${ctx.packageKind}`,
    author: s.institution.name,
    subject: `${s.brand.trade} · ${s.county.name}`,
    keywords: scheme.notice,
    date,
  };
  const render = async (formId: string, extra: object) => {
    const form = fillForm({ template: scheme.forms[formId]!, ctx: { ...ctx, ...extra } as typeof ctx, submission: s, scheme });
    return PDFDocument.load(await renderPdf(form, fonts, meta), { updateMetadata: false });
  };

  // The contents list the first page of each material, which depends on how long the contents are.
  let contentsPages = 1;
  let plan = planVolume(materials, counts, contentsPages);
  let contents = await render(FIXED_FORMS.volumeContents, { contents: plan.contents });
  for (let tries = 0; contents.getPageCount() !== contentsPages && tries < 3; tries++) {
    contentsPages = contents.getPageCount();
    plan = planVolume(materials, counts, contentsPages);
    contents = await render(FIXED_FORMS.volumeContents, { contents: plan.contents });
  }

  const bundle: Bundle = new Map();
  const copies = s.print.copies;
  const body = await drawVolumeBody(plan, parts, contents, meta);
  for (let copy = 1; copy <= copies; copy++) {
    stage.step(zh ? `第${copy}份` : `copy ${copy}`, copy, copies);
    const cover = await render(FIXED_FORMS.volumeCover, { copy, copies });
    // A cover template that runs onto a second page would lose its end: say so rather than print it.
    if (cover.getPageCount() !== 1) throw new Error(`the volume cover template fills ${cover.getPageCount()} pages; it must fit on one`);
    bundle.set(`print/第${copy}份.pdf`, await withCover(body, cover));
  }
  const pages = plan.pages.length;
  const spine = { pages, sheetThickness: s.print.sheetThickness };
  bundle.set('print/书脊.pdf', await drawSpine(spine, `${s.institution.name}　${s.brand.trade}${ctx.packageKind}`, { title: `${meta.title} 书脊`, author: meta.author, date }));
  const spineMm = spineWidth(spine);
  const diagnostics: Diagnostic[] = [];
  if (spineMm > s.print.maxSpine) {
    diagnostics.push(warning('print.tooThick', { pages, spine: String(spineMm), max: String(s.print.maxSpine) }, { field: 'print.maxSpine' }));
  }
  stage.done(zh ? `${copies} 份，每份 ${pages} 页，书脊 ${spineMm} mm` : `${copies} copies of ${pages} pages, spine ${spineMm} mm`);
  return { bundle, pages, spineMm, diagnostics };
}
