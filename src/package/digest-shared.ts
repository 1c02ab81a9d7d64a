/**
 * Digests of many files at once, the work shared with a second thread: SHA-512 costs 2.5
 * times SHA-256, and a build with scans has 600 MB of print volumes to hash while the other
 * core sits idle. Each file's two sums are two pieces of work; the largest go first to
 * whichever thread would then finish sooner (the main thread also copies the worker's share
 * to it). Three volumes of 203 MB: 1.29 s on one thread, 0.78 s on two, on an idle two-core
 * machine; with both cores busy with other work it gains nothing and costs a tenth more CPU.
 *
 * The worker sees the bytes through a small ring of shared buffers the main thread copies
 * chunks into (copying is some fifty times faster than hashing), never a copy of a whole
 * file. Its code is a few lines given as text, so it runs the same from src/ under the test
 * runner and from dist/. A small total is hashed on this thread: starting a thread costs
 * more than it saves. Should the thread fail, the work is done here.
 */
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { FileEntry } from '../core/bundle.js';
import { digest, type Digest } from './digest.js';

/** Below this many bytes in memory, one thread does it all. */
export const SHARED_MIN_BYTES = 48 * 1024 * 1024;
const SLOT = 4 * 1024 * 1024;
const SLOTS = 4;
/** A slice hashed on the main thread between turns of the event loop (so the worker is fed). */
const SLICE = 4 * 1024 * 1024;
/** Relative costs per byte: SHA-256 1, SHA-512 2.5 (SHA-NI), copying a chunk to the worker 0.1. */
const COST = { sha256: 1, sha512: 2.5, copy: 0.1 } as const;

type Alg = 'sha256' | 'sha512';

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { ring, slot } = workerData;
let h;
parentPort.on('message', (m) => {
  if (m.t === 'begin') h = createHash(m.alg);
  else if (m.t === 'chunk') {
    h.update(new Uint8Array(ring, m.slot * slot, m.n));
    parentPort.postMessage({ t: 'free', slot: m.slot });
  } else parentPort.postMessage({ t: 'hex', hex: h.digest('hex') });
});
`;

interface Unit {
  item: number;
  alg: Alg;
  cost: number;
}

/** Which thread does which sum: largest first, to whichever thread then finishes sooner. */
function plan(sizes: readonly number[]): { main: Unit[]; worker: Unit[] } {
  const units = sizes.flatMap((size, item) => (['sha512', 'sha256'] as const).map((alg) => ({ item, alg, cost: size * COST[alg] })));
  units.sort((a, b) => b.cost - a.cost || a.item - b.item);
  const main: Unit[] = [];
  const worker: Unit[] = [];
  let mainLoad = 0;
  let workerLoad = 0;
  for (const u of units) {
    const copy = sizes[u.item]! * COST.copy;
    if (Math.max(workerLoad + u.cost, mainLoad + copy) < Math.max(mainLoad + u.cost, workerLoad)) {
      worker.push(u);
      workerLoad += u.cost;
      mainLoad += copy;
    } else {
      main.push(u);
      mainLoad += u.cost;
    }
  }
  return { main, worker };
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

type Message = { t: 'free'; slot: number } | { t: 'hex'; hex: string };

async function shared(items: readonly Uint8Array[]): Promise<Digest[]> {
  const { main, worker: theirs } = plan(items.map((b) => b.byteLength));
  const hex = items.map(() => ({}) as Record<Alg, string>);
  const ring = new SharedArrayBuffer(SLOT * SLOTS);
  const worker = new Worker(WORKER, { eval: true, workerData: { ring, slot: SLOT } });
  const free = Array.from({ length: SLOTS }, (_, i) => i);
  let waiting: { resolve: (m: Message) => void; reject: (e: Error) => void } | undefined;
  let failed: Error | undefined;
  const fail = (e: Error) => {
    failed ??= e;
    waiting?.reject(failed);
  };
  worker.on('message', (m: Message) => {
    if (m.t === 'free') free.push(m.slot);
    const w = waiting;
    waiting = undefined;
    w?.resolve(m);
  });
  worker.on('error', fail);
  worker.on('exit', () => fail(new Error('the hashing thread stopped')));
  const message = () => (failed ? Promise.reject(failed) : new Promise<Message>((resolve, reject) => (waiting = { resolve, reject })));

  const feed = async () => {
    for (const u of theirs) {
      const bytes = items[u.item]!;
      worker.postMessage({ t: 'begin', alg: u.alg });
      for (let at = 0; at < bytes.byteLength; ) {
        while (free.length === 0) await message();
        const slot = free.shift()!;
        const n = Math.min(SLOT, bytes.byteLength - at);
        new Uint8Array(ring, slot * SLOT, n).set(bytes.subarray(at, at + n));
        worker.postMessage({ t: 'chunk', slot, n });
        at += n;
      }
      worker.postMessage({ t: 'end' });
      let m: Message;
      while ((m = await message()).t !== 'hex');
      hex[u.item]![u.alg] = m.hex;
    }
  };
  const own = async () => {
    for (const u of main) {
      const bytes = items[u.item]!;
      const h = createHash(u.alg);
      for (let at = 0; at < bytes.byteLength; at += SLICE) {
        h.update(bytes.subarray(at, at + SLICE));
        await turn();
      }
      hex[u.item]![u.alg] = h.digest('hex');
    }
  };
  // Both sides run to their end before the thread goes, so nothing hashes on after a failure.
  const ends = await Promise.allSettled([feed(), own()]);
  worker.removeAllListeners('exit');
  await worker.terminate();
  for (const e of ends) if (e.status === 'rejected') throw e.reason;
  return items.map((b, i) => ({ size: b.byteLength, sha256: hex[i]!.sha256, sha512: hex[i]!.sha512 }));
}

/** The digest of each content, in order; bytes in memory shared out between two threads when there are many of them. */
export async function digestAll(contents: readonly (Uint8Array | FileEntry)[]): Promise<Digest[]> {
  const out: (Digest | undefined)[] = new Array(contents.length);
  const inMemory: number[] = [];
  let bytes = 0;
  for (let i = 0; i < contents.length; i++) {
    const c = contents[i]!;
    if (c instanceof Uint8Array) {
      inMemory.push(i);
      bytes += c.byteLength;
    } else out[i] = await digest(c, { crc: true });
  }
  if (bytes >= SHARED_MIN_BYTES) {
    try {
      const got = await shared(inMemory.map((i) => contents[i] as Uint8Array));
      inMemory.forEach((i, k) => (out[i] = got[k]));
    } catch {
      // The thread could not be had: this one does the work.
    }
  }
  for (const i of inMemory) out[i] ??= await digest(contents[i] as Uint8Array);
  return out as Digest[];
}
