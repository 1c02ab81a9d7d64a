/**
 * What `check` and `build` share: read the config and the submission, choose the scheme,
 * load the fonts (a check needs them to know which characters can be printed), and run the
 * checks. Failures to read become ReadFailure (exit 3), scheme problems SchemeFailure (exit 2).
 */
import { checkSubmission, type CheckReport } from '../check/run.js';
import { chinaDate, type Clock } from '../core/clock.js';
import { error, type Diagnostic } from '../core/diagnostic.js';
import type { Lang } from '../i18n/lang.js';
import { fontChoice } from '../render/font-choice.js';
import { FontError, fontSet, type FontSet } from '../render/fonts.js';
import type { Scheme } from '../scheme/schema.js';
import { loadSubmission, ReadFailure, type LoadedSubmission } from '../submission/load.js';
import { loadConfig } from './config.js';
import { schemePicker } from './scheme.js';

export interface PrepareOptions {
  dir: string;
  lang: Lang;
  scheme?: string;
  config?: string;
}

export interface Prepared {
  loaded?: LoadedSubmission;
  scheme?: Scheme;
  fonts?: FontSet;
  report?: CheckReport;
  /** Problems with the submission file itself when there is no report. */
  diagnostics: Diagnostic[];
}

export async function prepare(opts: PrepareOptions, clock: Clock): Promise<Prepared> {
  const { config, diagnostics: configProblems } = loadConfig(opts.config);
  if (!config) throw new ReadFailure(configProblems);
  const { loaded, scheme, diagnostics } = await loadSubmission(opts.dir, opts.lang, schemePicker(opts.scheme, opts.lang));
  if (!loaded || !scheme) return { diagnostics };
  let fonts: FontSet;
  try {
    fonts = fontSet(fontChoice(loaded.submission, loaded.dir, config));
  } catch (e) {
    if (e instanceof FontError) throw new ReadFailure([error('font.unreadable', { path: e.file, reason: e.message }, { file: e.file })]);
    throw e;
  }
  const report = checkSubmission(loaded, scheme, chinaDate(clock.now), fonts);
  // The raw roster cells are interpreted now (report.roster); free them for the stages after.
  loaded.roster = undefined;
  return { loaded, scheme, fonts, report, diagnostics: report.diagnostics };
}
