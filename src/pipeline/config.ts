/**
 * The optional config file, shenbao.config.yaml: settings that belong to a machine rather
 * than to one submission — today the fonts a user owns. Found with --config, else in the
 * current folder. Font paths in it are relative to the config file; a submission's own
 * `fonts` win over it.
 */
import path from 'node:path';
import { z } from 'zod';
import { Failure, ioFailure } from '../core/failure.js';
import { IoError } from '../core/io.js';
import { parseSource } from '../core/source.js';
import { label, zodDiagnostics } from '../core/zod-report.js';
import { FONT_ROLES, type FontChoice } from '../render/fonts.js';
import { fontChoiceSchema, type Submission } from '../submission/schema.js';
import { readText, type World } from '../world/world.js';

export const CONFIG_NAME = 'shenbao.config.yaml';

const configSchema = z.strictObject({
  fonts: fontChoiceSchema.optional().meta(label('字体', 'fonts')),
});

export type Config = z.infer<typeof configSchema> & { dir: string };

/** The config, or none; a config that cannot be read or is wrong is a Failure (exit 3). */
export async function loadConfig(world: World, explicit: string | undefined, cwd: string): Promise<Config> {
  const file = explicit ? path.resolve(cwd, explicit) : path.join(cwd, CONFIG_NAME);
  if (!explicit && (await world.stat(file)) === undefined) return { dir: cwd };
  let text: string;
  try {
    text = await readText(world, file);
  } catch (e) {
    throw ioFailure(e as IoError);
  }
  const { source, diagnostics } = parseSource(text, file);
  if (!source) throw new Failure('io', diagnostics);
  const parsed = configSchema.safeParse(source.data ?? {}, { reportInput: true });
  if (!parsed.success) throw new Failure('io', zodDiagnostics(parsed.error.issues, configSchema, source));
  return { ...parsed.data, dir: path.dirname(file) };
}

/** Which font file serves each role: the submission's `fonts`, else the config file's, else bundled. */
export function fontChoice(submission: Submission | undefined, submissionDir: string, config: Config | undefined): FontChoice {
  const out: FontChoice = {};
  for (const role of FONT_ROLES) {
    const own = submission?.fonts?.[role];
    const shared = config?.fonts?.[role];
    if (own) out[role] = path.resolve(submissionDir, own);
    else if (shared) out[role] = path.resolve(config!.dir, shared);
  }
  return out;
}
