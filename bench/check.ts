/** Copies of the example with larger rosters, for the benchmark. */
import { cpSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { readFileSync } from 'node:fs';
import { rosterWorkbook } from './rosters.js';

export const EXAMPLE = path.resolve(import.meta.dirname, '../data/example');

/** A copy of the example whose roster has n rows. */
export async function exampleWithRoster(n: number): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), `shenbao-bench-${n}-`));
  cpSync(EXAMPLE, dir, { recursive: true });
  writeFileSync(path.join(dir, 'bench-roster.xlsx'), await rosterWorkbook(n));
  const file = path.join(dir, 'submission.yaml');
  const doc = parseDocument(readFileSync(file, 'utf8'));
  doc.set('roster', 'bench-roster.xlsx');
  writeFileSync(file, doc.toString());
  return dir;
}


/** A copy of the example with a scanned PDF of `pages` pages added to the achievements. */
export async function exampleWithScannedPdf(pages: number): Promise<string> {
  const { PDFDocument } = await import('pdf-lib');
  const { readdirSync } = await import('node:fs');
  const dir = mkdtempSync(path.join(tmpdir(), `shenbao-bench-scan-${pages}-`));
  cpSync(EXAMPLE, dir, { recursive: true });
  const scansDir = path.join(EXAMPLE, '材料/08-就业证明');
  const scans = readdirSync(scansDir).filter((f) => f.endsWith('.jpg')).map((f) => readFileSync(path.join(scansDir, f)));
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) {
    // Each page its own image, as a scanner writes them.
    const img = await doc.embedJpg(new Uint8Array(scans[i % scans.length]!));
    doc.addPage([595.28, 841.89]).drawImage(img, { x: 0, y: 0, width: 595.28, height: 841.89 });
  }
  writeFileSync(path.join(dir, '材料/09-成果证明/扫描件-300页.pdf'), await doc.save());
  return dir;
}

/**
 * A copy of the example with about `mb` MB of scans added to the achievements: the
 * example's certificate scan, each copy padded after its end-of-image marker to the size of
 * a 300 dpi colour scan (decoders stop at the marker, so it still shows the certificate).
 */
export async function exampleWithScans(mb: number): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), `shenbao-bench-scans-${mb}-`));
  cpSync(EXAMPLE, dir, { recursive: true });
  const scan = readFileSync(path.join(EXAMPLE, '材料/09-成果证明/02-职业技能培训合格证书.jpg'));
  const each = 2.5 * 1024 * 1024;
  const count = Math.ceil((mb * 1024 * 1024) / each);
  for (let i = 0; i < count; i++) {
    const pad = Buffer.alloc(each - scan.length, i % 251);
    writeFileSync(path.join(dir, `材料/09-成果证明/扫描-${String(i + 1).padStart(3, '0')}.jpg`), Buffer.concat([scan, pad]));
  }
  return dir;
}
