/**
 * Long work the page starts — a build, a county run — runs as a job: the request that starts
 * it returns at once with the job's id, and the page follows its progress as server-sent
 * events (stage started, step, stage done, then the result or the failure). Every event is
 * kept, so a page that reconnects (or opens late) sees the whole story. One job per key
 * (a submission, the county) at a time.
 */
import { randomUUID } from 'node:crypto';
import type { Diagnostic } from '../core/diagnostic.js';
import type { Progress, StageId, StageSummary } from '../core/progress.js';

export type JobEvent =
  | { type: 'stage'; stage: StageId }
  | { type: 'step'; stage: StageId; detail: string; index?: number; total?: number }
  | { type: 'done'; stage: StageId; summary?: StageSummary }
  | { type: 'result'; result: unknown }
  | { type: 'failed'; status: number; diagnostics: Diagnostic[] };

export interface Job {
  id: string;
  key: string;
  events: JobEvent[];
  finished: boolean;
  listeners: Set<(e: JobEvent) => void>;
}

export class Jobs {
  private readonly byId = new Map<string, Job>();
  private readonly running = new Map<string, Job>();

  /** The job running under `key`, if any. */
  busy(key: string): Job | undefined {
    return this.running.get(key);
  }

  get(id: string): Job | undefined {
    return this.byId.get(id);
  }

  /**
   * Starts `work` with a Progress that becomes events; what it returns is the last event
   * (`result`), or what it throws, through `failed` (`failed`).
   */
  start(key: string, work: (progress: Progress) => Promise<unknown>, failed: (e: unknown) => { status: number; diagnostics: Diagnostic[] }): Job {
    const job: Job = { id: randomUUID(), key, events: [], finished: false, listeners: new Set() };
    const emit = (e: JobEvent) => {
      job.events.push(e);
      for (const l of job.listeners) l(e);
    };
    const progress: Progress = {
      stage(stage) {
        emit({ type: 'stage', stage });
        return {
          step: (detail, index, total) => emit({ type: 'step', stage, detail, index, total }),
          done: (summary) => emit({ type: 'done', stage, summary }),
        };
      },
    };
    this.byId.set(job.id, job);
    this.running.set(key, job);
    // Keep the last few finished jobs only: events of a county run are small, but not nothing.
    if (this.byId.size > 50) this.byId.delete(this.byId.keys().next().value!);
    void work(progress)
      .then(
        (result) => emit({ type: 'result', result }),
        (e: unknown) => emit({ type: 'failed', ...failed(e) }),
      )
      .finally(() => {
        job.finished = true;
        if (this.running.get(key) === job) this.running.delete(key);
        job.listeners.clear();
      });
    return job;
  }
}
