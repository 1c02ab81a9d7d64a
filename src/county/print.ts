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
import type { Bundle } from '../core/bundle.js';
import type { Progress } from '../core/progress.js';
import type { FontSet } from '../render/fonts.js';
import { COUNTY_FORMS, type Scheme } from '../scheme/schema.js';
import { countyContext, countyTitle, summaryContext, type CountyInfo } from './context.js';
import type { CountyPlan } from './decide.js';
import type { ForwardedBag } from './disc.js';
import { applicantBase, type CountyDocument } from './documents.js';

export const PRINT = { applicants: 'print/申报单位' } as const;

export interface CountyPrintInput {
  county: CountyInfo;
  plan: CountyPlan;
  scheme: Scheme;
  fonts: FontSet;
  docs: readonly CountyDocument[];
  pdfs: ReadonlyMap<string, Uint8Array>;
  date: Date;
  copies: number;
  progress: Progress;
  /** Each forwarded applicant's bag (by number), with its volumes. */
  bags: ReadonlyMap<number, ForwardedBag>;
}

export interface CountyPrintSet {
  bundle: Bundle;
  pages: number;
  spineMm: number;
}

export async function buildCountyPrintSet(input: CountyPrintInput): Promise<CountyPrintSet> {
  const { county, plan, scheme, fonts, date } = input;
  const stage = input.progress.stage('print');
  const ctx = { ...countyContext(county, plan, scheme), ...summaryContext(plan, scheme) };
  const materials: VolumeMaterial[] = input.docs.map((d, i) => ({ number: i + 1, name: d.title, parts: [{ kind: 'form', formId: d.base }] }));
  const parts = await loadParts(materials, { forms: input.pdfs });
  const meta = { title: countyTitle(county, plan, scheme), author: county.bureau, subject: `${county.name} · ${scheme.countyReview.recipient}`, keywords: scheme.notice, date };
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
    onCopy: (copy, file) => stage.step(file, copy, input.copies),
  });

  // The applicants' own volumes, unchanged.
  for (const p of plan.applicants) {
    const bag = input.bags.get(p.number);
    if (!p.forward || !bag) continue;
    for (const v of bag.volumes) bundle.set(`${PRINT.applicants}/${applicantBase(p)}/${path.posix.basename(v)}`, bag.files.get(v)!.entry);
  }
  stage.done({ copies: input.copies, pages });
  return { bundle, pages, spineMm };
}
