/**
 * The worker thread of `shenbao county`: takes one job at a time from the pool and answers
 * with its result, its bytes handed over rather than copied (jobs.ts handOver). The thread
 * keeps one Node World for the run's clock, so the schemes it loaded (cached per World) and
 * the fonts stay loaded between jobs, and later jobs are faster.
 */
import { parentPort } from 'node:worker_threads';
import { thrownMessage } from '../core/failure.js';
import { nodeWorld } from '../world/node.js';
import type { World } from '../world/world.js';
import { handOver, runJob, type Job } from './jobs.js';

let world: World | undefined;

parentPort!.on('message', (msg: { id: number; job: Job; now: number }) => {
  if (world?.clock.now.getTime() !== msg.now) world = nodeWorld({ clock: { now: new Date(msg.now), fixed: true } });
  runJob(world, msg.job).then(
    (r) => {
      const { result, transfer } = handOver(r);
      try {
        parentPort!.postMessage({ id: msg.id, result }, transfer);
      } catch {
        // A buffer Node keeps for itself cannot be handed over (newer Node throws where 20 copied): copy all.
        parentPort!.postMessage({ id: msg.id, result });
      }
    },
    (e: unknown) =>
      parentPort!.postMessage({
        id: msg.id,
        ...thrownMessage(e),
      }),
  );
});
