/**
 * Terminal output: colours only on a TTY (and never with NO_COLOR), and column alignment
 * that knows a Chinese character takes two columns.
 */
import { styleText } from 'node:util';

export type Style = 'red' | 'yellow' | 'green' | 'gray' | 'bold' | 'cyan';

export interface Out {
  write(s: string): void;
  color: boolean;
}

export function stdout(): Out {
  return {
    write: (s) => void process.stdout.write(s),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  };
}

export function stderr(): Out {
  return {
    write: (s) => void process.stderr.write(s),
    color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR,
  };
}

export function paint(out: Out, style: Style, s: string): string {
  return out.color ? styleText(style, s) : s;
}

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
