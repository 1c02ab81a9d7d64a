/**
 * The clerk's side: the submissions of the workspace, one submission's fields and check,
 * saving, previews of each form, and the build.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { COUNT_PATTERN } from '../check/brief.js';
import { countBySeverity, error } from '../core/diagnostic.js';
import { Failure } from '../core/failure.js';
import { outputName } from '../core/names.js';
import { VERSION } from '../core/version.js';
import { diagnosticJson } from '../i18n/format.js';
import { ui } from '../i18n/ui.js';
import { discFits } from '../build/archive.js';
import { build } from '../pipeline/build.js';
import { initFiles } from '../pipeline/init.js';
import { previewForm, previewForms } from '../pipeline/preview.js';
import { schemePicker } from '../pipeline/scheme.js';
import { verifiedWrite } from '../pipeline/verify.js';
import { sizeText } from '../package/disc.js';
import { KINDS, LEVELS } from '../scheme/schema.js';
import { editSubmission, formatOf, rawValues } from '../submission/edit.js';
import { writeBundle, writeFiles } from '../world/node-write.js';
import { OUTPUT_DIR, startJob, type Ctx } from './context.js';
import { checkFiling, filingView, findFiling, readFilingText, saveFiling } from './filing.js';
import { refuse } from './refusal.js';
import { safeFileName } from './workspace.js';
import type { FieldEdit } from '../submission/edit.js';

const pathSchema = { type: 'array', minItems: 1, maxItems: 8, items: { anyOf: [{ type: 'string', maxLength: 200 }, { type: 'integer', minimum: 0, maximum: 10000 }] } } as const;

const saveBody = {
  type: 'object',
  required: ['version'],
  additionalProperties: false,
  properties: {
    version: { type: 'string', maxLength: 64 },
    edits: { type: 'array', maxItems: 500, items: { type: 'object', required: ['path'], additionalProperties: false, properties: { path: pathSchema, value: {} } } },
    text: { type: 'string', maxLength: 4 * 1024 * 1024 },
  },
} as const;

const createBody = {
  type: 'object',
  required: ['folder', 'kind', 'level'],
  additionalProperties: false,
  properties: {
    folder: { type: 'string', minLength: 1, maxLength: 120 },
    kind: { type: 'string', enum: [...KINDS] },
    level: { type: 'string', enum: [...LEVELS] },
    county: { type: 'string', maxLength: 40 },
  },
} as const;

type Params = { id: string };

export function submissionRoutes(app: FastifyInstance, ctx: Ctx): void {
  const { ws, world } = ctx;

  app.get('/api/info', async (req) => {
    const scheme = await schemePicker(world, undefined, ws.root)(undefined);
    return {
      version: VERSION,
      lang: ctx.langOf(req),
      workspace: path.basename(ws.root),
      scheme: {
        id: scheme.id,
        title: scheme.title,
        levels: Object.entries(scheme.levels).map(([id, l]) => ({ id, name: l.name, en: l.en })),
        kinds: Object.entries(scheme.kinds).map(([id, k]) => ({ id, name: k.name, en: k.en })),
        counties: scheme.counties,
      },
      // The brief's 字数 are counted on the page as the check counts them: one rule, sent as data.
      countPattern: COUNT_PATTERN,
      limits: ctx.limits,
    };
  });

  app.get('/api/submissions', async (req) => {
    const lang = ctx.langOf(req);
    const list = [];
    for (const ref of await ws.submissions()) {
      const { checked, diagnostics } = await checkFiling(world, ws, ref);
      const counts = countBySeverity(diagnostics);
      const s = checked?.loaded.submission;
      // A file that reads but does not load (a required field still empty) is named by what it says.
      const raw = checked ? undefined : await readFilingText(ref).then((t) => rawValues(t.text, formatOf(ref.file)), () => undefined);
      const said = (...p: string[]) => {
        let v: unknown = raw?.value;
        for (const k of p) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
        return typeof v === 'string' && v.trim() ? v : null;
      };
      const out = s ? path.join(ws.root, OUTPUT_DIR, outputName(s.institution.name, s.brand.trade, s.kind)) : undefined;
      const built = out ? await stat(out).catch(() => undefined) : undefined;
      list.push({
        id: ref.id,
        file: ref.file,
        institution: s?.institution.name ?? said('institution', 'name'),
        trade: s?.brand.trade ?? said('brand', 'trade'),
        kind: s?.kind ?? said('kind'),
        level: s?.level ?? said('level'),
        county: s?.county.name ?? said('county', 'name'),
        errors: counts.error,
        warnings: counts.warning,
        // Unreadable: the file cannot be read at all (its syntax); one with errors in its fields is just that.
        unreadable: !checked && !raw?.syntaxOk,
        first: diagnostics.filter((d) => d.severity === 'error').slice(0, 1).map((d) => diagnosticJson(d, lang))[0] ?? null,
        built: built ? { output: ws.shown(out!), at: built.mtime.toISOString() } : null,
      });
    }
    return { submissions: list };
  });

  app.post<{ Body: { folder: string; kind: (typeof KINDS)[number]; level: (typeof LEVELS)[number]; county?: string } }>('/api/submissions', { schema: { body: createBody } }, async (req, reply) => {
    const folder = safeFileName(req.body.folder, '');
    // A name, not a path (../x, C:\x) and not hidden (.shenbao is the server's own; a hidden folder is never listed).
    if (!folder || folder.startsWith('.') || /[\\/]/.test(req.body.folder)) throw refuse(400, 'server.badPath', { path: req.body.folder.slice(0, 200) });
    const dir = await ws.resolve(folder);
    return ctx.locks.with(dir, async () => {
      if (await stat(dir).catch(() => undefined)) throw refuse(409, 'server.exists', { path: folder });
      const scheme = await schemePicker(world, undefined, ws.root)(undefined);
      const files = await initFiles(scheme, { kind: req.body.kind, level: req.body.level, now: world.clock.now, dir: folder, language: ctx.langOf(req) });
      if (req.body.county) {
        const text = files.files.get('submission.yaml') as string;
        files.files.set('submission.yaml', editSubmission(text, 'yaml', [{ path: ['county', 'name'], value: req.body.county }]));
      }
      await writeFiles(dir, files.files, files.folders);
      return reply.code(201).send({ id: folder });
    });
  });

  app.get<{ Params: Params }>('/api/submissions/:id', async (req, reply) => {
    const ref = await findFiling(ws, req.params.id);
    return reply.header('cache-control', 'no-store').send(await filingView(world, ws, ref, ctx.langOf(req)));
  });

  app.put<{ Params: Params; Body: { version: string; edits?: FieldEdit[]; text?: string } }>('/api/submissions/:id', { schema: { body: saveBody } }, async (req) => {
    const ref = await findFiling(ws, req.params.id);
    const { version, edits, text } = req.body;
    if ((edits === undefined) === (text === undefined)) throw refuse(400, 'server.badRequest', { detail: 'edits or text' });
    const next = await saveFiling(ref, ctx.locks, version, text !== undefined ? { text } : { edits: edits! });
    const view = await filingView(world, ws, ref, ctx.langOf(req));
    // The view re-reads the file; a save from elsewhere in between shows as a newer version, which is right.
    void next;
    return view;
  });

  app.get<{ Params: Params }>('/api/submissions/:id/forms', async (req) => {
    const ref = await findFiling(ws, req.params.id);
    const { checked, diagnostics } = await checkFiling(world, ws, ref);
    if (!checked) throw new Failure('problems', diagnostics);
    return { forms: previewForms(checked), errors: countBySeverity(diagnostics).error };
  });

  app.get<{ Params: Params & { form: string } }>('/api/submissions/:id/preview/:form', async (req, reply) => {
    const ref = await findFiling(ws, req.params.id);
    const { checked, diagnostics } = await checkFiling(world, ws, ref);
    if (!checked) throw new Failure('problems', diagnostics);
    const t = ui(ctx.langOf(req)).page;
    const pdf = await previewForm(checked, req.params.form, world.clock.now, { word: t.draft, line: t.draftLine });
    if (!pdf) throw refuse(404, 'server.notFound', { what: req.params.form.slice(0, 60) });
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(`${pdf.base}.pdf`)}`)
      .header('cache-control', 'no-store')
      .send(Buffer.from(pdf.bytes));
  });

  // Build: a job whose progress the page follows (routes-jobs.ts); the output goes where the CLI puts it.
  app.post<{ Params: Params; Body: { force?: boolean } }>('/api/submissions/:id/build', { schema: { body: { type: 'object', additionalProperties: false, properties: { force: { type: 'boolean' } } } } }, async (req, reply) => {
    const ref = await findFiling(ws, req.params.id);
    const lang = ctx.langOf(req);
    return startJob(ctx, reply, `build:${ref.dir}`, ref.id, async (progress) => {
      const r = await build(world, { dir: ref.dir, cwd: ws.root, force: req.body?.force ?? false, progress, helpers: ctx.renderers() });
      if (r.status === 'unreadable') throw new Failure('problems', r.diagnostics);
      if (r.status === 'refused') throw new Failure('problems', r.checked.report.diagnostics.filter((d) => d.severity === 'error'));
      const writing = progress.stage('write');
      const target = await writeBundle(path.join(ws.root, OUTPUT_DIR), r.pkg.name, r.pkg.bundle, { check: verifiedWrite(world, r.pkg.name, { bundle: r.pkg.bundle, digests: r.pkg.archive.digests }) });
      writing.done();
      const files = [];
      for (const rel of [...r.pkg.bundle.keys()].filter((k) => !k.startsWith('disc/')).sort()) {
        const size = (await stat(path.join(target, ...rel.split('/')))).size;
        files.push({ path: `${ws.shown(target)}/${rel}`, name: rel, size, sizeText: sizeText(size) });
      }
      return {
        output: ws.shown(target),
        files,
        disc: { files: r.pkg.archive.files, payloadBytes: r.pkg.archive.payloadBytes, isoBytes: r.pkg.archive.isoBytes, fits: diagnosticJson(discFits(r.pkg.archive.isoBytes), lang) },
        print: { pages: r.pkg.print.pages, spineMm: r.pkg.print.spineMm },
        diagnostics: r.pkg.diagnostics.map((d) => diagnosticJson(d, lang)),
      };
    });
  });

  app.get<{ Params: Params }>('/api/submissions/:id/text', async (req) => {
    const ref = await findFiling(ws, req.params.id);
    return readFilingText(ref);
  });
}

