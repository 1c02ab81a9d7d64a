/**
 * The documents of a filing: every form of the notice filled from the data and written as
 * PDF and DOCX (the roster also as XLSX), named and numbered as in the material list
 * (01-申请表.pdf, 07-花名册.xlsx), plus the self-score sheet after the list.
 */
import type { CheckReport } from '../check/run.js';
import type { Bundle } from '../core/bundle.js';
import { collectGarbage } from '../core/memory.js';
import { pad2 } from '../core/names.js';
import type { Progress } from '../core/progress.js';
import { formContext } from '../forms/context.js';
import { fillForm } from '../forms/fill.js';
import type { FilledForm } from '../forms/model.js';
import type { FontSet } from '../render/fonts.js';
import { renderFormat, type Format } from '../render/render.js';
import { FIXED_FORMS, type Kind, type Scheme } from '../scheme/schema.js';
import type { LoadedSubmission } from '../submission/load.js';

export type { Format };

export interface DocumentPlan {
  /** Material number (1-based), or the number after the list for the score sheet. */
  number: number;
  formId: string;
  /** The material id it belongs to (undefined for the score sheet). */
  material?: string;
}

/** Forms in material order: each material's form, the brief for the material that has one, then the score sheet. */
export function planDocuments(scheme: Scheme, kind: Kind): DocumentPlan[] {
  const list = scheme.materials[kind];
  const plan: DocumentPlan[] = [];
  list.forEach((m, i) => {
    if (m.form) plan.push({ number: i + 1, formId: m.form, material: m.id });
    else if (m.brief) plan.push({ number: i + 1, formId: FIXED_FORMS.brief, material: m.id });
  });
  plan.push({ number: list.length + 1, formId: FIXED_FORMS.scoreSheet });
  return plan;
}

export interface FilledDocument {
  plan: DocumentPlan;
  form: FilledForm;
  /** File name without extension: 02-推荐表 */
  base: string;
  formats: Format[];
}

/** Filling is pure and fast; rendering is where the time goes. */
export function fillDocuments(loaded: LoadedSubmission, scheme: Scheme, report: CheckReport): FilledDocument[] {
  const ctx = formContext(loaded.submission, scheme, report);
  return planDocuments(scheme, loaded.submission.kind).map((plan) => {
    const form = fillForm({ template: scheme.forms[plan.formId]!, ctx, submission: loaded.submission, scheme, brief: loaded.brief?.text });
    return { plan, form, base: `${pad2(plan.number)}-${form.name}`, formats: form.bigTable ? ['pdf', 'docx', 'xlsx'] : ['pdf', 'docx'] };
  });
}

export interface RenderOptions {
  fonts: FontSet;
  date: Date;
  author: string;
  subject: string;
  keywords: string;
  progress: Progress;
}

export interface RenderedDocuments {
  /** documents/NN-name.ext → bytes, page-numbered. */
  bundle: Bundle;
  /** The same PDFs without page numbers, by form id, for the print volume. */
  bare: Map<string, Uint8Array>;
}

export async function renderDocuments(docs: readonly FilledDocument[], opts: RenderOptions): Promise<RenderedDocuments> {
  const bundle: Bundle = new Map();
  const bare = new Map<string, Uint8Array>();
  const total = docs.reduce((n, d) => n + d.formats.length, 0);
  let i = 0;
  for (const format of ['pdf', 'docx', 'xlsx'] as const) {
    const todo = docs.filter((d) => d.formats.includes(format));
    if (todo.length === 0) continue;
    const stage = opts.progress.stage(format);
    for (const d of todo) {
      const file = `${d.base}.${format}`;
      stage.step(file, ++i, total);
      const meta = { title: d.form.title, author: opts.author, subject: opts.subject, keywords: opts.keywords, date: opts.date };
      const { bytes, pages } = await renderFormat(d.form, format, opts.fonts, meta);
      if (pages) bare.set(d.plan.formId, pages);
      bundle.set(`documents/${file}`, bytes);
    }
    stage.done({ files: todo.length });
    collectGarbage();
  }
  return { bundle, bare };
}
