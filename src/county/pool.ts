/**
 * A small pool of worker threads, one per core (the machine the county uses has two): each
 * applicant's package is opened, verified and checked on its own thread. Results come back
 * as soon as each job ends; a thread that dies takes only its own job with it.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { runJob, type Job, type JobResult } from './jobs.js';

export type Outcome = { ok: true; result: JobResult } | { ok: false; failure: string };

const WORKER = new URL('./worker.js', import.meta.url);

/** Workers run compiled code; under the test runner (src/*.ts) jobs run on this thread. */
export function workersAvailable(): boolean {
  return existsSync(fileURLToPath(WORKER));
}

export async function runPool(jobs: readonly Job[], threads: number, onDone: (index: number, outcome: Outcome) => void): Promise<Outcome[]> {
  const results: Outcome[] = new Array(jobs.length);
  const finish = (i: number, o: Outcome) => {
    results[i] = o;
    onDone(i, o);
  };
  if (threads <= 0 || !workersAvailable()) {
    for (let i = 0; i < jobs.length; i++) {
      try {
        finish(i, { ok: true, result: await runJob(jobs[i]!) });
      } catch (e) {
        finish(i, { ok: false, failure: e instanceof Error ? e.message : String(e) });
      }
    }
    return results;
  }
  let next = 0;
  const lane = async (): Promise<void> => {
    let worker: Worker | undefined;
    try {
      while (next < jobs.length) {
        const i = next++;
        worker ??= new Worker(WORKER);
        const w = worker;
        const outcome = await new Promise<Outcome>((resolve) => {
          const onMessage = (m: { id: number; result?: JobResult; failure?: string }) => {
            cleanup();
            resolve(m.failure !== undefined ? { ok: false, failure: m.failure } : { ok: true, result: m.result! });
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
          w.postMessage({ id: i, job: jobs[i] });
        });
        finish(i, outcome);
      }
    } finally {
      if (worker) await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.min(threads, jobs.length) }, lane));
  return results;
}
