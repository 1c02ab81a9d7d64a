/**
 * The server of `shenbao serve` answered through `inject()` (no socket) over a temporary
 * workspace: a copy of the bundled example as submission `a`, and beside the workspace — in
 * the folder that holds it — a sentinel file no request may read or change, so a test can
 * tell whether anything reached outside.
 */
import { createHash } from 'node:crypto';
import { cpSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { createServer, type ServerOptions } from '../../src/server/app.js';
import type { Door } from '../../src/server/door.js';
import { Workspace } from '../../src/server/workspace.js';
import { nodeWorld } from '../../src/world/node.js';
import type { World } from '../../src/world/world.js';
import { tempDir } from '../helpers/fixture.js';

export const NOW = new Date(1760000000000);
export const DOOR: Door = { host: '127.0.0.1', port: 8765 };
export const HOST = '127.0.0.1:8765';
export const EXAMPLE = fileURLToPath(new URL('../../data/example/', import.meta.url));
/** What the sentinel outside the workspace holds: no answer may ever contain it. */
export const SECRET = 'SENTINEL-outside-the-workspace-7d41c9';

export const world = (): World => nodeWorld({ clock: { now: NOW, fixed: true } });

export interface Reply {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
  json<T = any>(): T;
}

export interface Request {
  headers?: Record<string, string>;
  /** Sent as JSON (content-type application/json). */
  json?: unknown;
  payload?: string | Buffer;
  /** Leave out X-Shenbao: 1 (sent by default on POST, PUT and DELETE, as the page does). */
  bare?: boolean;
}

export interface Served {
  app: FastifyInstance;
  /** The workspace folder (links resolved). */
  root: string;
  /** The folder holding the workspace: outside it. */
  outside: string;
  /** A file outside the workspace, and a folder outside with a file in it. */
  sentinel: string;
  logs: string[];
  call(method: string, url: string, req?: Request): Promise<Reply>;
  /** One file as the page uploads it (multipart/form-data, field "file"). */
  upload(url: string, name: string, bytes: Uint8Array, req?: Request): Promise<Reply>;
  /** The version of a submission's file, as the page reads it. */
  version(id?: string): Promise<string>;
  /** Fails the test unless nothing outside the workspace was read, changed or added. */
  expectOutsideUntouched(): void;
}

export interface ServeOptions {
  /** Submission folders to copy the example into (default: ["a"]). */
  submissions?: string[];
  limits?: ServerOptions['limits'];
  door?: Door;
  world?: World;
  /** Files to write into the workspace before the server starts (relative path → content). */
  files?: Record<string, string | Buffer>;
  /** Runs before the server starts, with the workspace and the folder outside it (to make links, say). */
  prepare?: (root: string, outside: string) => void;
}

/** Every file and folder under `dir` (hidden ones too), relative, sorted; links are listed, never followed. */
export function tree(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    out.push(rel);
    if (e.isDirectory()) out.push(...tree(path.join(dir, e.name), rel));
  }
  return out.sort();
}

/** Every file under `dir` with a digest of its bytes (links as links, never followed): equal snapshots, nothing changed. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rel of tree(dir)) {
    const abs = path.join(dir, ...rel.split('/'));
    const st = lstatSync(abs);
    out[rel] = st.isSymbolicLink() ? `link→${readlinkSync(abs)}` : st.isDirectory() ? 'dir' : createHash('sha256').update(readFileSync(abs)).digest('hex').slice(0, 16);
  }
  return out;
}

/** What is outside the workspace, by size, time and inode — not by reading it, which would count as a read. */
function outsideState(outside: string): Record<string, string> {
  const out: Record<string, string> = {};
  const rels = readdirSync(outside).filter((n) => n !== 'workspace').flatMap((n) => [n, ...(lstatSync(path.join(outside, n)).isDirectory() ? tree(path.join(outside, n), n) : [])]);
  for (const rel of rels.sort()) {
    const st = lstatSync(path.join(outside, ...rel.split('/')));
    out[rel] = `${st.isDirectory() ? 'dir' : 'file'} ${st.size} ${st.mtimeMs} ${st.ino}`;
  }
  return out;
}

/** Temporary files of uploads and saves (.name.xxxx.part) left anywhere under `dir`. */
export const partFiles = (dir: string) => tree(dir).filter((p) => p.endsWith('.part'));

export function multipart(name: string, bytes: Uint8Array, type = 'application/octet-stream'): { payload: Buffer; contentType: string } {
  const boundary = `----shenbaoTest${createHash('sha1').update(name).digest('hex').slice(0, 12)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`),
    Buffer.from(bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, contentType: `multipart/form-data; boundary=${boundary}` };
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function serve(opts: ServeOptions = {}): Promise<Served> {
  const outside = tempDir('shenbao-server-');
  const dir = path.join(outside, 'workspace');
  mkdirSync(dir);
  for (const id of opts.submissions ?? ['a']) cpSync(EXAMPLE, path.join(dir, id), { recursive: true });
  for (const [rel, data] of Object.entries(opts.files ?? {})) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), data);
  }
  const sentinel = path.join(outside, 'secret.txt');
  writeFileSync(sentinel, `${SECRET}\n`);
  mkdirSync(path.join(outside, 'elsewhere'));
  writeFileSync(path.join(outside, 'elsewhere', 'victim.pdf'), `%PDF-1.4 ${SECRET}\n`);
  // Last read long before it was written: any read now moves its access time (relatime does so too).
  const old = new Date('2001-01-01T00:00:00Z');
  utimesSync(sentinel, old, new Date());
  utimesSync(path.join(outside, 'elsewhere', 'victim.pdf'), old, new Date());
  opts.prepare?.(dir, outside);
  const atimes = () => [sentinel, path.join(outside, 'elsewhere', 'victim.pdf')].map((f) => statSync(f).atimeMs);
  const before = atimes();

  const workspace = await Workspace.open(dir);
  const logs: string[] = [];
  const app = await createServer({ workspace, world: opts.world ?? world(), door: opts.door ?? DOOR, lang: 'en', limits: opts.limits, log: (l) => logs.push(l) });
  const host = opts.door ? `${opts.door.host.includes(':') ? `[${opts.door.host}]` : opts.door.host}:${opts.door.port}` : HOST;
  const outsideAtStart = outsideState(outside);
  const answers: string[] = [];

  const call = async (method: string, url: string, req: Request = {}): Promise<Reply> => {
    const headers: Record<string, string> = { host, ...(UNSAFE.has(method) && !req.bare ? { 'x-shenbao': '1' } : {}), ...(req.json !== undefined ? { 'content-type': 'application/json' } : {}), ...req.headers };
    const res = await app.inject({ method: method as 'GET', url, headers, payload: req.json !== undefined ? JSON.stringify(req.json) : req.payload });
    answers.push(res.body);
    return { statusCode: res.statusCode, headers: res.headers, body: res.body, json: () => res.json() };
  };
  const served: Served = {
    app,
    root: workspace.root,
    outside,
    sentinel,
    logs,
    call,
    upload(url, name, bytes, req = {}) {
      const m = multipart(name, bytes);
      return call('POST', url, { ...req, payload: m.payload, headers: { 'content-type': m.contentType, ...req.headers } });
    },
    async version(id = 'a') {
      const res = await call('GET', `/api/submissions/${encodeURIComponent(id)}/text`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ version: string }>().version;
    },
    expectOutsideUntouched() {
      expect(outsideState(outside), 'files outside the workspace').toEqual(outsideAtStart);
      expect(atimes(), 'access times of the files outside the workspace').toEqual(before);
      for (const a of answers.splice(0)) expect(a).not.toContain(SECRET);
    },
  };
  return served;
}

/**
 * What a user sees of a refusal: the status, and diagnostics JSON (never a stack trace or
 * an HTML page) with a message and a hint for each, one of them with `code`.
 */
export function expectRefused(res: Reply, status: number | number[], code?: string): void {
  const statuses = Array.isArray(status) ? status : [status];
  expect(statuses, `status ${res.statusCode}: ${res.body.slice(0, 300)}`).toContain(res.statusCode);
  expect(String(res.headers['content-type'])).toMatch(/^application\/json/);
  expect(res.body).not.toMatch(/\n\s+at |node_modules|<html|<!doctype/i);
  const body = res.json<{ ok: boolean; diagnostics: { severity: string; code: string; message: string; hint: string | null }[] }>();
  expect(body.ok).toBe(false);
  expect(body.diagnostics.length).toBeGreaterThan(0);
  for (const d of body.diagnostics) {
    expect(['error', 'warning', 'info']).toContain(d.severity);
    expect(d.message).toMatch(/\S/);
    expect(d).toHaveProperty('hint');
  }
  if (code) expect(body.diagnostics.map((d) => d.code)).toContain(code);
}

export const codesOf = (res: Reply): string[] => res.json<{ diagnostics: { code: string }[] }>().diagnostics.map((d) => d.code);
