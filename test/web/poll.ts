import { expect } from 'vitest';

/** expect.poll with a timeout for a loaded 2-core machine (vitest's own is 1 s). */
export const poll = <T>(fn: () => T | Promise<T>, timeout = 15_000) => expect.poll(fn, { timeout, interval: 100 });
