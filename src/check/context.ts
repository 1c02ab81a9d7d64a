/**
 * The one value every check rule reads: the loaded submission, the scheme, the interpreted
 * roster and its figures, and the list rules push diagnostics into. Rules are small named
 * functions over it (see run.ts), each pure apart from pushing diagnostics.
 */
import type { Diagnostic, Location } from '../core/diagnostic.js';
import { locate } from '../core/source.js';
import type { Roster } from '../roster/types.js';
import type { Scheme, ThresholdRow } from '../scheme/schema.js';
import type { LoadedSubmission } from '../submission/load.js';
import type { Submission } from '../submission/schema.js';
import type { Figures } from './figures.js';

export interface CheckContext {
  loaded: LoadedSubmission;
  submission: Submission;
  scheme: Scheme;
  /** YYYY-MM-DD, China time, from the run's clock. */
  today: string;
  roster?: Roster;
  figures?: Figures;
  /** The threshold row of the level (and population band) applied for. */
  threshold?: ThresholdRow;
  diagnostics: Diagnostic[];
}

export function at(ctx: CheckContext, ...path: PropertyKey[]): Location {
  return locate(ctx.loaded.source, path);
}

export function thresholdFor(scheme: Scheme, s: Submission): ThresholdRow | undefined {
  return scheme.thresholds.find(
    (t) => t.level === s.level && (s.level !== 'county' || t.population === s.county.populationBand),
  );
}
