/**
 * The page's two figures (issue #10): a save of the example's submission until its new check
 * is answered, in server time (app.inject: no socket, no browser), and the first load of the
 * page on localhost in Chromium until the submissions list is shown.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as netServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer } from '../src/server/app.js';
import { Workspace } from '../src/server/workspace.js';
import { nodeWorld } from '../src/world/node.js';
import { versionOf } from '../src/server/filing.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = netServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });

export async function benchServe(line: (...cols: string[]) => void): Promise<void> {
  const ws = mkdtempSync(path.join(tmpdir(), 'shenbao-bench-serve-'));
  cpSync(path.join(ROOT, 'data/example'), path.join(ws, 'example'), { recursive: true });
  const port = await freePort();
  const app = await createServer({ workspace: await Workspace.open(ws), world: nodeWorld(), door: { host: '127.0.0.1', port }, lang: 'zh' });
  const headers = { host: `127.0.0.1:${port}`, 'x-shenbao': '1', 'content-type': 'application/json' };
  const file = path.join(ws, 'example', 'submission.yaml');
  // Warm: the first request loads the scheme and fonts, as the page's first view does.
  await app.inject({ method: 'GET', url: '/api/submissions/example', headers });
  const times: number[] = [];
  for (let i = 0; i < 9; i++) {
    const version = versionOf(readFileSync(file));
    const t = performance.now();
    const r = await app.inject({ method: 'PUT', url: '/api/submissions/example', headers, payload: { version, edits: [{ path: ['claimed', 'trained'], value: i % 2 ? 240 : 241 }] } });
    times.push(performance.now() - t);
    if (r.statusCode !== 200) throw new Error(`save failed: ${r.statusCode} ${r.body}`);
  }
  const save = median(times);
  line('  save → check shown (example, server time)', `${save.toFixed(0)} ms`.padStart(8), `target < 300 ms  ${save < 300 ? 'ok' : 'MISSED'}`);

  const chromium = '/usr/bin/chromium';
  if (existsSync(chromium)) {
    await app.listen({ host: '127.0.0.1', port });
    const { chromium: pw } = await import('playwright-core');
    const browser = await pw.launch({ executablePath: chromium, args: ['--no-sandbox'] });
    const loads: number[] = [];
    for (let i = 0; i < 5; i++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      const t = performance.now();
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.getByText('工作文件夹中的申报').waitFor();
      await page.locator('table.list').waitFor();
      loads.push(performance.now() - t);
      await context.close();
    }
    await browser.close();
    const load = median(loads);
    line('  first page load (localhost, Chromium, list shown)', `${load.toFixed(0)} ms`.padStart(8), `target < 1000 ms  ${load < 1000 ? 'ok' : 'MISSED'}`);
  } else line('  first page load: skipped — chromium not installed');
  await app.close();
  rmSync(ws, { recursive: true, force: true });
}
