/**
 * A small pool of worker threads, one per core (the machine the county uses has two): each
 * applicant's package is verified and checked on its own thread. Results come back as soon
 * as each job ends; a thread that dies takes only its own job with it. A Failure in a job
 * (the scheme is broken, say) stops the run as it would on the main thread.
 */
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../core/diagnostic.js';
import { Failure, type ExitKind } from '../core/failure.js';
import type { World } from '../world/world.js';
import { runJob, type Job, type JobResult } from './jobs.js';

export type Outcome = { ok: true; result: JobResult } | { ok: false; failure: string };

const WORKER = new URL('./worker.js', import.meta.url);

/** Workers run compiled code; under the test runner (src/*.ts) jobs run on this thread. */
export function workersAvailable(): boolean {
  return import.meta.url.endsWith('.js');
}

export async function runPool(world: World, jobs: readonly Job[], threads: number, onDone: (index: number, outcome: Outcome) => void): Promise<Outcome[]> {
  const results: Outcome[] = new Array(jobs.length);
  const finish = (i: number, o: Outcome) => {
    results[i] = o;
    onDone(i, o);
  };
  if (threads <= 0 || !workersAvailable()) {
    for (let i = 0; i < jobs.length; i++) {
      try {
        finish(i, { ok: true, result: await runJob(world, jobs[i]!) });
      } catch (e) {
        if (e instanceof Failure) throw e;
        finish(i, { ok: false, failure: e instanceof Error ? e.message : String(e) });
      }
    }
    return results;
  }
  let next = 0;
  let stop: Failure | undefined;
  const lane = async (): Promise<void> => {
    let worker: Worker | undefined;
    try {
      while (next < jobs.length && !stop) {
        const i = next++;
        worker ??= new Worker(WORKER);
        const w = worker;
        const outcome = await new Promise<Outcome>((resolve) => {
          const onMessage = (m: { id: number; result?: JobResult; failure?: string; failed?: { kind: ExitKind; diagnostics: Diagnostic[] } }) => {
            cleanup();
            if (m.failed) {
              stop ??= new Failure(m.failed.kind, m.failed.diagnostics);
              resolve({ ok: false, failure: 'stopped' });
            } else resolve(m.failure !== undefined ? { ok: false, failure: m.failure } : { ok: true, result: m.result! });
          };
          const onError = (e: Error) => {
            cleanup();
            worker = undefined;
            resolve({ ok: false, failure: e.message });
          };
          const onExit = (code: number) => {
            cleanup();
            worker = undefined;
            resolve({ ok: false, failure: `worker exited with code ${code}` });
          };
          const cleanup = () => {
            w.off('message', onMessage);
            w.off('error', onError);
            w.off('exit', onExit);
          };
          w.on('message', onMessage);
          w.on('error', onError);
          w.on('exit', onExit);
          w.postMessage({ id: i, job: jobs[i], now: world.clock.now.getTime() });
        });
        if (!stop) finish(i, outcome);
      }
    } finally {
      if (worker) await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.min(threads, jobs.length) }, lane));
  if (stop) throw stop;
  return results;
}
