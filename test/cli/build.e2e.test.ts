import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { nodeFonts } from '../../src/world/node.js';
import { prepare } from '../../src/pipeline/prepare.js';
import { previewForm } from '../../src/pipeline/preview.js';
import { json, run } from '../helpers/cli.js';
import { baseSubmission, cleanup, tempDir, WORLD, writeFixture } from '../helpers/fixture.js';
import { pdfFonts, readPdf } from '../helpers/pdf.js';

afterAll(cleanup);

const NAME = '科尔沁右翼前旗天骄职业技能培训学校-中式烹调师';
const EPOCH = { SOURCE_DATE_EPOCH: '1760000000' };
const built = inject('exampleBuild');

function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const n of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, n.name);
      if (n.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

describe('shenbao build on the example', () => {
  it('writes every document, numbered in material order, and nothing else', async () => {
    expect(built.code).toBe(0);
    expect(readdirSync(built.out)).toEqual([NAME]);
    expect(readdirSync(path.join(built.dir, 'documents')).sort()).toEqual([
      '01-申请表.docx', '01-申请表.pdf', '02-推荐表.docx', '02-推荐表.pdf', '03-培训机构及品牌简介.docx', '03-培训机构及品牌简介.pdf',
      '06-信用承诺书.docx', '06-信用承诺书.pdf', '07-花名册.docx', '07-花名册.pdf', '07-花名册.xlsx', '08-培训后就业花名册.docx', '08-培训后就业花名册.pdf', '08-培训后就业花名册.xlsx', '10-自评分表.docx', '10-自评分表.pdf',
    ]);
    expect(built.stdout).toContain(`${NAME}`);
    expect(built.stdout).toContain('documents/07-花名册.xlsx');
  });

  it('stays quiet on stderr when the output is not a terminal', async () => {
    expect(built.stderr).toBe('');
  });

  it('gives byte-identical files for the same input and SOURCE_DATE_EPOCH, replacing the old output whole', async () => {
    const out = tempDir('again-');
    cpSync(built.out, out, { recursive: true });
    const before = hashes(path.join(out, NAME));
    writeFileSync(path.join(out, NAME, '旧文件.txt'), 'left over');
    const r = await run(['build', 'data/example', '--out', out, '-q', '--json'], { env: EPOCH });
    expect(r.code).toBe(0);
    expect(json(r)).toMatchObject({ ok: true, exitCode: 0, output: path.join(out, NAME) });
    expect(json(r).files).toContain('documents/07-花名册.xlsx');
    expect(hashes(path.join(out, NAME))).toEqual(before);
    expect(readdirSync(out)).toEqual([NAME]);
  });
});

describe('shenbao build refusing', () => {
  it('builds nothing from a submission with errors', async () => {
    const s = baseSubmission() as Record<string, any>;
    s.claimed.trained = 999;
    const dir = writeFixture(s);
    const out = tempDir('out-');
    const r = await run(['build', dir, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('未生成任何文件');
    expect(r.stdout).toContain('推荐表填报的培训人数是 999');
    expect(readdirSync(out)).toEqual([]);
    // With --force the same submission is built: the next test's run gets as far as writing.
  });

  it('reports a character no font can draw, at its roster cell, and refuses', async () => {
    const s = baseSubmission() as Record<string, any>;
    s.roster.rows[2].姓名 = '王\ue000明';
    const dir = writeFixture(s);
    const r = await run(['check', dir, '--json']);
    expect(r.code).toBe(1);
    const d = json(r).diagnostics.find((x: any) => x.code === 'glyph.missing');
    expect(d).toMatchObject({ row: 3, file: 'submission.yaml' });
    expect(d.message).toContain('U+E000');
    expect((await run(['build', dir, '--out', tempDir('out-')])).code).toBe(1);
  });

  it('builds with --force despite errors, and exits 3 leaving the earlier output untouched when it cannot write, with JSON on request', async () => {
    const out = tempDir('out-');
    const blocked = path.join(out, 'file');
    writeFileSync(blocked, 'not a folder');
    // A submission with errors, built anyway (--force), into a place that cannot be written.
    const s = baseSubmission() as Record<string, any>;
    s.claimed.trained = 999;
    const r = await run(['build', writeFixture(s), '--out', blocked, '--json', '--force']);
    expect(r.code).toBe(3);
    expect(json(r)).toMatchObject({ ok: false, exitCode: 3, diagnostics: [{ code: 'file.unwritable', file: blocked }] });
    expect(json(r).diagnostics[0].message).toContain('无法写入');
    expect(readFileSync(blocked, 'utf8')).toBe('not a folder');
    expect(readdirSync(out)).toEqual(['file']);
  });

  it('refuses a cover that cannot fit on one page as the submission’s problem (exit 1), not a crash', async () => {
    const s = baseSubmission() as Record<string, any>;
    s.institution.name = '科尔沁右翼前旗'.repeat(43);
    const r = await run(['build', writeFixture(s), '--out', tempDir('out-'), '--json', '--force']);
    expect(r.code).toBe(1);
    expect(json(r).diagnostics.map((d: any) => d.code)).toContain('print.coverOverflow');
  });
});

describe('fonts the user owns', () => {
  it('draws the body with a font named in the submission', async () => {
    const s = baseSubmission() as Record<string, any>;
    s.fonts = { serif: nodeFonts.bundled.kai };
    const dir = writeFixture(s);
    // The pledge as build renders it (the same fill and renderer, page numbers included), without the rest of the build.
    const checked = await prepare(WORLD, { dir, cwd: dir });
    if (!checked.ok) throw new Error('fixture does not load');
    const rendered = await previewForm(checked, 'pledge', WORLD.clock.now, { word: '草稿', line: () => '' });
    expect(rendered?.base).toBe('06-信用承诺书');
    const pledge = rendered!.bytes;
    // The body is in the user's font; only the page numbers keep the bundled serif (GB/T 9704: 宋体).
    const fonts = (await pdfFonts(pledge)).map((f) => f.name);
    expect(fonts.map((n) => n.split('+')[1])).toContain('LXGWWenKai-Regular');
    expect(fonts.filter((n) => n.endsWith('+NotoSerifSC-Regular'))).toHaveLength(1);
    const numbers = (await readPdf(pledge)).pages.flatMap((p) => p.items.filter((i) => /^—\s*\d+\s*—$/.test(i.str.trim())));
    expect(numbers.length).toBeGreaterThan(0);
    const serif = new Set(numbers.map((i) => i.fontName));
    const body = (await readPdf(pledge)).pages.flatMap((p) => p.items.filter((i) => /[\u4e00-\u9fff]/.test(i.str)));
    // The page numbers' font draws nothing else.
    expect(body.some((i) => serif.has(i.fontName))).toBe(false);
  });

  it('reads fonts from shenbao.config.yaml in the current folder', async () => {
    const cwd = tempDir('cfg-');
    writeFileSync(path.join(cwd, 'shenbao.config.yaml'), `fonts:\n  serif: ${nodeFonts.bundled.kai}\n`);
    const r = await run(['check', writeFixture(baseSubmission()), '--json'], { cwd });
    expect(r.code).toBe(0);
    // With the config's broken path, the same check fails to read the font: the config was read.
    writeFileSync(path.join(cwd, 'shenbao.config.yaml'), 'fonts:\n  serif: ./missing.ttf\n');
    const bad = await run(['check', writeFixture(baseSubmission()), '--json'], { cwd });
    expect(bad.code).toBe(3);
    expect(json(bad).diagnostics[0]).toMatchObject({ code: 'font.unreadable', file: path.join(cwd, 'missing.ttf') });
  });

  it('exits 3 with the path when a named font cannot be used', async () => {
    const s = baseSubmission() as Record<string, any>;
    s.fonts = { serif: '/nonexistent/simfang.ttf' };
    const r = await run(['check', writeFixture(s)]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('/nonexistent/simfang.ttf');
    const notFont = tempDir();
    mkdirSync(path.join(notFont, 'x'));
    writeFileSync(path.join(notFont, 'x', 'fake.ttf'), 'not a font');
    s.fonts = { serif: path.join(notFont, 'x', 'fake.ttf') };
    const r2 = await run(['check', writeFixture(s)]);
    expect(r2.code).toBe(3);
    expect(r2.stderr).toContain('fake.ttf');
    expect(existsSync(path.join(notFont, 'x', 'fake.ttf'))).toBe(true);
  });
});
