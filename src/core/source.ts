/**
 * A parsed YAML or JSON file that remembers where every value came from, so that any
 * later stage can point at `file:line:column` for a field path.
 *
 * JSON is checked with JSON.parse (so its syntax errors read as JSON errors) and then
 * parsed once more with the yaml library, whose node ranges give the positions.
 */
import { parse as parseJson, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { error, type Diagnostic, type Location } from './diagnostic.js';
import { controlIn } from './text.js';

export type SourceFormat = 'yaml' | 'json';

export interface Source {
  /** Path as shown to the user. */
  file: string;
  format: SourceFormat;
  data: unknown;
  doc: Document.Parsed | undefined;
  lines: LineCounter;
}

export type FieldPath = readonly PropertyKey[];

export function formatOf(file: string): SourceFormat {
  return file.toLowerCase().endsWith('.json') ? 'json' : 'yaml';
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
}

/** The longest submission, county or scheme file read: many times a full filing (about 60,000 characters). */
export const MAX_SOURCE_CHARS = 2_000_000;

export function parseSource(text: string, file: string): { source?: Source; diagnostics: Diagnostic[] } {
  const format = formatOf(file);
  const lines = new LineCounter();
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // A data file this long is not one a person wrote (a pasted export, a log); parsing it would take seconds and a gigabyte.
  if (text.length > MAX_SOURCE_CHARS) return { diagnostics: [error('syntax.tooLarge', { chars: text.length, max: MAX_SOURCE_CHARS }, { file })] };

  if (format === 'json') {
    // jsonc-parser reports the offset of a syntax error (JSON.parse's messages often do not).
    const errors: ParseError[] = [];
    const data = parseJson(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false }) as unknown;
    if (errors.length > 0) {
      const first = errors[0]!;
      const code = text.trim() === '' ? 'empty' : printParseErrorCode(first.error);
      return { diagnostics: [error('syntax.json', { code }, { file, ...lineColumn(text, first.offset) })] };
    }
    const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
    // JSON.parse takes the last of two equal keys; YAML refuses them, and so does JSON here.
    const dup = doc.errors.find((e) => e.code === 'DUPLICATE_KEY');
    if (dup) return { diagnostics: [error('syntax.json', { code: 'DuplicateKey' }, { file, ...lineColumn(text, dup.pos[0]) })] };
    const control = doc.errors.length ? [] : controlCharacters(doc, text, file, lines, true);
    if (control.length) return { diagnostics: control };
    return { source: { file, format, data, doc: doc.errors.length ? undefined : doc, lines }, diagnostics: [] };
  }

  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    // The parser notices a clerk's mistake where it stops making sense, often lines later:
    // when the first error has a known real cause, that cause alone is reported, where it is.
    const first = doc.errors[0]!;
    const cause = realCause(text, lines.linePos(first.pos[0]).line, first.code);
    if (cause) return { diagnostics: [error('syntax.yaml', { code: cause.code, detail: CAUSE_DETAIL[cause.code] }, { file, line: cause.line, column: cause.col })] };
    const diagnostics = doc.errors.map((err) => {
      // An unclosed quote is noticed at the end of the file; point at where it was opened.
      const opened = err.code === 'MISSING_CHAR' && /quote/i.test(err.message) ? unclosedQuote(text) : undefined;
      const p = opened ?? lines.linePos(err.pos[0]);
      const detail = err.code === 'MULTIPLE_DOCS' ? 'the file holds more than one YAML document (---)' : firstLine(err.message);
      return error('syntax.yaml', { code: err.code, detail }, { file, line: p.line, column: p.col });
    });
    return { diagnostics };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // A “billion laughs” file: aliases that expand without end.
    return { diagnostics: [error('syntax.yaml', { code: 'ALIAS_COUNT', detail: (e as Error).message }, { file, line: 1, column: 1 })] };
  }
  const control = controlCharacters(doc, text, file, lines, false);
  if (control.length) return { diagnostics: control };
  return { source: { file, format, data, doc, lines }, diagnostics: [] };
}

/** The English detail of the causes realCause finds (the Chinese is the catalog's). */
const CAUSE_DETAIL = {
  FULLWIDTH_COLON: 'a full-width colon ：after a key; write an ASCII colon and a space',
  UNCLOSED_BRACKET: 'a [ or { opened here is not closed on its line',
  MULTILINE_PLAIN: 'the text goes on onto the next line; a text of several lines needs | after the colon',
} as const;
type Cause = keyof typeof CAUSE_DETAIL;

/**
 * The mistake behind a YAML error, where it really is: a key written with a full-width colon
 * (management：), a bracket opened and not closed on its line, or a text pasted over several
 * lines without `|`. Undefined when none of these is seen up to the error's line.
 */
function realCause(text: string, errorLine: number, code: string): { code: Cause; line: number; col: number } | undefined {
  const rows = text.split('\n');
  let blockIndent = -1; // inside a | or > text, the indentation of the key that opened it
  for (let i = 0; i < Math.min(rows.length, errorLine); i++) {
    const row = rows[i]!.replace(/\r$/, '');
    const indent = row.length - row.trimStart().length;
    if (blockIndent >= 0) {
      if (row.trim() === '' || indent > blockIndent) continue;
      blockIndent = -1;
    }
    const m = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*)\s*：/.exec(row);
    if (m) return { code: 'FULLWIDTH_COLON', line: i + 1, col: row.indexOf('：', m[1]!.length) + 1 };
    if (/:\s*[|>][+-]?\d*\s*(#.*)?$/.test(row)) blockIndent = indent;
  }
  // A flow collection ([…] or {…}) opened on a line and not closed anywhere before the error.
  let open: { line: number; col: number } | undefined;
  let depth = 0;
  for (let i = 0; i < Math.min(rows.length, errorLine); i++) {
    const row = rows[i]!.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, (q) => ' '.repeat(q.length)).replace(/\s#.*$/, '');
    const start = /^\s*(?:-\s+|[^\s:#][^:#]*:\s+)([[{])/.exec(row);
    if (depth === 0 && start) open = { line: i + 1, col: start[0].length };
    if (depth === 0 && !start) continue;
    for (const ch of row) depth += ch === '[' || ch === '{' ? 1 : ch === ']' || ch === '}' ? -1 : 0;
    if (depth <= 0) (depth = 0), (open = undefined);
  }
  if (open) return { code: 'UNCLOSED_BRACKET', ...open };
  // A line with no key, right after `key: text`: the text was pasted over several lines.
  if (code === 'MULTILINE_IMPLICIT_KEY' || code === 'MISSING_CHAR' || code === 'BAD_INDENT') {
    const at = rows[errorLine - 1]?.trim() ?? '';
    if (at && !/^[-#]/.test(at) && !/:(\s|$)/.test(at)) {
      for (let i = errorLine - 2; i >= 0; i--) {
        const prev = rows[i]!;
        if (prev.trim() === '' || prev.trim().startsWith('#')) continue;
        const kv = /^(\s*(?:-\s+)?[^\s:#][^:#]*:\s+)([^\s'"|>[{&*!#].*)$/.exec(prev);
        if (kv) return { code: 'MULTILINE_PLAIN', line: i + 1, col: kv[1]!.length + 1 };
        break;
      }
    }
  }
  return undefined;
}

/**
 * Values holding control characters: a DOCX with them does not open, a terminal obeys them.
 * A backslash in double quotes is the usual cause ("材料\03-花名册.xlsx" holds a NUL).
 */
function controlCharacters(doc: Document.Parsed, text: string, file: string, lines: LineCounter, json: boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(doc, {
    Scalar(_, node) {
      const bad = typeof node.value === 'string' && node.range ? controlIn(node.value) : undefined;
      if (!bad) return;
      const p = lines.linePos(node.range![0]);
      const quoted = !json && node.type === 'QUOTE_DOUBLE' && text.slice(node.range![0], node.range![1]).includes('\\');
      out.push(error(quoted ? 'syntax.backslash' : 'text.control', { code: bad.code }, { file, line: p.line, column: p.col }));
    },
  });
  return out;
}

/** The first line whose double (or single) quotes do not pair up. */
function unclosedQuote(text: string): { line: number; col: number } | undefined {
  const rows = text.split('\n');
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!.replace(/\\./g, '').replace(/\s#.*$/, '');
    for (const q of ['"', "'"]) {
      const at = row.indexOf(q);
      if (at >= 0 && (row.split(q).length - 1) % 2 === 1) return { line: i + 1, col: at + 1 };
    }
  }
  return undefined;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/**
 * Position of the value at `path` (or of its key, with `key: true`). When the path does not
 * exist — a missing field — the position of the nearest existing parent is given.
 */
export function locate(source: Source | undefined, path: FieldPath, opts: { key?: boolean } = {}): Location {
  const loc: Location = { field: fieldName(path) };
  if (!source) return loc;
  loc.file = source.file;
  if (!source.doc) return loc;
  let node: unknown = source.doc.contents;
  let range: readonly number[] | null | undefined = (node as Node | null)?.range;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((it) => isPair(it) && isScalar(it.key) && String(it.key.value) === String(seg));
      if (!pair) break;
      const keyNode = pair.key as Node;
      if (last && opts.key) {
        range = keyNode.range ?? range;
        break;
      }
      node = pair.value;
      range = (pair.value as Node | null)?.range ?? keyNode.range ?? range;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (item === undefined) break;
      node = item;
      range = (item as Node).range ?? range;
    } else break;
  }
  if (range) {
    const p = source.lines.linePos(range[0]!);
    loc.line = p.line;
    loc.column = p.col;
  }
  return loc;
}

/** `['partners', 0, 'name']` → `partners[0].name` */
export function fieldName(path: FieldPath): string {
  let s = '';
  for (const seg of path) {
    if (typeof seg === 'number') s += `[${seg}]`;
    else s += s ? `.${String(seg)}` : String(seg);
  }
  return s;
}
