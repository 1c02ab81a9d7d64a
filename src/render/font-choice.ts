/** Which font file serves each role: the submission's `fonts`, else the config file's, else bundled. */
import path from 'node:path';
import type { Config } from '../cli/config.js';
import type { Submission } from '../submission/schema.js';
import { FONT_ROLES, type FontChoice } from './fonts.js';

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
