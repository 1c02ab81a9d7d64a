import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BASE_FILES, baseSubmission, cleanup, writeFixture } from '../helpers/fixture.js';
import { json, run, shenbao } from '../helpers/cli.js';

afterAll(cleanup);

/** Every file under a folder with its hash, to prove a command changed nothing. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = path.join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out[path.relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);

describe('shenbao check', () => {
  it('passes a complete submission with exit 0 and changes nothing', async () => {
    const dir = writeFixture(baseSubmission());
    const before = snapshot(dir);
    const r = await run(['check', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('检查通过');
    expect(r.stdout).toMatch(/✓ 1\. 申请表/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('prints one JSON object with the documented keys', async () => {
    const r = await run(['check', writeFixture(baseSubmission()), '--json']);
    expect(r.code).toBe(0);
    const j = json(r);
    expect(Object.keys(j)).toEqual(expect.arrayContaining(['ok', 'diagnostics', 'figures', 'eligibility', 'materials', 'score']));
    expect(j.ok).toBe(true);
    expect(j.figures.trained).toBe(210);
    expect(j.materials).toHaveLength(9);
    expect(j.score.grade.zh).toBeTruthy();
  });

  it('exits 1 on errors, with each problem placed (sheet/cell, YAML line) and masked', async () => {
    const s = baseSubmission() as Record<string, any>;
    s.roster.rows[4].身份证号码 = '152221199001011234';
    s.claimed.trained = 300;
    const r = await run(['check', writeFixture(s), '--json']);
    expect(r.code).toBe(1);
    const j = json(r);
    expect(j.ok).toBe(false);
    const id = j.diagnostics.find((d: any) => d.code.startsWith('roster.id'));
    expect(id).toMatchObject({ severity: 'error', file: 'submission.yaml', row: 5 });
    expect(id.line).toBeGreaterThan(1);
    expect(id.message).toContain('152221********1234');
    expect(r.stdout).not.toContain('152221199001011234');
    const claim = j.diagnostics.find((d: any) => d.code === 'figures.claimMismatch');
    expect(claim).toMatchObject({ field: 'claimed.trained', file: 'submission.yaml' });
  });

  it('speaks English with --lang en', async () => {
    const s = baseSubmission() as Record<string, any>;
    s.claimed.trained = 300;
    const r = await run(['check', writeFixture(s), '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('The form claims trainees 300; the roster gives 210');
    expect(r.stdout).toContain('error(s) must be fixed');
  });

  it('makes warnings fatal with --strict', async () => {
    const s = baseSubmission() as Record<string, any>;
    s.roster.rows[0].工种 = '育婴员';
    s.claimed = { ...s.claimed, trained: 209, passRate: 90.4, employed: 139, employmentRate: 66.5, keyGroup: 109, orderShare: 42.6 };
    const dir = writeFixture(s);
    const plain = await run(['check', dir, '--json']);
    expect(json(plain).diagnostics.filter((d: any) => d.severity === 'error')).toEqual([]);
    expect(plain.code).toBe(0);
    expect((await run(['check', dir, '--strict'])).code).toBe(1);
  });

  it('reports a YAML syntax error with line and column, exit 1, no stack trace', async () => {
    const dir = writeFixture('kind: application\nlevel: league\ninstitution:\n  name: [未闭合\n');
    const r = await run(['check', dir, '--json']);
    expect(r.code).toBe(1);
    const d = json(r).diagnostics[0];
    expect(d).toMatchObject({ code: 'syntax.yaml', file: 'submission.yaml' });
    expect(d.line).toBeGreaterThan(0);
    noStack(r.stderr + r.stdout);
  });

  it('exits 3 when the folder or the roster cannot be read', async () => {
    const missing = await run(['check', '/nonexistent/folder']);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('/nonexistent/folder');
    noStack(missing.stderr);

    const s = baseSubmission();
    s.roster = '花名册.xlsx';
    const dir = writeFixture(s);
    expect((await run(['check', dir])).code).toBe(3);
    mkdirSync(path.join(dir, '花名册.xlsx'));
    const r = await run(['check', dir]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('花名册.xlsx');
    rmSync(path.join(dir, '花名册.xlsx'), { recursive: true });
  });

  it('reports a roster that is not a spreadsheet with exit 1', async () => {
    const s = baseSubmission();
    s.roster = '花名册.xlsx';
    const dir = writeFixture(s, { ...BASE_FILES, '花名册.xlsx': '<html><body>not a workbook</body></html>' });
    const r = await run(['check', dir, '--json']);
    expect(r.code).toBe(1);
    expect(json(r).diagnostics.map((d: any) => d.code)).toContain('roster.notSpreadsheet');
  });

  it('exits 2 on wrong usage', async () => {
    expect(shenbao(['chek']).code).toBe(2);
    expect((await run(['check', '--levle', 'x'])).code).toBe(2);
    expect((await run([])).code).toBe(2);
    const r = await run(['init', '/tmp/x', '--level', 'nation']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('shenbao init --help');
  });

  it('exits 2 with the scheme errors when --scheme points at a broken scheme', async () => {
    const r = await run(['check', writeFixture(baseSubmission()), '--scheme', '/nonexistent/scheme']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('scheme.yaml');
  });
});


describe('the bundled example', () => {
  it('passes check with no errors or warnings, its claims matching its roster', async () => {
    const r = await run(['check', 'data/example', '--json', '--strict']);
    expect(r.code).toBe(0);
    const j = json(r);
    expect(j.diagnostics.filter((d: any) => d.severity !== 'info')).toEqual([]);
    expect(j.figures).toMatchObject({ trained: 240, passed: 222, employed: 180, keyGroup: 152, order: 108 });
    expect(j.eligibility.eligible).toBe(true);
    expect(j.partners).toBeGreaterThanOrEqual(3);
    expect(j.materials.every((m: any) => m.status === 'ok')).toBe(true);
  });
});

describe('output piped into a program that stops reading', () => {
  it('ends quietly, without a stack trace', async () => {
    const { spawnSync } = await import('node:child_process');
    const { BIN, ROOT } = await import('../helpers/cli.js');
    const r = spawnSync('sh', ['-c', `(sleep 0.2; node "${BIN}" check data/example; echo done >&2) | true`], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('done\n');
  });
});
