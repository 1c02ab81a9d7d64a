/**
 * The `shenbao` command. This file only parses the command line and dispatches; each
 * command lives in its own file, loaded only when it runs (building pulls in pdfmake, docx,
 * and exceljs, which `check` and `verify` do not need). Every run ends here with
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
import { KINDS, LEVELS, type Kind, type Level } from '../scheme/ids.js';
import { nodeWorld } from '../world/node.js';
import type { Cli } from './context.js';
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

/**
 * The command line as yargs should see it: `shenbao help [command…]` is `shenbao [command…]
 * --help`, and `county init` is a command of its own (`county-init`, hidden), so that
 * `county init --help` shows its own options and usage.
 */
export function normalizeArgs(args: readonly string[]): string[] {
  const a = args[0] === 'help' ? [...args.slice(1), '--help'] : [...args];
  return a[0] === 'county' && a[1] === 'init' ? ['county-init', ...a.slice(2)] : a;
}

/**
 * yargs' Chinese strings that still carry English words (缺少 non-option 参数), in the words
 * of our own messages.
 */
const YARGS_ZH: Record<string, string | { one: string; other: string }> = {
  'Not enough non-option arguments: got %s, need at least %s': { one: '缺少参数：给了 %s 个，至少要 %s 个', other: '缺少参数：给了 %s 个，至少要 %s 个' },
  'Too many non-option arguments: got %s, maximum of %s': { one: '参数太多：给了 %s 个，最多 %s 个', other: '参数太多：给了 %s 个，最多 %s 个' },
  'Positionals:': '参数：',
  'Did you mean %s?': '是不是 %s？',
};

/** The commands' positional arguments, which yargs lists among the described options. */
const POSITIONALS = ['dir', 'target', 'packages', 'workspace'];

/** Options on the command line that the command does not have, with the closest it does. */
function unknownOption(args: readonly string[], known: readonly string[]): Failure | undefined {
  for (const a of args) {
    if (a === '--') break;
    const m = /^--?(?:no-)?([^=]+)/.exec(a);
    if (!m || /^-\d/.test(a)) continue;
    const name = m[1]!;
    // Single-dash clusters (-q) are short aliases; yargs knows them all when it got this far.
    if (!a.startsWith('--') && name.length === 1) continue;
    if (!known.includes(name)) {
      const options = [...new Set(known)].filter((k) => k.length > 1 && !/[A-Z]/.test(k) && !POSITIONALS.includes(k)).map((k) => `--${k}`);
      return fail('usage', 'usage.unknownOption', { name: a.split('=')[0]!, suggestion: closest(`--${name}`, options) ?? '', options });
    }
  }
  return undefined;
}

/** The options that take a value: given last, or followed by another option, they have none. */
const VALUED = ['--out', '--scheme', '--config', '--county', '--file', '--jobs', '--port', '--host', '--max-upload', '--kind', '--level', '--lang'];

function missingValue(args: readonly string[]): void {
  args.forEach((a, i) => {
    const next = args[i + 1];
    if (VALUED.includes(a) && (next === undefined || /^--?[a-z]/i.test(next))) throw fail('usage', 'usage.missingValue', { option: a });
  });
}

/** An option that takes a value was given none (`--out` at the end, `--out --force`). */
function need(value: string | undefined, option: string): string | undefined {
  if (value !== undefined && value.trim() === '') throw fail('usage', 'usage.missingValue', { option });
  return value;
}

/** A whole number of at least `min`, or a usage error naming the option (`--jobs 0`). */
function count(value: number | undefined, option: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < min || value > max) throw fail('usage', 'usage.badNumber', { option, given: String(value), min, max: max === Number.MAX_SAFE_INTEGER ? 0 : max });
  return value;
}

/** The command a usage error is about, for the hint (shenbao build --help). */
function commandOf(args: readonly string[]): string {
  const c = args.find((a) => !a.startsWith('-'));
  return c === 'county-init' ? 'county init' : c && COMMANDS.includes(c) ? c : '';
}

/** An unknown command gets a message of our own (yargs mixes languages and drops the name). */
function unknownCommand(args: readonly string[]): Failure | undefined {
  const first = args[0];
  if (first === undefined || first.startsWith('-') || COMMANDS.includes(first) || first === 'county-init') return undefined;
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

export async function main(given: string[], proc: Process = thisProcess()): Promise<number> {
  const args = normalizeArgs(given);
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
    missingValue(args);
    const parser = yargs(args)
      .scriptName('shenbao')
      .locale(lang === 'zh' ? 'zh_CN' : 'en')
      .updateStrings((lang === 'zh' ? YARGS_ZH : {}) as Record<string, string>) // y18n takes { one, other } for plurals
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
          code = await runCheck(cli, { dir: a.dir, strict: a.strict, scheme: need(a.scheme, '--scheme'), config: need(a.config, '--config') });
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
          // The second core's renderer starts first: it loads its modules while this thread
          // loads the build's and checks the submission.
          const { startRenderWorker } = await import('../pipeline/render-pool.js');
          const helper = startRenderWorker();
          const { runBuild } = await import('./build.js');
          code = await runBuild(cli, { dir: a.dir, out: need(a.out, '--out')!, force: a.force, scheme: need(a.scheme, '--scheme'), config: need(a.config, '--config') }, timings, helper);
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
            .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: h.quiet })
            .example(`$0 county init ${h.exampleInbox}`, h.countyExample1)
            .example(`$0 county ${h.exampleInbox}`, h.countyExample2)
            .example('$0 county a.zip b.iso c/ --county 乌兰浩特市', h.countyExample3),
        async (a) => {
          const common = { county: need(a.county, '--county'), file: need(a.file, '--file'), jobs: count(a.jobs, '--jobs', 1, 64), scheme: need(a.scheme, '--scheme'), config: need(a.config, '--config') };
          const { runCountyCommand } = await import('./county.js');
          code = await runCountyCommand(cli, { ...common, packages: a.packages.map(String), out: need(a.out, '--out')! }, timings);
        },
      )
      // `shenbao county init …` (normalizeArgs): hidden under its own name, shown in county's help.
      .command(
        'county-init [packages..]',
        false,
        (y) =>
          y
            .usage(h.countyInitUsage)
            .positional('packages', { type: 'string', array: true, describe: h.countyPackages })
            .option('county', { type: 'string', describe: h.countyName })
            .option('file', { type: 'string', describe: h.countyFile })
            .option('jobs', { type: 'number', describe: h.countyJobs })
            .option('force', { type: 'boolean', default: false, describe: h.countyForce })
            .example(`$0 county init ${h.exampleInbox}`, h.countyExample1),
        async (a) => {
          const common = { county: need(a.county, '--county'), file: need(a.file, '--file'), jobs: count(a.jobs, '--jobs', 1, 64), scheme: need(a.scheme, '--scheme'), config: need(a.config, '--config') };
          const { runCountyInitCommand } = await import('./county.js');
          code = await runCountyInitCommand(cli, { ...common, packages: (a.packages ?? []).map(String), force: a.force });
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
          code = await runServe(cli, { workspace: a.workspace, port: count(a.port, '--port', 0, 65535)!, host: need(a.host, '--host')!, open: a.open, maxUploadMb: a['max-upload'] === undefined ? undefined : count(a['max-upload'], '--max-upload', 1, 4096) }, proc.signal);
        },
      )
      .demandCommand(1, h.demandCommand)
      .strictCommands()
      .strictOptions()
      .recommendCommands()
      .exitProcess(false)
      .fail((msg, e, y) => {
        if (e) throw e;
        // The third argument is yargs' usage object: its descriptions are the options of the command being parsed.
        const described = (y as unknown as { getDescriptions?(): Record<string, unknown> }).getDescriptions?.() ?? {};
        const known = [...Object.keys(described), 'help', 'version'];
        throw unknownOption(args, known) ?? fail('usage', 'usage.invalid', { detail: msg, command: commandOf(args) });
      })
      .epilog(h.epilog)
      .help()
      .alias('h', 'help')
      .version(VERSION)
      .alias('v', 'version')
      .wrap(Math.min(100, proc.columns ?? 100));
    await parser.parseAsync();
  } catch (e) {
    // The report's printer (and what it pulls in) loads only when there is something to report.
    const { reportFailure } = await import('./context.js');
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
