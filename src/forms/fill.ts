/**
 * Filling: a form template and the form context → a FilledForm. Pure; handlebars
 * expressions are compiled once per distinct text and cached.
 */
import Handlebars from 'handlebars';
import type { FontRole } from '../paper/typography.js';
import type { Scheme } from '../scheme/schema.js';
import type { Submission } from '../submission/schema.js';
import { promptText } from '../scheme/prompt-text.js';
import { cnNumber } from './cn.js';
import type { FormContext } from './context.js';
import type { Align, Block, Cell, FilledForm, Para, Row, SizeRole } from './model.js';
import type { BlockTemplate, CellTemplate, FormTemplate, ParagraphTemplate, RowTemplate } from '../scheme/form-template.js';

const hb = Handlebars.create();
hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
hb.registerHelper('cnNumber', (n: number) => cnNumber(n));
hb.registerHelper('inc', (n: number) => n + 1);
// {{join list "、"}}: the template, not the code, decides how a list is written.
hb.registerHelper('join', (list: unknown, sep: unknown) => (Array.isArray(list) ? list.join(typeof sep === 'string' ? sep : '、') : ''));

const compiled = new Map<string, HandlebarsTemplateDelegate>();

const SIMPLE = /^\{\{\s*([\w$]+(?:\.[\w$]+)*)\s*\}\}$/;

/** Evaluates one template text against a context (literal text is returned as is). */
export function render(text: string, ctx: unknown): string {
  if (!text.includes('{{')) return text;
  // `{{name}}` alone — every roster cell — is a lookup, not worth a template call per cell.
  const simple = SIMPLE.exec(text);
  if (simple) {
    let v: unknown = ctx;
    for (const k of simple[1]!.split('.')) v = (v as Record<string, unknown> | null | undefined)?.[k];
    return v === undefined || v === null ? '' : String(v);
  }
  let fn = compiled.get(text);
  if (!fn) {
    fn = hb.compile(text, { noEscape: true, strict: false });
    compiled.set(text, fn);
  }
  return fn(ctx);
}

/** A row of `each` data: the list is looked up by a dotted path in the context. */
function lookup(ctx: unknown, dotted: string): unknown[] {
  let v: unknown = ctx;
  for (const k of dotted.split('.')) v = (v as Record<string, unknown> | undefined)?.[k];
  return Array.isArray(v) ? v : [];
}

/** Splits filled text into paragraphs at line breaks; blank lines are dropped. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

const para = (text: string, over: Partial<Para> = {}): Para => ({ text, font: 'serif', size: 'body', align: 'left', ...over });

/**
 * GB/T 9704 sets first-level headings in 黑体 and second-level ones in 楷体: a template
 * paragraph in either face is a heading, and a heading keeps with what follows it.
 */
const HEADING_FACES: ReadonlySet<FontRole> = new Set(['sans', 'kai']);

function paragraphFrom(t: ParagraphTemplate, ctx: unknown, defaults: Partial<Para>): Para | undefined {
  if (typeof t === 'string') return para(render(t, ctx), defaults);
  if (t.if !== undefined && render(t.if, ctx).trim() === '') return undefined;
  const font = (t.font as FontRole | undefined) ?? defaults.font;
  return para(render(t.text, ctx), {
    ...defaults,
    ...(font && HEADING_FACES.has(font) && { keepWithNext: true }),
    ...(t.align && { align: t.align }),
    ...(t.indent !== undefined && { indent: t.indent }),
    ...(t.font && { font: t.font as FontRole }),
    ...(t.size && { size: t.size }),
    ...(t.before !== undefined && { before: t.before }),
    ...(t.after !== undefined && { after: t.after }),
    ...(t.right !== undefined && { right: typeof t.right === 'number' ? t.right : Math.max(0, Number(render(t.right, ctx)) || 0) }),
  });
}

function cellFrom(t: CellTemplate, ctx: unknown, size: SizeRole): Cell & { merge?: boolean } {
  if (typeof t === 'string') return { paras: [para(render(t, ctx), { size, align: 'left' })], valign: 'middle' };
  const isLabel = t.label !== undefined;
  const text = render(t.label ?? t.text ?? '', ctx);
  const align: Align = t.align ?? (isLabel ? 'center' : 'left');
  return {
    paras: text.split('\n').map((line) => para(line, { size: t.size ?? size, align })),
    colSpan: t.span,
    rowSpan: t.rowSpan,
    align,
    valign: 'middle',
    label: isLabel,
    ...(t.numeric && { numeric: t.numeric }),
  };
}

function rowsFrom(rows: readonly RowTemplate[], ctx: unknown, size: SizeRole): Row[] {
  const out: Row[] = [];
  for (const r of rows) {
    const spec = Array.isArray(r) ? { cells: r } : r;
    const make = (c: unknown): Row => ({
      cells: spec.cells.map((cell) => cellFrom(cell, c, size)),
      ...('minHeight' in spec && spec.minHeight !== undefined && { minHeight: spec.minHeight }),
      ...('breakable' in spec && spec.breakable !== undefined && { breakable: spec.breakable }),
    });
    if ('each' in spec && spec.each) {
      for (const item of lookup(ctx, spec.each)) out.push(make({ ...(ctx as object), ...(item as object), $root: ctx }));
    } else out.push(make(ctx));
  }
  return mergeSameLabels(out);
}

/**
 * In rows made by `each`, a first-column label repeated on consecutive rows (the rubric's
 * 一级指标) becomes one cell spanning those rows, as on the seed's tables.
 */
function mergeSameLabels(rows: Row[]): Row[] {
  for (let i = 0; i < rows.length; i++) {
    const first = rows[i]!.cells[0];
    if (!first?.label || first.rowSpan) continue;
    const text = first.paras.map((p) => p.text).join('\n');
    let j = i + 1;
    while (j < rows.length && rows[j]!.cells[0]?.label && rows[j]!.cells[0]!.paras.map((p) => p.text).join('\n') === text) j++;
    if (j - i > 1) {
      first.rowSpan = j - i;
      for (let k = i + 1; k < j; k++) rows[k]!.cells.shift();
    }
  }
  return rows;
}

/** The narrative sections of the kind: each a table whose title row repeats on every page. */
function sectionTables(columns: number[], s: Submission, scheme: Scheme): Block[] {
  return scheme.sectionsFor[s.kind].map((id): Block => {
    const section = scheme.sections[id]!;
    const value = s.narrative[id];
    const span = columns.length;
    const title: Row = {
      cells: [{ paras: [para(section.title, { font: 'sans', size: 'table', align: 'center' })], colSpan: span, label: true, valign: 'middle' }],
      minHeight: 9,
    };
    const numbered = section.prompts.length > 1;
    const rows: Row[] = section.prompts.map((p, i) => {
      const filled = typeof value === 'string' && numbered ? (i === 0 ? value : '') : promptText(value, section, p.key);
      const prompt = numbered ? `${i + 1}. ${p.text}` : p.text;
      const answer = paragraphsOf(filled);
      return {
        cells: [
          {
            // The prompt keeps with the first line of its answer (an unanswered one stands alone).
            paras: [
              para(prompt, { size: 'small', muted: true, ...(answer.length && { keepWithNext: true }) }),
              ...answer.map((t) => para(t, { size: 'table', indent: true })),
            ],
            colSpan: span,
            valign: 'top',
          },
        ],
        breakable: true,
      };
    });
    return { type: 'table', columns, header: [title], rows };
  });
}

/** Brief text: lines like 一、… become headings (黑体), （一）… sub-headings (楷体), the rest running text. */
function briefBlocks(text: string): Block[] {
  return paragraphsOf(text).map((line): Block => {
    if (/^[一二三四五六七八九十]+、/.test(line)) return { type: 'para', para: para(line, { font: 'sans', indent: true, keepWithNext: true }) };
    if (/^（[一二三四五六七八九十]+）/.test(line)) return { type: 'para', para: para(line, { font: 'kai', indent: true, keepWithNext: true }) };
    return { type: 'para', para: para(line, { indent: true, align: 'justify' }) };
  });
}

/**
 * Where blocks must share a page: a seal goes with the line before it — the paragraph it is
 * stamped under, or the seal above it (承诺人 and 主管部门公章) — so the signature never
 * stands alone on a page (GB/T 9704 7.3.5). A heading with nothing after it before a page
 * break or the end has nothing to keep with.
 */
function keepTogether(blocks: Block[]): Block[] {
  const keep = (p: Para): Para => ({ ...p, keepWithNext: true });
  const alone = (i: number) => {
    for (let j = i + 1; j < blocks.length; j++) {
      const t = blocks[j]!.type;
      if (t === 'pageBreak' || t === 'foot') return true;
      if (t !== 'spacer') return false;
    }
    return true;
  };
  return blocks.map((b, i) => {
    const next = blocks[i + 1];
    if (b.type === 'para' && b.para.keepWithNext && alone(i)) {
      const { keepWithNext: _, ...rest } = b.para;
      return { ...b, para: rest };
    }
    if (next?.type !== 'seal') return b;
    if (b.type === 'para') return { ...b, para: keep(b.para) };
    if (b.type === 'seal' && b.lines.length) return { ...b, lines: [...b.lines.slice(0, -1), keep(b.lines.at(-1)!)] };
    return b;
  });
}

export interface FillInput {
  template: FormTemplate;
  /** The form context; the county's forms have their own (county/context.ts). */
  ctx: FormContext | object;
  /** Needed only by a `sections` block (the narrative of the submission). */
  submission?: Submission;
  scheme: Scheme;
  /** The brief's text (for the brief form). */
  brief?: string;
}

export function fillForm({ template, ctx, submission, scheme, brief }: FillInput): FilledForm {
  const blocks: Block[] = [];
  for (const b of template.blocks as BlockTemplate[]) {
    if ('label' in b) blocks.push({ type: 'para', para: para(render(b.label, ctx), { font: 'sans', after: 6, keepWithNext: true }) });
    else if ('title' in b) blocks.push({ type: 'para', para: para(render(b.title, ctx), { font: 'title', size: 'title', align: 'center', before: 6, after: 14, keepWithNext: true }) });
    else if ('subtitle' in b) blocks.push({ type: 'para', para: para(render(b.subtitle, ctx), { font: 'kai', size: 'subtitle', align: 'center', after: 12, keepWithNext: true }) });
    else if ('paragraph' in b) {
      const p = paragraphFrom(b.paragraph, ctx, { align: 'justify' });
      if (p) blocks.push({ type: 'para', para: p });
    } else if ('paragraphs' in b) {
      for (const item of lookup(ctx, b.paragraphs.each)) {
        const p = paragraphFrom(b.paragraphs.text, { ...(ctx as object), ...(item as object) }, { align: 'justify' });
        if (p) blocks.push({ type: 'para', para: p });
      }
    } else if ('line' in b) {
      blocks.push({ type: 'line', left: para(render(b.line.left, ctx), { size: b.line.size }), right: para(render(b.line.right, ctx), { size: b.line.size, align: 'right' }) });
    } else if ('fields' in b) {
      blocks.push({ type: 'fields', size: b.fields.size, items: b.fields.items.map((f) => ({ label: render(f.label, ctx), value: render(f.value, ctx), seal: f.seal })) });
    } else if ('table' in b) {
      blocks.push({ type: 'table', columns: b.table.columns, header: rowsFrom(b.table.header, ctx, b.table.size), rows: rowsFrom(b.table.rows, ctx, b.table.size) });
    } else if ('sections' in b) {
      if (!submission) throw new Error(`form ${template.id}: a sections block needs a submission`);
      blocks.push(...sectionTables(b.sections.columns, submission, scheme));
    }
    else if ('brief' in b) blocks.push(...briefBlocks(brief ?? ''));
    else if ('seal' in b) {
      const lines = b.seal.lines.map((l) => paragraphFrom(l, ctx, { align: 'right' })).filter((p): p is Para => p !== undefined);
      blocks.push({ type: 'seal', lines, height: b.seal.height });
    } else if ('spacer' in b) blocks.push({ type: 'spacer', height: b.spacer });
    else if ('pageBreak' in b) blocks.push({ type: 'pageBreak' });
    else if ('foot' in b) {
      blocks.push({ type: 'foot', paras: b.foot.map((l) => paragraphFrom(l, ctx, { align: 'center' })).filter((p): p is Para => p !== undefined) });
    }
  }
  return {
    id: template.id,
    name: render(template.name, ctx),
    title: render(template.title, ctx),
    orientation: template.orientation,
    pageNumbers: template.pageNumbers,
    bigTable: template.bigTable,
    blocks: keepTogether(blocks),
  };
}
