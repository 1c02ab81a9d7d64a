#!/usr/bin/env node
// The boundary check of CI: dependency-cruiser over src/ with .dependency-cruiser.mjs.
// Fails on any violation, and also when it cruised suspiciously few modules (without its
// parser it would skip every .ts file and report nothing wrong). `node scripts/boundaries.mjs [dir]`.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = process.argv[2] ?? process.cwd();
// The package exports only its API; its command sits beside it (src/main/index.mjs → bin/).
const bin = path.join(path.dirname(fileURLToPath(import.meta.resolve('dependency-cruiser'))), '..', '..', 'bin', 'dependency-cruise.mjs');
const config = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '.dependency-cruiser.mjs');
const r = spawnSync(process.execPath, [bin, 'src', '--config', config, '--output-type', 'json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
let report;
try {
  report = JSON.parse(r.stdout);
} catch {
  process.stderr.write(`dependency-cruiser failed:\n${r.stderr}${r.stdout}\n`);
  process.exit(2);
}
const { violations, totalCruised } = report.summary;
const min = Number(process.env.BOUNDARIES_MIN_MODULES ?? (process.argv[2] ? 1 : 100));
for (const v of violations) {
  const via = v.cycle ? ` (cycle: ${v.cycle.map((c) => c.name ?? c).join(' → ')})` : '';
  process.stdout.write(`✗ ${v.rule.name}: ${v.from} → ${v.to}${via}\n`);
}
if (violations.length) {
  process.stdout.write(`${violations.length} boundary violation(s) in ${totalCruised} modules\n`);
  process.exit(1);
}
if (totalCruised < min) {
  process.stdout.write(`only ${totalCruised} modules cruised (is @swc/core installed?)\n`);
  process.exit(1);
}
process.stdout.write(`boundaries hold: ${totalCruised} modules, no violations\n`);
