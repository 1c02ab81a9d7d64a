/**
 * A parsed YAML or JSON file that remembers where every value came from, so that any
 * later stage can point at `file:line:column` for a field path.
 *
 * JSON is checked with JSON.parse (so its syntax errors read as JSON errors) and then
 * parsed once more with the yaml library, whose node ranges give the positions.
 */
import { parse as parseJson, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { error, type Diagnostic, type Location } from './diagnostic.js';

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

export function parseSource(text: string, file: string): { source?: Source; diagnostics: Diagnostic[] } {
  const format = formatOf(file);
  const lines = new LineCounter();
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

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
    return { source: { file, format, data, doc: doc.errors.length ? undefined : doc, lines }, diagnostics: [] };
  }

  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const diagnostics = doc.errors.map((err) => {
      // An unclosed quote is noticed at the end of the file; point at where it was opened.
      const opened = err.code === 'MISSING_CHAR' && /quote/i.test(err.message) ? unclosedQuote(text) : undefined;
      const p = opened ?? lines.linePos(err.pos[0]);
      return error('syntax.yaml', { code: err.code, detail: firstLine(err.message) }, { file, line: p.line, column: p.col });
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
  return { source: { file, format, data, doc, lines }, diagnostics: [] };
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
