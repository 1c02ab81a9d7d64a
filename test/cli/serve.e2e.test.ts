/**
 * `shenbao serve` as a user starts it: the real binary, a workspace folder, --no-open. It
 * prints the address, answers there on 127.0.0.1 only for its own Host, stops cleanly on
 * Ctrl+C, and beyond loopback asks for the token it printed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync } from 'node:fs';
import http from 'node:http';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, run } from '../helpers/cli.js';
import { cleanup, tempDir } from '../helpers/fixture.js';

afterAll(cleanup);

interface Started {
  child: ChildProcess;
  url: URL;
  out: () => string;
  exited: Promise<number | null>;
}

function start(args: string[], cwd: string): Promise<Started> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
  let out = '';
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address printed: ${out}`)), 20_000);
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /(http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: new URL(m[1]!), out: () => out, exited });
      }
    });
    child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
    child.on('exit', () => reject(new Error(`exited early: ${out}`)));
  });
}

/** A GET with the Host header chosen (fetch would not let us send another). */
function get(url: URL, pathname: string, host = url.host, headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: url.port, path: pathname, headers: { host, ...headers } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('shenbao serve', () => {
  it('prints its address, serves the page and the submissions of the workspace, refuses another Host, and stops on Ctrl+C', async () => {
    const ws = tempDir('serve-');
    cpSync(path.join(ROOT, 'data/example'), path.join(ws, '天骄'), { recursive: true });
    const s = await start(['.', '--no-open', '--port', '0'], ws);
    try {
      expect(s.url.hostname).toBe('127.0.0.1');
      expect(s.out()).toContain('shenbao 已启动');
      const page = await get(s.url, '/');
      expect(page.status).toBe(200);
      expect(page.body).toContain('<script type="module" src="/app.js">');
      const list = await get(s.url, '/api/submissions');
      expect(JSON.parse(list.body).submissions.map((x: { id: string; errors: number }) => [x.id, x.errors])).toEqual([['天骄', 0]]);
      const rebinding = await get(s.url, '/api/submissions', `attacker.example:${s.url.port}`);
      expect(rebinding.status).toBe(421);
      expect(JSON.parse(rebinding.body).diagnostics[0].code).toBe('server.badHost');
    } finally {
      s.child.kill('SIGINT');
    }
    expect(await s.exited).toBe(0);
  }, 60_000);

  it('asks for the printed token when it listens beyond this computer', async () => {
    const ws = tempDir('serve-lan-');
    const s = await start(['.', '--no-open', '--port', '0', '--host', '0.0.0.0'], ws);
    try {
      const token = s.url.searchParams.get('token');
      expect(token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
      expect(s.out()).toMatch(/口令/);
      const host = `0.0.0.0:${s.url.port}`;
      const without = await get(s.url, '/api/info', host);
      expect(without.status).toBe(401);
      expect(JSON.parse(without.body).diagnostics[0].code).toBe('server.token');
      const withToken = await get(s.url, `/api/info?token=${token}`, host);
      expect(withToken.status).toBe(200);
      expect(String(withToken.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
      // A colleague opens it by this computer's own address on the network.
      const lan = Object.values(networkInterfaces()).flat().find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
      if (lan) expect((await get(s.url, `/api/info?token=${token}`, `${lan}:${s.url.port}`)).status).toBe(200);
      expect((await get(s.url, `/api/info?token=${token}`, `elsewhere.example:${s.url.port}`)).status).toBe(421);
    } finally {
      s.child.kill('SIGINT');
    }
    expect(await s.exited).toBe(0);
  }, 60_000);

  it('refuses a workspace that does not exist, and a wrong port, as usage problems', async () => {
    const missing = await run(['serve', 'no-such-folder', '--no-open', '--json']);
    expect(missing.code).toBe(3);
    expect(JSON.parse(missing.stdout).diagnostics[0]).toMatchObject({ code: 'file.unreadable', file: 'no-such-folder' });
    const badPort = await run(['serve', '.', '--no-open', '--port', '70000']);
    expect(badPort.code).toBe(2);
  });
});
