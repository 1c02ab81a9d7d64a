/**
 * A job's progress as server-sent events: every event so far, then each new one as it
 * happens, until the result (or the failure). Diagnostics are rendered in the asker's
 * language here, at the edge.
 */
import type { FastifyInstance } from 'fastify';
import { diagnosticJson } from '../i18n/format.js';
import type { Ctx } from './context.js';
import type { JobEvent } from './jobs.js';
import { refuse } from './refusal.js';

export function jobRoutes(app: FastifyInstance, ctx: Ctx): void {
  app.get<{ Params: { id: string } }>('/api/jobs/:id/events', async (req, reply) => {
    const job = ctx.jobs.get(req.params.id);
    if (!job) throw refuse(404, 'server.notFound', { what: req.params.id.slice(0, 60) });
    const lang = ctx.langOf(req);
    const render = (e: JobEvent) => (e.type === 'failed' ? { ...e, diagnostics: e.diagnostics.map((d) => diagnosticJson(d, lang)) } : e);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive', 'x-content-type-options': 'nosniff' });
    const send = (e: JobEvent) => res.write(`event: ${e.type}\ndata: ${JSON.stringify(render(e))}\n\n`);
    for (const e of job.events) send(e);
    if (job.finished) {
      res.end();
      return;
    }
    const listener = (e: JobEvent) => {
      send(e);
      if (e.type === 'result' || e.type === 'failed') res.end();
    };
    job.listeners.add(listener);
    req.raw.on('close', () => job.listeners.delete(listener));
  });
}
