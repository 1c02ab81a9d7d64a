/**
 * Bodies too large, cut short or of the wrong type, against a server started with small
 * limits: each is refused with a 4xx and diagnostics, and leaves nothing behind — no
 * temporary .part file, no target file, no change to submission.yaml.
 */
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, JPEG, PDF } from '../helpers/fixture.js';
import { expectRefused, multipart, partFiles, serve, snapshot, tree, type Served } from './harness.js';

afterAll(cleanup);

const LIMITS = { upload: 1000, json: 2000, package: 5000 };
const SLOT_DIR = path.join('a', '材料', '03-办学许可证');
/** A PDF by its first bytes, of any size. */
const pdfOf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(size - 9, 0x20)]);
const zipOf = (size: number) => Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(size - 4, 0x20)]);

describe('with limits of 1000 bytes an upload, 2000 a JSON body, 5000 a package', () => {
  let s: Served;
  let version: string;
  let before: Record<string, string>;
  beforeAll(async () => {
    s = await serve({ limits: LIMITS });
    version = await s.version();
    before = files();
  });

  /** The files of the workspace (an empty folder made on the way, as 收件/, is no file left behind). */
  const files = () => Object.fromEntries(Object.entries(snapshot(s.root)).filter(([, v]) => v !== 'dir'));
  /** Nothing was written: every file is as it was, and no temporary file is anywhere. */
  const expectNothingLeft = () => {
    expect(partFiles(s.root)).toEqual([]);
    expect(files()).toEqual(before);
  };

  it('the limits are what /api/info says', async () => {
    expect((await s.call('GET', '/api/info')).json().limits).toEqual(LIMITS);
  });

  it('a JSON body over the limit is 413 server.tooLarge, and the file is not saved', async () => {
    const res = await s.call('PUT', '/api/submissions/a', { json: { version, edits: [{ path: ['brief'], value: '很长的简介'.repeat(200) }] } });
    expectRefused(res, 413, 'server.tooLarge');
    expect(res.json().diagnostics[0].message).toContain('2 KB');
    expectNothingLeft();
  });

  it('a JSON body just under the limit is saved (the limit is the one given)', async () => {
    const edits = [{ path: ['brief'], value: '简介'.repeat(100) }];
    expect(Buffer.byteLength(JSON.stringify({ version, edits }))).toBeLessThan(LIMITS.json);
    const res = await s.call('PUT', '/api/submissions/a', { json: { version, edits } });
    expect(res.statusCode, res.body).toBe(200);
    version = res.json().version;
    before = files();
  });

  it('an upload over the limit is 413 server.tooLarge, and neither a .part file nor the target is left', async () => {
    const res = await s.upload(`/api/submissions/a/attachments/licence?version=${version}`, 'big.pdf', pdfOf(1500));
    expectRefused(res, 413, 'server.tooLarge');
    expect(res.json().diagnostics[0].message).toContain('1 KB');
    expect(tree(path.join(s.root, SLOT_DIR))).toEqual(['办学许可证.pdf']);
    expectNothingLeft();
  });

  it('an upload over every limit (stopped while it streams) is 413, and nothing is left', async () => {
    const res = await s.upload(`/api/submissions/a/attachments/licence?version=${version}`, 'huge.pdf', pdfOf(20_000));
    expectRefused(res, 413, 'server.tooLarge');
    expectNothingLeft();
  });

  it('a roster over the limit is 413, and the old roster stays', async () => {
    const res = await s.upload(`/api/submissions/a/roster?version=${version}`, '花名册.csv', Buffer.from(`序号,姓名\n${'1,张三\n'.repeat(300)}`));
    expectRefused(res, 413, 'server.tooLarge');
    expectNothingLeft();
  });

  it('a package over its limit is 413, and the inbox stays empty', async () => {
    const res = await s.upload('/api/county/inbox', 'pkg.zip', zipOf(6000));
    expectRefused(res, 413, 'server.tooLarge');
    expectNothingLeft();
  });

  it('a package within its limit (above the upload limit) is taken', async () => {
    const res = await s.upload('/api/county/inbox', 'pkg.zip', zipOf(4000));
    expect(res.statusCode, res.body).toBe(201);
    expect(readFileSync(path.join(s.root, '收件', 'pkg.zip')).length).toBe(4000);
    expect((await s.call('DELETE', '/api/county/inbox?name=pkg.zip')).statusCode).toBe(200);
    before = files();
  });

  it('a package to verify over its limit is 413, and nothing is kept of it', async () => {
    const res = await s.upload('/api/verify', 'pkg.zip', zipOf(6000));
    expectRefused(res, 413, 'server.tooLarge');
    expectNothingLeft();
  });

  describe('a multipart body cut short', () => {
    /** For each upload route, a file it takes when the body is whole. */
    const routes = (): [string, string, string, Buffer][] => [
      ['an attachment', `/api/submissions/a/attachments/licence?version=${version}`, '许可证.jpg', JPEG],
      ['a roster', `/api/submissions/a/roster?version=${version}`, '花名册.csv', Buffer.from('序号,姓名,性别\n1,张三,男\n')],
      ['a partner’s agreement', `/api/submissions/a/partners/0/agreement?version=${version}`, '协议.jpg', JPEG],
      ['a package', '/api/county/inbox', 'pkg.zip', zipOf(600)],
      ['a package to verify', '/api/verify', 'pkg.zip', zipOf(600)],
    ];
    const cuts: [string, (payload: Buffer, fileAt: number, size: number) => number][] = [
      ['in the part’s headers', () => 60],
      ['right after the part’s headers', (_, at) => at],
      ['in the middle of the file', (_, at, size) => at + Math.floor(size / 2)],
      ['right after the file’s bytes', (_, at, size) => at + size],
      ['in the closing boundary', (payload) => payload.length - 12],
    ];

    it.each(cuts)('%s: every upload route answers 4xx with diagnostics, and nothing is left', async (_, cut) => {
      for (const [what, url, name, bytes] of routes()) {
        const { payload, contentType } = multipart(name, bytes);
        const at = cut(payload, payload.indexOf('\r\n\r\n') + 4, bytes.length);
        const res = await s.call('POST', url, { payload: payload.subarray(0, at), headers: { 'content-type': contentType } });
        expect(res.statusCode, what).toBe(400);
        expectRefused(res, 400, 'server.cutShort');
        expectNothingLeft();
      }
    });

    it('none of them was taken for a bug (nothing logged)', () => {
      expect(s.logs).toEqual([]);
    });

    it('the same bodies whole are taken (so the refusals were the cut’s doing)', async () => {
      for (let i = 0; i < routes().length; i++) {
        // Each save changes the file's version; the next route is given the new one.
        const [what, url, name, bytes] = routes()[i]!;
        const { payload, contentType } = multipart(name, bytes);
        const res = await s.call('POST', url, { payload, headers: { 'content-type': contentType } });
        expect([200, 201], `${what}: ${res.statusCode} ${res.body.slice(0, 300)}`).toContain(res.statusCode);
        version = await s.version();
      }
      before = files();
    });
  });

  describe('bodies of the wrong type', () => {
    it.each([
      ['text/plain', 'text/plain; charset=utf-8'],
      ['form fields', 'application/x-www-form-urlencoded'],
      ['XML', 'application/xml'],
      ['multipart', 'multipart/form-data; boundary=x'],
    ])('%s to a JSON route is 4xx with diagnostics, and nothing is saved', async (_, type) => {
      const payload = type.startsWith('text/') ? JSON.stringify({ version, edits: [{ path: ['brand', 'classes'], value: 3 }] }) : 'version=x';
      const res = await s.call('PUT', '/api/submissions/a', { payload, headers: { 'content-type': type } });
      expectRefused(res, [400, 415]);
      expectNothingLeft();
    });

    it('text/plain to a JSON route is 415, even when it holds valid JSON', async () => {
      const res = await s.call('PUT', '/api/submissions/a', { payload: JSON.stringify({ version, edits: [] }), headers: { 'content-type': 'text/plain' } });
      expectRefused(res, 415, 'server.badRequest');
    });

    it.each([
      ['not JSON', '{"version": '],
      ['JSON of the wrong shape', JSON.stringify({ version, edits: 'all of them' })],
      ['a field it does not know', JSON.stringify({ version, edits: [], extra: 1 })],
      ['neither edits nor text', JSON.stringify({ version })],
      ['a __proto__ key', `{"version":"${version}","edits":[],"__proto__":{"x":1}}`],
      ['an array', '[]'],
      ['empty', ''],
    ])('%s is 400 with diagnostics, and nothing is saved', async (_, payload) => {
      const res = await s.call('PUT', '/api/submissions/a', { payload, headers: { 'content-type': 'application/json' } });
      expectRefused(res, 400);
      expectNothingLeft();
    });

    it.each([
      ['JSON', 'application/json', JSON.stringify({ file: 'x.pdf' })],
      ['text/plain', 'text/plain', '%PDF-1.4 not a form'],
      ['the raw bytes of a PDF', 'application/pdf', PDF],
      ['multipart without a boundary', 'multipart/form-data', PDF],
      ['multipart with another boundary than the body’s', 'multipart/form-data; boundary=other', multipart('x.pdf', PDF).payload],
      ['multipart with an overlong boundary', `multipart/form-data; boundary=${'b'.repeat(300)}`, PDF],
      ['multipart with no parts', 'multipart/form-data; boundary=x', '--x--\r\n'],
      ['multipart with a field and no file', 'multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n--x--\r\n'],
      ['an empty multipart body', 'multipart/form-data; boundary=x', ''],
    ])('%s to an upload route is 4xx with diagnostics, and nothing is kept', async (_, type, payload) => {
      for (const url of [`/api/submissions/a/attachments/licence?version=${version}`, `/api/submissions/a/roster?version=${version}`, '/api/county/inbox', '/api/verify']) {
        const res = await s.call('POST', url, { payload, headers: { 'content-type': type } });
        expectRefused(res, [400, 406, 413, 415]);
        expectNothingLeft();
      }
    });

    it('a JSON body nested thousands deep is 400 (not a stack overflow), and nothing is saved', async () => {
      for (const depth of [40, 900]) {
        const payload = `{"version":"${version}","edits":[{"path":["brief"],"value":${'['.repeat(depth)}${']'.repeat(depth)}}]}`;
        const res = await s.call('PUT', '/api/submissions/a', { payload, headers: { 'content-type': 'application/json' } });
        expectRefused(res, 400, 'server.badRequest');
      }
      expectNothingLeft();
    });

    it('an upload without its ?version= is 400, and nothing is kept', async () => {
      const res = await s.upload('/api/submissions/a/attachments/licence', 'x.jpg', JPEG);
      expectRefused(res, 400, 'server.badRequest');
      expectNothingLeft();
    });

    it('none of them was taken for a bug (nothing logged)', () => {
      expect(s.logs).toEqual([]);
    });
  });
});

describe('a connection dropped in the middle of an upload', () => {
  let s: Served;
  let port: number;
  beforeAll(async () => {
    port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (probe.address() as net.AddressInfo).port;
        probe.close(() => resolve(p));
      });
    });
    s = await serve({ door: { host: '127.0.0.1', port } });
    await s.app.listen({ host: '127.0.0.1', port });
  });
  afterAll(() => s.app.close());

  it('leaves no .part file, holds no lock (the next save goes through at once) and is not logged as a bug', async () => {
    const before = snapshot(s.root);
    const version = await s.version();
    const { payload, contentType } = multipart('许可证.pdf', PDF);
    const sock = net.connect(port, '127.0.0.1');
    await new Promise((resolve) => sock.once('connect', resolve));
    sock.write(`POST /api/submissions/a/attachments/licence?version=${version} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Shenbao: 1\r\nContent-Type: ${contentType}\r\nContent-Length: ${payload.length}\r\n\r\n`);
    sock.write(payload.subarray(0, payload.length - 300));
    // Until the server has the first part of the file (the .part file exists), then the line drops.
    for (let i = 0; i < 100 && partFiles(s.root).length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    sock.destroy();
    for (let i = 0; i < 100 && partFiles(s.root).length > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(partFiles(s.root)).toEqual([]);
    expect(snapshot(s.root)).toEqual(before);
    const started = Date.now();
    const saved = await s.call('PUT', '/api/submissions/a', { json: { version, edits: [{ path: ['brand', 'classes'], value: 9 }] } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(s.logs).toEqual([]);
  });
});
