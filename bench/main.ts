/**
 * `npm run bench`: prints the figures the issues set targets for, measured on this machine.
 * Timings are medians of several runs after one warm-up; nothing here is asserted by tests.
 */
import { exampleWithRoster, timeCheck } from './check.js';

interface Line {
  what: string;
  value: string;
  target: string;
  ok: boolean;
}

const lines: Line[] = [];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function benchCheck(): Promise<void> {
  for (const n of [240, 5000]) {
    const dir = await exampleWithRoster(n);
    await timeCheck(dir); // warm-up: module loading and JIT are start-up, not work
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) runs.push((await timeCheck(dir)).ms);
    const ms = median(runs);
    lines.push({ what: `check, ${n.toLocaleString('en-US')}-row roster (load + check, after start-up)`, value: `${ms.toFixed(0)} ms`, target: n === 5000 ? '< 500 ms' : '', ok: n !== 5000 || ms < 500 });
  }
}

await benchCheck();

const w = Math.max(...lines.map((l) => l.what.length));
console.log(`shenbao bench — node ${process.version}, ${(await import('node:os')).cpus().length} cores\n`);
for (const l of lines) console.log(`${l.what.padEnd(w)}  ${l.value.padStart(10)}  ${l.target ? `${l.target.padEnd(10)} ${l.ok ? 'ok' : 'MISSED'}` : ''}`);
