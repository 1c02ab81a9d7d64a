/**
 * Edits to a submission file as the page makes them — set this field, remove that one —
 * applied to the file's own text so that everything else stays as the user (or `init`)
 * wrote it: comments, key order, quoting, blank lines. YAML goes through yaml's Document API,
 * JSON through jsonc-parser's edits. Pure: text in, text out.
 */
import { applyEdits, modify } from 'jsonc-parser';
import { isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Scalar, visit, type Document, type Pair, type YAMLMap } from 'yaml';
import type { FieldPath } from '../core/source.js';

export interface FieldEdit {
  path: FieldPath;
  /** The new value as the file would hold it; undefined removes the field (or list item). */
  value?: unknown;
}

export type SubmissionFormat = 'yaml' | 'json';

export function formatOf(file: string): SubmissionFormat {
  return /\.json$/i.test(file) ? 'json' : 'yaml';
}

type Path = (string | number)[];

const isPlainValue = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/** A multi-line string is written as a block (|), as init writes the narrative. */
function scalarFor(value: unknown): Scalar {
  const s = new Scalar(value);
  if (typeof value === 'string' && value.includes('\n')) s.type = Scalar.BLOCK_LITERAL;
  return s;
}

/** Flow collections on the way ({…} or […]) are opened into blocks when what goes in is long. */
function openParents(doc: Document, path: Path, value: unknown): void {
  const long = (typeof value === 'string' && value.includes('\n')) || (typeof value === 'object' && value !== null);
  if (!long) return;
  for (let i = 0; i < path.length; i++) {
    const node = i === 0 ? doc.contents : doc.getIn(path.slice(0, i), true);
    if (isCollection(node)) node.flow = false;
  }
}

/** A plain value on the way (`county: 科右前旗` when county.name is set) becomes a map, as the field now needs one. */
function mapParents(doc: Document, path: Path): void {
  for (let i = 1; i < path.length; i++) {
    const node = doc.getIn(path.slice(0, i), true);
    if (node === undefined || isCollection(node)) continue;
    // A word never becomes a list by an edit: that is not a change a field makes.
    if (typeof path[i] === 'number') throw new Error(`editSubmission: ${path.slice(0, i).join('.')} is not a list`);
    doc.setIn(path.slice(0, i), doc.createNode({}));
  }
}

function setYaml(doc: Document, path: Path, value: unknown): void {
  if (value === undefined) {
    if (doc.hasIn(path)) doc.deleteIn(path);
    return;
  }
  mapParents(doc, path);
  const current = doc.getIn(path, true);
  // Keep the node (and the comment beside it) when only its value changes.
  if (isScalar(current) && isPlainValue(value)) {
    current.value = value;
    if (typeof value === 'string' && value.includes('\n')) current.type = Scalar.BLOCK_LITERAL;
    else if (current.type === Scalar.BLOCK_LITERAL || current.type === Scalar.BLOCK_FOLDED) current.type = undefined;
    openParents(doc, path, value);
    return;
  }
  // A list of words keeps its style ([a, b] stays on one line).
  if (isSeq(current) && Array.isArray(value) && value.every(isPlainValue)) {
    current.items = value.map(scalarFor);
    return;
  }
  openParents(doc, path, value);
  if (doc.contents === null || (!isMap(doc.contents) && path.length > 0)) doc.contents = doc.createNode({}) as never;
  doc.setIn(path, isPlainValue(value) ? scalarFor(value) : doc.createNode(value));
}

/**
 * yaml gives the comment lines after a key with no value (`recommend:` then `# 不推荐的理由`
 * above `reason:`) to that empty value, and writes them back beside it once it has one — so the
 * note for the next field would move onto this one's line. They are given back to the key they
 * stand above (in this map, or the first key after it further out); a comment on the key's own
 * line stays.
 */
function keepCommentsAbove(doc: Document, text: string, lc: LineCounter): void {
  const rows = text.split('\n');
  visit(doc, {
    Pair(_, pair, path) {
      const v = pair.value;
      if (!isScalar(v) || v.value !== null || !v.comment || !isScalar(pair.key) || !pair.key.range) return;
      const row = rows[lc.linePos(pair.key.range[0]).line - 1] ?? '';
      const parts = v.comment.split('\n');
      const own = /:\s+#/.test(row) ? parts.slice(0, 1) : [];
      const above = parts.slice(own.length);
      if (above.length === 0) return;
      // The next key at this level, or further out.
      for (let i = path.length - 1; i >= 0; i--) {
        const map = path[i];
        if (!isMap(map)) continue;
        const child = (i === path.length - 1 ? pair : path[i + 1]) as Pair | YAMLMap;
        const at = map.items.findIndex((it) => it === child || (isPair(it) && it.value === child));
        const next = map.items[at + 1];
        if (next && isScalar(next.key)) {
          // A blank line between them stays only where the file had one.
          const from = lc.linePos(pair.key.range[0]).line;
          const to = next.key.range ? lc.linePos(next.key.range[0]).line : from;
          next.key.spaceBefore = rows.slice(from, to - 1).some((r) => r.trim() === '');
          next.key.commentBefore = [above.join('\n'), next.key.commentBefore].filter(Boolean).join('\n');
          v.comment = own.length ? own.join('\n') : undefined;
          return;
        }
      }
    },
  });
}

function editYaml(text: string, edits: readonly FieldEdit[]): string {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  if (doc.errors.length) throw new Error('editSubmission: the YAML has syntax errors; fix the text first');
  keepCommentsAbove(doc, text, lc);
  for (const e of ordered(edits)) setYaml(doc, e.path as Path, e.value);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/**
 * Settings in the order given, then removals from the last path to the first (list items from
 * the highest index), so that removing one item never shifts another that is still to go.
 */
function ordered(edits: readonly FieldEdit[]): FieldEdit[] {
  const byPathDesc = (a: FieldEdit, b: FieldEdit) => {
    for (let i = 0; i < Math.min(a.path.length, b.path.length); i++) {
      const x = a.path[i]!;
      const y = b.path[i]!;
      if (x === y) continue;
      if (typeof x === 'number' && typeof y === 'number') return y - x;
      return String(y) < String(x) ? -1 : 1;
    }
    return b.path.length - a.path.length;
  };
  return [...edits.filter((e) => e.value !== undefined), ...edits.filter((e) => e.value === undefined).sort(byPathDesc)];
}

function editJson(text: string, edits: readonly FieldEdit[]): string {
  let out = text;
  for (const e of ordered(edits)) {
    out = applyEdits(out, modify(out, e.path as Path, e.value, { formattingOptions: { insertSpaces: true, tabSize: 2 } }));
  }
  return out;
}

/** The file's text with the edits applied; everything not edited is kept as it was. */
export function editSubmission(text: string, format: SubmissionFormat, edits: readonly FieldEdit[]): string {
  return format === 'json' ? editJson(text, edits) : editYaml(text, edits);
}

/** The file's values as written (before the schema's normalising), for the page's fields. */
export function rawValues(text: string, format: SubmissionFormat): { value: unknown; syntaxOk: boolean } {
  if (format === 'json') {
    try {
      return { value: JSON.parse(text.replace(/^\uFEFF/, '')), syntaxOk: true };
    } catch {
      return { value: undefined, syntaxOk: false };
    }
  }
  const doc = parseDocument(text);
  return doc.errors.length ? { value: undefined, syntaxOk: false } : { value: doc.toJS(), syntaxOk: true };
}
