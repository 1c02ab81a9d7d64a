/**
 * The `shenbao` command. This file only parses the command line and dispatches; each
 * command lives in its own file, loaded only when it runs (building pulls in pdfmake, docx,
 * exceljs and archiver, which `check` and `verify` do not need). Every run ends here with
 * the documented exit code: a Failure's diagnostics (or, with --json, a JSON answer) for
 * what the user or the scheme got wrong, a short bug report for anything else — never a
 * stack trace unless SHENBAO_DEBUG is set.
 */
import { writeFileSync } from 'node:fs';
import yargs from 'yargs';
import { error } from '../core/diagnostic.js';
import { EXIT, fail, Failure } from '../core/failure.js';
import { closest } from '../core/suggest.js';
import { VERSION } from '../core/version.js';
import type { Lang } from '../i18n/lang.js';
import { ui } from '../i18n/ui.js';
import { KINDS, LEVELS, type Kind, type Level } from '../scheme/schema.js';
import { nodeWorld } from '../world/node.js';
import { reportFailure, type Cli } from './context.js';
import type { Timing } from './progress.js';
import { stderr, stdout, type Out } from './terminal.js';

/** The language is needed before yargs runs (for its own messages), so it is read early. */
export function detectLang(args: readonly string[], env: Readonly<Record<string, string | undefined>>): Lang {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--lang' && (args[i + 1] === 'en' || args[i + 1] === 'zh')) return args[i + 1] as Lang;
    if (a === '--lang=en') return 'en';
    if (a === '--lang=zh') return 'zh';
  }
  return env.SHENBAO_LANG === 'en' ? 'en' : 'zh';
}

/** For `npm run bench`: SHENBAO_TIMINGS=<file> receives the stage times and peak memory. */
function writeTimings(timings: readonly Timing[], file: string | undefined): void {
  if (!file) return;
  const cpu = process.cpuUsage();
  // CPU time covers every thread of the process, so cpuMs ÷ wall time shows how many cores worked.
  writeFileSync(file, JSON.stringify({ stages: timings, maxRssKb: process.resourceUsage().maxRSS, cpuMs: (cpu.user + cpu.system) / 1000 }));
}

export const COMMANDS = ['init', 'check', 'build', 'verify', 'county', 'serve'];

/** An unknown command gets a message of our own (yargs mixes languages and drops the name). */
function unknownCommand(args: readonly string[]): Failure | undefined {
  const first = args[0];
  if (first === undefined || first.startsWith('-') || COMMANDS.includes(first)) return undefined;
  return fail('usage', 'usage.unknownCommand', { name: first, suggestion: closest(first, COMMANDS) ?? '', commands: COMMANDS });
}

/** Where a run reads its environment and prints: the process's own, or a test's. */
export interface Process {
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  out: Out;
  err: Out;
  columns?: number;
  /** Ends a long-running command (serve); the process's own stops on Ctrl+C. */
  signal?: AbortSignal;
}

const thisProcess = (): Process => ({ env: process.env, cwd: process.cwd(), out: stdout(), err: stderr(), columns: process.stdout.columns });

export async function main(args: string[], proc: Process = thisProcess()): Promise<number> {
  const lang = detectLang(args, proc.env);
  const h = ui(lang).help;
  const cli: Cli = {
    world: nodeWorld({ env: proc.env }),
    out: proc.out,
    err: proc.err,
    lang,
    json: args.includes('--json'),
    quiet: args.includes('--quiet') || args.includes('-q'),
    cwd: proc.cwd,
  };
  const timings: Timing[] = [];
  let code: number = EXIT.ok;
  try {
    const unknown = unknownCommand(args);
    if (unknown) throw unknown;
    const parser = yargs(args)
      .scriptName('shenbao')
      .locale(lang === 'zh' ? 'zh_CN' : 'en')
      .usage(h.usage)
      .option('lang', { choices: ['zh', 'en'] as const, default: 'zh' as const, describe: h.lang })
      .option('scheme', { type: 'string', describe: h.scheme })
      .option('config', { type: 'string', describe: h.config })
      .option('json', { type: 'boolean', default: false, describe: h.json })
      .command(
        'init <dir>',
        h.init,
        (y) =>
          y
            .positional('dir', { type: 'string', demandOption: true, describe: h.initDir })
            .option('kind', { choices: KINDS, default: 'application' as Kind, describe: h.initKind })
            .option('level', { choices: LEVELS, default: 'league' as Level, describe: h.initLevel })
            .option('force', { type: 'boolean', default: false, describe: h.initForce })
            .example(`$0 init ${h.exampleDir}`, h.initExample1)
            .example(`$0 init ${h.exampleReview} --kind review`, h.initExample2),
        async (a) => {
          const { runInit } = await import('./init.js');
          code = await runInit(cli, { dir: a.dir, kind: a.kind, level: a.level, force: a.force, scheme: a.scheme });
        },
      )
      .command(
        'check [dir]',
        h.check,
        (y) =>
          y
            .positional('dir', { type: 'string', default: '.', describe: h.dir })
            .option('strict', { type: 'boolean', default: false, describe: h.strict })
            .example('$0 check data/example', h.checkExample1)
            .example(`$0 check ${h.exampleDir} --json`, h.checkExample2),
        async (a) => {
          const { runCheck } = await import('./check.js');
          code = await runCheck(cli, { dir: a.dir, strict: a.strict, scheme: a.scheme, config: a.config });
        },
      )
      .command(
        'build [dir]',
        h.build,
        (y) =>
          y
            .positional('dir', { type: 'string', default: '.', describe: h.dir })
            .option('out', { type: 'string', default: 'output', describe: h.out })
            .option('force', { type: 'boolean', default: false, describe: h.buildForce })
            .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: h.quiet })
            .example('$0 build data/example', h.buildExample1)
            .example(`$0 build ${h.exampleDir} --out ${h.exampleOut}`, h.buildExample2),
        async (a) => {
          const { runBuild } = await import('./build.js');
          code = await runBuild(cli, { dir: a.dir, out: a.out, force: a.force, scheme: a.scheme, config: a.config }, timings);
        },
      )
      .command(
        'verify <target>',
        h.verify,
        (y) =>
          y
            .positional('target', { type: 'string', demandOption: true, describe: h.verifyTarget })
            .example(`$0 verify ${h.exampleIso}`, h.verifyExample1)
            .example('$0 verify E:/', h.verifyExample2),
        async (a) => {
          const { runVerify } = await import('./verify.js');
          code = await runVerify(cli, a.target);
        },
      )
      .command(
        'county <packages..>',
        h.county,
        (y) =>
          y
            .positional('packages', { type: 'string', array: true, demandOption: true, describe: h.countyPackages })
            .option('county', { type: 'string', describe: h.countyName })
            .option('file', { type: 'string', describe: h.countyFile })
            .option('out', { type: 'string', default: 'output', describe: h.out })
            .option('jobs', { type: 'number', describe: h.countyJobs })
            .option('force', { type: 'boolean', default: false, describe: h.countyForce })
            .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: h.quiet })
            .example(`$0 county init ${h.exampleInbox}`, h.countyExample1)
            .example(`$0 county ${h.exampleInbox}`, h.countyExample2)
            .example('$0 county a.zip b.iso c/ --county 乌兰浩特市', h.countyExample3),
        async (a) => {
          const packages = a.packages.map(String);
          const { runCountyCommand, runCountyInitCommand } = await import('./county.js');
          const common = { county: a.county, file: a.file, jobs: a.jobs, scheme: a.scheme, config: a.config };
          code = packages[0] === 'init'
            ? await runCountyInitCommand(cli, { ...common, packages: packages.slice(1), force: a.force })
            : await runCountyCommand(cli, { ...common, packages, out: a.out }, timings);
        },
      )
      .command(
        'serve [workspace]',
        h.serve,
        (y) =>
          y
            .positional('workspace', { type: 'string', default: '.', describe: h.serveDir })
            .option('port', { type: 'number', default: 8765, describe: h.servePort })
            .option('host', { type: 'string', default: '127.0.0.1', describe: h.serveHost })
            .option('open', { type: 'boolean', default: true, describe: h.serveOpen })
            .option('max-upload', { type: 'number', describe: h.serveMaxUpload })
            .example('$0 serve', h.serveExample1)
            .example('$0 serve D:/申报 --no-open', h.serveExample2),
        async (a) => {
          const { runServe } = await import('./serve.js');
          code = await runServe(cli, { workspace: a.workspace, port: a.port, host: a.host, open: a.open, maxUploadMb: a['max-upload'] }, proc.signal);
        },
      )
      .demandCommand(1, h.demandCommand)
      .strictCommands()
      .strictOptions()
      .recommendCommands()
      .exitProcess(false)
      .fail((msg, e) => {
        if (e) throw e;
        throw fail('usage', 'usage.invalid', { detail: msg });
      })
      .epilog(h.epilog)
      .help()
      .alias('h', 'help')
      .version(VERSION)
      .alias('v', 'version')
      .wrap(Math.min(100, proc.columns ?? 100));
    await parser.parseAsync();
  } catch (e) {
    if (e instanceof Failure) code = reportFailure(cli, e);
    else {
      const detail = e instanceof Error ? e.message : String(e);
      code = reportFailure(cli, new Failure('internal', [error('internal.bug', { detail })]));
      if (proc.env.SHENBAO_DEBUG) cli.err.write(`${(e as Error).stack ?? ''}\n`);
    }
  }
  writeTimings(timings, proc.env.SHENBAO_TIMINGS);
  return code;
}
