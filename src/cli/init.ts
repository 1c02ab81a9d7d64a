/**
 * `shenbao init <dir>`: a submission.yaml skeleton with a comment on every field, a roster
 * template and the attachment folders of the scheme. Refuses to overwrite any file without
 * --force, and then writes nothing at all.
 */
import path from 'node:path';
import { fail, ioFailure } from '../core/failure.js';
import { IoError } from '../core/io.js';
import { ui } from '../i18n/ui.js';
import { initFiles } from '../pipeline/init.js';
import { schemeIn } from '../pipeline/scheme.js';
import { schemeDirFor } from '../scheme/load.js';
import type { Kind, Level } from '../scheme/schema.js';
import { writeFiles } from '../world/node-write.js';
import { EXIT, shown, writeJson, type Cli } from './context.js';
import { paint } from './terminal.js';

export interface InitOptions {
  dir: string;
  kind: Kind;
  level: Level;
  force: boolean;
  scheme?: string;
}

export async function runInit(cli: Cli, opts: InitOptions): Promise<number> {
  const t = ui(cli.lang);
  const dir = path.resolve(cli.cwd, opts.dir);
  const scheme = await schemeIn(cli.world, await schemeDirFor(cli.world, opts.scheme, cli.cwd));
  const { files, folders } = await initFiles(scheme, { kind: opts.kind, level: opts.level, now: cli.world.clock.now, dir: opts.dir, language: cli.lang });
  const existing: string[] = [];
  for (const f of files.keys()) if (await cli.world.stat(path.join(dir, f))) existing.push(shown(cli, path.join(dir, f)));
  if (existing.length > 0 && !opts.force) throw fail('usage', 'usage.exists', { paths: existing });
  try {
    await writeFiles(dir, files, folders);
  } catch (e) {
    if (e instanceof IoError) throw ioFailure(e, true);
    throw e;
  }
  const created = [...files.keys()].map((f) => path.join(opts.dir, f));
  if (cli.json) {
    writeJson(cli, { ok: true, exitCode: EXIT.ok, created, folders, diagnostics: [] });
    return EXIT.ok;
  }
  const { out } = cli;
  for (const f of created) out.write(`${paint(out, 'green', '✓')} ${t.init.created(f)}\n`);
  out.write(`${paint(out, 'green', '✓')} ${t.init.folders(folders.length)}\n`);
  out.write(t.init.next(opts.dir));
  return EXIT.ok;
}
