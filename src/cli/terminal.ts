/**
 * The terminal: colours only on a TTY (and never with NO_COLOR), and never a control
 * character from the data written raw.
 */
import { styleText } from 'node:util';
import type { Paint, Style } from '../report/paint.js';

export interface Out {
  write(s: string): void;
  color: boolean;
  /** A terminal, where progress lines are rewritten in place (NO_COLOR takes the colour, not the progress). */
  tty?: boolean;
}

/** Whether progress lines belong on this output: a terminal, coloured or not. */
export const showsProgress = (o: Out): boolean => o.tty ?? o.color;

/**
 * What reaches the terminal: line breaks, tabs and the colour and erase-line sequences our own
 * painter and progress write; every other control character (a BEL, a clear-screen, a title
 * change carried in a file name or a cell) is shown as \uXXXX instead of obeyed.
 */
export function terminalSafe(s: string): string {
  return s.replace(/\x1b\[[0-9;]*[mK]|[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f-\u009f]/g, (m) =>
    m.length > 1 ? m : `\\u${m.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function out(stream: NodeJS.WriteStream, env: Readonly<Record<string, string | undefined>>): Out {
  return {
    write: (s) => void stream.write(terminalSafe(s)),
    color: Boolean(stream.isTTY) && !env.NO_COLOR,
    tty: Boolean(stream.isTTY),
  };
}

export const stdout = (env = process.env): Out => out(process.stdout, env);
export const stderr = (env = process.env): Out => out(process.stderr, env);

export function paint(o: Out, style: Style, s: string): string {
  return o.color ? styleText(style, s) : s;
}

/** The report painter for this output: colours when it is a terminal, plain otherwise. */
export const painter = (o: Out): Paint => (style, s) => paint(o, style, s);
