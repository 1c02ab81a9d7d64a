/**
 * The worker thread of `shenbao county`: takes one job at a time from the pool and answers
 * with its result. Fonts and schemes are cached per thread, so later jobs are faster.
 */
import { parentPort } from 'node:worker_threads';
import { runJob, type Job } from './jobs.js';

parentPort!.on('message', (msg: { id: number; job: Job }) => {
  runJob(msg.job).then(
    (result) => parentPort!.postMessage({ id: msg.id, result }),
    (e: unknown) => parentPort!.postMessage({ id: msg.id, failure: e instanceof Error ? e.message : String(e) }),
  );
});
