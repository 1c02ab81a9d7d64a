/**
 * What every route of the server is given: the workspace, the World, the limits, the locks
 * and jobs, the county's last intake, and how to answer with a problem in the asker's language.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RenderHelper } from '../build/documents.js';
import { error, type Diagnostic } from '../core/diagnostic.js';
import { Failure } from '../core/failure.js';
import type { Intake } from '../county/intake.js';
import type { Lang } from '../i18n/lang.js';
import type { Progress } from '../core/progress.js';
import type { World } from '../world/world.js';
import { refuse } from './refusal.js';
import type { Locks } from './filing.js';
import type { Jobs } from './jobs.js';
import type { Workspace } from './workspace.js';

export interface Limits {
  /** One uploaded file (a scan, a roster): bytes. */
  upload: number;
  /** One uploaded package (a zip or ISO for the county or the archivist): bytes. */
  package: number;
  /** A JSON request body: bytes. */
  json: number;
}

/** What a real roster and real scans fit: a 300-page scan at 300 dpi is about 150 MB; a package is up to a DVD. */
export const DEFAULT_LIMITS: Limits = { upload: 200 * 1024 ** 2, package: 4.7e9, json: 4 * 1024 ** 2 };

/** What the last intake found, and of which inbox (names, sizes and times of its items). */
export class CountyState {
  intakes?: Intake[];
  skeleton?: string;
  inboxKey?: string;
}

/** Everything a route needs. */
export interface Ctx {
  ws: Workspace;
  world: World;
  limits: Limits;
  locks: Locks;
  jobs: Jobs;
  county: CountyState;
  /** The second core's renderer for builds, started with the first build and kept for the next. */
  renderers(): readonly RenderHelper[];
  log: (line: string) => void;
  langOf(req: FastifyRequest): Lang;
  /** Sends diagnostics with a status, in the asker's language. */
  problem(req: FastifyRequest, reply: FastifyReply, status: number, diagnostics: readonly Diagnostic[]): FastifyReply;
}

/** Builds go where `shenbao build` run in the workspace puts them. */
export const OUTPUT_DIR = 'output';

/** What a job that threw comes to: its diagnostics and the status a request would get. */
export function jobFailure(log: (line: string) => void) {
  return (e: unknown) => {
    if (e instanceof Failure) return { status: e.kind === 'io' ? 404 : 422, diagnostics: e.diagnostics };
    log(`job failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    const detail = e instanceof Error ? e.message : String(e);
    return { status: 500, diagnostics: [error('internal.bug', { detail: detail.slice(0, 200) }, {})] };
  };
}

/**
 * Long work as a job, one at a time per key: 409 while one runs, else 202 with the job's id; its
 * progress and result reach the page as server-sent events (routes-jobs.ts).
 */
export function startJob(ctx: Ctx, reply: FastifyReply, key: string, what: string, work: (progress: Progress) => Promise<unknown>): FastifyReply {
  if (ctx.jobs.busy(key)) throw refuse(409, 'server.busy', { what });
  const job = ctx.jobs.start(key, work, jobFailure(ctx.log));
  return reply.code(202).send({ job: job.id });
}
