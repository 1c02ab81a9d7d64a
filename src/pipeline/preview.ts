/**
 * One form as the build would make it, for the page's preview: filled from the checked
 * submission and rendered as a page-numbered PDF. While the check finds errors every page is
 * stamped as a draft (in the asker's words), so a preview is never taken for the filing.
 */
import { fillDocuments } from '../build/documents.js';
import { countBySeverity } from '../core/diagnostic.js';
import { stampDraft } from '../render/draft.js';
import { renderFormat } from '../render/render.js';
import { documentMeta } from './build.js';
import type { Checked } from './prepare.js';

export interface PreviewForm {
  formId: string;
  /** The document's file name without extension, as build names it: 02-推荐表. */
  base: string;
  title: string;
}

/** The forms a build of this submission makes, in order. */
export function previewForms(checked: Checked): PreviewForm[] {
  return fillDocuments(checked.loaded, checked.scheme, checked.report).map((d) => ({ formId: d.plan.formId, base: d.base, title: d.form.title }));
}

export interface DraftWords {
  /** The word across each page (草稿). */
  word: string;
  /** The line at the top: why it is a draft. */
  line: (errors: number) => string;
}

export async function previewForm(checked: Checked, formId: string, date: Date, draft: DraftWords): Promise<{ base: string; bytes: Uint8Array } | undefined> {
  const doc = fillDocuments(checked.loaded, checked.scheme, checked.report).find((d) => d.plan.formId === formId);
  if (!doc) return undefined;
  const { bytes } = await renderFormat(doc.form, 'pdf', checked.fonts, { title: doc.form.title, date, ...documentMeta(checked) });
  const errors = countBySeverity(checked.report.diagnostics).error;
  return { base: doc.base, bytes: errors > 0 ? await stampDraft(bytes, draft.word, draft.line(errors), checked.fonts) : bytes };
}
