/**
 * The command line as a person types it (issue #12, "Everyday rough edges"): help as a
 * command, each command's own help, options without values or with impossible numbers,
 * mistyped options, yargs' words in Chinese, two submission files, and NO_COLOR.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run, shenbao } from '../helpers/cli.js';
import { baseSubmission, cleanup, tempDir, writeFixture } from '../helpers/fixture.js';

afterAll(cleanup);

describe('help', () => {
  it('shenbao help build is shenbao build --help', async () => {
    // yargs prints help on the process's own stdout: the real binary shows it.
    const a = shenbao(['help', 'build']);
    const b = shenbao(['build', '--help']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toContain('--out');
  });

  it('county init --help shows county init’s own options, not county’s', async () => {
    const r = shenbao(['county', 'init', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^shenbao county init/);
    expect(r.stdout).toContain('--force');
    expect(r.stdout).not.toContain('--out');
    expect(shenbao(['help', 'county', 'init']).stdout).toBe(r.stdout);
  });
});

describe('--version', () => {
  it('prints the package’s version, by the fast path and through the parser alike', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(shenbao(['--version']).stdout).toBe(`${version}\n`);
    expect(shenbao(['-v']).stdout).toBe(`${version}\n`);
    // With another option it goes through yargs, which says the same.
    expect(shenbao(['--version', '--lang', 'en']).stdout.trim()).toBe(version);
  });
});

describe('usage errors exit 2 and say how to write it', () => {
  it('--out without a value', async () => {
    const r = await run(['build', 'data/example', '--out']);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toContain('--out 后面缺少值');
    const before = await run(['build', 'data/example', '--out', '--force']);
    expect(before.code).toBe(2);
  });

  it('--jobs 0 and --jobs 1.5', async () => {
    for (const v of ['0', '1.5', '-3']) {
      const r = await run(['county', 'nowhere', '--jobs', v]);
      expect(r.code, v).toBe(2);
      expect(r.stdout + r.stderr).toContain('--jobs 应为 1 到 64 之间的整数');
    }
  });

  it('a mistyped option gets the closest real one of that command', async () => {
    const r = await run(['build', 'data/example', '--outt', 'x']);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toContain('没有 --outt 这个选项，是不是 --out？');
    const en = await run(['check', 'data/example', '--strikt', '--lang', 'en']);
    expect(en.stdout + en.stderr).toContain('did you mean --strict?');
  });

  it('--out where no folder can be made (/proc/x) fails before building, instead of spinning', async () => {
    const r = await run(['build', 'data/example', '--out', '/proc/x/out']);
    expect(r.code).toBe(3);
    expect(r.stdout + r.stderr).toContain('无法写入 /proc/x/out');
    expect(r.stderr).not.toContain('✓');
  });

  it('a missing argument is said in Chinese, with the command’s help to run', async () => {
    const r = await run(['verify']);
    expect(r.code).toBe(2);
    const said = r.stdout + r.stderr;
    expect(said).not.toMatch(/non-option/);
    expect(said).toContain('缺少参数');
    expect(said).toContain('shenbao verify --help');
  });
});

describe('the submission folder', () => {
  it('a file given where the folder is meant: say to give the folder', async () => {
    const r = await run(['check', 'data/example/花名册.xlsx']);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toContain('是一个文件，这里要给出申报文件夹');
  });

  it('with both submission.yaml and submission.json: refused, naming both', async () => {
    const dir = writeFixture(baseSubmission());
    writeFileSync(path.join(dir, 'submission.json'), JSON.stringify(baseSubmission()));
    const r = await run(['check', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain('同时有 submission.yaml、submission.json，不知道用哪一个');
    // Naming the file settles it.
    expect((await run(['check', path.join(dir, 'submission.yaml')])).stdout).toContain('申报材料检查报告');
  });
});

describe('NO_COLOR', () => {
  it('takes the colour and keeps the progress lines on a terminal', async () => {
    const dir = writeFixture(baseSubmission());
    const out = tempDir();
    const r = await run(['build', dir, '--out', out], { env: { NO_COLOR: '1' }, tty: true });
    expect(r.stderr).toMatch(/✓ /);
    expect(r.stderr).not.toMatch(/\x1b\[3\dm/);
    expect(r.code).toBeLessThanOrEqual(1);
  });
});
