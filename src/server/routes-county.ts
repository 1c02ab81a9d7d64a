/**
 * The county's side: the inbox (收件/ in the workspace — the folder `shenbao county 收件/`
 * reads), the intake table, county.yaml as fields (saved to the same file the CLI reads),
 * a preview of each report, and the county package, written where the CLI writes it.
 */
import { readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sniff } from '../core/sniff.js';
import { Failure } from '../core/failure.js';
import { countyFormSpec } from '../county/form-spec.js';
import type { Intake } from '../county/intake.js';
import type { CountyPlan } from '../county/decide.js';
import { diagnosticJson } from '../i18n/format.js';
import type { Lang } from '../i18n/lang.js';
import { ui } from '../i18n/ui.js';
import { COUNTY_FILE, runCounty } from '../pipeline/county.js';
import { countyInit } from '../pipeline/county-init.js';
import { verifiedWrite } from '../pipeline/verify.js';
import { countyDraft, countyReportPreview } from '../pipeline/county-preview.js';
import { schemePicker } from '../pipeline/scheme.js';
import { editSubmission, rawValues, type FieldEdit } from '../submission/edit.js';
import { writeBundle } from '../world/node-write.js';
import { OUTPUT_DIR, startJob, type Ctx } from './context.js';
import { versionOf } from './filing.js';
import { refuse } from './refusal.js';
import { badSegment, moveAside, receive, safeFileName, writeAtomic } from './workspace.js';

/** The inbox folder in the workspace: where applicants' packages are dropped. */
export const INBOX = '收件';

async function inboxItems(root: string): Promise<{ name: string; kind: 'file' | 'dir'; size: number; mtime: number }[]> {
  const dir = path.join(root, INBOX);
  const names = await readdir(dir).catch(() => [] as string[]);
  const out = [];
  for (const name of names.filter((n) => !n.startsWith('.')).sort()) {
    const st = await stat(path.join(dir, name)).catch(() => undefined);
    if (st) out.push({ name, kind: st.isDirectory() ? ('dir' as const) : ('file' as const), size: st.size, mtime: st.mtimeMs });
  }
  return out;
}

const keyOf = (items: Awaited<ReturnType<typeof inboxItems>>) => JSON.stringify(items.map((i) => [i.name, i.size, i.mtime]));

function intakeRow(i: Intake, plan: CountyPlan | undefined, lang: Lang) {
  const p = plan?.applicants.find((a) => a.number === i.index + 1);
  const a = i.applicant;
  return {
    number: i.index + 1,
    input: i.input,
    form: i.form ?? null,
    fixity: i.fixity,
    verified: i.verified,
    payloadFiles: i.payloadFiles,
    applicant: a
      ? { institution: a.institution, trade: a.trade, kind: a.kind, level: a.level, county: a.county, figures: a.figures, eligible: a.eligibility?.eligible ?? null, score: a.score.total, grade: a.score.grade, materials: a.materials }
      : null,
    counts: i.counts,
    problems: [...i.problems, ...i.check].map((d) => diagnosticJson(d, lang)),
    decision: p?.decision ?? null,
    duplicateOf: p?.duplicateOf ?? null,
    entryIndex: p?.entryIndex ?? null,
    planProblems: (p?.diagnostics ?? []).map((d) => diagnosticJson(d, lang)),
  };
}

export function countyRoutes(app: FastifyInstance, ctx: Ctx): void {
  const { ws, world, county: state } = ctx;
  const countyFile = () => path.join(ws.root, COUNTY_FILE);

  async function fileView() {
    const bytes = await readFile(countyFile()).catch(() => undefined);
    if (!bytes) return { exists: false, version: null, values: null, syntaxOk: true, text: null };
    const text = new TextDecoder('utf-8').decode(bytes);
    const raw = rawValues(text, 'yaml');
    return { exists: true, version: versionOf(bytes), values: raw.value ?? null, syntaxOk: raw.syntaxOk, text };
  }

  /** The intakes, if the inbox is as it was when they were taken. */
  async function currentIntakes(): Promise<Intake[] | undefined> {
    const key = keyOf(await inboxItems(ws.root));
    return state.intakes && state.inboxKey === key ? state.intakes : undefined;
  }

  app.get('/api/county', async (req) => {
    const lang = ctx.langOf(req);
    const scheme = await schemePicker(world, undefined, ws.root)(undefined);
    const intakes = await currentIntakes();
    let plan: CountyPlan | undefined;
    let planProblems: unknown[] = [];
    if (intakes) {
      try {
        plan = (await countyDraft(world, { intakes, cwd: ws.root })).plan;
        planProblems = plan.diagnostics.map((d) => diagnosticJson(d, lang));
      } catch (e) {
        if (!(e instanceof Failure)) throw e;
        planProblems = e.diagnostics.map((d) => diagnosticJson(d, lang));
      }
    }
    return {
      inbox: { folder: INBOX, items: await inboxItems(ws.root) },
      file: await fileView(),
      spec: countyFormSpec(scheme),
      intake: intakes ? intakes.map((i) => intakeRow(i, plan, lang)) : null,
      planProblems,
    };
  });

  // A package into the inbox: a zip or ISO as one file, or a folder's files one by one (?path=folder/…).
  app.post<{ Querystring: { path?: string } }>('/api/county/inbox', async (req, reply) => {
    if (!req.isMultipart()) throw refuse(415, 'server.badUpload', { name: '—' });
    const part = await req.file();
    if (!part) throw refuse(400, 'server.badUpload', { name: '—' });
    // A package is one file (its name, never a path: a browser may send C:\…\x.zip); a folder's
    // files come with their path inside it (?path=folder/…), which may not climb or be absolute.
    const given = req.query.path ?? safeFileName(part.filename, 'package');
    if (badSegment(given.replace(/\\/g, '/'))) {
      part.file.resume();
      throw refuse(400, 'server.badPath', { path: given.slice(0, 200) });
    }
    const segments = given.split(/[\\/]/).filter(Boolean).map((s) => safeFileName(s));
    const rel = segments.join('/');
    if (segments.length === 0 || badSegment(rel) || segments.length > 12) {
      part.file.resume();
      throw refuse(400, 'server.badPath', { path: given.slice(0, 200) });
    }
    const target = await ws.resolve(`${INBOX}/${rel}`);
    let tmp: string;
    try {
      tmp = await receive(part.file, path.dirname(target), path.basename(target));
    } catch (e) {
      if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw refuse(413, 'server.tooLarge', { max: ctx.limits.package });
      throw e;
    }
    if (part.file.truncated) {
      await rm(tmp, { force: true });
      throw refuse(413, 'server.tooLarge', { max: ctx.limits.package });
    }
    // One file on its own must be a package by its bytes: a zip or a disc image.
    if (segments.length === 1) {
      const fh = await import('node:fs/promises').then((m) => m.open(tmp, 'r'));
      const head = Buffer.alloc(40000);
      const { bytesRead } = await fh.read(head, 0, head.length, 0).finally(() => fh.close());
      const isIso = bytesRead >= 32774 && head.subarray(32769, 32774).toString('latin1') === 'CD001';
      if (sniff(head.subarray(0, bytesRead)) !== 'zip' && !isIso) {
        await rm(tmp, { force: true });
        throw refuse(415, 'server.noPackage', { name: segments[0]! });
      }
    }
    if (await stat(target).catch(() => undefined)) await moveAside(ws.root, target);
    await rename(tmp, target);
    return reply.code(201).send({ ok: true, path: `${INBOX}/${rel}` });
  });

  app.delete<{ Querystring: { name: string } }>('/api/county/inbox', { schema: { querystring: { type: 'object', required: ['name'], properties: { name: { type: 'string', maxLength: 300 }, lang: { type: 'string' }, token: { type: 'string' } } } } }, async (req) => {
    if (req.query.name.includes('/')) throw refuse(400, 'server.badPath', { path: req.query.name });
    const target = await ws.resolve(`${INBOX}/${req.query.name}`);
    if (!(await stat(target).catch(() => undefined))) throw refuse(404, 'server.notFound', { what: req.query.name });
    await moveAside(ws.root, target);
    return { ok: true };
  });

  // Take in every package of the inbox (verify, check in place), as `county init` does.
  app.post('/api/county/intake', async (req, reply) => {
    const lang = ctx.langOf(req);
    return startJob(ctx, reply, 'county', INBOX, async (progress) => {
      const items = await inboxItems(ws.root);
      if (items.length === 0) throw new Failure('problems', [{ severity: 'error', code: 'county.noPackages', params: {}, location: { file: INBOX } }]);
      const r = await countyInit(world, { packages: [INBOX], cwd: ws.root, lang, progress });
      state.intakes = r.intakes;
      state.skeleton = r.text;
      state.inboxKey = keyOf(items);
      return { packages: r.intakes.length };
    });
  });

  // county.yaml: made from the intake (as `county init` writes it) when there is none, then edited field by field.
  app.post('/api/county/file', async () => {
    return ctx.locks.with(countyFile(), async () => {
      if (await stat(countyFile()).catch(() => undefined)) throw refuse(409, 'server.exists', { path: COUNTY_FILE });
      if (!state.skeleton) throw refuse(409, 'server.notFound', { what: INBOX });
      await writeAtomic(countyFile(), state.skeleton);
      return { ok: true, version: versionOf(state.skeleton) };
    });
  });

  app.put<{ Body: { version: string; edits?: FieldEdit[]; text?: string } }>(
    '/api/county/file',
    {
      schema: {
        body: {
          type: 'object',
          required: ['version'],
          additionalProperties: false,
          properties: {
            version: { type: 'string', maxLength: 64 },
            edits: { type: 'array', maxItems: 2000, items: { type: 'object', required: ['path'], additionalProperties: false, properties: { path: { type: 'array', minItems: 1, maxItems: 6, items: { anyOf: [{ type: 'string', maxLength: 100 }, { type: 'integer', minimum: 0, maximum: 10000 }] } }, value: {} } } },
            text: { type: 'string', maxLength: 4 * 1024 * 1024 },
          },
        },
      },
    },
    async (req) => {
      return ctx.locks.with(countyFile(), async () => {
        const bytes = await readFile(countyFile()).catch(() => undefined);
        if (!bytes) throw refuse(404, 'server.notFound', { what: COUNTY_FILE });
        if (versionOf(bytes) !== req.body.version) throw refuse(409, 'server.changedOnDisk', { file: COUNTY_FILE }, { file: COUNTY_FILE });
        const text = new TextDecoder('utf-8').decode(bytes);
        let next: string;
        if (req.body.text !== undefined) next = req.body.text;
        else {
          if (!rawValues(text, 'yaml').syntaxOk) throw refuse(409, 'server.syntax', { file: COUNTY_FILE }, { file: COUNTY_FILE });
          try {
            next = editSubmission(text, 'yaml', req.body.edits ?? []);
          } catch (e) {
            throw refuse(409, 'server.badRequest', { detail: (e as Error).message.slice(0, 200) }, { file: COUNTY_FILE });
          }
        }
        await writeAtomic(countyFile(), next);
        return { ok: true, version: versionOf(next) };
      });
    },
  );

  app.get<{ Params: { number: string } }>('/api/county/preview/:number', async (req, reply) => {
    const intakes = await currentIntakes();
    if (!intakes) throw refuse(409, 'server.notFound', { what: INBOX });
    const draft = await countyDraft(world, { intakes, cwd: ws.root });
    const t = ui(ctx.langOf(req)).page;
    const pdf = await countyReportPreview(world, draft, Number(req.params.number), { word: t.draft, line: t.draftLine }, ws.root);
    if (!pdf) throw refuse(404, 'server.notFound', { what: `#${req.params.number.slice(0, 10)}` });
    return reply.type('application/pdf').header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(`${path.basename(pdf.base)}.pdf`)}`).header('cache-control', 'no-store').send(Buffer.from(pdf.bytes));
  });

  // The county package, as `shenbao county 收件/` in the workspace makes it.
  app.post('/api/county/run', async (req, reply) => {
    const lang = ctx.langOf(req);
    return startJob(ctx, reply, 'county', INBOX, async (progress) => {
      const run = await runCounty(world, { packages: [INBOX], cwd: ws.root, progress, helpers: ctx.renderers() });
      try {
        const writing = progress.stage('write');
        const target = await writeBundle(path.join(ws.root, OUTPUT_DIR), run.name, run.bundle, { check: verifiedWrite(world, run.name, { bundle: run.bundle, digests: run.disc.digests }) });
        writing.done();
        const files = [...run.bundle.keys()].filter((k) => !k.startsWith('disc/')).sort().map((k) => ({ path: `${ws.shown(target)}/${k}`, name: k }));
        return {
          output: ws.shown(target),
          files,
          disc: { files: run.disc.files, payloadBytes: run.disc.payloadBytes, isoBytes: run.disc.isoBytes, fits: diagnosticJson(run.disc.fits, lang) },
          decisions: run.plan.applicants.map((p) => ({ number: p.number, label: p.label, decision: p.decision })),
          diagnostics: run.plan.diagnostics.map((d) => diagnosticJson(d, lang)),
        };
      } finally {
        await run.close();
      }
    });
  });
}
