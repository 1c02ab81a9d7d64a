/**
 * Progress on a terminal: one line per stage, rewritten in place while the stage runs and
 * left as a summary when it ends, in the user's language. With NO_COLOR the lines stay, only
 * uncoloured; with --quiet, or when stderr is not a terminal (a log, a pipe, CI), nothing.
 * The benchmark's recorder sits beside it (SHENBAO_TIMINGS).
 */
import type { Progress, StageId } from '../core/progress.js';
import type { Lang } from '../i18n/lang.js';
import { ui } from '../i18n/ui.js';
import { paint, type Out } from './terminal.js';

export function terminalProgress(out: Out, lang: Lang, now: () => number = () => performance.now()): Progress {
  const t = ui(lang);
  return {
    stage(id) {
      const name = t.stage[id];
      const start = now();
      const write = (line: string) => out.write(`\r\x1b[2K${line}`);
      write(`  … ${name}`);
      return {
        step(detail, index, total) {
          write(`  … ${name}${index !== undefined && total ? ` (${index}/${total})` : ''} ${visible(detail)}`);
        },
        done(summary) {
          const secs = ((now() - start) / 1000).toFixed(1);
          const said = summary ? t.stageDone(id, summary) : '';
          write(`  ${paint(out, 'green', '✓')} ${name}${said ? `${t.colon}${said}` : ''} ${paint(out, 'gray', `${secs} s`)}`);
          out.write('\n');
        },
      };
    },
  };
}

/** Data shown on a terminal never carries control characters (a name cannot clear the screen). */
export function visible(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Stage durations, kept for `npm run bench` (SHENBAO_TIMINGS=<file>). */
export interface Timing {
  stage: StageId;
  /** When the stage began, in ms since the process started (what lies between stages shows). */
  at: number;
  ms: number;
  /** Resident memory when the stage began and ended, and the most seen while it ran (MB). */
  startRssMb: number;
  rssMb: number;
  peakRssMb: number;
}

const rssMb = () => Math.round(process.memoryUsage.rss() / 1048576);

export function recordingProgress(into: Timing[], now: () => number = () => performance.now()): Progress {
  return {
    stage(id) {
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
          into.push({ stage: id, at: start, ms: now() - start, startRssMb, rssMb: end, peakRssMb: Math.max(peak, end) });
        },
      };
    },
  };
}
