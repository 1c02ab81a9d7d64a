/**
 * The local web server (`shenbao serve`): the page for the people who file, over the same
 * workspace folder the CLI reads. Fastify, because it is well kept, limits bodies and
 * uploads itself, and answers `inject()` in tests without a socket. Every request passes the
 * door first (door.ts); every path goes through the workspace (workspace.ts); every answer
 * that is a problem is diagnostics in the asker's language.
 */
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../core/diagnostic.js';
import { error } from '../core/diagnostic.js';
import { Failure } from '../core/failure.js';
import { IoError } from '../core/io.js';
import { diagnosticJson } from '../i18n/format.js';
import type { Lang } from '../i18n/lang.js';
import type { World } from '../world/world.js';
import { refusalOf, rememberToken, ownHosts, type Door } from './door.js';
import { Locks } from './filing.js';
import { Jobs } from './jobs.js';
import { Refusal } from './refusal.js';
import { countyRoutes } from './routes-county.js';
import { CountyState, DEFAULT_LIMITS, type Ctx, type Limits } from './context.js';
import { fileRoutes } from './routes-files.js';
import { jobRoutes } from './routes-jobs.js';
import { submissionRoutes } from './routes-submissions.js';
import { verifyRoutes } from './routes-verify.js';
import { startRenderWorker, type RenderWorker } from '../pipeline/render-pool.js';
import type { Workspace } from './workspace.js';

export interface ServerOptions {
  workspace: Workspace;
  world: World;
  door: Door;
  /** The language of answers when the page does not say (--lang). */
  lang: Lang;
  limits?: Partial<Limits>;
  /** Where problems of the server itself are logged (never request bodies or roster content). */
  log?: (line: string) => void;
}

const WEB_DIR = fileURLToPath(new URL('../../web/', import.meta.url));
const require = createRequire(import.meta.url);

/** The page's libraries, served from the installed packages (no CDN, no build step). */
const VENDOR: Record<string, [pkg: string, file: string]> = {
  'preact.mjs': ['preact', 'dist/preact.mjs'],
  'hooks.mjs': ['preact', 'hooks/dist/hooks.mjs'],
  'htm.mjs': ['htm', 'dist/htm.mjs'],
  // The legacy build runs in the older Chromium of the browsers common in China.
  'pdf.mjs': ['pdfjs-dist', 'legacy/build/pdf.min.mjs'],
  'pdf.worker.mjs': ['pdfjs-dist', 'legacy/build/pdf.worker.min.mjs'],
};

/** A file inside an installed package: its folder found from its main entry (not every package exports package.json). */
function packageFile(pkg: string, rel: string): string {
  const main = require.resolve(pkg);
  const marker = `${path.sep}node_modules${path.sep}${pkg.split('/').join(path.sep)}${path.sep}`;
  return path.join(main.slice(0, main.lastIndexOf(marker) + marker.length), rel);
}

/** How deep a JSON body may nest: a submission's deepest value (roster.rows[i].column) is a few levels; thousands would overflow the YAML writer's stack. */
const MAX_DEPTH = 32;

function deeperThan(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

/** What busboy says of a multipart body that is cut short or has no usable boundary. */
const MALFORMED_MULTIPART = /unexpected end of multipart data|terminated early|boundary not found|boundary required|needle/i;

export async function createServer(opts: ServerOptions): Promise<FastifyInstance> {
  const limits: Limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const hosts = ownHosts(opts.door);
  const log = opts.log ?? (() => {});
  const langOf = (req: FastifyRequest): Lang => {
    const asked = req.headers['x-shenbao-lang'] ?? (req.query as Record<string, unknown> | undefined)?.lang;
    return asked === 'en' || asked === 'zh' ? asked : opts.lang;
  };
  const problem = (req: FastifyRequest, reply: FastifyReply, status: number, diagnostics: readonly Diagnostic[]) =>
    reply.code(status).header('cache-control', 'no-store').send({ ok: false, diagnostics: diagnostics.map((d) => diagnosticJson(d, langOf(req))) });

  const app = Fastify({
    logger: false,
    bodyLimit: limits.json,
    routerOptions: { maxParamLength: 1000 },
    trustProxy: false,
    // No type coercion: an edit's path ["partners", 0] must keep 0 a number (a list index), not become "0" (a key).
    ajv: { customOptions: { coerceTypes: false } },
    // What the router refuses before any hook (an address that is not valid percent-encoding, a part of it too long) is diagnostics too.
    frameworkErrors: (e, req, reply) => {
      const tooLong = e.code === 'FST_ERR_MAX_PARAM_LENGTH';
      reply.header('x-content-type-options', 'nosniff');
      return problem(req, reply, tooLong ? 414 : 400, [error('server.badRequest', { detail: tooLong ? 'the address is too long' : 'the address is not valid' }, {})]);
    },
  });

  let renderWorker: RenderWorker | undefined;
  let started = false;
  const renderers = () => {
    if (!started) {
      started = true;
      renderWorker = startRenderWorker();
    }
    return renderWorker ? [renderWorker] : [];
  };
  app.addHook('onClose', async () => renderWorker?.close());
  const ctx: Ctx = { ws: opts.workspace, world: opts.world, limits, locks: new Locks(), jobs: new Jobs(), county: new CountyState(), renderers, log, langOf, problem };

  // The door: before routing, for every request (the page and its files too).
  app.addHook('onRequest', async (req, reply) => {
    const refused = refusalOf(req, opts.door, hosts);
    if (refused) return problem(req, reply, refused.status, refused.diagnostics);
    // Every parameter once: a repeated one (?path=a&path=b) would reach the routes as a list.
    const repeated = Object.entries((req.query ?? {}) as Record<string, unknown>).find(([, v]) => typeof v !== 'string');
    if (repeated) return problem(req, reply, 400, [error('server.badRequest', { detail: `?${repeated[0].slice(0, 40)}= more than once` }, {})]);
    rememberToken(req, reply, opts.door);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'SAMEORIGIN');
    return undefined;
  });

  // A JSON body nested beyond reason is refused before any route walks it.
  app.addHook('preValidation', async (req, reply) => {
    if (deeperThan(req.body, MAX_DEPTH)) return problem(req, reply, 400, [error('server.badRequest', { detail: `the request nests deeper than ${MAX_DEPTH} levels` }, {})]);
    return undefined;
  });

  app.setErrorHandler((e: FastifyError | Error, req, reply) => {
    if (e instanceof Refusal) return problem(req, reply, e.status, e.diagnostics);
    if (e instanceof Failure) return problem(req, reply, e.kind === 'io' ? 404 : e.kind === 'usage' ? 400 : 422, e.diagnostics);
    if (e instanceof IoError) return problem(req, reply, e.reason === 'missing' ? 404 : 500, [error('file.unreadable', { path: ctx.ws.shown(e.path), reason: e.reason }, {})]);
    const code = (e as FastifyError).code ?? '';
    const status = (e as FastifyError).statusCode ?? 500;
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT' || status === 413) {
      return problem(req, reply, 413, [error('server.tooLarge', { max: code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? limits.json : limits.upload }, {})]);
    }
    // An upload cut short (a dropped connection, a truncated body) or not multipart as it claims: the sender's problem, not a bug.
    if (code === 'ECONNRESET' || code === 'FST_MP_PREMATURE_CLOSE' || (req.isMultipart() && MALFORMED_MULTIPART.test(e.message))) {
      return problem(req, reply, 400, [error('server.cutShort', {}, {})]);
    }
    if (status >= 400 && status < 500) return problem(req, reply, status, [error('server.badRequest', { detail: e.message.slice(0, 200) }, {})]);
    // A bug: logged without the request's content.
    log(`500 ${req.method} ${req.routeOptions.url ?? '?'}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return problem(req, reply, 500, [error('internal.bug', { detail: e.message.slice(0, 200) }, {})]);
  });
  app.setNotFoundHandler((req, reply) => problem(req, reply, 404, [error('server.notFound', { what: req.url.split('?')[0]!.slice(0, 100) }, {})]));

  // JSON and files only: a body of any other type (text/plain, which a form on another site can send) is refused (415).
  app.removeContentTypeParser('text/plain');

  await app.register(multipart, {
    limits: { fileSize: Math.max(limits.upload, limits.package), files: 1, fields: 5, parts: 6, fieldSize: 1024 },
    throwFileSizeLimit: true,
  });

  // The page and its libraries.
  await app.register(fastifyStatic, { root: WEB_DIR, prefix: '/', index: ['index.html'], cacheControl: false, dotfiles: 'deny' });
  for (const [name, [pkg, rel]] of Object.entries(VENDOR)) {
    const file = packageFile(pkg, rel);
    app.get(`/vendor/${name}`, (_req, reply) => reply.header('cache-control', 'max-age=3600').sendFile(path.basename(file), path.dirname(file)));
  }

  // The bundled sans font, for a computer without Chinese fonts of its own (see style.css).
  app.get('/fonts/sans', async (_req, reply) => {
    const file = opts.world.fonts.bundled.sans;
    return reply.type('font/ttf').header('cache-control', 'max-age=86400').send(Buffer.from(await opts.world.fonts.read(file)));
  });

  submissionRoutes(app, ctx);
  fileRoutes(app, ctx);
  jobRoutes(app, ctx);
  countyRoutes(app, ctx);
  verifyRoutes(app, ctx);
  return app;
}
