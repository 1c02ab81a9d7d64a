/**
 * One filled form in one format: the choice of renderer in one place. A PDF comes back
 * twice — page-numbered for the standalone document, and as `pages`, unnumbered, for a
 * print volume that numbers its pages through.
 */
import type { FilledForm } from '../forms/model.js';
import type { FontSet } from './fonts.js';
import type { DocumentMeta } from './meta.js';

export type Format = 'pdf' | 'docx' | 'xlsx';

/** A rendered document; a PDF also as `pages`, without page numbers. */
export interface Rendered {
  bytes: Uint8Array;
  pages?: Uint8Array;
}

/** PDF pages without numbers: the roster by the fast grid path, every other form by pdfmake. */
export async function renderPdf(form: FilledForm, fonts: FontSet, meta: DocumentMeta): Promise<Uint8Array> {
  return form.bigTable ? (await import('./pdf-grid.js')).renderGridPdf(form, fonts, meta) : (await import('./pdf.js')).renderFormPdf(form, fonts, meta);
}

export async function renderFormat(form: FilledForm, format: Format, fonts: FontSet, meta: DocumentMeta): Promise<Rendered> {
  if (format === 'pdf') {
    const pages = await renderPdf(form, fonts, meta);
    return { bytes: form.pageNumbers ? await (await import('./page-numbers.js')).numberPdf(pages, fonts) : pages, pages };
  }
  // Each renderer loads when first asked for: in a build with a render worker, the worker
  // makes the Office files and this thread never loads docx or exceljs; the worker starts
  // on its Office files without waiting for pdfmake and pdfkit to load.
  if (format === 'docx') return { bytes: await (await import('./docx.js')).renderDocx(form, fonts, meta) };
  return { bytes: await (await import('./xlsx.js')).renderXlsx(form, fonts, meta) };
}
