/**
 * The archivist's side: verify a disc folder, zip or ISO — one already in the workspace
 * (named by its path) or one uploaded for the purpose (kept under .shenbao/verify/ only
 * while it is verified) — and see the result file by file.
 */
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { diagnosticJson } from '../i18n/format.js';
import type { Lang } from '../i18n/lang.js';
import { algName } from '../package/verify.js';
import { verifyPackage, type Verified } from '../pipeline/verify.js';
import type { Ctx } from './context.js';
import { refuse } from './refusal.js';
import { receive, safeFileName } from './workspace.js';

function answer(v: Verified, shown: string, lang: Lang) {
  if (!v.opened) return { ok: false, target: shown, kind: null, files: [], verified: 0, payloadFiles: 0, algorithms: [], diagnostics: v.diagnostics.map((d) => diagnosticJson(d, lang)) };
  const r = v.result;
  const bad = new Map<string, string[]>();
  for (const d of r.diagnostics) if (d.location.file) bad.set(d.location.file, [...(bad.get(d.location.file) ?? []), d.code]);
  // Every file read, with whether it held: the per-file result the archivist signs off.
  const files = [...r.digests.entries()]
    .map(([p, dg]) => ({ path: p, size: dg.size, sha256: dg.sha256, ok: !bad.has(p) }))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
  return {
    ok: v.errors === 0,
    target: shown,
    kind: v.kind,
    files,
    verified: r.verified,
    payloadFiles: r.payloadFiles,
    algorithms: r.algorithms.map(algName),
    /** The disc's fingerprint, as the print volumes carry it. */
    fingerprint: r.fingerprint ?? null,
    diagnostics: r.diagnostics.map((d) => diagnosticJson(d, lang)),
  };
}

export function verifyRoutes(app: FastifyInstance, ctx: Ctx): void {
  const { ws, world } = ctx;

  app.get<{ Querystring: { path: string } }>('/api/verify', { schema: { querystring: { type: 'object', required: ['path'], properties: { path: { type: 'string', maxLength: 1000 }, lang: { type: 'string' }, token: { type: 'string' } } } } }, async (req) => {
    const target = await ws.resolve(req.query.path);
    return answer(await verifyPackage(world, target, req.query.path), req.query.path, ctx.langOf(req));
  });

  app.post('/api/verify', async (req) => {
    if (!req.isMultipart()) throw refuse(415, 'server.badUpload', { name: '—' });
    const part = await req.file();
    if (!part) throw refuse(400, 'server.badUpload', { name: '—' });
    const name = safeFileName(part.filename, 'package');
    const dir = path.join(ws.root, '.shenbao', 'verify', randomBytes(6).toString('hex'));
    let tmp: string | undefined;
    try {
      try {
        tmp = await receive(part.file, dir, name);
      } catch (e) {
        if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw refuse(413, 'server.tooLarge', { max: ctx.limits.package });
        throw e;
      }
      if (part.file.truncated) throw refuse(413, 'server.tooLarge', { max: ctx.limits.package });
      // Named as uploaded, so the kind (zip, iso) is judged as the CLI judges a file.
      const file = path.join(dir, name);
      await import('node:fs/promises').then((m) => m.rename(tmp!, file));
      tmp = file;
      return answer(await verifyPackage(world, file, name), name, ctx.langOf(req));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
}
