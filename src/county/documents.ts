/**
 * The county's own documents: the summary table (PDF and XLSX), a recommendation report per
 * recommended application and an evaluation result report per review (PDF and DOCX), named
 * NN-机构-工种 after the applicant's number in the summary. Filling is pure; rendering is
 * the same PDF/DOCX/XLSX renderers as the applicants' forms.
 */
import type { Bundle } from '../build/bundle.js';
import type { Progress } from '../build/progress.js';
import { pad2, renderFormat, type Format } from '../build/documents.js';
import { fileNamePart } from '../build/write.js';
import { fillForm } from '../forms/fill.js';
import type { FilledForm } from '../forms/model.js';
import type { FontSet } from '../render/fonts.js';
import { COUNTY_FORMS, type Scheme } from '../scheme/schema.js';
import { countyContext, evaluationContext, reportContext, summaryContext, type CountyInfo } from './context.js';
import type { ApplicantPlan, CountyPlan } from './decide.js';

export const COUNTY_DIR = { reports: '推荐报告', evaluations: '评价结果报告' } as const;

export interface CountyDocument {
  /** documents/… path without extension. */
  base: string;
  /** The name in the print volume's contents. */
  title: string;
  form: FilledForm;
  formats: Format[];
  applicant?: number;
}

export function applicantBase(p: ApplicantPlan): string {
  const a = p.intake.applicant!;
  return `${pad2(p.number)}-${fileNamePart(a.institution)}-${fileNamePart(a.trade)}`;
}

export function fillCountyDocuments(county: CountyInfo, plan: CountyPlan, scheme: Scheme): CountyDocument[] {
  const common = countyContext(county, plan, scheme);
  const summary = summaryContext(plan, scheme);
  const fill = (id: string, ctx: object) => fillForm({ template: scheme.forms[id]!, ctx: { ...common, ...ctx }, scheme });
  const docs: CountyDocument[] = [
    { base: '汇总表', title: '申报汇总表', form: fill(COUNTY_FORMS.summary, summary), formats: ['pdf', 'xlsx'] },
  ];
  for (const p of plan.applicants) {
    const a = p.intake.applicant;
    if (p.decision === 'recommend') {
      docs.push({
        base: `${COUNTY_DIR.reports}/${applicantBase(p)}`,
        title: `推荐报告：${a!.institution}（${a!.trade}）`,
        form: fill(COUNTY_FORMS.report, reportContext(p, scheme)),
        formats: ['pdf', 'docx'],
        applicant: p.number,
      });
    }
  }
  for (const p of plan.applicants) {
    const a = p.intake.applicant;
    if (p.decision === 'review') {
      docs.push({
        base: `${COUNTY_DIR.evaluations}/${applicantBase(p)}`,
        title: `评价结果报告：${a!.institution}（${a!.trade}）`,
        form: fill(COUNTY_FORMS.evaluation, evaluationContext(p, scheme)),
        formats: ['pdf', 'docx'],
        applicant: p.number,
      });
    }
  }
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
  opts: { fonts: FontSet; date: Date; author: string; keywords: string; progress: Progress; lang: 'zh' | 'en' },
): Promise<RenderedCounty> {
  const zh = opts.lang === 'zh';
  const stage = opts.progress.stage(zh ? '旗县市文书' : 'county documents');
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
  stage.done(zh ? `${docs.length} 份` : `${docs.length} document(s)`);
  return { bundle, bare };
}
