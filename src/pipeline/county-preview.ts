/**
 * The county's decisions and one report, before anything is written: what the page shows
 * while the officer fills county.yaml. The packages are taken in once (intakeAll, as a job);
 * each preview then only decides (pure) and renders the one report asked for.
 */
import { chinaDate } from '../core/clock.js';
import { countBySeverity } from '../core/diagnostic.js';
import type { CountyInfo } from '../county/context.js';
import { decide, type CountyPlan } from '../county/decide.js';
import { fillCountyDocuments } from '../county/documents.js';
import type { Intake } from '../county/intake.js';
import type { LoadedCountyFile } from '../county/load.js';
import { stampDraft } from '../render/draft.js';
import { loadFontSet } from '../render/fonts.js';
import { renderFormat } from '../render/render.js';
import { schemeDirFor } from '../scheme/load.js';
import type { Scheme } from '../scheme/schema.js';
import type { World } from '../world/world.js';
import { fontChoice, loadConfig } from './config.js';
import { countyInfo, readCountyFile } from './county.js';
import type { DraftWords } from './preview.js';
import { schemeIn } from './scheme.js';

export interface CountyDraft {
  county: CountyInfo;
  plan: CountyPlan;
  scheme: Scheme;
  file?: LoadedCountyFile;
}

/** The plan as county.yaml now stands (a Failure when county.yaml has errors, as for `county`). */
export async function countyDraft(world: World, opts: { intakes: readonly Intake[]; cwd: string; county?: string; file?: string }): Promise<CountyDraft> {
  const file = await readCountyFile(world, { file: opts.file, cwd: opts.cwd });
  const scheme = await schemeIn(world, await schemeDirFor(world, file?.data.scheme, opts.cwd));
  const county = countyInfo({ county: opts.county, file: opts.file }, file, opts.intakes, scheme, chinaDate(world.clock.now));
  const plan = decide({ intakes: opts.intakes, county: { name: county.name, date: county.date, populationBand: file?.data.county.populationBand }, file, scheme });
  return { county, plan, scheme, file };
}

/** The report (or evaluation) of applicant `number` as a PDF, marked as a draft while the applicant has errors or is undecided. */
export async function countyReportPreview(world: World, draft: CountyDraft, number: number, words: DraftWords, cwd: string): Promise<{ base: string; bytes: Uint8Array } | undefined> {
  const doc = fillCountyDocuments(draft.county, draft.plan, draft.scheme).find((d) => d.applicant === number);
  if (!doc) return undefined;
  const config = await loadConfig(world, undefined, cwd);
  const fonts = await loadFontSet(world.fonts, fontChoice(undefined, cwd, config));
  const meta = { title: doc.form.title, author: draft.county.bureau, subject: doc.title, keywords: draft.scheme.notice, date: world.clock.now };
  const { bytes } = await renderFormat(doc.form, 'pdf', fonts, meta);
  const applicant = draft.plan.applicants.find((p) => p.number === number)!;
  const errors = countBySeverity(applicant.diagnostics).error;
  return { base: doc.base, bytes: errors > 0 ? await stampDraft(bytes, words.word, words.line(errors), fonts) : bytes };
}
