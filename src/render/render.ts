/**
 * One filled form in one format: the choice of renderer in one place. A PDF is numbered
 * 1…n as a document; a print volume that takes its pages leaves those numbers out
 * (pdfkit-page-numbers.ts) and numbers its pages through.
 */
import type { FilledForm } from '../forms/model.js';
import type { FontSet } from './fonts.js';
import type { DocumentMeta } from './meta.js';

export type Format = 'pdf' | 'docx' | 'xlsx';

/** A rendered document. */
export interface Rendered {
  bytes: Uint8Array;
}

/** A form's PDF: the roster by the fast grid path, every other form by pdfmake. */
export async function renderPdf(form: FilledForm, fonts: FontSet, meta: DocumentMeta): Promise<Uint8Array> {
  return form.bigTable ? (await import('./pdf-grid.js')).renderGridPdf(form, fonts, meta) : (await import('./pdf.js')).renderFormPdf(form, fonts, meta);
}

export async function renderFormat(form: FilledForm, format: Format, fonts: FontSet, meta: DocumentMeta): Promise<Rendered> {
  if (format === 'pdf') return { bytes: await renderPdf(form, fonts, meta) };
  // Each renderer loads when first asked for: in a build with a render worker, the worker
  // makes the Office files and this thread never loads docx or exceljs; the worker starts
  // on its Office files without waiting for pdfmake and pdfkit to load.
  if (format === 'docx') return { bytes: await (await import('./docx.js')).renderDocx(form, fonts, meta) };
  return { bytes: await (await import('./xlsx.js')).renderXlsx(form, fonts, meta) };
}
