/**
 * Progress on long work, as the pipelines report it: which stage runs, which step of it,
 * and what it came to. Stages are named by id and their summaries are counts, so a front
 * end shows them in its own language — a line rewritten on a terminal, events on the page.
 */

export type StageId =
  | 'check' | 'fill' | 'documents' | 'print' | 'disc' | 'write' | 'verify'
  | 'intake' | 'buildUnsealed' | 'countyDocuments';

/** What a stage came to: counts only (the front end words them). */
export interface StageSummary {
  errors?: number;
  warnings?: number;
  forms?: number;
  files?: number;
  copies?: number;
  pages?: number;
  spineMm?: number;
  packages?: number;
  documents?: number;
  bytes?: number;
}

export interface Stage {
  /** What is being done now, e.g. “02-推荐表.pdf” (3 of 12): a file or applicant name, i.e. data. */
  step(detail: string, index?: number, total?: number): void;
  done(summary?: StageSummary): void;
}

export interface Progress {
  stage(id: StageId): Stage;
}

export const silent: Progress = { stage: () => ({ step() {}, done() {} }) };

/** Both at once (what the user sees and what the benchmark records). */
export function both(a: Progress, b: Progress): Progress {
  return {
    stage(id) {
      const x = a.stage(id);
      const y = b.stage(id);
      return {
        step: (d, i, n) => (x.step(d, i, n), y.step(d, i, n)),
        done: (s) => (x.done(s), y.done(s)),
      };
    },
  };
}
