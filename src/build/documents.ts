/**
 * The documents of a filing: every form of the notice filled from the data and written as
 * PDF and DOCX (the roster also as XLSX), named and numbered as in the material list
 * (01-申请表.pdf, 07-花名册.xlsx), plus the self-score sheet after the list.
 */
import type { CheckReport } from '../check/run.js';
import type { Bundle } from '../core/bundle.js';
import { Failure } from '../core/failure.js';
import { collectGarbage } from '../core/memory.js';
import { pad2 } from '../core/names.js';
import type { Progress } from '../core/progress.js';
import { formContext } from '../forms/context.js';
import { fillForm } from '../forms/fill.js';
import type { FilledForm } from '../forms/model.js';
import type { FontSet } from '../render/fonts.js';
import type { CoverJoiner } from '../assemble/volume.js';
import type { DocumentMeta } from '../render/meta.js';
import { renderFormat, type Format, type Rendered } from '../render/render.js';
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

/** Another thread's help with a build: documents, and the print copies' covers. */
export interface RenderHelper {
  render: DocumentRenderer;
  joinCover: CoverJoiner;
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
  helpers?: readonly DocumentRenderer[];
}

export interface RenderedDocuments {
  /** documents/NN-name.ext → bytes, page-numbered. */
  bundle: Bundle;
  /** The same PDFs without page numbers, by form id, for the print volume. */
  bare: Map<string, Uint8Array>;
}

interface Task {
  doc: FilledDocument;
  format: Format;
  file: string;
}

/**
 * Every document, on this thread and any helpers at once. This thread takes the list from
 * its front (the PDFs, whose renderer the print volume needs loaded here anyway), helpers
 * from its back (XLSX and DOCX first), until they meet. The bundle is filled in the list's
 * order, whoever finished first. A helper that fails for any reason but the document's own
 * (its thread died) hands its documents back and stops; this thread renders the rest.
 */
export async function renderDocuments(docs: readonly FilledDocument[], opts: RenderOptions): Promise<RenderedDocuments> {
  const tasks: Task[] = (['pdf', 'docx', 'xlsx'] as const).flatMap((format) => docs.filter((d) => d.formats.includes(format)).map((doc) => ({ doc, format, file: `${doc.base}.${format}` })));
  const results: Rendered[] = new Array(tasks.length);
  const stage = opts.progress.stage('documents');
  let front = 0;
  let back = tasks.length - 1;
  let finished = 0;
  const returned: number[] = [];
  const render = async (i: number, renderer: DocumentRenderer) => {
    const { doc, format } = tasks[i]!;
    const meta = { title: doc.form.title, author: opts.author, subject: opts.subject, keywords: opts.keywords, date: opts.date };
    results[i] = await renderer(doc.form, format, meta, opts.fonts);
    stage.step(tasks[i]!.file, ++finished, tasks.length);
  };
  const here = async () => {
    for (;;) {
      const i = returned.pop() ?? (front <= back ? front++ : undefined);
      if (i === undefined) return;
      await render(i, renderHere);
      // A big roster leaves a big heap: collected before the next document, not after them all.
      collectGarbage();
    }
  };
  const helper = async (renderer: DocumentRenderer) => {
    while (front <= back) {
      const i = back--;
      try {
        await render(i, renderer);
      } catch (e) {
        if (e instanceof Failure) throw e;
        returned.push(i);
        return;
      }
    }
  };
  // Two documents out at each helper: its next one is in hand when it finishes, rather than
  // waiting for this thread, busy drawing a PDF, to get round to sending it.
  await Promise.all([here(), ...(opts.helpers ?? []).flatMap((h) => [helper(h), helper(h)])]);
  // A helper that stopped after this thread ran out of work left its document behind.
  if (returned.length > 0) await here();
  stage.done({ files: tasks.length });

  const bundle: Bundle = new Map();
  const bare = new Map<string, Uint8Array>();
  tasks.forEach((t, i) => {
    const { bytes, pages } = results[i]!;
    if (pages) bare.set(t.doc.plan.formId, pages);
    bundle.set(`documents/${t.file}`, bytes);
  });
  collectGarbage();
  return { bundle, bare };
}
