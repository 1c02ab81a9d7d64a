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
 * file; a file not in memory is read for each of its two sums (the second read is from the
 * page cache). Its code is a few lines given as text, so it runs the same from src/ under the test
 * runner and from dist/. A small total is hashed on this thread: starting a thread costs
 * more than it saves. Should the thread fail, the work is done here.
 */
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { crc32 } from 'node:zlib';
import { scanChunks, type FileEntry } from '../core/bundle.js';
import { digest, type Digest } from './digest.js';

/** Below this many bytes, one thread does it all. */
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

type Item = Uint8Array | FileEntry;
const sizeOf = (x: Item) => (x instanceof Uint8Array ? x.byteLength : x.size);

/** An item's chunks: slices of bytes in memory, or a file read through `buf` (each chunk valid until the next). */
async function* chunksOf(x: Item, buf: Uint8Array): AsyncGenerator<Uint8Array> {
  if (x instanceof Uint8Array) {
    for (let at = 0; at < x.byteLength; at += SLICE) yield x.subarray(at, at + SLICE);
    return;
  }
  yield* scanChunks(x, buf);
}

/**
 * A file (a print copy written on demand, a scan kept in its file) is read once per sum, on
 * this thread: the second read comes from the page cache, and the work goes on two cores.
 * Its CRC-32 (for the zip) is summed with its SHA-256.
 */
async function shared(items: readonly Item[]): Promise<Digest[]> {
  const { main, worker: theirs } = plan(items.map(sizeOf));
  const hex = items.map(() => ({}) as Record<Alg, string>);
  const sizes = items.map(() => [] as number[]);
  const crcs: (number | undefined)[] = items.map(() => undefined);
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
  /** The CRC-32 of a file goes with its SHA-256, on whichever side that is summed. */
  const crcOf = (u: Unit) => u.alg === 'sha256' && !(items[u.item] instanceof Uint8Array);

  const feed = async () => {
    const buf = new Uint8Array(SLOT);
    for (const u of theirs) {
      worker.postMessage({ t: 'begin', alg: u.alg });
      let size = 0;
      let crc = 0;
      for await (const chunk of chunksOf(items[u.item]!, buf)) {
        if (crcOf(u)) crc = crc32(chunk, crc);
        for (let at = 0; at < chunk.byteLength; ) {
          while (free.length === 0) await message();
          const slot = free.shift()!;
          const n = Math.min(SLOT, chunk.byteLength - at);
          new Uint8Array(ring, slot * SLOT, n).set(chunk.subarray(at, at + n));
          worker.postMessage({ t: 'chunk', slot, n });
          at += n;
        }
        size += chunk.byteLength;
      }
      worker.postMessage({ t: 'end' });
      let m: Message;
      while ((m = await message()).t !== 'hex');
      hex[u.item]![u.alg] = m.hex;
      sizes[u.item]!.push(size);
      if (crcOf(u)) crcs[u.item] = crc >>> 0;
    }
  };
  const own = async () => {
    const buf = new Uint8Array(SLOT);
    for (const u of main) {
      const h = createHash(u.alg);
      let size = 0;
      let crc = 0;
      for await (const chunk of chunksOf(items[u.item]!, buf)) {
        h.update(chunk);
        if (crcOf(u)) crc = crc32(chunk, crc);
        size += chunk.byteLength;
        await turn();
      }
      hex[u.item]![u.alg] = h.digest('hex');
      sizes[u.item]!.push(size);
      if (crcOf(u)) crcs[u.item] = crc >>> 0;
    }
  };
  // Both sides run to their end before the thread goes, so nothing hashes on after a failure.
  const ends = await Promise.allSettled([feed(), own()]);
  worker.removeAllListeners('exit');
  await worker.terminate();
  for (const e of ends) if (e.status === 'rejected') throw e.reason;
  return items.map((x, i) => {
    const [a, b] = sizes[i]!;
    // Two reads of a file that changed in between would give sums of two different files.
    if (a !== b) throw new Error(`${x instanceof Uint8Array ? 'a file' : x.path} changed while it was hashed`);
    const crc = crcs[i];
    return { size: a!, sha256: hex[i]!.sha256, sha512: hex[i]!.sha512, ...(crc !== undefined && { crc32: crc }) };
  });
}

/** The digest of each content, in order; shared out between two threads when there are many bytes. */
export async function digestAll(contents: readonly (Uint8Array | FileEntry)[]): Promise<Digest[]> {
  const bytes = contents.reduce((a, c) => a + sizeOf(c), 0);
  if (bytes >= SHARED_MIN_BYTES) {
    try {
      return await shared(contents);
    } catch (e) {
      // A file that changed is the caller's to hear of; a thread that could not be had is not.
      if (/changed while it was hashed/.test((e as Error).message)) throw e;
    }
  }
  const out: Digest[] = [];
  for (const c of contents) out.push(await digest(c, { crc: !(c instanceof Uint8Array) }));
  return out;
}
