import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { readXlsxRoster } from '../../src/roster/read-xlsx.js';
import { submissionSchema } from '../../src/submission/schema.js';
import { skeletonText } from '../../src/pipeline/init.js';
import { cleanup, SCHEME, tempDir } from '../helpers/fixture.js';
import { json, run } from '../helpers/cli.js';
import ExcelJS from 'exceljs';

afterAll(cleanup);

/** Every leaf field path of the submission schema (records and arrays stop the walk). */
function leafPaths(schema: any, prefix = ''): string[] {
  let s = schema;
  for (;;) {
    const def = s._zod.def;
    if (def.innerType) s = def.innerType;
    else if (def.type === 'pipe') s = def.out._zod.def.type === 'transform' ? def.in : def.out;
    else break;
  }
  const def = s._zod.def;
  if (def.type !== 'object') return [prefix];
  return Object.entries(def.shape).flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
}

describe('shenbao init', () => {
  it('writes the skeleton, the roster template and the attachment folders', async () => {
    const dir = path.join(tempDir(), '我的申报');
    const r = await run(['init', dir, '--level', 'county']);
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(dir, 'submission.yaml'), 'utf8')).toMatch(/^level: county$/m);
    expect(existsSync(path.join(dir, '花名册.xlsx'))).toBe(true);
    expect(existsSync(path.join(dir, '材料/04-信用报告'))).toBe(true);
    expect(existsSync(path.join(dir, '材料/10-培训台账'))).toBe(false);
  });

  it('gives a review its ledger folders and 政策落实 section', async () => {
    const dir = path.join(tempDir(), 'review');
    expect((await run(['init', dir, '--kind', 'review'])).code).toBe(0);
    expect(existsSync(path.join(dir, '材料/10-培训台账/签到表'))).toBe(true);
    const text = readFileSync(path.join(dir, 'submission.yaml'), 'utf8');
    expect(text).toMatch(/^ {2}policy: ""$/m);
    expect(text).not.toContain('brandFit');
  });

  it('never overwrites without --force, and then writes nothing at all', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'submission.yaml'), 'kind: application # 我的内容\n');
    const r = await run(['init', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--force');
    expect(readFileSync(path.join(dir, 'submission.yaml'), 'utf8')).toBe('kind: application # 我的内容\n');
    expect(existsSync(path.join(dir, '花名册.xlsx'))).toBe(false);
    expect(existsSync(path.join(dir, '材料'))).toBe(false);
    expect((await run(['init', dir, '--force'])).code).toBe(0);
    expect(readFileSync(path.join(dir, 'submission.yaml'), 'utf8')).toContain('kind: application\n');
  });

  it('puts a Chinese comment above every field of the schema', async () => {
    for (const kind of ['application', 'review'] as const) {
      const text = skeletonText(SCHEME, kind, 'league', '2026-10-12', 'x');
      const doc = parseDocument(text);
      expect(doc.errors).toEqual([]);
      const lines = text.split('\n');
      const paths = leafPaths(submissionSchema);
      expect(paths).toEqual(expect.arrayContaining(['institution.licence.number', 'brand.specialSupport.grounds', 'claimed.orderShare', 'selfScore']));
      for (const p of paths) {
        if (p === 'scheme') continue; // optional: only for another scheme
        const key = p.split('.').at(-1)!;
        const idx = lines.findIndex((l) => new RegExp(`^\\s*(- )?${key}:`).test(l));
        expect(idx, `${kind}: ${p} is in the skeleton`).toBeGreaterThan(0);
        expect(lines[idx - 1], `${kind}: ${p} has a comment`).toMatch(/^\s*#.*\p{Script=Han}/u);
      }
    }
  });

  it('writes the same skeleton with English comments for --lang en: the same data, every field explained', async () => {
    for (const kind of ['application', 'review'] as const) {
      const zh = skeletonText(SCHEME, kind, 'league', '2026-10-12', 'x', 'zh');
      const en = skeletonText(SCHEME, kind, 'league', '2026-10-12', 'x', 'en');
      expect(parse(en)).toEqual(parse(zh));
      const lines = en.split('\n');
      for (const p of leafPaths(submissionSchema)) {
        if (p === 'scheme') continue;
        const key = p.split('.').at(-1)!;
        const idx = lines.findIndex((l) => new RegExp(`^\\s*(- )?${key}:`).test(l));
        expect(lines[idx - 1], `${kind}: ${p} has an English comment`).toMatch(/^\s*#.*[A-Za-z]{3}/);
      }
    }
    const dir = path.join(tempDir(), 'en');
    expect((await run(['init', dir, '--lang', 'en'])).stdout).toMatch(/^✓ Created /m);
    expect(readFileSync(path.join(dir, 'submission.yaml'), 'utf8')).toMatch(/^# .*[Ff]ill in/m);
  });

  it('produces a skeleton that check reads and answers with what to fill in', async () => {
    const dir = tempDir();
    await run(['init', dir, '--force']);
    const r = await run(['check', dir, '--json']);
    expect(r.code).toBe(1);
    const fields = json(r).diagnostics.map((d: any) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['institution.name', 'brand.trade', 'county.name']));
    // Each at its place: a line of submission.yaml, or the roster template's row (its rows are still to fill in).
    expect(json(r).diagnostics.every((d: any) => d.line > 0 || (d.file === '花名册.xlsx' && d.row > 0))).toBe(true);
  });

  it('writes a roster template that the roster reader accepts, with ID as text and drop-downs', async () => {
    const dir = tempDir();
    await run(['init', dir, '--force']);
    const bytes = readFileSync(path.join(dir, '花名册.xlsx'));
    const t = await readXlsxRoster(bytes, '花名册.xlsx', SCHEME);
    expect(t.diagnostics.map((d) => d.code)).toEqual(['roster.noRows']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('花名册')!;
    expect(ws.getCell('E4').numFmt).toBe('@');
    expect(ws.getCell('C4').dataValidation).toMatchObject({ type: 'list', formulae: ['选项!$A$1:$A$2'] });
    expect(ws.getCell('D4').dataValidation.formulae).toEqual(['选项!$B$1:$B$56']);
    expect(wb.getWorksheet('选项')!.getCell('B2').value).toBe('蒙古族');
  });
});
