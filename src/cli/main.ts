/**
 * The `shenbao` command. This file only parses the command line and dispatches; each
 * command lives in its own file, loaded only when it runs (building pulls in pdfmake, docx,
 * exceljs and archiver, which `check` and `verify` do not need at start-up). Errors end up here and become the documented exit codes:
 * never a stack trace unless SHENBAO_DEBUG is set.
 */
import { writeFileSync } from 'node:fs';
import yargs from 'yargs';
import { clockFromEnv } from '../core/clock.js';
import { closest } from '../core/suggest.js';
import { error } from '../core/diagnostic.js';
import type { Lang } from '../i18n/lang.js';
import { ui } from '../i18n/ui.js';
import { KINDS, LEVELS, type Kind, type Level } from '../scheme/schema.js';
import { ReadFailure } from '../submission/load.js';
import { timings } from '../build/progress.js';
import { renderDiagnostic, renderDiagnostics } from './check-report.js';
import { EXIT, UsageError } from './exit.js';
import { SchemeFailure, schemePicker } from './scheme.js';
import { paint, stderr, stdout } from './terminal.js';

import { VERSION } from '../core/version.js';

/** The language is needed before yargs runs (for its own messages), so it is read early. */
export function detectLang(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Lang {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--lang' && (args[i + 1] === 'en' || args[i + 1] === 'zh')) return args[i + 1] as Lang;
    if (a === '--lang=en') return 'en';
    if (a === '--lang=zh') return 'zh';
  }
  return env.SHENBAO_LANG === 'en' ? 'en' : 'zh';
}

/** For `npm run bench`: SHENBAO_TIMINGS=<file> receives the stage times and peak memory. */
function writeTimings(): void {
  const file = process.env.SHENBAO_TIMINGS;
  if (!file) return;
  const cpu = process.cpuUsage();
  // CPU time covers every thread of the process, so cpuMs ÷ wall time shows how many cores worked.
  writeFileSync(file, JSON.stringify({ stages: timings, maxRssKb: process.resourceUsage().maxRSS, cpuMs: (cpu.user + cpu.system) / 1000 }));
}

export const COMMANDS = ['init', 'check', 'build', 'verify', 'county'];

/** An unknown command gets a sentence of our own (yargs mixes languages and drops the name). */
function unknownCommand(args: readonly string[], lang: Lang): string | undefined {
  const first = args[0];
  if (first === undefined || first.startsWith('-') || COMMANDS.includes(first)) return undefined;
  const guess = closest(first, COMMANDS);
  return lang === 'zh'
    ? `不认识的命令 “${first}”${guess ? `，是不是 “${guess}”？` : '。'}可用的命令：${COMMANDS.join('、')}`
    : `Unknown command "${first}"${guess ? `; did you mean "${guess}"?` : '.'} Commands: ${COMMANDS.join(', ')}`;
}

export async function main(args: string[]): Promise<number> {
  const lang = detectLang(args);
  const zh = lang === 'zh';
  const out = stdout();
  const err = stderr();
  const clock = clockFromEnv();
  let code: number = EXIT.ok;
  const unknown = unknownCommand(args, lang);
  if (unknown) {
    err.write(`${paint(err, 'red', '✗')} ${unknown}\n${ui(lang).usageHint}\n`);
    return EXIT.usage;
  }

  const cli = yargs(args)
    .scriptName('shenbao')
    .locale(zh ? 'zh_CN' : 'en')
    .usage(zh ? '$0 <命令> [选项]\n\n兴安盟职业技能培训品牌申报材料：检查、填表、装订、归档。' : '$0 <command> [options]\n\nTraining-brand filing: check, fill, bind, archive.')
    .option('lang', { choices: ['zh', 'en'] as const, default: 'zh' as const, describe: zh ? '输出语言' : 'language of the output' })
    .option('scheme', { type: 'string', describe: zh ? '评价方案文件夹（默认 templates/xam-2023）' : 'scheme folder (default templates/xam-2023)' })
    .option('config', { type: 'string', describe: zh ? '配置文件（默认当前目录的 shenbao.config.yaml）' : 'config file (default ./shenbao.config.yaml)' })
    .command(
      'init <dir>',
      zh ? '新建申报文件夹：submission.yaml 模板、花名册模板和附件文件夹' : 'create a submission folder: submission.yaml skeleton, roster template, attachment folders',
      (y) =>
        y
          .positional('dir', { type: 'string', demandOption: true, describe: zh ? '要建立的文件夹' : 'folder to create' })
          .option('kind', { choices: KINDS, default: 'application' as Kind, describe: zh ? '申报类型：application 认定申报 / review 复评' : 'application or review' })
          .option('level', { choices: LEVELS, default: 'league' as Level, describe: zh ? '申报级别：county 旗县市级 / league 盟级 / region 自治区级' : 'level applied for' })
          .option('force', { type: 'boolean', default: false, describe: zh ? '覆盖已有的 submission.yaml 和花名册' : 'overwrite existing files' })
          .example('$0 init 我的申报', zh ? '在“我的申报”文件夹中建立盟级认定申报' : 'a League-level application in 我的申报')
          .example('$0 init 复评2026 --kind review', zh ? '建立复评材料' : 'a review package'),
      async (a) => {
        const scheme = schemePicker(a.scheme, lang)(undefined);
        const { runInit } = await import('./init.js');
        code = await runInit({ dir: a.dir, kind: a.kind, level: a.level, force: a.force, lang }, scheme, clock, out);
      },
    )
    .command(
      'check [dir]',
      zh ? '检查申报材料：材料是否齐全、花名册、绩效是否达标、自评分' : 'check a submission: materials, roster, figures against thresholds, self-score',
      (y) =>
        y
          .positional('dir', { type: 'string', default: '.', describe: zh ? '申报文件夹（或 submission.yaml）' : 'submission folder (or file)' })
          .option('json', { type: 'boolean', default: false, describe: zh ? '输出 JSON' : 'print JSON' })
          .option('strict', { type: 'boolean', default: false, describe: zh ? '有警告也按不通过处理（退出码 1）' : 'treat warnings as errors (exit 1)' })
          .example('$0 check data/example', zh ? '检查示例申报' : 'check the bundled example')
          .example('$0 check 我的申报 --json', zh ? '输出 JSON，供其他程序读取' : 'JSON for other programs'),
      async (a) => {
        const { runCheck } = await import('./check.js');
        code = await runCheck({ dir: a.dir, json: a.json, strict: a.strict, lang, scheme: a.scheme, config: a.config }, clock, out);
      },
    )
    .command(
      'build [dir]',
      zh ? '生成全部表格：PDF、DOCX，花名册另有 XLSX（先检查，有错误时不生成）' : 'fill every form as PDF and DOCX (roster also XLSX); checks first and refuses on errors',
      (y) =>
        y
          .positional('dir', { type: 'string', default: '.', describe: zh ? '申报文件夹（或 submission.yaml）' : 'submission folder (or file)' })
          .option('out', { type: 'string', default: 'output', describe: zh ? '输出文件夹' : 'output folder' })
          .option('force', { type: 'boolean', default: false, describe: zh ? '即使检查有错误也生成' : 'build even if the check finds errors' })
          .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: zh ? '不显示进度' : 'no progress output' })
          .example('$0 build data/example', zh ? '生成示例申报的全部材料，写入 output/' : 'build the example into output/')
          .example('$0 build 我的申报 --out D:/申报材料', zh ? '写入指定文件夹' : 'write elsewhere'),
      async (a) => {
        const { runBuild } = await import('./build.js');
        code = await runBuild({ dir: a.dir, out: a.out, force: a.force, quiet: a.quiet, lang, scheme: a.scheme, config: a.config }, clock, out, err);
      },
    )
    .command(
      'verify <target>',
      zh ? '核验光盘目录、zip 或 ISO：文件是否齐全、校验值是否一致' : 'verify a disc tree, zip or ISO: every file present and unchanged',
      (y) =>
        y
          .positional('target', { type: 'string', demandOption: true, describe: zh ? 'disc 文件夹、输出文件夹、.zip 或 .iso' : 'disc folder, output folder, .zip or .iso' })
          .option('json', { type: 'boolean', default: false, describe: zh ? '输出 JSON' : 'print JSON' })
          .example('$0 verify output/我的机构-中式烹调师/我的机构-中式烹调师.iso', zh ? '核验光盘镜像' : 'verify the disc image')
          .example('$0 verify E:/', zh ? '核验放入光驱的光盘' : 'verify the disc in drive E:'),
      async (a) => {
        const { runVerify } = await import('./verify.js');
        code = await runVerify({ target: a.target, json: a.json, lang }, out);
      },
    )
    .command(
      'county <packages..>',
      zh
        ? '旗县市初审：核验和检查各单位的材料包，写推荐报告、评价结果报告和汇总表，生成报送盟里的打印册和光盘。\n先用 “shenbao county init <材料包…>” 生成 county.yaml'
        : 'county review: verify and check applicant packages, write the recommendation and evaluation reports and the summary, make the print set and disc for the League.\nStart with "shenbao county init <packages…>" to write county.yaml',
      (y) =>
        y
          .positional('packages', { type: 'string', array: true, demandOption: true, describe: zh ? '材料包：build 的输出文件夹、.zip、.iso，或申报文件夹；也可以是放着多个材料包的文件夹' : 'packages: build output folders, .zip, .iso or submission folders; or a folder of packages' })
          .option('county', { type: 'string', describe: zh ? '旗县市名称（默认取 county.yaml 中的）' : 'county name (default: from county.yaml)' })
          .option('file', { type: 'string', describe: zh ? `旗县市数据文件（默认当前目录的 county.yaml）` : 'county file (default ./county.yaml)' })
          .option('out', { type: 'string', default: 'output', describe: zh ? '输出文件夹' : 'output folder' })
          .option('jobs', { type: 'number', describe: zh ? '同时处理的材料包数（默认为 CPU 核数）' : 'packages processed at once (default: CPU cores)' })
          .option('force', { type: 'boolean', default: false, describe: zh ? 'init：覆盖已有的 county.yaml' : 'init: overwrite county.yaml' })
          .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: zh ? '不显示进度' : 'no progress output' })
          .example('$0 county init 收件/', zh ? '读取“收件”文件夹中的全部材料包，生成 county.yaml' : 'write county.yaml for every package in 收件/')
          .example('$0 county 收件/', zh ? '按 county.yaml 生成推荐材料，写入 output/' : 'make the county package into output/')
          .example('$0 county a.zip b.iso c/ --county 乌兰浩特市', zh ? '不用 county.yaml，只核验、检查并出汇总表' : 'without county.yaml: verify, check and summarise'),
      async (a) => {
        const packages = a.packages.map(String);
        const scheme = a.scheme;
        if (packages[0] === 'init') {
          const { runCountyInit } = await import('./county-init.js');
          code = await runCountyInit({ packages: packages.slice(1), county: a.county, file: a.file, force: a.force, jobs: a.jobs, lang, scheme, config: a.config }, schemePicker(scheme, lang)(undefined), clock, out);
        } else {
          const { runCounty } = await import('./county.js');
          code = await runCounty({ packages, county: a.county, file: a.file, out: a.out, jobs: a.jobs, quiet: a.quiet, lang, scheme, config: a.config }, clock, out, err);
        }
      },
    )
    .demandCommand(1, zh ? '请给出一个命令，例如 shenbao check data/example' : 'Give a command, e.g. shenbao check data/example')
    .strictCommands()
    .strictOptions()
    .recommendCommands()
    .exitProcess(false)
    .fail((msg, e) => {
      if (e) throw e;
      throw new UsageError(msg);
    })
    .epilog(
      zh
        ? '退出码：0 通过（可有警告）；1 材料有错误（--strict 时含警告）；2 用法错误；3 文件无法读取；4 内部错误。\n文档：README.md'
        : 'Exit codes: 0 ok (warnings allowed); 1 the submission has errors (or warnings with --strict); 2 wrong usage; 3 a file could not be read; 4 internal error.',
    )
    .help()
    .alias('h', 'help')
    .version(VERSION)
    .alias('v', 'version')
    .wrap(Math.min(100, process.stdout.columns ?? 100));

  try {
    await cli.parseAsync();
    writeTimings();
    return code;
  } catch (e) {
    if (e instanceof UsageError) {
      err.write(`${paint(err, 'red', '✗')} ${e.message}\n${ui(lang).usageHint}\n`);
      return EXIT.usage;
    }
    if (e instanceof ReadFailure) {
      err.write(renderDiagnostics(e.diagnostics, lang, err));
      return EXIT.io;
    }
    if (e instanceof SchemeFailure) {
      err.write(renderDiagnostics(e.diagnostics, lang, err));
      err.write(renderDiagnostic(error('scheme.invalid', { dir: e.dir, count: e.diagnostics.length }), lang, err));
      return EXIT.usage;
    }
    const reason = e instanceof Error ? e.message : String(e);
    err.write(renderDiagnostic(error('internal.bug', { reason }), lang, err));
    if (process.env.SHENBAO_DEBUG) err.write(`${(e as Error).stack ?? ''}\n`);
    return EXIT.internal;
  }
}
