/**
 * The county's own documents: the summary table (PDF and XLSX), a recommendation report per
 * recommended application and an evaluation result report per review (PDF and DOCX), named
 * NN-机构-工种 after the applicant's number in the summary, in folders named after the forms.
 * Filling is pure; rendering is the same PDF/DOCX/XLSX renderers as the applicants' forms.
 */
import type { Bundle } from '../core/bundle.js';
import { fileNamePart, pad2 } from '../core/names.js';
import type { Progress } from '../core/progress.js';
import { fillForm } from '../forms/fill.js';
import type { FilledForm } from '../forms/model.js';
import type { FontSet } from '../render/fonts.js';
import { renderFormat, type Format } from '../render/render.js';
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

export function fillCountyDocuments(county: CountyInfo, plan: CountyPlan, scheme: Scheme): CountyDocument[] {
  const common = countyContext(county, plan, scheme);
  const summary = summaryContext(plan, scheme);
  const names = countyNames(scheme);
  const fill = (id: string, ctx: object) => fillForm({ template: scheme.forms[id]!, ctx: { ...common, ...ctx }, scheme });
  const docs: CountyDocument[] = [{ base: names.summary, title: names.summary, form: fill(COUNTY_FORMS.summary, { ...summary, titleLines: titleLinesOf(COUNTY_FORMS.summary, { ...common, ...summary }, scheme, [county.name]) }), formats: ['pdf', 'xlsx'] }];
  const add = (p: ApplicantPlan, formId: string, ctx: object) => {
    const a = p.intake.applicant!;
    const report = reportOf(p, scheme)!;
    docs.push({ base: report.base, title: `${report.folder}：${a.institution}（${a.trade}）`, form: fill(formId, ctx), formats: ['pdf', 'docx'], applicant: p.number });
  };
  // Each report with its pledge after it, as its attachment.
  for (const p of plan.applicants) {
    if (p.decision !== 'recommend') continue;
    const ctx = reportContext(p, scheme, county);
    add(p, COUNTY_FORMS.report, ctx);
    const a = p.intake.applicant!;
    const pledge = pledgeOf(p, scheme);
    if (pledge && a.pledge) {
      const seal = fill(COUNTY_FORMS.pledge, ctx);
      docs.push({ base: pledge.base, title: `${names.pledges}：${a.institution}（${a.trade}）`, form: pledgeCopy(a.pledge, seal), formats: ['pdf'], applicant: p.number });
    }
  }
  for (const p of plan.applicants) if (p.decision === 'review') add(p, COUNTY_FORMS.evaluation, evaluationContext(p, scheme, county));
  return docs;
}

export interface RenderedCounty {
  /** documents/<base>.<ext> → bytes (PDF page-numbered). */
  bundle: Bundle;
  /** The PDFs without page numbers, by base, for the print volume. */
  bare: Map<string, Uint8Array>;
}

export async function renderCountyDocuments(
  docs: readonly CountyDocument[],
  opts: { fonts: FontSet; date: Date; author: string; keywords: string; progress: Progress },
): Promise<RenderedCounty> {
  const stage = opts.progress.stage('countyDocuments');
  const bundle: Bundle = new Map();
  const bare = new Map<string, Uint8Array>();
  const total = docs.reduce((n, d) => n + d.formats.length, 0);
  let i = 0;
  for (const d of docs) {
    const meta = { title: d.form.title, author: opts.author, subject: d.title, keywords: opts.keywords, date: opts.date };
    for (const format of d.formats) {
      stage.step(`${d.base}.${format}`, ++i, total);
      const { bytes, pages } = await renderFormat(d.form, format, opts.fonts, meta);
      if (pages) bare.set(d.base, pages);
      bundle.set(`documents/${d.base}.${format}`, bytes);
    }
  }
  stage.done({ documents: docs.length });
  return { bundle, bare };
}
