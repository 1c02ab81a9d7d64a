/**
 * The page in a real browser: the server of `shenbao serve` started in this process over a
 * temporary workspace, and Debian's Chromium driven by playwright-core. Used by the browser
 * tests (test/web/*.test.ts) and by scripts/serve-images.ts, which makes the README's
 * screenshots the same way.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as netServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { unzipSync, zipSync } from 'fflate';
import type { Browser, BrowserContext, ConsoleMessage, Page, Request } from 'playwright-core';
import { parseDocument } from 'yaml';
import { createServer } from '../../src/server/app.js';
import { Workspace } from '../../src/server/workspace.js';
import { nodeWorld } from '../../src/world/node.js';
import { CHROMIUM } from '../helpers/tools.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = path.join(ROOT, 'bin/shenbao.js');
export const EXAMPLE = path.join(ROOT, 'data/example');
export const VIEWPORT = { width: 1366, height: 768 };
/** The clock every server of these tests runs on (2025-10-09), as the CLI's SOURCE_DATE_EPOCH. */
export const NOW = new Date(1760000000000);

/** A port nobody listens on now (the door must know it before the server starts). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = netServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export interface Served {
  app: FastifyInstance;
  origin: string;
  root: string;
  close(): Promise<void>;
}

/** The server over `dir` (a workspace folder), listening on 127.0.0.1 at a free port. */
export async function serve(dir: string, lang: 'zh' | 'en' = 'zh'): Promise<Served> {
  const port = await freePort();
  const workspace = await Workspace.open(dir);
  const app = await createServer({
    workspace,
    world: nodeWorld({ clock: { now: NOW, fixed: true } }),
    door: { host: '127.0.0.1', port },
    lang,
    log: (l) => process.stderr.write(`[server] ${l}\n`),
  });
  await app.listen({ host: '127.0.0.1', port });
  return { app, origin: `http://127.0.0.1:${port}`, root: workspace.root, close: () => app.close() };
}

export async function launch(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
}

/** What a page did that a test must see: console errors, failed requests, every URL asked for. */
export interface Watched {
  page: Page;
  context: BrowserContext;
  errors: string[];
  requests: string[];
  close(): Promise<void>;
}

/** A fresh context (own storage, so the language choice does not leak) and page at 1366×768. */
export async function openPage(browser: Browser, opts: { acceptDownloads?: boolean } = {}): Promise<Watched> {
  const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: opts.acceptDownloads ?? true, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()} @ ${m.location().url}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  // Every request of the page and of what it opens (a preview in a new tab, a worker).
  context.on('request', (r: Request) => requests.push(r.url()));
  page.setDefaultTimeout(15_000);
  // A test that fails leaves the page as it was then, to look at.
  try {
    const { onTestFailed } = await import('vitest');
    onTestFailed(async () => {
      const file = path.join(tmpdir(), `shenbao-web-failed-${Date.now()}.png`);
      await page.screenshot({ path: file, fullPage: true }).catch(() => {});
      process.stderr.write(`[web] the page when the test failed: ${file}\nerrors: ${JSON.stringify(errors)}\n`);
    });
  } catch {
    // Not in a test (scripts/serve-images.ts).
  }
  return { page, context, errors, requests, close: () => context.close() };
}

/** A temporary folder, removed by `removeAll`. */
const made: string[] = [];
export function tempFolder(prefix: string): string {
  const d = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(d);
  return d;
}
export function removeAll(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** `shenbao …` as a user runs it (needs dist/: `npm run build`). */
export function shenbao(args: string[], cwd = ROOT): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', SHENBAO_DEBUG: '', SOURCE_DATE_EPOCH: String(NOW.getTime() / 1000) },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** `shenbao build <dir>` in a child process (so a browser can start meanwhile); the zip it made. */
export function buildZip(dir: string): Promise<string> {
  const out = tempFolder('shenbao-web-out-');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'build', dir, '--out', out, '-q'], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', SHENBAO_DEBUG: '', SOURCE_DATE_EPOCH: String(NOW.getTime() / 1000) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const name = readdirSync(out).find((n) => !n.startsWith('.'));
      if (code !== 0 || !name) return reject(new Error(`shenbao build ${dir}: ${code}\n${err}`));
      resolve(path.join(out, name, `${name}.zip`));
    });
  });
}

/** A copy of the example in a new folder of `parent` (or a new temporary folder), its submission.yaml edited. */
export function copyExample(name: string, parent = tempFolder('shenbao-web-'), edit?: (doc: ReturnType<typeof parseDocument>) => void): string {
  const dir = path.join(parent, name);
  cpSync(EXAMPLE, dir, { recursive: true });
  if (edit) {
    const file = path.join(dir, 'submission.yaml');
    const doc = parseDocument(readFileSync(file, 'utf8'));
    edit(doc);
    writeFileSync(file, doc.toString());
  }
  return dir;
}

export const EXAMPLE_NAME = '科尔沁右翼前旗天骄职业技能培训学校';
/** A package that changed on the way: one byte of its submission.yaml (天 E5 A4 A9 → 太 E5 A4 AA, in the institution's name). */
export const DAMAGED_NAME = '科尔沁右翼前旗太骄职业技能培训学校';
export const DAMAGED_FILE = 'data/申报数据/submission.yaml';

/**
 * A copy of the example's zip with one byte of a payload file changed: the zip still opens
 * and its data still reads (as another institution), but its checksums no longer hold.
 */
export function damagedCopy(zip: string, to: string): string {
  const files = unzipSync(readFileSync(zip));
  const data = files[Object.keys(files).find((k) => k.endsWith(`/${DAMAGED_FILE}`))!]!;
  const at = Buffer.from(data).indexOf(Buffer.from(`name: ${EXAMPLE_NAME}`)) + Buffer.byteLength('name: 科尔沁右翼前旗天') - 1;
  if (data[at] !== 0xa9) throw new Error('the example’s submission.yaml is not as expected');
  data[at] = 0xaa;
  writeFileSync(to, zipSync(files, { level: 0 }));
  return to;
}


/**
 * The requests that left the computer's own server: any http(s) or ws(s) address not of
 * `origin`, and any other kind of address but the browser's own (data:, blob:, and the
 * chrome:/chrome-extension: pages of its PDF viewer, which a preview opens).
 */
export function elsewhere(requests: readonly string[], origin: string): string[] {
  const own = /^(data|blob|chrome|chrome-extension|chrome-untrusted|about):/;
  return [...new Set(requests)].filter((u) => !u.startsWith(`${origin}/`) && !own.test(u));
}
