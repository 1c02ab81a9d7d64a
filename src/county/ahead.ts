/**
 * An applicant's county documents (its recommendation report and pledge copy, or its
 * evaluation report) rendered as soon as its package is taken in, while the other packages
 * still are. The decisions need every package (a duplicate, the year of the set), so they are
 * made here as if the applicant were alone; the run uses a document rendered ahead only where
 * its plan for the whole set fills the same form to the same key (documents.ts documentKey),
 * and renders the others then. Either way the bytes are those of the plan for the whole set.
 */
import type { CountyInfo } from './context.js';
import { decide } from './decide.js';
import { applicantDocuments, renderCountyDocument, type RenderedDocument, type RenderOptions } from './documents.js';
import type { Intake } from './intake.js';
import type { LoadedCountyFile } from './load.js';
import type { Scheme } from '../scheme/schema.js';

export interface Ahead {
  /** The county as the run names it before any package is read (--county, county.yaml). */
  county: CountyInfo;
  file?: LoadedCountyFile;
  scheme: Scheme;
  render: RenderOptions;
}

/** The documents of the applicant of `it`, by base, as the plan of that applicant alone fills them. */
export async function renderAhead(it: Intake, ahead: Ahead): Promise<[base: string, RenderedDocument][]> {
  if (!it.applicant) return [];
  const { county, file, scheme } = ahead;
  const alone = decide({ intakes: [it], county: { name: county.name, date: county.date, populationBand: file?.data.county.populationBand }, file, scheme });
  // The applicant keeps its number in the whole set (its documents are named after it).
  const p = { ...alone.applicants[0]!, number: it.index + 1 };
  const out: [string, RenderedDocument][] = [];
  for (const d of applicantDocuments(county, { ...alone, applicants: [p] }, p, scheme)) out.push([d.base, await renderCountyDocument(d, ahead.render)]);
  return out;
}
