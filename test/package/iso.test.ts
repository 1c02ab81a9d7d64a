import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { discFor } from '../../src/package/capacity.js';
import { JOLIET_MAX, jolietName, jolietRenames, planIso, writeIso } from '../../src/package/iso.js';
import { readIsoEntries, readIsoFile } from '../../src/package/iso-read.js';
import { cleanup, tempDir, WORLD } from '../helpers/fixture.js';
import { crossCheck } from '../helpers/tools.js';

afterAll(cleanup);

async function iso(files: Record<string, Buffer>, date = new Date('2026-10-12T08:00:00Z')): Promise<string> {
  const list = Object.entries(files).map(([p, b]) => ({ path: p, size: b.length, content: b }));
  const plan = planIso(list, { volumeId: 'SHENBAO_TEST', jolietVolumeId: '中式烹调师申报材料', date });
  const file = path.join(tempDir('iso-'), 'x.iso');
  const out = createWriteStream(file);
  await writeIso(plan, out);
  out.end();
  await finished(out);
  return file;
}

const FILES: Record<string, Buffer> = {
  '说明.txt': Buffer.from('\ufeff光盘说明\r\n'),
  'data/表格/02-推荐表.pdf': Buffer.alloc(5000, 7),
  'data/申报数据/材料/08-就业证明/劳动合同-01-蒙味源.jpg': Buffer.alloc(3 * 2048 + 5, 1),
  'data/申报数据/材料/空文件.txt': Buffer.alloc(0),
  'data/申报数据/𠮷庆华-身份证.pdf': Buffer.from('x'),
  [`data/申报数据/材料/${'合作企业就业协议'.repeat(10)}.pdf`]: Buffer.from('long'),
};

describe('Joliet names', () => {
  it('keep short names, shorten long ones deterministically within 64 units, keeping the extension', () => {
    expect(jolietName('02-推荐表.pdf')).toBe('02-推荐表.pdf');
    const long = `${'合作企业就业协议'.repeat(10)}.pdf`;
    const j = jolietName(long);
    expect(j.length).toBeLessThanOrEqual(JOLIET_MAX);
    expect(j.endsWith('.pdf')).toBe(true);
    expect(jolietName(long)).toBe(j);
    expect(jolietName(`${'合作企业就业协议'.repeat(10)}X.pdf`)).not.toBe(j);
    expect(jolietName('a:b?.txt')).toBe('a_b_.txt');
    expect([...jolietRenames(Object.keys(FILES)).keys()]).toEqual([`data/申报数据/材料/${'合作企业就业协议'.repeat(10)}.pdf`]);
  });
});

describe('ISO 9660 / Joliet image', () => {
  crossCheck(['xorriso'], 'is read by xorriso with every Chinese name, and extracts byte-identical', async () => {
    const file = await iso(FILES);
    const listing = execFileSync('xorriso', ['-indev', file, '-find', '/', '-type', 'f'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const renames = jolietRenames(Object.keys(FILES));
    for (const p of Object.keys(FILES)) expect(listing, p).toContain(`'/${renames.get(p) ?? p}'`);
    const out = tempDir('iso-x-');
    mkdirSync(out, { recursive: true });
    execFileSync('xorriso', ['-osirrox', 'on', '-indev', file, '-extract', '/', out], { stdio: 'ignore' });
    for (const [p, b] of Object.entries(FILES)) expect(readFileSync(path.join(out, renames.get(p) ?? p)).equals(b), p).toBe(true);
    const pvd = execFileSync('xorriso', ['-indev', file, '-pvd_info'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    expect(pvd).toMatch(/Volume Id\s*:\s*SHENBAO_TEST/);
  });

  it('is byte-identical for the same files and date', async () => {
    const a = readFileSync(await iso(FILES));
    const b = readFileSync(await iso(FILES));
    expect(a.equals(b)).toBe(true);
    expect(a.length % 2048).toBe(0);
  });

  it('is read back by our reader with the same names and bytes', async () => {
    const file = await iso(FILES);
    const img = { world: WORLD, file, size: readFileSync(file).length };
    const entries = await readIsoEntries(img);
    const renames = jolietRenames(Object.keys(FILES));
    expect(entries.map((e) => e.path).sort()).toEqual(Object.keys(FILES).map((p) => renames.get(p) ?? p).sort());
    const e = entries.find((x) => x.path === 'data/表格/02-推荐表.pdf')!;
    const chunks: Uint8Array[] = [];
    for await (const c of readIsoFile(img, e)) chunks.push(c);
    expect(Buffer.concat(chunks).equals(FILES['data/表格/02-推荐表.pdf']!)).toBe(true);
  });
});

describe('disc capacity', () => {
  it('names the smallest disc that holds the image, or none', () => {
    expect(discFor(12_000_000)?.id).toBe('CD-R');
    expect(discFor(737_280_001)?.id).toBe('DVD-R');
    expect(discFor(4_707_319_809)?.id).toBe('DVD-R DL');
    expect(discFor(8_547_991_553)).toBeUndefined();
  });
});
