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
import type { DocumentMeta } from '../render/meta.js';
import { renderFormat, type Format, type Rendered } from '../render/render.js';
import { biggestFirst, renderJobs, type DocumentJob, type SharedRenderer } from '../render/shared-jobs.js';
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

/** Renders one filled form in one format with these fonts (on this thread, or on another). */
export type DocumentRenderer = (form: FilledForm, format: Format, meta: DocumentMeta, fonts: FontSet) => Promise<Rendered>;

export type { DocumentJob, SharedRenderer };

/** Another thread's help with a build: its share of the documents. */
export interface RenderHelper {
  share: SharedRenderer;
}

export const renderHere: DocumentRenderer = (form, format, meta, fonts) => renderFormat(form, format, fonts, meta);

export interface RenderOptions {
  fonts: FontSet;
  date: Date;
  author: string;
  subject: string;
  keywords: string;
  progress: Progress;
  /** Renderers on other threads that take documents beside this thread. */
  helpers?: readonly SharedRenderer[];
}

export interface RenderedDocuments {
  /** documents/NN-name.ext → bytes, page-numbered. */
  bundle: Bundle;
  /** The PDFs by form id, for the print volume (which leaves out their page numbers). */
  pdfs: Map<string, Uint8Array>;
}

interface Task {
  doc: FilledDocument;
  format: Format;
  file: string;
}

/**
 * Every document, on this thread and any helpers at once (render/shared-jobs.ts), the biggest
 * PDFs first; the bundle is filled in the list's order, whoever finished first.
 */
export async function renderDocuments(docs: readonly FilledDocument[], opts: RenderOptions): Promise<RenderedDocuments> {
  const tasks: Task[] = (['pdf', 'docx', 'xlsx'] as const).flatMap((format) => docs.filter((d) => d.formats.includes(format)).map((doc) => ({ doc, format, file: `${doc.base}.${format}` })));
  const listed: DocumentJob[] = tasks.map(({ doc, format }) => ({ form: doc.form, format, meta: { title: doc.form.title, author: opts.author, subject: opts.subject, keywords: opts.keywords, date: opts.date } }));
  // `order[k]`: the task that is the k-th job taken.
  const order = biggestFirst(listed);
  const results: Rendered[] = new Array(tasks.length);
  const stage = opts.progress.stage('documents');
  let finished = 0;
  await renderJobs(order.map((i) => listed[i]!), opts.fonts, opts.helpers ?? [], (k, rendered) => {
    results[order[k]!] = rendered;
    stage.step(tasks[order[k]!]!.file, ++finished, tasks.length);
  });
  stage.done({ files: tasks.length });

  const bundle: Bundle = new Map();
  const pdfs = new Map<string, Uint8Array>();
  tasks.forEach((t, i) => {
    const { bytes } = results[i]!;
    if (t.format === 'pdf') pdfs.set(t.doc.plan.formId, bytes);
    bundle.set(`documents/${t.file}`, bytes);
  });
  collectGarbage();
  return { bundle, pdfs };
}
