import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { discFor } from '../../src/package/capacity.js';
import { DISC_NAME_MAX, discName, discRenames } from '../../src/core/disc-names.js';
import { planIso, writeIso } from '../../src/package/iso.js';
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
  [`data/申报数据/材料/${'合作企业就业协议'.repeat(7)}${'x'.repeat(4)}.pdf`]: Buffer.from('64 units'),
};

describe('disc names', () => {
  it('keep names a disc holds, and give the others one safe name, deterministically, keeping the extension', () => {
    expect(discName('02-推荐表.pdf')).toBe('02-推荐表.pdf');
    const long = `${'合作企业就业协议'.repeat(10)}.pdf`;
    const j = discName(long);
    expect(j.length).toBeLessThanOrEqual(DISC_NAME_MAX);
    expect(j.endsWith('.pdf')).toBe(true);
    expect(discName(long)).toBe(j);
    expect(discName(`${'合作企业就业协议'.repeat(10)}X.pdf`)).not.toBe(j);
    expect(discName('a:b?.txt')).toMatch(/^a_b_~[0-9a-f]{6}\.txt$/);
    expect(discName('a\nb.txt')).not.toContain('\n');
    expect([...discRenames(Object.keys(FILES)).keys()]).toEqual([]);
  });

  it('are decided before the image: a name no disc holds never reaches it', () => {
    expect(() => planIso([{ path: 'a\nb.txt', size: 1, content: Buffer.from('x') }], { volumeId: 'X', jolietVolumeId: 'X', date: new Date(0) })).toThrow(/cannot go on a disc/);
  });
});

describe('ISO 9660 / Joliet image', () => {
  crossCheck(['xorriso'], 'is read by xorriso with every Chinese name, and extracts byte-identical', async () => {
    const file = await iso(FILES);
    const listing = execFileSync('xorriso', ['-indev', file, '-find', '/', '-type', 'f'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    for (const p of Object.keys(FILES)) expect(listing, p).toContain(`'/${p}'`);
    const out = tempDir('iso-x-');
    mkdirSync(out, { recursive: true });
    execFileSync('xorriso', ['-osirrox', 'on', '-indev', file, '-extract', '/', out], { stdio: 'ignore' });
    for (const [p, b] of Object.entries(FILES)) expect(readFileSync(path.join(out, p)).equals(b), p).toBe(true);
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
    const reader = WORLD.open(file);
    const img = { size: readFileSync(file).length, reader: () => reader };
    const entries = await readIsoEntries(img);
    expect(entries.map((e) => e.path).sort()).toEqual(Object.keys(FILES).sort());
    const e = entries.find((x) => x.path === 'data/表格/02-推荐表.pdf')!;
    const chunks: Uint8Array[] = [];
    for await (const c of readIsoFile(img, e)) chunks.push(c);
    expect(Buffer.concat(chunks).equals(FILES['data/表格/02-推荐表.pdf']!)).toBe(true);
    await (await reader).close();
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
