/**
 * `shenbao serve [workspace]`: the page for the people who file, on this computer. Listens
 * on 127.0.0.1 (any other address asks for a token printed here), prints the address, opens
 * the default browser, and runs until Ctrl+C (or the signal a test gives).
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fail } from '../core/failure.js';
import { ui } from '../i18n/ui.js';
import { createServer } from '../server/app.js';
import { isLoopback } from '../server/door.js';
import { Workspace } from '../server/workspace.js';
import { EXIT, type Cli } from './context.js';

export interface ServeOptions {
  workspace: string;
  port: number;
  host: string;
  open: boolean;
  maxUploadMb?: number;
}

export async function runServe(cli: Cli, opts: ServeOptions, signal?: AbortSignal): Promise<number> {
  const t = ui(cli.lang).page;
  let ws: Workspace;
  try {
    ws = await Workspace.open(path.resolve(cli.cwd, opts.workspace));
  } catch {
    throw fail('io', 'file.unreadable', { path: opts.workspace, reason: 'missing' }, { file: opts.workspace });
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) throw fail('usage', 'usage.invalid', { detail: `--port ${opts.port}` });
  const token = isLoopback(opts.host) ? undefined : randomBytes(18).toString('base64url');
  const limits = opts.maxUploadMb ? { upload: opts.maxUploadMb * 1024 ** 2 } : {};

  // The door must know the port before the first request, so a free one is found first when
  // --port 0 asks for any, or when the one asked for is taken.
  const freePort = () =>
    import('node:net').then(
      (net) =>
        new Promise<number>((resolve, reject) => {
          const s = net.createServer().listen(0, opts.host, () => {
            const free = (s.address() as { port: number }).port;
            s.close(() => resolve(free));
          });
          s.on('error', reject);
        }),
    );
  const start = async (p: number) => {
    const app = await createServer({ workspace: ws, world: cli.world, door: { host: opts.host, port: p, token }, lang: cli.lang, limits, log: (l) => cli.err.write(`${l}\n`) });
    try {
      await app.listen({ host: opts.host, port: p });
    } catch (e) {
      await app.close();
      throw e;
    }
    return app;
  };
  let port = opts.port === 0 ? await freePort() : opts.port;
  let app;
  try {
    app = await start(port);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // An address this computer does not have, or a port it may not open: the option is wrong.
    if (code === 'EADDRNOTAVAIL' || code === 'EACCES' || code === 'ENOTFOUND') throw fail('usage', 'usage.invalid', { detail: `--host ${opts.host} --port ${port}: ${code}` });
    if (code !== 'EADDRINUSE') throw e;
    cli.err.write(`${t.portBusy(port)}\n`);
    port = await freePort();
    app = await start(port);
  }
  const shownHost = isLoopback(opts.host) ? '127.0.0.1' : opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  const url = `http://${shownHost}:${port}/${token ? `?token=${token}` : ''}`;
  cli.out.write(`${t.started(url)}\n${t.workspace(ws.root)}\n${token ? `${t.token}\n` : ''}${t.stop}\n`);
  if (opts.open) {
    try {
      const { default: open } = await import('open');
      const child = await open(url);
      child.on('error', () => cli.err.write(`${t.noBrowser}\n`));
    } catch {
      cli.err.write(`${t.noBrowser}\n`);
    }
  }
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    if (signal) signal.addEventListener('abort', stop, { once: true });
    else {
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    }
  });
  await app.close();
  return EXIT.ok;
}
