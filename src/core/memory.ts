/**
 * Between the stages of a build, the garbage of the stage before is collected before the
 * next one allocates. V8 would otherwise let the heap grow across stages (each stage makes
 * tens of MB of short-lived objects), and the peak is what a county officer's laptop feels:
 * on a 5,000-row roster this is the difference between ~440 MB and well under 400 MB
 * (see `npm run bench`). Node exposes no GC call without a flag, so the flag is set here.
 * A full collection costs 50–100 ms, so a small heap (the example's is 50–80 MB between
 * stages) is left to V8: collecting it would save little and cost a tenth of the build.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

let gc: (() => void) | undefined;

/** Below this much live-and-dead heap, a collection is not worth its pause. */
const WORTH_COLLECTING = 128 * 1024 * 1024;

export function collectGarbage(): void {
  if (v8.getHeapStatistics().used_heap_size < WORTH_COLLECTING) return;
  collectNow();
}

/** A full collection whatever the heap: for a caller that has just let go of much memory outside it (a large file's bytes). */
export function collectNow(): void {
  if (!gc) {
    v8.setFlagsFromString('--expose-gc');
    gc = vm.runInNewContext('gc') as () => void;
  }
  gc();
}
