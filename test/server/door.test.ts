/**
 * The door: a request for another host (DNS rebinding), from another site's page (an Origin
 * not the server's own), or one that changes files without X-Shenbao (a form posted from
 * another site) is refused before any route runs, and changes nothing; a server reachable
 * from the network asks for its token, which a prefix or a stale cookie does not stand in for.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, PDF } from '../helpers/fixture.js';
import { expectRefused, serve, snapshot, type Served } from './harness.js';

afterAll(cleanup);

describe('the Host and Origin of a request', () => {
  let s: Served;
  beforeAll(async () => {
    s = await serve();
  });

  it.each([
    ['evil.example', '/api/info'],
    ['evil.example', '/'],
    ['evil.example:8765', '/api/submissions'],
    ['127.0.0.1:9999', '/api/info'],
    ['127.0.0.1', '/api/info'],
    ['127.0.0.1.evil.example:8765', '/api/info'],
    ['', '/api/info'],
    ['evil.example', '/no/such/route'],
  ])('Host %j for %s is refused with 421 server.badHost', async (host, url) => {
    const res = await s.call('GET', url, { headers: { host } });
    expectRefused(res, 421, 'server.badHost');
  });

  it.each(['127.0.0.1:8765', 'localhost:8765', 'LOCALHOST:8765', '[::1]:8765'])('Host %s is this server: answered', async (host) => {
    const res = await s.call('GET', '/api/info', { headers: { host } });
    expect(res.statusCode).toBe(200);
    expect(res.json().workspace).toBe('workspace');
  });

  it('a request for another host changes nothing, even with X-Shenbao', async () => {
    const before = snapshot(s.root);
    const version = await s.version();
    const res = await s.call('PUT', '/api/submissions/a', { headers: { host: 'evil.example' }, json: { version, edits: [{ path: ['brand', 'classes'], value: 99 }] } });
    expectRefused(res, 421, 'server.badHost');
    expect(snapshot(s.root)).toEqual(before);
  });

  it.each(['http://evil.example', 'null', 'http://127.0.0.1:8765.evil.example', 'https://127.0.0.1:8765', 'http://127.0.0.1:9999', 'http://localhost.evil.example:8765'])(
    'Origin %s is another site: 403 server.badOrigin',
    async (origin) => {
      const res = await s.call('GET', '/api/info', { headers: { origin } });
      expectRefused(res, 403, 'server.badOrigin');
      expect(res.json().diagnostics[0].message).toContain(origin);
    },
  );

  it('the page’s own Origin is let in', async () => {
    expect((await s.call('GET', '/api/info', { headers: { origin: 'http://127.0.0.1:8765' } })).statusCode).toBe(200);
    expect((await s.call('GET', '/api/info', { headers: { origin: 'http://localhost:8765' } })).statusCode).toBe(200);
  });

  it('a preflight from another site gets no CORS grant', async () => {
    const res = await s.call('OPTIONS', '/api/submissions/a', { headers: { origin: 'http://evil.example', 'access-control-request-method': 'PUT', 'access-control-request-headers': 'x-shenbao' } });
    expectRefused(res, 403, 'server.badOrigin');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('requests that change files need X-Shenbao: 1', () => {
  let s: Served;
  beforeAll(async () => {
    s = await serve();
  });

  const changes = (version: string): [string, string, { json?: unknown; file?: [string, Buffer] }][] => [
    ['PUT', '/api/submissions/a', { json: { version, edits: [{ path: ['brand', 'classes'], value: 99 }] } }],
    ['PUT', '/api/submissions/a', { json: { version, text: 'kind: review\n' } }],
    ['POST', '/api/submissions', { json: { folder: 'b', kind: 'application', level: 'league' } }],
    ['POST', `/api/submissions/a/attachments/licence?version=${version}`, { file: ['new.pdf', PDF] }],
    ['PUT', '/api/submissions/a/attachments/licence', { json: { version, files: ['材料/03-办学许可证/办学许可证.pdf'] } }],
    ['DELETE', `/api/submissions/a/files?version=${version}&path=${encodeURIComponent('材料/03-办学许可证/办学许可证.pdf')}`, {}],
    ['POST', '/api/submissions/a/build', { json: {} }],
    ['POST', '/api/county/inbox', { file: ['pkg.zip', Buffer.from('PK\u0003\u0004 a zip')] }],
    ['DELETE', '/api/county/inbox?name=old.zip', {}],
    ['POST', '/api/county/intake', {}],
    ['POST', '/api/county/run', {}],
    ['POST', '/api/county/file', {}],
  ];

  it.each([
    ['without it', undefined],
    ['with X-Shenbao: 0', '0'],
    ['with X-Shenbao: true', 'true'],
  ])('%s every POST, PUT and DELETE is refused (403) and nothing on disk changes', async (_, header) => {
    const version = await s.version();
    const before = snapshot(s.root);
    for (const [method, url, body] of changes(version)) {
      const headers: Record<string, string> = header === undefined ? {} : { 'x-shenbao': header };
      const res = body.file ? await s.upload(url, body.file[0], body.file[1], { bare: true, headers }) : await s.call(method, url, { bare: true, headers, ...(body.json !== undefined && { json: body.json }) });
      expectRefused(res, 403, 'server.badOrigin');
    }
    expect(snapshot(s.root)).toEqual(before);
    expect(await s.version()).toBe(version);
  });

  it('the same save with X-Shenbao: 1 does change the file (so the refusals above were the header’s doing)', async () => {
    const version = await s.version();
    const res = await s.call('PUT', '/api/submissions/a', { json: { version, edits: [{ path: ['brand', 'classes'], value: 99 }] } });
    expect(res.statusCode, res.body).toBe(200);
    expect(readFileSync(path.join(s.root, 'a', 'submission.yaml'), 'utf8')).toMatch(/^ {2}classes: 99$/m);
  });
});

describe('a server reachable from the network asks for its token', () => {
  const token = 'Zk3vQ9-tokenOfThisRun_x7';
  const door = { host: '192.168.10.20', port: 8765, token };
  const host = '192.168.10.20:8765';
  let s: Served;
  beforeAll(async () => {
    s = await serve({ door });
  });

  it.each(['/api/info', '/', '/index.html', '/api/submissions/a', '/api/file?path=a%2Fsubmission.yaml'])('without it, GET %s is 401 server.token', async (url) => {
    expectRefused(await s.call('GET', url, { headers: { host } }), 401, 'server.token');
  });

  it('without it, a change is refused and nothing changes', async () => {
    const before = snapshot(s.root);
    const res = await s.call('PUT', '/api/submissions/a', { headers: { host }, json: { version: 'x', edits: [] } });
    expectRefused(res, 401, 'server.token');
    expect(snapshot(s.root)).toEqual(before);
  });

  it('?token= lets the page in and leaves an HttpOnly, SameSite=Strict cookie; the cookie alone then works', async () => {
    const first = await s.call('GET', `/?token=${token}`, { headers: { host } });
    expect(first.statusCode).toBe(200);
    expect(first.body).toMatch(/<html/i);
    const setCookie = String(first.headers['set-cookie']);
    expect(setCookie).toMatch(/^shenbao_token=/);
    expect(setCookie).toMatch(/;\s*HttpOnly/i);
    expect(setCookie).toMatch(/;\s*SameSite=Strict/i);
    expect(setCookie).toMatch(/;\s*Path=\//);
    const cookie = setCookie.split(';')[0]!;
    const next = await s.call('GET', '/api/info', { headers: { host, cookie } });
    expect(next.statusCode).toBe(200);
    expect(next.json().workspace).toBe('workspace');
    expect(next.headers['set-cookie']).toBeUndefined();
    // With the cookie (as the browser sends it) a change goes through too.
    const version = (await s.call('GET', '/api/submissions/a/text', { headers: { host, cookie } })).json().version as string;
    const saved = await s.call('PUT', '/api/submissions/a', { headers: { host, cookie }, json: { version, edits: [{ path: ['brand', 'classes'], value: 7 }] } });
    expect(saved.statusCode, saved.body).toBe(200);
  });

  it('the X-Shenbao-Token header works as well', async () => {
    expect((await s.call('GET', '/api/info', { headers: { host, 'x-shenbao-token': token } })).statusCode).toBe(200);
  });

  it.each([
    ['a prefix of it', token.slice(0, -1)],
    ['a shorter prefix', token.slice(0, 4)],
    ['it with more after it', `${token}x`],
    ['it in another case', token.toUpperCase()],
    ['one character changed (same length)', `${token.slice(0, -1)}y`],
    ['empty', ''],
  ])('%s is not the token: 401, and no cookie is set', async (_, wrong) => {
    const tries: Record<string, string>[] = [{ host }, { host, 'x-shenbao-token': wrong }, { host, cookie: `shenbao_token=${encodeURIComponent(wrong)}` }];
    for (const headers of tries) {
      const res = await s.call('GET', `/api/info?token=${encodeURIComponent(wrong)}`, { headers });
      expectRefused(res, 401, 'server.token');
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('?token= given twice is refused, not taken as a list', async () => {
    expectRefused(await s.call('GET', `/api/info?token=${token}&token=${token}`, { headers: { host } }), [400, 401]);
  });

  it('a cookie that is not valid percent-encoding is refused (401), not a crash', async () => {
    const res = await s.call('GET', '/api/info', { headers: { host, cookie: 'shenbao_token=%E0%A4%A' } });
    expectRefused(res, 401, 'server.token');
    expect(s.logs).toEqual([]);
  });

  it('a cookie left by an earlier run (another token) does not shadow the ?token= of this run', async () => {
    const res = await s.call('GET', `/?token=${token}`, { headers: { host, cookie: 'shenbao_token=tokenOfYesterdaysRun' } });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['set-cookie'])).toContain(`shenbao_token=${token}`);
  });

  it('the token does not stand in for the Host check', async () => {
    expectRefused(await s.call('GET', `/api/info?token=${token}`, { headers: { host: 'evil.example' } }), 421, 'server.badHost');
    expectRefused(await s.call('GET', `/api/info?token=${token}`, { headers: { host: '127.0.0.1:8765' } }), 421, 'server.badHost');
  });
});
