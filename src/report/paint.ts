/**
 * Text reports are written once for every place they are read: a terminal paints them in
 * colour, the audit record on the disc and the page take them plain. Alignment knows that a
 * Chinese character takes two columns.
 */
export type Style = 'red' | 'yellow' | 'green' | 'gray' | 'bold' | 'cyan';

export type Paint = (style: Style, s: string) => string;

export const plain: Paint = (_style, s) => s;

const WIDE = /[\p{Script=Han}\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;

/** Columns a string occupies in a terminal (CJK and full-width characters count two). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

export function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
}
