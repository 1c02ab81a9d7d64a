/**
 * The worker thread of `shenbao county`: takes one job at a time from the pool and answers
 * with its result. Each thread has its own Node World (on the run's clock), whose fonts and
 * schemes stay loaded between jobs, so later jobs are faster.
 */
import { parentPort } from 'node:worker_threads';
import { Failure } from '../core/failure.js';
import { nodeWorld } from '../world/node.js';
import { runJob, type Job } from './jobs.js';

parentPort!.on('message', (msg: { id: number; job: Job; now: number }) => {
  const world = nodeWorld({ clock: { now: new Date(msg.now), fixed: true } });
  runJob(world, msg.job).then(
    (result) => parentPort!.postMessage({ id: msg.id, result }),
    (e: unknown) =>
      parentPort!.postMessage({
        id: msg.id,
        ...(e instanceof Failure ? { failed: { kind: e.kind, diagnostics: e.diagnostics } } : { failure: e instanceof Error ? e.message : String(e) }),
      }),
  );
});
