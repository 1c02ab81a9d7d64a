/**
 * Output must not depend on the time zone: the same input and SOURCE_DATE_EPOCH give the same
 * bytes with TZ=UTC and TZ=Asia/Shanghai. A process's zone is fixed when it starts, so each
 * zone runs in its own child process, on a tiny input: an Office file re-zipped, the disc zip
 * and the disc image.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { cleanup, tempDir } from '../helpers/fixture.js';

afterAll(cleanup);

const SCRIPT = `
import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { normalizeOfficeZip } from ${JSON.stringify(path.join(ROOT, 'src/render/zip.ts'))};
import { writeZip } from ${JSON.stringify(path.join(ROOT, 'src/package/zip.ts'))};
import { planIso, writeIso } from ${JSON.stringify(path.join(ROOT, 'src/package/iso.ts'))};
const date = new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000);
const sha = (b) => createHash('sha256').update(b).digest('hex');
const collect = async (write) => {
  const out = new PassThrough();
  const chunks = [];
  out.on('data', (c) => chunks.push(c));
  await write(out);
  out.end();
  return Buffer.concat(chunks);
};
const office = normalizeOfficeZip(Buffer.from(process.env.OFFICE_ZIP, 'base64'), date);
const files = [{ path: '说明.txt', size: 3, content: Buffer.from('abc') }, { path: 'data/表格/01.pdf', size: 4, content: Buffer.from('%PDF') }];
const zip = await collect((out) => writeZip(files, '包', date, out));
const iso = await collect((out) => writeIso(planIso(files, { volumeId: 'T', jolietVolumeId: 'T', date }), out));
process.stdout.write(JSON.stringify({ office: sha(office), zip: sha(zip), iso: sha(iso) }));
`;

/** A small Office package as docx writes it (its own times in it). */
const OFFICE = Buffer.from(zipSync({ '[Content_Types].xml': Buffer.from('<Types/>'), 'word/document.xml': Buffer.from('<w:document/>') })).toString('base64');

function inZone(script: string, tz: string): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: ROOT,
      env: { ...process.env, TZ: tz, SOURCE_DATE_EPOCH: '1760000000', OFFICE_ZIP: OFFICE },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`TZ=${tz}: exit ${code}\n${err}`))));
  });
}

describe('the time zone', () => {
  it('changes no byte of an Office file, the disc zip or the disc image', async () => {
    const script = path.join(tempDir('tz-'), 'tz.mts');
    writeFileSync(script, SCRIPT);
    const [utc, shanghai] = await Promise.all([inZone(script, 'UTC'), inZone(script, 'Asia/Shanghai')]);
    expect(shanghai).toEqual(utc);
  });
});
