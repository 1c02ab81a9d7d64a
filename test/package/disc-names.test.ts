/**
 * Names are decided once, when the disc tree is made: the folder, the zip and the ISO (both
 * its Joliet tree and what a Windows user extracts from it) hold the same names, and each
 * verifies. What no disc can name is refused by `check`, with the name to use instead.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readIsoEntries } from '../../src/package/iso-read.js';
import { discNameProblem } from '../../src/core/disc-names.js';
import { packTree } from '../../src/build/archive.js';
import { checkSubmission } from '../../src/check/run.js';
import { buildDisc } from '../../src/package/disc.js';
import { verifiedWrite } from '../../src/pipeline/verify.js';
import { loadSubmission } from '../../src/submission/load.js';
import { writeBundle } from '../../src/world/node-write.js';
import { json, run } from '../helpers/cli.js';
import { baseSubmission, BASE_FILES, checkDir, cleanup, PDF, SCHEME, tempDir, TODAY, WORLD, writeFixture } from '../helpers/fixture.js';
import { crossCheck } from '../helpers/tools.js';

afterAll(cleanup);

const NAME = '科尔沁右翼前旗测试职业技能培训学校-中式烹调师';
const LONG = `${'合作企业就业协议书'.repeat(8)}.pdf`;
const ODD = {
  '材料/就业/合\n同.pdf': PDF,
  '材料/就业/合同%0A-100%.pdf': PDF,
  [`材料/就业/${LONG}`]: PDF,
  '材料/就业/问题?.pdf': PDF,
};

const listFolder = (root: string): string[] => {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const n of readdirSync(path.join(root, rel))) {
      const r = rel ? `${rel}/${n}` : n;
      if (statSync(path.join(root, r)).isDirectory()) walk(r);
      else out.push(r);
    }
  };
  walk('');
  return out.sort();
};

describe('names a disc cannot hold', () => {
  it('are refused by check, saying what to rename them to', async () => {
    const dir = writeFixture(baseSubmission(), { ...BASE_FILES, ...ODD, '材料/就业/好名字 (2).pdf': PDF });
    const { diagnostics } = await checkDir(dir);
    const found = diagnostics.filter((d) => d.code === 'file.discName');
    expect(found.map((d) => (d.params as { problem: string }).problem).sort()).toEqual(['control', 'reserved', 'tooLong']);
    for (const d of found) {
      const p = d.params as { suggestion: string };
      expect(discNameProblem(p.suggestion)).toBeUndefined();
    }
    expect(discNameProblem('合同%0A-100%.pdf')).toBeUndefined();
    expect(discNameProblem('CON.pdf')?.problem).toBe('deviceName');
    expect(discNameProblem('报告.pdf.')?.problem).toBe('trailing');
    expect(discNameProblem('x'.repeat(64))).toBeUndefined();
    expect(discNameProblem('x'.repeat(65))?.problem).toBe('tooLong');
  });
});

describe('names that differ only in case', () => {
  it('are refused by check: copied to Windows, one would overwrite the other', async () => {
    const dir = writeFixture(baseSubmission(), { ...BASE_FILES, '材料/就业/合同3.PDF': PDF, '材料/就业/合同3.pdf': PDF });
    const { diagnostics } = await checkDir(dir);
    const clash = diagnostics.filter((d) => d.code === 'file.caseClash');
    expect(clash.map((d) => [(d.params as { path: string }).path, (d.params as { other: string }).other])).toEqual([['材料/就业/合同3.pdf', '材料/就业/合同3.PDF']]);
    expect(clash[0]!.severity).toBe('error');
  });
});

describe('a package built anyway (--force)', () => {
  let out = '';
  // The disc alone (no forms rendered, no volumes bound): the names are all the disc's own doing.
  beforeAll(async () => {
    const dir = writeFixture(baseSubmission(), { ...BASE_FILES, ...ODD });
    const { loaded, scheme } = await loadSubmission(WORLD, dir, async () => SCHEME);
    const report = checkSubmission(loaded!, scheme!, TODAY);
    const date = new Date('2026-10-12T00:00:00Z');
    const disc = await buildDisc({ loaded: loaded!, scheme: scheme!, report, outputs: new Map(), documentsByForm: new Map(), date });
    const { bundle } = packTree(disc.tree, NAME, date, { volumeId: 'T', jolietVolumeId: 'T', publisher: 'T' });
    out = tempDir('names-');
    await writeBundle(out, NAME, bundle, { check: verifiedWrite(WORLD, NAME) });
  });

  it('holds the same names in the folder, the zip and the ISO, all of which verify', async () => {
    const pkg = path.join(out, NAME);
    const folder = listFolder(path.join(pkg, 'disc'));
    expect(folder.every((p) => p.split('/').every((c) => discNameProblem(c) === undefined)), folder.join('\n')).toBe(true);
    const iso = path.join(pkg, `${NAME}.iso`);
    const reader = WORLD.open(iso);
    const entries = await readIsoEntries({ size: statSync(iso).size, reader: () => reader });
    await (await reader).close();
    expect(entries.map((e) => e.path).sort()).toEqual(folder);
    for (const t of ['disc', `${NAME}.zip`, `${NAME}.iso`]) {
      const v = await run(['verify', path.join(pkg, t), '--json']);
      expect(v.code, `${t}: ${v.stdout}`).toBe(0);
      expect(json(v).files).toBe(folder.filter((p) => p.startsWith('data/')).length);
    }
    // index.html links the names as they are on the disc.
    const html = readFileSync(path.join(pkg, 'disc/index.html'), 'utf8');
    const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => decodeURIComponent(m[1]!.replace(/&amp;/g, '&')));
    expect(hrefs.filter((h) => !folder.includes(h))).toEqual([]);
    expect(hrefs).toContain('data/申报数据/材料/就业/合同%0A-100%.pdf');
  });

  crossCheck(['xorriso'], 'extracted from the ISO (the Joliet tree a Windows user sees), still verifies', async () => {
    const x = path.join(tempDir('names-x-'), 'disc');
    mkdirSync(x);
    execFileSync('xorriso', ['-osirrox', 'on', '-indev', path.join(out, NAME, `${NAME}.iso`), '-extract', '/', x], { stdio: 'ignore' });
    const v = await run(['verify', x]);
    expect(v.code, v.stdout).toBe(0);
  });
});
