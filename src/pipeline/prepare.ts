/**
 * Load and check — what `check`, `build`, the county's intake and the page all begin with:
 * read the config and the submission through the World, choose the scheme, load the fonts
 * (a check needs them to know which characters can be printed), and run the checks.
 * Failures to read are a Failure (exit 3), scheme problems a Failure (exit 2).
 */
import { checkSubmission, type CheckReport } from '../check/run.js';
import { chinaDate } from '../core/clock.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { loadFontSet, type FontSet } from '../render/fonts.js';
import type { Scheme } from '../scheme/schema.js';
import { loadSubmission, type LoadedSubmission } from '../submission/load.js';
import type { World } from '../world/world.js';
import { fontChoice, loadConfig } from './config.js';
import { schemePicker } from './scheme.js';

export interface PrepareOptions {
  /** The submission folder (or its submission.yaml). */
  dir: string;
  /** --scheme: a scheme id or folder. */
  scheme?: string;
  /** --config: the config file. */
  config?: string;
  /** Where relative paths and shenbao.config.yaml are looked for (the CLI's current folder). */
  cwd: string;
}

/** A submission that could be read and checked. */
export interface Checked {
  loaded: LoadedSubmission;
  scheme: Scheme;
  fonts: FontSet;
  report: CheckReport;
}

export type Prepared =
  | ({ ok: true } & Checked)
  /** The submission file itself is unusable (syntax or schema): these say why. */
  | { ok: false; diagnostics: Diagnostic[] };

export async function prepare(world: World, opts: PrepareOptions): Promise<Prepared> {
  // The bundled fonts (50 MB) are read while the submission loads, rather than after it; a
  // font that cannot be read is reported by loadFontSet, which asks again.
  for (const file of new Set(Object.values(world.fonts.bundled))) world.fonts.read(file).catch(() => {});
  const config = await loadConfig(world, opts.config, opts.cwd);
  const { loaded, scheme, diagnostics } = await loadSubmission(world, opts.dir, schemePicker(world, opts.scheme, opts.cwd), opts.cwd);
  if (!loaded || !scheme) return { ok: false, diagnostics };
  const fonts = await loadFontSet(world.fonts, fontChoice(loaded.submission, loaded.dir, config));
  const report = checkSubmission(loaded, scheme, chinaDate(world.clock.now), fonts);
  // The raw roster cells are interpreted now (report.roster); free them for the stages after.
  loaded.roster = undefined;
  return { ok: true, loaded, scheme, fonts, report };
}
