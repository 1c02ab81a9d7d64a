/**
 * A list of jobs that two threads take from opposite ends, each taking its next job itself:
 * one compare-and-swap on shared memory, with no message to the other thread. A worker that
 * had to ask the main thread for its next job would wait whenever the main thread was busy
 * drawing (it reads messages only between documents).
 *
 * The jobs left are [front, end), packed into one 32-bit cell so that both ends move in one
 * atomic step and a job is never taken twice.
 */
export const CLAIMS_MAX = 0xffff;

export class Claims {
  readonly buffer: SharedArrayBuffer;
  private readonly cell: Int32Array;

  /** `jobs`: a new list of that many jobs, or the shared memory of another thread's list. */
  constructor(jobs: number | SharedArrayBuffer) {
    if (typeof jobs === 'number') {
      if (!Number.isInteger(jobs) || jobs < 0 || jobs > CLAIMS_MAX) throw new RangeError(`a claim list holds 0…${CLAIMS_MAX} jobs, not ${jobs}`);
      this.buffer = new SharedArrayBuffer(4);
      this.cell = new Int32Array(this.buffer);
      Atomics.store(this.cell, 0, jobs << 16);
    } else {
      this.buffer = jobs;
      this.cell = new Int32Array(jobs);
    }
  }

  /** The first job left, taken; undefined when none is left. */
  front(): number | undefined {
    return this.take(true);
  }

  /** The last job left, taken; undefined when none is left. */
  back(): number | undefined {
    return this.take(false);
  }

  private take(fromFront: boolean): number | undefined {
    for (;;) {
      const v = Atomics.load(this.cell, 0);
      const front = v & 0xffff;
      const end = v >>> 16;
      if (front >= end) return undefined;
      const next = fromFront ? (end << 16) | (front + 1) : ((end - 1) << 16) | front;
      if (Atomics.compareExchange(this.cell, 0, v, next) === v) return fromFront ? front : end - 1;
    }
  }
}
