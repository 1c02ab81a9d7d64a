/**
 * The county's print set: its own volume in triplicate (cover with the copy mark, contents,
 * the summary, each recommendation report, each evaluation report, numbered through) and its
 * spine label; beside them the print volumes of every forwarded applicant, as the applicant
 * built them, so one folder holds all the paper that goes to the League.
 */
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { planVolume } from '../assemble/layout.js';
import type { VolumeMaterial } from '../assemble/parts.js';
import { drawSpine, spineWidth } from '../assemble/spine.js';
import { drawVolumeBody, loadParts, pageCounts, withCover } from '../assemble/volume.js';
import { fileEntry, type Bundle } from '../build/bundle.js';
import type { Progress } from '../build/progress.js';
import { fillForm } from '../forms/fill.js';
import type { FontSet } from '../render/fonts.js';
import { renderPdf } from '../render/pdf.js';
import { COUNTY_FORMS, FIXED_FORMS, type Scheme } from '../scheme/schema.js';
import { countyContext, summaryContext, type CountyInfo } from './context.js';
import type { CountyPlan } from './decide.js';
import { applicantBase, type CountyDocument } from './documents.js';

export const PRINT = { applicants: 'print/申报单位' } as const;

export interface CountyPrintInput {
  county: CountyInfo;
  plan: CountyPlan;
  scheme: Scheme;
  fonts: FontSet;
  docs: readonly CountyDocument[];
  bare: ReadonlyMap<string, Uint8Array>;
  date: Date;
  copies: number;
  progress: Progress;
  lang: 'zh' | 'en';
  /** Where each forwarded applicant's bag is (by number), with its volumes. */
  bags: ReadonlyMap<number, { root: string; volumes: string[] }>;
}

export interface CountyPrintSet {
  bundle: Bundle;
  pages: number;
  spineMm: number;
}

export async function buildCountyPrintSet(input: CountyPrintInput): Promise<CountyPrintSet> {
  const { county, plan, scheme, fonts, date } = input;
  const zh = input.lang === 'zh';
  const stage = input.progress.stage(zh ? '打印册' : 'print volumes');
  const ctx = { ...countyContext(county, plan, scheme), ...summaryContext(plan, scheme) };
  const materials: VolumeMaterial[] = input.docs.map((d, i) => ({ number: i + 1, name: d.title, parts: [{ kind: 'form', formId: d.base }] }));
  const parts = await loadParts(materials, '', input.bare);
  const counts = pageCounts(parts);
  const meta = { title: `${county.name}${plan.year}年职业技能培训品牌推荐材料`, author: county.bureau, subject: `${county.name} · ${scheme.countyReview.recipient}`, keywords: scheme.notice, date };
  const render = async (formId: string, extra: object) =>
    PDFDocument.load(await renderPdf(fillForm({ template: scheme.forms[formId]!, ctx: { ...ctx, ...extra }, scheme }), fonts, meta), { updateMetadata: false });

  let contentsPages = 1;
  let vplan = planVolume(materials, counts, contentsPages);
  let contents = await render(FIXED_FORMS.volumeContents, { contents: vplan.contents });
  for (let tries = 0; contents.getPageCount() !== contentsPages && tries < 3; tries++) {
    contentsPages = contents.getPageCount();
    vplan = planVolume(materials, counts, contentsPages);
    contents = await render(FIXED_FORMS.volumeContents, { contents: vplan.contents });
  }
  const body = await drawVolumeBody(vplan, parts, contents, meta);
  const bundle: Bundle = new Map();
  for (let copy = 1; copy <= input.copies; copy++) {
    stage.step(zh ? `第${copy}份` : `copy ${copy}`, copy, input.copies);
    const cover = await render(COUNTY_FORMS.cover, { copy, copies: input.copies });
    if (cover.getPageCount() !== 1) throw new Error(`the county cover template fills ${cover.getPageCount()} pages; it must fit on one`);
    bundle.set(`print/第${copy}份.pdf`, await withCover(body, cover));
  }
  const pages = vplan.pages.length;
  const spine = { pages, sheetThickness: 0.1 };
  bundle.set('print/书脊.pdf', await drawSpine(spine, `${county.name}${plan.year}年职业技能培训品牌推荐材料`, { title: `${meta.title} 书脊`, author: county.bureau, date }));

  // The applicants' own volumes, unchanged.
  for (const p of plan.applicants) {
    const bag = input.bags.get(p.number);
    if (!p.forward || !bag) continue;
    for (const v of bag.volumes) bundle.set(`${PRINT.applicants}/${applicantBase(p)}/${path.posix.basename(v)}`, fileEntry(path.join(bag.root, ...v.split('/'))));
  }
  const spineMm = spineWidth(spine);
  stage.done(zh ? `${input.copies} 份，每份 ${pages} 页` : `${input.copies} copies of ${pages} pages`);
  return { bundle, pages, spineMm };
}
