/**
 * Every path a request names — ?path= of a file, the :id of a submission, the :slot of an
 * attachment, the file to remove, the inbox item, the package to verify — stays inside the
 * workspace: `..` (plain or encoded), absolute paths, drive letters, backslashes, NUL, empty
 * and very long names, and links that lead out are each refused with a 4xx and diagnostics
 * (never a 500), and nothing outside is read, written or added.
 */
import { mkdirSync, renameSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, PDF } from '../helpers/fixture.js';
import { expectRefused, partFiles, serve, snapshot, tree, type Served } from './harness.js';

afterAll(cleanup);

const ZIP = Buffer.from('PK\u0003\u0004 the bytes of a zip');

/** Paths that lead out of the workspace (or are no path at all), as a request would give them. */
const HOSTILE: [what: string, rel: string][] = [
  ['..', '../secret.txt'],
  ['.. twice', '../../secret.txt'],
  ['.. after a folder', 'a/../../secret.txt'],
  ['only ..', '..'],
  ['...', '.../secret.txt'],
  ['"..␠"', '.. /secret.txt'],
  ['absolute', '/etc/passwd'],
  ['absolute, to the sentinel', '<sentinel>'],
  ['drive letter', 'C:/Windows/win.ini'],
  ['drive letter, backslash', 'C:\\x'],
  ['backslashes', '..\\..\\secret.txt'],
  ['a backslash', 'a\\submission.yaml'],
  ['NUL', 'a/submission.yaml\u0000.pdf'],
  ['a control character', 'a/sub\u0001mission.yaml'],
  ['empty', ''],
  ['a double slash', 'a//submission.yaml'],
  ['very long', `${'x'.repeat(250)}/`.repeat(24)],
  ['a name too long for the file system', 'x'.repeat(400)],
  ['a link that leads out (folder)', 'out/secret.txt'],
  ['a link that leads out (file)', 'a/link.txt'],
  ['a link into a folder outside', 'a/材料/elsewhere/victim.pdf'],
  ['through a file', 'a/submission.yaml/x'],
];

const inside = (s: Served, rel: string) => (rel === '<sentinel>' ? s.sentinel : rel);
/** The same path, relative to submission a (for the routes that name a file of it). */
const ofA = (s: Served, rel: string) => (rel === '<sentinel>' ? s.sentinel : rel.startsWith('a/') ? rel.slice(2) : rel === 'out/secret.txt' ? '../out/secret.txt' : rel);

describe('paths that lead out of the workspace', () => {
  let s: Served;
  let version: string;
  let before: Record<string, string>;
  beforeAll(async () => {
    s = await serve({
      files: { '收件/keep.zip': ZIP },
      // Links inside the workspace that lead out of it.
      prepare(root, outside) {
        symlinkSync(outside, path.join(root, 'out'));
        symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'a', 'link.txt'));
        symlinkSync(path.join(outside, 'elsewhere'), path.join(root, 'a', '材料', 'elsewhere'));
        symlinkSync(path.join(outside, 'secret.txt'), path.join(root, '收件', 'link.zip'));
      },
    });
    version = await s.version();
    before = snapshot(s.root);
  });

  afterAll(() => {
    // Nothing was changed in the workspace either, nor left half-written.
    expect(snapshot(s.root)).toEqual(before);
    expect(partFiles(s.root)).toEqual([]);
  });

  it.each(HOSTILE)('GET /api/file?path= %s is refused', async (_, rel) => {
    const res = await s.call('GET', `/api/file?path=${encodeURIComponent(inside(s, rel))}`);
    expectRefused(res, [400, 404]);
    s.expectOutsideUntouched();
  });

  it.each(HOSTILE)('GET /api/verify?path= %s is refused', async (_, rel) => {
    const res = await s.call('GET', `/api/verify?path=${encodeURIComponent(inside(s, rel))}`);
    expectRefused(res, [400, 404]);
    s.expectOutsideUntouched();
  });

  it.each(HOSTILE)('DELETE /api/submissions/a/files path %s is refused and nothing is moved', async (_, rel) => {
    const res = await s.call('DELETE', `/api/submissions/a/files?version=${version}&path=${encodeURIComponent(ofA(s, rel))}`);
    expectRefused(res, [400, 404]);
    s.expectOutsideUntouched();
  });

  // A file that does not exist inside the workspace (through a file) is the check's to report, not a way out.
  it.each(HOSTILE.filter(([what]) => what !== 'through a file'))('PUT /api/submissions/a/attachments/licence listing %s is refused', async (_, rel) => {
    const res = await s.call('PUT', '/api/submissions/a/attachments/licence', { json: { version, files: ['材料/03-办学许可证/办学许可证.pdf', ofA(s, rel)] } });
    expectRefused(res, [400, 404]);
    s.expectOutsideUntouched();
  });

  /** What is a fine path inside the inbox (a folder's files keep their path under 收件/). */
  const fineInInbox = new Set(['a backslash', 'through a file', 'a link that leads out (folder)', 'a link that leads out (file)', 'a link into a folder outside', 'a name too long for the file system']);
  it.each(HOSTILE.filter(([what]) => !fineInInbox.has(what)))('POST /api/county/inbox?path= %s is refused and nothing is written', async (_, rel) => {
    const res = await s.upload(`/api/county/inbox?path=${encodeURIComponent(inside(s, rel))}`, 'pkg.zip', ZIP);
    expectRefused(res, 400, 'server.badPath');
    s.expectOutsideUntouched();
  });

  it.each(HOSTILE)('DELETE /api/county/inbox?name= %s is refused', async (_, rel) => {
    const res = await s.call('DELETE', `/api/county/inbox?name=${encodeURIComponent(inside(s, rel))}`);
    expectRefused(res, [400, 404]);
    s.expectOutsideUntouched();
  });

  it('an inbox item that is a link out of the workspace is neither written through nor moved', async () => {
    expectRefused(await s.call('DELETE', '/api/county/inbox?name=link.zip'), 400, 'server.badPath');
    expectRefused(await s.upload('/api/county/inbox?path=link.zip', 'link.zip', ZIP), 400, 'server.badPath');
    s.expectOutsideUntouched();
  });

  it('a package named with a path by the browser (C:\\…\\pkg.zip, ../../pkg.zip) lands in the inbox under its name only', async () => {
    for (const name of ['C:\\Users\\clerk\\Desktop\\pkg.zip', '../../pkg.zip']) {
      const res = await s.upload('/api/county/inbox', name, ZIP);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().path).toBe('收件/pkg.zip');
    }
    expect(tree(path.join(s.root, '收件')).filter((p) => !p.startsWith('.'))).toEqual(['keep.zip', 'link.zip', 'pkg.zip']);
    s.expectOutsideUntouched();
    // Put the workspace back as it was for the check after all tests.
    expect((await s.call('DELETE', '/api/county/inbox?name=pkg.zip')).statusCode).toBe(200);
    before = snapshot(s.root);
  });

  const ids: [string, string][] = [
    ['..', '..'],
    ['.. encoded', '%2e%2e'],
    ['../ encoded', '..%2f..%2fsecret.txt'],
    ['..\\ encoded', '..%5C..%5Csecret.txt'],
    ['absolute, encoded', '%2Fetc%2Fpasswd'],
    ['drive letter', 'C%3A%5CWindows'],
    ['NUL', 'a%00'],
    ['a link out of the workspace', 'out'],
    ['a folder that is no submission', '%E6%94%B6%E4%BB%B6'],
    ['very long', 'x'.repeat(3000)],
    ['not valid percent-encoding', '%E0%A4%A'],
    ['__proto__', '__proto__'],
    ['constructor', 'constructor'],
  ];
  const subRoutes = (id: string): [string, string, unknown?][] => [
    ['GET', `/api/submissions/${id}`],
    ['GET', `/api/submissions/${id}/text`],
    ['GET', `/api/submissions/${id}/forms`],
    ['GET', `/api/submissions/${id}/preview/application`],
    ['GET', `/api/submissions/${id}/roster-template`],
    ['PUT', `/api/submissions/${id}`, { version, edits: [{ path: ['brand', 'classes'], value: 1 }] }],
    ['PUT', `/api/submissions/${id}/attachments/licence`, { version, files: [] }],
    ['POST', `/api/submissions/${id}/build`, {}],
    ['DELETE', `/api/submissions/${id}/files?version=${version}&path=submission.yaml`],
  ];

  it.each(ids)('the :id %s of /api/submissions/:id and every route under it is refused', async (_, id) => {
    for (const [method, url, json] of subRoutes(id)) {
      const res = await s.call(method, url, json === undefined ? {} : { json });
      expectRefused(res, [400, 404, 414]);
    }
    const up = await s.upload(`/api/submissions/${id}/attachments/licence?version=${version}`, 'x.pdf', PDF);
    expectRefused(up, [400, 404, 414]);
    const roster = await s.upload(`/api/submissions/${id}/roster?version=${version}`, '花名册.csv', Buffer.from('序号,姓名\n1,张三\n'));
    expectRefused(roster, [400, 404, 414]);
    s.expectOutsideUntouched();
  });

  const slots: [string, string][] = [
    ['..', '..'],
    ['../ encoded', '..%2f..%2f..'],
    ['..\\ encoded', '..%5C..'],
    ['absolute', '%2Ftmp'],
    ['NUL', 'licence%00'],
    ['__proto__', '__proto__'],
    ['constructor', 'constructor'],
    ['toString', 'toString'],
    ['hasOwnProperty', 'hasOwnProperty'],
    ['no slot of the scheme', 'nope'],
    ['very long', 'x'.repeat(2000)],
    ['not valid percent-encoding', 'licence%E0%A4%A'],
  ];

  it.each(slots)('the :slot %s of an upload is refused, and no folder is made for it', async (_, slot) => {
    const res = await s.upload(`/api/submissions/a/attachments/${slot}?version=${version}`, 'x.pdf', PDF);
    expectRefused(res, [400, 404, 414]);
    s.expectOutsideUntouched();
  });

  it.each(slots)('the :slot %s of a new order of files is refused, and submission.yaml does not get it', async (_, slot) => {
    const res = await s.call('PUT', `/api/submissions/a/attachments/${slot}`, { json: { version, files: [] } });
    expectRefused(res, [400, 404, 414]);
  });

  it.each(['/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/package.json', '/vendor/..%2f..%2fpackage.json', '/..%5c..%5cpackage.json', '/%2e%2e%2f%2e%2e%2fetc%2fpasswd', '//etc/passwd', '/.git/config', '/index.html%00', '/fonts/sans/..%2f..%2fpackage.json'])(
    'the page’s own files: GET %s serves nothing from outside web/',
    async (url) => {
      const res = await s.call('GET', url);
      expectRefused(res, [400, 403, 404]);
      expect(res.body).not.toContain('"dependencies"');
      s.expectOutsideUntouched();
    },
  );

  it('no request was a 500, and the server logged no bug', () => {
    expect(s.logs).toEqual([]);
  });
});

describe('a workspace whose folders are links out of it', () => {
  let s: Served;
  beforeAll(async () => {
    s = await serve({
      prepare(root, outside) {
        mkdirSync(path.join(outside, 'inbox-elsewhere'));
        symlinkSync(path.join(outside, 'inbox-elsewhere'), path.join(root, '收件'));
        const folder = path.join(root, 'a', '材料', '03-办学许可证');
        renameSync(folder, `${folder}.moved`);
        symlinkSync(path.join(outside, 'elsewhere'), folder);
      },
    });
  });

  it('the inbox, when it is a link out, takes no package', async () => {
    const res = await s.upload('/api/county/inbox', 'pkg.zip', ZIP);
    expectRefused(res, 400, 'server.badPath');
    expect(tree(path.join(s.outside, 'inbox-elsewhere'))).toEqual([]);
    s.expectOutsideUntouched();
  });

  it('an attachment folder that is a link out takes no upload', async () => {
    const res = await s.upload(`/api/submissions/a/attachments/licence?version=${await s.version()}`, 'x.pdf', PDF);
    expectRefused(res, [400, 422]);
    expect(tree(path.join(s.outside, 'elsewhere'))).toEqual(['victim.pdf']);
    s.expectOutsideUntouched();
  });
});

describe('the folder of a new submission', () => {
  let s: Served;
  beforeAll(async () => {
    s = await serve();
  });

  it.each(['../evil', '..', '.', '/etc/evil', 'C:\\evil', 'C:/evil', 'out/../../x', '.shenbao', '.hidden', '  ', ''])('%j is no folder name: 400, and nothing is made', async (folder) => {
    const before = tree(s.root);
    const res = await s.call('POST', '/api/submissions', { json: { folder, kind: 'application', level: 'league' } });
    expectRefused(res, 400);
    expect(tree(s.root)).toEqual(before);
    s.expectOutsideUntouched();
  });

  it('a name is made a folder of the workspace, listed with the others; the same name again is 409', async () => {
    const res = await s.call('POST', '/api/submissions', { json: { folder: '天骄学校 2026', kind: 'application', level: 'league', county: '科尔沁右翼前旗' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().id).toBe('天骄学校 2026');
    const list = (await s.call('GET', '/api/submissions')).json<{ submissions: { id: string }[] }>().submissions.map((x) => x.id);
    expect(list).toEqual(['a', '天骄学校 2026']);
    expectRefused(await s.call('POST', '/api/submissions', { json: { folder: '天骄学校 2026', kind: 'review', level: 'league' } }), 409, 'server.exists');
    s.expectOutsideUntouched();
  });
});

describe('files of the workspace opened in the page', () => {
  let s: Served;
  beforeAll(async () => {
    s = await serve({
      files: {
        '收件/资料/说明.html': '<!doctype html><script>fetch("/api/county/run",{method:"POST",headers:{"x-shenbao":"1"}})</script>',
        '收件/资料/伪装.pdf': '<html><script>alert(1)</script></html>',
        '收件/资料/图.svg': '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
      },
    });
  });

  it.each(['收件/资料/说明.html', '收件/资料/伪装.pdf', '收件/资料/图.svg'])('%s is never served as a page the browser would run: a download, not sniffed', async (rel) => {
    const res = await s.call('GET', `/api/file?path=${encodeURIComponent(rel)}`);
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-type'])).not.toMatch(/html|svg|xml|javascript/);
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment;/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('a real PDF is shown inline, as a PDF', async () => {
    const res = await s.call('GET', `/api/file?path=${encodeURIComponent('a/材料/03-办学许可证/办学许可证.pdf')}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(String(res.headers['content-disposition'])).toMatch(/^inline;/);
  });
});
