/**
 * Files: reading any file of the workspace (thumbnails, previews, the built documents, the
 * zip and the ISO), and the uploads a clerk makes — the roster, each attachment slot's scans,
 * a partner's agreement. An upload is streamed into a temporary file beside its target,
 * judged by its bytes, and only then renamed into place; submission.yaml is updated in the
 * same step, under the submission's lock, so nothing is half-written. A file the page
 * removes is moved aside into .shenbao/removed/, never deleted.
 */
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { judgeUpload } from '../check/upload.js';
import { diagnosticJson } from '../i18n/format.js';
import { sniff, type ContentType } from '../core/sniff.js';
import { schemePicker } from '../pipeline/scheme.js';
import { ROSTER_FILE } from '../pipeline/init.js';
import { rosterTemplate } from '../roster/template.js';
import { formatOf, rawValues, type FieldEdit } from '../submission/edit.js';
import type { Ctx } from './context.js';
import { checkFiling, findFiling, readFilingText, saveFiling, saveFilingLocked, type FilingRef } from './filing.js';
import { refuse } from './refusal.js';
import { freeName, moveAside, receive, safeFileName } from './workspace.js';

/** What a browser may be told a file is; anything else is a download. */
const MIME: Partial<Record<ContentType, string>> = { pdf: 'application/pdf', jpeg: 'image/jpeg', png: 'image/png' };
const DOWNLOAD_MIME: Record<string, string> = {
  '.zip': 'application/zip',
  '.iso': 'application/x-iso9660-image',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Hidden parts (.shenbao, .git) are never served. */
const hidden = (rel: string) => rel.split('/').some((s) => s.startsWith('.'));

/** The one uploaded file of a multipart request (or a refusal saying what was wrong). */
async function onlyFile(req: FastifyRequest): Promise<MultipartFile> {
  if (!req.isMultipart()) throw refuse(415, 'server.badUpload', { name: '—' });
  const part = await req.file();
  if (!part) throw refuse(400, 'server.badUpload', { name: '—' });
  return part;
}

/** Streams the part into `dir` under a temporary name; refuses it (and removes it) beyond `max`. */
async function receivePart(part: MultipartFile, dir: string, name: string, max: number): Promise<string> {
  let tmp: string;
  try {
    tmp = await receive(part.file, dir, name);
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw refuse(413, 'server.tooLarge', { max });
    throw e;
  }
  if (part.file.truncated || (await stat(tmp)).size > max) {
    await rm(tmp, { force: true });
    throw refuse(413, 'server.tooLarge', { max });
  }
  return tmp;
}

/** The submission's current values (for edits that depend on what is listed). */
async function valuesOf(ref: FilingRef): Promise<{ version: string; values: Record<string, unknown> }> {
  const { text, version } = await readFilingText(ref);
  const raw = rawValues(text, formatOf(ref.file));
  if (!raw.syntaxOk) throw refuse(409, 'server.syntax', { file: ref.file }, { file: ref.file });
  return { version, values: (raw.value ?? {}) as Record<string, unknown> };
}

const versionQuery = { type: 'object', required: ['version'], properties: { version: { type: 'string', maxLength: 64 }, lang: { type: 'string' }, token: { type: 'string' } } } as const;

export function fileRoutes(app: FastifyInstance, ctx: Ctx): void {
  const { ws, world } = ctx;

  /**
   * Under the filing's lock and at the version the page read: the work with the file's values,
   * or 409 when it changed (an upload's body drained first, so the connection is not left hanging).
   */
  const atVersion = <T>(ref: FilingRef, version: string, part: { file: { resume(): unknown } } | undefined, work: (current: { version: string; values: Record<string, unknown> }) => Promise<T>): Promise<T> =>
    ctx.locks.with(path.join(ref.dir, ref.file), async () => {
      const current = await valuesOf(ref);
      if (current.version !== version) {
        part?.file.resume();
        throw refuse(409, 'server.changedOnDisk', { file: ref.file }, { file: ref.file });
      }
      return work(current);
    });

  // Any file of the workspace, read-only: what the page shows and offers to download.
  app.get<{ Querystring: { path?: string; download?: string } }>('/api/file', async (req, reply) => {
    const rel = req.query.path ?? '';
    if (hidden(rel)) throw refuse(400, 'server.badPath', { path: rel.slice(0, 200) });
    const file = await ws.resolve(rel);
    const st = await stat(file).catch(() => undefined);
    if (!st?.isFile()) throw refuse(404, 'server.notFound', { what: rel.slice(0, 100) });
    const head = Buffer.alloc(1024);
    const fh = await import('node:fs/promises').then((m) => m.open(file, 'r'));
    const { bytesRead } = await fh.read(head, 0, 1024, 0).finally(() => fh.close());
    const content = sniff(head.subarray(0, bytesRead));
    const inline = MIME[content];
    const name = path.basename(file);
    const type = inline ?? DOWNLOAD_MIME[path.extname(name).toLowerCase()] ?? 'application/octet-stream';
    const disposition = inline && req.query.download === undefined ? 'inline' : 'attachment';
    return reply
      .type(type)
      .header('content-length', st.size)
      .header('content-disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(name)}`)
      .header('cache-control', 'no-cache')
      .send(createReadStream(file));
  });

  // The roster template (花名册.xlsx) for this submission, with the institution's name filled in.
  app.get<{ Params: { id: string } }>('/api/submissions/:id/roster-template', async (req, reply) => {
    const ref = await findFiling(ws, req.params.id);
    const { checked } = await checkFiling(world, ws, ref);
    const scheme = checked?.scheme ?? (await schemePicker(world, undefined, ws.root)(undefined));
    const bytes = await rosterTemplate(scheme, checked?.loaded.submission.institution.name ?? '', world.clock.now);
    return reply
      .type(DOWNLOAD_MIME['.xlsx']!)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(ROSTER_FILE)}`)
      .send(Buffer.from(bytes));
  });

  // The roster: an .xlsx or .csv replaces 花名册.xlsx/.csv (the old one moved aside) and becomes `roster`.
  app.post<{ Params: { id: string }; Querystring: { version: string } }>('/api/submissions/:id/roster', { schema: { querystring: versionQuery } }, async (req) => {
    const ref = await findFiling(ws, req.params.id);
    const part = await onlyFile(req);
    const ext = path.extname(part.filename).toLowerCase();
    const accepted: Record<string, ContentType> = { '.xlsx': 'zip', '.csv': 'text' };
    if (!accepted[ext]) {
      part.file.resume();
      throw refuse(415, 'roster.unsupported', { path: safeFileName(part.filename) });
    }
    const name = `${path.parse(ROSTER_FILE).name}${ext}`;
    return atVersion(ref, req.query.version, part, async ({ version }) => {
      const tmp = await receivePart(part, ref.dir, name, ctx.limits.upload);
      const bytes = await readFile(tmp);
      if (sniff(bytes.subarray(0, 1024)) !== accepted[ext]) {
        await rm(tmp, { force: true });
        throw refuse(415, 'roster.notSpreadsheet', { path: safeFileName(part.filename), actual: sniff(bytes.subarray(0, 1024)) });
      }
      const target = path.join(ref.dir, name);
      if (await stat(target).catch(() => undefined)) await moveAside(ws.root, target);
      await rename(tmp, target);
      await saveFilingLocked(ref, version, { edits: [{ path: ['roster'], value: name }] });
      return { ok: true, file: name };
    });
  });

  // An attachment: judged by its bytes; refused with the reason, or put into the slot's folder.
  app.post<{ Params: { id: string; slot: string }; Querystring: { version: string } }>('/api/submissions/:id/attachments/:slot', { schema: { querystring: versionQuery } }, async (req, reply) => {
    const ref = await findFiling(ws, req.params.id);
    const { checked } = await checkFiling(world, ws, ref);
    const scheme = checked?.scheme ?? (await schemePicker(world, undefined, ws.root)(undefined));
    // Own slots only: __proto__ or constructor is no slot (it would name no folder).
    const slot = Object.hasOwn(scheme.slots, req.params.slot) ? scheme.slots[req.params.slot] : undefined;
    if (!slot) throw refuse(404, 'server.notFound', { what: req.params.slot.slice(0, 60) });
    const part = await onlyFile(req);
    const lang = ctx.langOf(req);
    return atVersion(ref, req.query.version, part, async ({ version, values }) => {
      const folderRel = slot.folder;
      const folder = await ws.within(ref.dir, folderRel);
      const wanted = safeFileName(part.filename);
      const tmp = await receivePart(part, folder, wanted, ctx.limits.upload);
      const bytes = new Uint8Array(await readFile(tmp));
      const verdict = await judgeUpload(wanted, bytes, slot.types);
      if (!verdict.ok) {
        await rm(tmp, { force: true });
        return ctx.problem(req, reply, 422, verdict.diagnostics);
      }
      const name = await freeName(folder, wanted);
      await rename(tmp, path.join(folder, name));
      // The slot lists its folder (the whole folder counts) or files one by one (then this one is added).
      const listed = ((values.attachments as Record<string, unknown> | undefined)?.[req.params.slot] ?? undefined) as unknown;
      const rel = `${folderRel}/${name}`;
      const edits: FieldEdit[] = [];
      if (!Array.isArray(listed) || listed.length === 0) edits.push({ path: ['attachments', req.params.slot], value: [folderRel] });
      else if (!listed.some((p) => typeof p === 'string' && (p.replace(/\/$/, '') === folderRel || p === rel))) edits.push({ path: ['attachments', req.params.slot], value: [...listed, rel] });
      if (edits.length) await saveFilingLocked(ref, version, { edits });
      return reply.code(201).send({ ok: true, path: rel, warnings: verdict.warnings.map((d) => diagnosticJson(d, lang)) });
    });
  });

  // The order of a slot's files: the slot then lists them one by one, in that order.
  app.put<{ Params: { id: string; slot: string }; Body: { version: string; files: string[] } }>(
    '/api/submissions/:id/attachments/:slot',
    { schema: { body: { type: 'object', required: ['version', 'files'], additionalProperties: false, properties: { version: { type: 'string', maxLength: 64 }, files: { type: 'array', maxItems: 2000, items: { type: 'string', maxLength: 500 } } } } } },
    async (req) => {
      const ref = await findFiling(ws, req.params.id);
      // A slot of the submission's scheme only (not __proto__, not a word the check would refuse).
      const named = (await valuesOf(ref)).values.scheme;
      const pick = schemePicker(world, undefined, ws.root);
      const scheme = await pick(typeof named === 'string' ? named : undefined).catch(() => pick(undefined));
      if (!Object.hasOwn(scheme.slots, req.params.slot)) throw refuse(404, 'server.notFound', { what: req.params.slot.slice(0, 60) });
      for (const f of req.body.files) await ws.within(ref.dir, f);
      await saveFiling(ref, ctx.locks, req.body.version, { edits: [{ path: ['attachments', req.params.slot], value: req.body.files }] });
      return { ok: true };
    },
  );

  // Removing a file from a slot (or a partner): moved aside, and taken off any list that names it.
  app.delete<{ Params: { id: string }; Querystring: { version: string; path: string } }>(
    '/api/submissions/:id/files',
    { schema: { querystring: { type: 'object', required: ['version', 'path'], properties: { version: { type: 'string', maxLength: 64 }, path: { type: 'string', maxLength: 500 }, lang: { type: 'string' }, token: { type: 'string' } } } } },
    async (req) => {
      const ref = await findFiling(ws, req.params.id);
      const file = await ws.within(ref.dir, req.query.path);
      return atVersion(ref, req.query.version, undefined, async ({ version, values }) => {
        if (path.resolve(file) === path.resolve(ref.dir, ref.file)) throw refuse(400, 'server.badPath', { path: req.query.path });
        const st = await stat(file).catch(() => undefined);
        if (!st?.isFile()) throw refuse(404, 'server.notFound', { what: req.query.path.slice(0, 100) });
        await moveAside(ws.root, file);
        const edits: FieldEdit[] = [];
        const attachments = (values.attachments ?? {}) as Record<string, unknown>;
        for (const [slot, list] of Object.entries(attachments)) {
          if (Array.isArray(list) && list.includes(req.query.path)) edits.push({ path: ['attachments', slot], value: list.filter((p) => p !== req.query.path) });
        }
        const partners = Array.isArray(values.partners) ? (values.partners as Record<string, unknown>[]) : [];
        partners.forEach((p, i) => {
          for (const k of ['agreement', 'particulars']) if (p && p[k] === req.query.path) edits.push({ path: ['partners', i, k] });
        });
        if (edits.length) await saveFilingLocked(ref, version, { edits });
        return { ok: true };
      });
    },
  );

  // A partner's agreement or particulars: into 材料/合作企业/, named on the partner's entry.
  app.post<{ Params: { id: string; index: string; which: string }; Querystring: { version: string } }>(
    '/api/submissions/:id/partners/:index/:which',
    { schema: { querystring: versionQuery, params: { type: 'object', properties: { id: { type: 'string' }, index: { type: 'string', pattern: '^[0-9]{1,3}$' }, which: { type: 'string', enum: ['agreement', 'particulars'] } } } } },
    async (req, reply) => {
      const ref = await findFiling(ws, req.params.id);
      const index = Number(req.params.index);
      const part = await onlyFile(req);
      const lang = ctx.langOf(req);
      return atVersion(ref, req.query.version, part, async ({ version, values }) => {
        const partners = Array.isArray(values.partners) ? values.partners : [];
        if (index >= partners.length) {
          part.file.resume();
          throw refuse(404, 'server.notFound', { what: `partners[${index}]` });
        }
        const folderRel = '材料/合作企业';
        const folder = await ws.within(ref.dir, folderRel);
        const wanted = safeFileName(part.filename);
        const tmp = await receivePart(part, folder, wanted, ctx.limits.upload);
        const verdict = await judgeUpload(wanted, new Uint8Array(await readFile(tmp)), ['pdf', 'jpeg', 'png']);
        if (!verdict.ok) {
          await rm(tmp, { force: true });
          return ctx.problem(req, reply, 422, verdict.diagnostics);
        }
        const name = await freeName(folder, wanted);
        await rename(tmp, path.join(folder, name));
        await saveFilingLocked(ref, version, { edits: [{ path: ['partners', index, req.params.which], value: `${folderRel}/${name}` }] });
        return reply.code(201).send({ ok: true, path: `${folderRel}/${name}`, warnings: verdict.warnings.map((d) => diagnosticJson(d, lang)) });
      });
    },
  );

}
