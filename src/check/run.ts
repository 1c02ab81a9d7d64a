/**
 * `check` as a pure function: a loaded submission and a scheme in, a report out. The rules
 * run in the order a clerk reads the report: roster, figures, thresholds, partners,
 * narrative, materials, score.
 */
import { hasErrors, type Diagnostic } from '../core/diagnostic.js';
import { interpretRoster } from '../roster/interpret.js';
import type { Scheme } from '../scheme/schema.js';
import type { LoadedSubmission } from '../submission/load.js';
import { checkClaims } from './claims.js';
import { thresholdFor, type CheckContext } from './context.js';
import { checkBrandClaims, checkEligibility, type Eligibility } from './eligibility.js';
import { deriveFigures, type Figures } from './figures.js';
import { checkDiscNames } from './disc-names.js';
import { checkMaterials, type MaterialReport } from './materials.js';
import { checkRecognition } from './recognition.js';
import { checkNarrative } from './narrative.js';
import { checkGlyphs, type GlyphCoverage } from './glyphs.js';
import { checkPartners } from './partners.js';
import { scoreSubmission, type Score } from './score.js';
import { error } from '../core/diagnostic.js';
import type { Roster } from '../roster/types.js';

export interface CheckReport {
  ok: boolean;
  diagnostics: Diagnostic[];
  figures: Figures | null;
  eligibility: Eligibility | null;
  materials: MaterialReport[];
  score: Score;
  partners: number;
  /** The interpreted roster, for the stages after check (forms, build). */
  roster: Roster | null;
}

/**
 * `coverage` tells which characters no font can draw; without it (tests of other rules,
 * or when fonts could not be loaded) that rule is skipped.
 */
export function checkSubmission(loaded: LoadedSubmission, scheme: Scheme, today: string, coverage?: GlyphCoverage): CheckReport {
  const submission = loaded.submission;
  const ctx: CheckContext = { loaded, submission, scheme, today, diagnostics: [...loaded.diagnostics] };
  ctx.threshold = thresholdFor(scheme, submission);

  if (loaded.roster) {
    const { roster, diagnostics } = interpretRoster(loaded.roster, { scheme, brandTrade: submission.brand.trade, today });
    ctx.roster = roster;
    ctx.diagnostics.push(...diagnostics);
    const subsidisedOnly = ctx.threshold?.keyGroupSubsidisedOnly ?? submission.level !== 'county';
    if (loaded.roster.rows.length > 0) {
      ctx.figures = deriveFigures(roster.trainees, subsidisedOnly);
      if (ctx.figures.trained === 0) ctx.diagnostics.push(error('figures.noTrainees', {}, { file: roster.file }));
    }
  }

  checkBrandClaims(ctx);
  checkClaims(ctx);
  const eligibility = checkEligibility(ctx);
  const partners = checkPartners(ctx);
  checkNarrative(ctx);
  checkRecognition(ctx);
  if (coverage) checkGlyphs(ctx, coverage);
  checkDiscNames(ctx);
  const materials = checkMaterials(ctx);
  const score = scoreSubmission(ctx, eligibility);

  return {
    ok: !hasErrors(ctx.diagnostics),
    diagnostics: ctx.diagnostics,
    figures: ctx.figures ?? null,
    eligibility: eligibility ?? null,
    materials,
    score,
    partners,
    roster: ctx.roster ?? null,
  };
}
