/**
 * The core as a library behind its World: two builds of different submissions running at
 * the same time in one process give byte for byte what they give one after the other — one
 * of them read from files on disk, the other from an in-memory World (as uploads arrive).
 * The same builds show that each attachment is read once and each attached PDF parsed once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { PDFDocument } from '#pdf-lib';
import { describe, expect, inject, it, vi } from 'vitest';
import { isBytes, type Bundle } from '../../src/core/bundle.js';
import { build } from '../../src/pipeline/build.js';
import { MemoryWorld } from '../../src/world/memory.js';
import { nodeFonts, nodeWorld } from '../../src/world/node.js';
import type { World } from '../../src/world/world.js';
import { ROOT } from '../helpers/cli.js';
import { BASE_FILES, baseSubmission } from '../helpers/fixture.js';
import { stringify } from 'yaml';

const clock = { now: new Date(1760000000 * 1000), fixed: true };
const disk = nodeWorld({ clock });

/** Every entry of a bundle as bytes (streams, the zip and the image, written into memory). */
async function bytesOf(bundle: Bundle): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const [p, e] of bundle) {
    if (isBytes(e)) out.set(p, Buffer.from(e));
    else if (e.kind === 'file') {
      const parts: Uint8Array[] = [];
      for await (const c of e.open()) parts.push(c);
      out.set(p, Buffer.concat(parts));
    } else {
      const parts: Buffer[] = [];
      await e.write(new Writable({ write: (c: Buffer, _e, cb) => (parts.push(c), cb()) }));
      out.set(p, Buffer.concat(parts));
    }
  }
  return out;
}

async function built(world: World, dir: string): Promise<Map<string, Buffer>> {
  const r = await build(world, { dir, cwd: '/', force: false });
  if (r.status !== 'built') throw new Error(`${dir}: ${r.status}`);
  return bytesOf(r.pkg.bundle);
}

/** A World that counts how often each file is opened (read whole, read in part, or streamed). */
function counting(world: World): { world: World; opens: Map<string, number> } {
  const opens = new Map<string, number>();
  const count = (p: string) => opens.set(p, (opens.get(p) ?? 0) + 1);
  return {
    opens,
    world: {
      ...world,
      read: (p) => (count(p), world.read(p)),
      readRange: (p, o, l) => (count(p), world.readRange(p, o, l)),
      stream: (p) => (count(p), world.stream(p)),
    },
  };
}

/** Every file under a folder, as absolute paths. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

/** A second submission, held in memory only: its files are never on disk. */
function uploaded(): World {
  const s = baseSubmission() as Record<string, any>;
  s.institution.name = '阿尔山市上传职业技能培训学校';
  s.county = { name: '阿尔山市', populationBand: 'below200k' };
  const files: Record<string, Uint8Array | string> = { '/uploads/a/submission.yaml': stringify(s) };
  for (const [rel, data] of Object.entries(BASE_FILES)) files[`/uploads/a/${rel}`] = typeof data === 'string' ? data : new Uint8Array(data);
  return new MemoryWorld(files, { clock, fonts: nodeFonts, fallback: disk });
}

/** The example's build by the real CLI (made once for the run), read back from disk. */
function exampleOnDisk(): Map<string, Buffer> {
  const dir = inject('exampleBuild').dir;
  const out = new Map<string, Buffer>();
  const walk = (rel: string) => {
    for (const n of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${n.name}` : n.name;
      if (n.isDirectory()) walk(r);
      else out.set(r, readFileSync(path.join(dir, r)));
    }
  };
  walk('');
  return out;
}

describe('two builds at once', () => {
  it('give byte for byte the files they give one after the other', async () => {
    const memory = uploaded();
    const example = path.join(ROOT, 'data/example');
    const alone = await built(memory, '/uploads/a');
    const { world: watched, opens } = counting(disk);
    const attachments = filesUnder(path.join(example, '材料'));
    const pdfs = new Set(attachments.filter((f) => f.endsWith('.pdf')).map((f) => readFileSync(f).toString('base64')));
    const load = vi.spyOn(PDFDocument, 'load');
    const [a, b] = await Promise.all([built(watched, example), built(memory, '/uploads/a')]);
    // Read once: every attachment opened once, every attached PDF parsed once (the zip, the
    // ISO and the print volumes use what loading kept).
    expect(attachments.length).toBeGreaterThan(10);
    expect(attachments.filter((f) => opens.get(f) !== 1).map((f) => `${path.relative(example, f)} ×${opens.get(f) ?? 0}`)).toEqual([]);
    const parses = new Map<string, number>();
    for (const [input] of load.mock.calls) {
      const key = Buffer.from(input as Uint8Array).toString('base64');
      if (pdfs.has(key)) parses.set(key, (parses.get(key) ?? 0) + 1);
    }
    load.mockRestore();
    expect(pdfs.size).toBeGreaterThan(0);
    expect(parses.size).toBe(pdfs.size);
    expect([...parses.values()].every((n) => n === 1)).toBe(true);
    const differ = (x: Map<string, Buffer>, y: Map<string, Buffer>) => [...new Set([...x.keys(), ...y.keys()])].filter((k) => !x.get(k)?.equals(y.get(k) ?? Buffer.alloc(0)));
    expect(a.size).toBe(exampleOnDisk().size);
    expect(differ(a, exampleOnDisk())).toEqual([]);
    expect(b.size).toBeGreaterThan(40);
    expect(differ(b, alone)).toEqual([]);
    // The in-memory submission really is another one.
    expect([...b.keys()][0]).toContain('documents/');
    expect(b.get('disc/data/申报数据/submission.yaml')!.toString()).toContain('阿尔山市上传职业技能培训学校');
  }, 120_000);
});
