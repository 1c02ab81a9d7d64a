/**
 * File names on a disc. A name goes on the disc once, as decided here when the disc tree is
 * made, and the folder, the zip and the ISO (its Joliet tree, which Windows shows and
 * extracts) all hold that same name — so each of them verifies, and index.html's links hold
 * wherever the disc is read. What a disc cannot name is refused by `check` (with a name to
 * use instead); a build forced past that gives such a file a safe name, the same everywhere.
 *
 * A disc name is at most 64 UTF-16 units (Joliet's limit; a character beyond U+FFFF counts
 * two), holds no control character, none of the characters Joliet forbids (* / : ; ? \) or
 * Windows cannot create (< > " |), does not end in a dot or a space (Windows drops them),
 * and is no Windows device name (CON, NUL, COM1 …).
 */
import { createHash } from 'node:crypto';
import { codePointName } from './text.js';

export const DISC_NAME_MAX = 64;

export type DiscNameProblem = 'control' | 'reserved' | 'tooLong' | 'deviceName' | 'trailing';

const CONTROL = /[\u0000-\u001f\u007f]/;
const CONTROL_ALL = /[\u0000-\u001f\u007f]/g;
const RESERVED = /[*/:;?\\<>"|]/;
const RESERVED_ALL = /[*/:;?\\<>"|]/g;
const DEVICE = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\.|$)/i;

/** What keeps `name` (one path component) off a disc, if anything; `char` is the offending character's code point as U+XXXX. */
export function discNameProblem(name: string): { problem: DiscNameProblem; char?: string } | undefined {
  const c = CONTROL.exec(name) ?? undefined;
  if (c) return { problem: 'control', char: codePointName(c[0]) };
  const r = RESERVED.exec(name) ?? undefined;
  if (r) return { problem: 'reserved', char: r[0] };
  if (name.length > DISC_NAME_MAX) return { problem: 'tooLong' };
  if (/[. ]$/.test(name)) return { problem: 'trailing' };
  if (DEVICE.test(name)) return { problem: 'deviceName' };
  return undefined;
}


function split(name: string): { stem: string; ext: string } {
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  return { stem: name.slice(0, name.length - ext.length), ext };
}

/** Cuts on a code point, never inside a surrogate pair. */
function cut(s: string, units: number): string {
  let out = s;
  while (out.length > units) out = [...out].slice(0, -1).join('');
  return out;
}

/** The bad characters replaced, the end trimmed, a device name prefixed. */
function cleaned(name: string): string {
  let n = name.replace(CONTROL_ALL, '_').replace(RESERVED_ALL, '_').replace(/[. ]+$/, '');
  if (n === '') n = '_';
  if (DEVICE.test(n)) n = `_${n}`;
  return n;
}

/** A name the user could rename the file to (check's hint): the same name made safe, the stem shortened, the extension kept. */
export function suggestedName(name: string): string {
  const n = cleaned(name);
  if (n.length <= DISC_NAME_MAX) return n;
  const { stem, ext } = split(n);
  return `${cut(stem, DISC_NAME_MAX - ext.length).replace(/[. ]+$/, '')}${ext}`;
}

/**
 * The name a file gets on the disc: itself when a disc can hold it; otherwise made safe and
 * marked with six hex digits of the original name's SHA-256 (`stem~1a2b3c.ext`), so two
 * renamed names never meet, and the same input always gives the same name.
 */
export function discName(name: string): string {
  if (!discNameProblem(name)) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 6);
  const { stem, ext } = split(cleaned(name));
  return `${cut(stem, DISC_NAME_MAX - ext.length - hash.length - 1)}~${hash}${ext}`;
}

/** Every path whose disc form differs, original → as on the disc (each component by `discName`). */
export function discRenames(paths: Iterable<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of paths) {
    const d = p.split('/').map(discName).join('/');
    if (d !== p) out.set(p, d);
  }
  return out;
}

/** The first component of `path` a disc cannot hold, with its problem. */
export function discPathProblem(path: string): { name: string; prefix: string; problem: DiscNameProblem; char?: string } | undefined {
  const parts = path.split('/');
  for (let i = 0; i < parts.length; i++) {
    const p = discNameProblem(parts[i]!);
    if (p) return { name: parts[i]!, prefix: parts.slice(0, i + 1).join('/'), ...p };
  }
  return undefined;
}
