/** Reading PDFs back with poppler (pdftotext, pdffonts, pdfinfo), as a user's viewer would. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

function file(bytes: Uint8Array): string {
  const f = path.join(mkdtempSync(path.join(tmpdir(), 'shenbao-pdf-')), 'x.pdf');
  writeFileSync(f, bytes);
  return f;
}

export const pdfText = (bytes: Uint8Array, layout = false) =>
  execFileSync('pdftotext', [...(layout ? ['-layout'] : []), file(bytes), '-'], { encoding: 'utf8' });

export function pdfFonts(bytes: Uint8Array): { name: string; emb: string; sub: string; uni: string }[] {
  const out = execFileSync('pdffonts', [file(bytes)], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return out.map((l) => {
    const cols = l.trim().split(/\s+/);
    const n = cols.length;
    return { name: cols[0]!, emb: cols[n - 5]!, sub: cols[n - 4]!, uni: cols[n - 3]! };
  });
}

export function pdfInfo(bytes: Uint8Array): Record<string, string> {
  const out = execFileSync('pdfinfo', [file(bytes)], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
}

/** Text of one page. */
export const pdfPageText = (bytes: Uint8Array, page: number) =>
  execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file(bytes), '-'], { encoding: 'utf8' });

/** The smallest left edge (points) of any word on a page: where its text area begins. */
export function leftEdge(bytes: Uint8Array, page: number): number {
  const out = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-bbox', file(bytes), '-'], { encoding: 'utf8' });
  return Math.min(...[...out.matchAll(/xMin="([\d.]+)"/g)].map((m) => Number(m[1])));
}
