/**
 * The county's print set: its own volume in triplicate (cover with the copy mark, contents,
 * the summary, each recommendation report, each evaluation report, numbered through) and its
 * spine label; beside them the print volumes of every forwarded applicant, as the applicant
 * built them, so one folder holds all the paper that goes to the League.
 */
import path from 'node:path';
import { assembleVolumes } from '../assemble/copies.js';
import type { VolumeMaterial } from '../assemble/parts.js';
import { loadParts } from '../assemble/volume.js';
import { fileEntry, type Bundle } from '../build/bundle.js';
import type { Progress } from '../build/progress.js';
import type { FontSet } from '../render/fonts.js';
import { COUNTY_FORMS, type Scheme } from '../scheme/schema.js';
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
  const meta = { title: `${county.name}${plan.year}年职业技能培训品牌推荐材料`, author: county.bureau, subject: `${county.name} · ${scheme.countyReview.recipient}`, keywords: scheme.notice, date };
  const { bundle, pages, spineMm } = await assembleVolumes({
    materials,
    parts,
    meta,
    scheme,
    fonts,
    ctx,
    cover: COUNTY_FORMS.cover,
    copies: input.copies,
    spine: { text: meta.title, sheetThickness: 0.1 },
    onCopy: (copy) => stage.step(zh ? `第${copy}份` : `copy ${copy}`, copy, input.copies),
  });

  // The applicants' own volumes, unchanged.
  for (const p of plan.applicants) {
    const bag = input.bags.get(p.number);
    if (!p.forward || !bag) continue;
    for (const v of bag.volumes) bundle.set(`${PRINT.applicants}/${applicantBase(p)}/${path.posix.basename(v)}`, fileEntry(path.join(bag.root, ...v.split('/'))));
  }
  stage.done(zh ? `${input.copies} 份，每份 ${pages} 页` : `${input.copies} copies of ${pages} pages`);
  return { bundle, pages, spineMm };
}
