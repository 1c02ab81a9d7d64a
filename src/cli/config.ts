/**
 * The optional config file, shenbao.config.yaml: settings that belong to a machine rather
 * than to one submission — today the fonts a user owns. Found with --config, else in the
 * current folder. Font paths in it are relative to the config file.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { fontChoiceSchema } from '../submission/schema.js';
import { error, type Diagnostic } from '../core/diagnostic.js';
import { parseSource } from '../core/source.js';
import { zodDiagnostics } from '../core/zod-report.js';

export const CONFIG_NAME = 'shenbao.config.yaml';

const configSchema = z.strictObject({
  fonts: fontChoiceSchema.optional().describe('字体'),
});

export type Config = z.infer<typeof configSchema> & { dir: string };

export function loadConfig(explicit: string | undefined, cwd = process.cwd()): { config?: Config; diagnostics: Diagnostic[] } {
  const file = explicit ? path.resolve(explicit) : path.join(cwd, CONFIG_NAME);
  if (!explicit && !existsSync(file)) return { config: { dir: cwd }, diagnostics: [] };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { diagnostics: [error('file.unreadable', { path: file, reason: (e as Error).message }, { file })] };
  }
  const { source, diagnostics } = parseSource(text, file);
  if (!source) return { diagnostics };
  const parsed = configSchema.safeParse(source.data ?? {}, { reportInput: true });
  if (!parsed.success) return { diagnostics: zodDiagnostics(parsed.error.issues, configSchema, source, 'zh') };
  return { config: { ...parsed.data, dir: path.dirname(file) }, diagnostics: [] };
}
