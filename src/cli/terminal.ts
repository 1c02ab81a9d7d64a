/**
 * The terminal: colours only on a TTY (and never with NO_COLOR), and never a control
 * character from the data written raw.
 */
import { styleText } from 'node:util';
import type { Paint, Style } from '../report/paint.js';

export interface Out {
  write(s: string): void;
  color: boolean;
}

function out(stream: NodeJS.WriteStream, env: Readonly<Record<string, string | undefined>>): Out {
  return {
    write: (s) => void stream.write(s),
    color: Boolean(stream.isTTY) && !env.NO_COLOR,
  };
}

export const stdout = (env = process.env): Out => out(process.stdout, env);
export const stderr = (env = process.env): Out => out(process.stderr, env);

export function paint(o: Out, style: Style, s: string): string {
  return o.color ? styleText(style, s) : s;
}

/** The report painter for this output: colours when it is a terminal, plain otherwise. */
export const painter = (o: Out): Paint => (style, s) => paint(o, style, s);
