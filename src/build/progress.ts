/**
 * Progress on long work: one line per stage on a terminal, rewritten in place while the
 * stage runs and left as a summary when it ends. Silent with --quiet or when the output
 * is not a terminal (a log file, a pipe, CI).
 */
import type { Out } from '../cli/terminal.js';
import { paint } from '../cli/terminal.js';

export interface Stage {
  /** What is being done now, e.g. “02-推荐表.pdf” (3 of 12). */
  step(detail: string, index?: number, total?: number): void;
  done(summary?: string): void;
}

export interface Progress {
  stage(name: string): Stage;
}

export const silent: Progress = { stage: () => ({ step() {}, done() {} }) };

export function terminalProgress(out: Out, now: () => number = () => performance.now()): Progress {
  return {
    stage(name) {
      const start = now();
      let last = '';
      const write = (line: string) => {
        out.write(`\r\x1b[2K${line}`);
        last = line;
      };
      write(`  … ${name}`);
      return {
        step(detail, index, total) {
          write(`  … ${name}${index !== undefined && total ? ` (${index}/${total})` : ''} ${detail}`);
        },
        done(summary) {
          const secs = ((now() - start) / 1000).toFixed(1);
          write(`  ${paint(out, 'green', '✓')} ${name}${summary ? `：${summary}` : ''} ${paint(out, 'gray', `${secs} s`)}`);
          out.write('\n');
          void last;
        },
      };
    },
  };
}

/** Stage durations, kept for `npm run bench` (SHENBAO_TIMINGS=<file>). */
export interface Timing {
  stage: string;
  ms: number;
  /** Resident memory when the stage began and ended, and the most seen while it ran (MB). */
  startRssMb: number;
  rssMb: number;
  peakRssMb: number;
}

/** Stage timings of this process's run (written out for the benchmark with SHENBAO_TIMINGS). */
export const timings: Timing[] = [];

const rssMb = () => Math.round(process.memoryUsage.rss() / 1048576);

export function recordingProgress(into: Timing[], now: () => number = () => performance.now()): Progress {
  return {
    stage(name) {
      const start = now();
      const startRssMb = rssMb();
      let peak = startRssMb;
      // Sampled while the stage runs, so a stage that streams shows memory flat, one that buffers does not.
      const timer = setInterval(() => (peak = Math.max(peak, rssMb())), 25);
      timer.unref();
      return {
        step() {},
        done: () => {
          clearInterval(timer);
          const end = rssMb();
          into.push({ stage: name, ms: now() - start, startRssMb, rssMb: end, peakRssMb: Math.max(peak, end) });
        },
      };
    },
  };
}

/** Both at once: what the user sees and what the benchmark records. */
export function both(a: Progress, b: Progress): Progress {
  return {
    stage(name) {
      const x = a.stage(name);
      const y = b.stage(name);
      return {
        step: (d, i, n) => (x.step(d, i, n), y.step(d, i, n)),
        done: (s) => (x.done(s), y.done(s)),
      };
    },
  };
}
