/**
 * What every command is given: the World, where to print, the language, whether to answer
 * in JSON, and the current folder. Commands map their options to a pipeline call, print what
 * came back and choose the exit code; only they and the writer touch the terminal and disk.
 */
import path from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { EXIT, ioFailure, type Failure } from '../core/failure.js';
import { IoError } from '../core/io.js';
import { probeOutput } from '../world/node-write.js';
import { diagnosticJson } from '../i18n/format.js';
import type { Lang } from '../i18n/lang.js';
import { renderDiagnostics } from '../report/check.js';
import type { World } from '../world/world.js';
import { painter, type Out } from './terminal.js';
import { jsonPieces, writePieces } from './write.js';

export interface Cli {
  world: World;
  out: Out;
  err: Out;
  lang: Lang;
  json: boolean;
  quiet: boolean;
  cwd: string;
}

/** A path as the user would like to see it: relative to the current folder when it is inside it. */
export function shown(cli: Cli, p: string): string {
  const rel = path.relative(cli.cwd, p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

export function writeJson(cli: Cli, value: unknown): void {
  writePieces(cli.out, jsonPieces(value));
  cli.out.write('\n');
}

export const diagnosticsJson = (cli: Cli, list: readonly Diagnostic[]) => list.map((d) => diagnosticJson(d, cli.lang));

/** A run that stopped: its diagnostics on stderr (or the JSON answer on stdout), and its exit code. */
export function reportFailure(cli: Cli, f: Failure): number {
  if (cli.json) writeJson(cli, { ok: false, exitCode: f.exitCode, diagnostics: diagnosticsJson(cli, f.diagnostics) });
  else cli.err.write(renderDiagnostics(f.diagnostics, cli.lang, painter(cli.err)));
  return f.exitCode;
}

export { EXIT };

/**
 * An output folder (--out) that cannot be made is said before the seconds of building, not
 * after them (a Failure, exit 3).
 */
export async function outputWritable(cli: Cli, out: string): Promise<void> {
  try {
    await probeOutput(path.resolve(cli.cwd, out));
  } catch (e) {
    if (e instanceof IoError) throw ioFailure(e, true);
    throw e;
  }
}
