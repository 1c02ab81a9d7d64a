/**
 * The county's own documents: the summary table (PDF and XLSX), a recommendation report per
 * recommended application and an evaluation result report per review (PDF and DOCX), named
 * NN-机构-工种 after the applicant's number in the summary, in folders named after the forms.
 * Filling is pure; rendering is the same PDF/DOCX/XLSX renderers as the applicants' forms.
 */
import { createHash } from 'node:crypto';
import type { Bundle } from '../core/bundle.js';
import { fileNamePart, pad2 } from '../core/names.js';
import type { Progress } from '../core/progress.js';
import { fillForm } from '../forms/fill.js';
import type { FilledForm } from '../forms/model.js';
import type { FontSet } from '../render/fonts.js';
import type { DocumentMeta } from '../render/meta.js';
import { renderFormat, type Format } from '../render/render.js';
import { biggestFirst, renderJobs, type DocumentJob, type SharedRenderer } from '../render/shared-jobs.js';
import { COUNTY_FORMS, type Scheme } from '../scheme/schema.js';
import { countyContext, evaluationContext, reportContext, summaryContext, titleLinesOf, type CountyInfo } from './context.js';
import type { ApplicantPlan, CountyPlan } from './decide.js';

export interface CountyDocument {
  /** documents/… path without extension. */
  base: string;
  /** The name in the print volume's contents. */
  title: string;
  form: FilledForm;
  formats: Format[];
  applicant?: number;
}

/** The folders of the reports, named as their forms are (推荐报告, 评价结果报告, 信用承诺书), and the summary's file. */
export function countyNames(scheme: Scheme) {
  return {
    reports: scheme.forms[COUNTY_FORMS.report]!.name,
    evaluations: scheme.forms[COUNTY_FORMS.evaluation]!.name,
    pledges: scheme.forms[COUNTY_FORMS.pledge]!.name,
    summary: scheme.forms[COUNTY_FORMS.summary]!.name,
  };
}

export function applicantBase(p: ApplicantPlan): string {
  const a = p.intake.applicant!;
  return `${pad2(p.number)}-${fileNamePart(a.institution)}-${fileNamePart(a.trade)}`;
}

/** The report an applicant gets from the county, if any: documents/<folder>/<base>. */
export function reportOf(p: ApplicantPlan, scheme: Scheme): { folder: string; base: string } | undefined {
  if (!p.intake.applicant) return undefined;
  const names = countyNames(scheme);
  const folder = p.decision === 'recommend' ? names.reports : p.decision === 'review' ? names.evaluations : undefined;
  return folder ? { folder, base: `${folder}/${applicantBase(p)}` } : undefined;
}

/** The pledge copy a recommended applicant gets in the county's volume, if any: documents/<base>. */
export function pledgeOf(p: ApplicantPlan, scheme: Scheme): { base: string } | undefined {
  if (p.decision !== 'recommend' || !p.intake.applicant?.pledge) return undefined;
  return { base: `${countyNames(scheme).pledges}/${applicantBase(p)}` };
}

/**
 * The pledge (信用承诺书) a recommended project carries in the county's volume (办法第七条（二）：
 * 所推荐的项目均需附《信用承诺书》，并加盖推荐单位公章): the applicant's own form as its package
 * prints it, followed by the recommending unit's seal (forms/county-pledge.yaml).
 */
export function pledgeCopy(pledge: FilledForm, seal: FilledForm): FilledForm {
  const blocks = [...pledge.blocks];
  // The seal keeps with the one before it, as 承诺人 and 主管部门公章 do (forms/fill.ts keepTogether).
  const last = blocks.at(-1);
  if (last?.type === 'seal' && last.lines.length) blocks[blocks.length - 1] = { ...last, lines: [...last.lines.slice(0, -1), { ...last.lines.at(-1)!, keepWithNext: true }] };
  else if (last?.type === 'para') blocks[blocks.length - 1] = { ...last, para: { ...last.para, keepWithNext: true } };
  return { ...pledge, id: seal.id, blocks: [...blocks, ...seal.blocks] };
}

/** Fills each county form of the run: the summary from the whole plan, the rest applicant by applicant (applicantDocuments). */
function filler(county: CountyInfo, plan: CountyPlan, scheme: Scheme) {
  const common = countyContext(county, plan, scheme);
  const names = countyNames(scheme);
  const fill = (id: string, ctx: object) => fillForm({ template: scheme.forms[id]!, ctx: { ...common, ...ctx }, scheme });
  const report = (p: ApplicantPlan, formId: string, ctx: object): CountyDocument => {
    const a = p.intake.applicant!;
    const r = reportOf(p, scheme)!;
    return { base: r.base, title: `${r.folder}：${a.institution}（${a.trade}）`, form: fill(formId, ctx), formats: ['pdf', 'docx'], applicant: p.number };
  };
  return {
    summary(): CountyDocument {
      const summary = summaryContext(plan, scheme);
      return { base: names.summary, title: names.summary, form: fill(COUNTY_FORMS.summary, { ...summary, titleLines: titleLinesOf(COUNTY_FORMS.summary, { ...common, ...summary }, scheme, [county.name]) }), formats: ['pdf', 'xlsx'] };
    },
    /** A recommendation with its pledge after it, as its attachment; a review's evaluation; nothing for the rest. */
    applicant(p: ApplicantPlan): CountyDocument[] {
      if (p.decision === 'review') return [report(p, COUNTY_FORMS.evaluation, evaluationContext(p, scheme, county))];
      if (p.decision !== 'recommend') return [];
      const ctx = reportContext(p, scheme, county);
      const docs = [report(p, COUNTY_FORMS.report, ctx)];
      const a = p.intake.applicant!;
      const pledge = pledgeOf(p, scheme);
      if (pledge && a.pledge) {
        docs.push({ base: pledge.base, title: `${names.pledges}：${a.institution}（${a.trade}）`, form: pledgeCopy(a.pledge, fill(COUNTY_FORMS.pledge, ctx)), formats: ['pdf'], applicant: p.number });
      }
      return docs;
    },
  };
}

/** The summary, then each recommendation report with its pledge, then each evaluation report. */
export function fillCountyDocuments(county: CountyInfo, plan: CountyPlan, scheme: Scheme): CountyDocument[] {
  const f = filler(county, plan, scheme);
  const of = (decision: ApplicantPlan['decision']) => plan.applicants.filter((p) => p.decision === decision).flatMap((p) => f.applicant(p));
  return [f.summary(), ...of('recommend'), ...of('review')];
}

/** One applicant's documents, as fillCountyDocuments fills them (`p` is one of `plan`'s applicants). */
export function applicantDocuments(county: CountyInfo, plan: CountyPlan, p: ApplicantPlan, scheme: Scheme): CountyDocument[] {
  return filler(county, plan, scheme).applicant(p);
}

export interface RenderOptions {
  fonts: FontSet;
  date: Date;
  author: string;
  keywords: string;
}

/** One document in each of its formats: the files by format. */
export interface RenderedDocument {
  /** documentKey of what was rendered. */
  key: string;
  files: Partial<Record<Format, Uint8Array>>;
}

const metaOf = (d: CountyDocument, opts: Omit<RenderOptions, 'fonts'>): DocumentMeta => ({ title: d.form.title, author: opts.author, subject: d.title, keywords: opts.keywords, date: opts.date });

/**
 * Everything a document's bytes are made from but the fonts: the same key, the same bytes.
 * A document rendered ahead (ahead.ts: before the whole plan was known) is used only where
 * the plan fills it to the same key.
 */
export function documentKey(d: CountyDocument, opts: Omit<RenderOptions, 'fonts'>): string {
  return createHash('sha256').update(JSON.stringify([d.base, d.formats, d.form, metaOf(d, opts)])).digest('base64url');
}

export async function renderCountyDocument(d: CountyDocument, opts: RenderOptions, onFormat: (format: Format) => void = () => {}): Promise<RenderedDocument> {
  const meta = metaOf(d, opts);
  const out: RenderedDocument = { key: documentKey(d, opts), files: {} };
  for (const format of d.formats) {
    onFormat(format);
    out.files[format] = (await renderFormat(d.form, format, opts.fonts, meta)).bytes;
  }
  return out;
}

export interface RenderedCounty {
  /** documents/<base>.<ext> → bytes (PDF page-numbered). */
  bundle: Bundle;
  /** The PDFs by base, for the print volume (which leaves out their page numbers). */
  pdfs: Map<string, Uint8Array>;
}

/**
 * `ready`: documents rendered ahead, by base; each is used where its key is the document's,
 * the rest are rendered here and on `helpers` (a render worker), the biggest first.
 */
export async function renderCountyDocuments(
  docs: readonly CountyDocument[],
  opts: RenderOptions & { progress: Progress; ready?: ReadonlyMap<string, RenderedDocument>; helpers?: readonly SharedRenderer[] },
): Promise<RenderedCounty> {
  const stage = opts.progress.stage('countyDocuments');
  const total = docs.reduce((n, d) => n + d.formats.length, 0);
  let i = 0;
  const made = new Map<CountyDocument, RenderedDocument>();
  const todo: { d: CountyDocument; format: Format }[] = [];
  for (const d of docs) {
    const ahead = opts.ready?.get(d.base);
    // The key hashes the whole filled form (the summary's runs to pages): made once.
    const key = documentKey(d, opts);
    if (ahead && ahead.key === key) {
      made.set(d, ahead);
      for (const format of d.formats) stage.step(`${d.base}.${format}`, ++i, total);
    } else {
      made.set(d, { key, files: {} });
      for (const format of d.formats) todo.push({ d, format });
    }
  }
  const listed: DocumentJob[] = todo.map(({ d, format }) => ({ form: d.form, format, meta: metaOf(d, opts) }));
  const order = biggestFirst(listed);
  await renderJobs(order.map((k) => listed[k]!), opts.fonts, opts.helpers ?? [], (k, r) => {
    const { d, format } = todo[order[k]!]!;
    made.get(d)!.files[format] = r.bytes;
    stage.step(`${d.base}.${format}`, ++i, total);
  });
  const bundle: Bundle = new Map();
  const pdfs = new Map<string, Uint8Array>();
  for (const d of docs) {
    const r = made.get(d)!;
    if (r.files.pdf) pdfs.set(d.base, r.files.pdf);
    for (const format of d.formats) bundle.set(`documents/${d.base}.${format}`, r.files[format]!);
  }
  stage.done({ documents: docs.length });
  return { bundle, pdfs };
}
