/**
 * FilledForm → PDF with pdfmake. The roster (a `bigTable` form) goes through the faster
 * direct pdfkit path in pdf-grid.ts instead (see render.ts); everything else is laid out here.
 *
 * `pdfDefinition` is the pdfmake document definition — the intermediate value the tests
 * read. Each render gets its own pdfmake printer and font table, so renders running at the
 * same time never see each other's fonts (pdfmake's default instance keeps them globally).
 *
 * A form with page numbers gets them in a content stream of their own on each page
 * (pdfkit-page-numbers.ts), which a print volume, numbered through, leaves out.
 *
 * Every text is split into font runs first (FontSet.segment), because pdfmake draws a
 * character its font lacks as an empty box.
 */
// First: pdfkit must find the shared fontkit when it loads (fontkit-shared.ts).
import './fontkit-shared.js';
import { createRequire } from 'node:module';
import { parasOf, type Block, type Cell, type FilledForm, type Para, type Row } from '../forms/model.js';
import { rolesUsed, type FontRole, type FontSet } from './fonts.js';
import type { DocumentMeta } from './meta.js';
import { PDFA_SUBSET } from './pdfa.js';
import { useCmapLayoutWhereSafe } from './pdfkit-cmap-layout.js';
import { numberPages, type NumberablePdfKit } from './pdfkit-page-numbers.js';
import { DOTTED_NAME, Measure, nameParts, wrap } from './wrap.js';
import { CELL_PAD, geometry, LINE_PT, MUTED, mm, SIZE_PT, textWidth } from '../paper/typography.js';

// pdfmake 0.3 is CommonJS. Its default export is one shared instance with a global font
// table; its Printer class takes the fonts and a file system per document, so it is used directly.
const require = createRequire(import.meta.url);
interface PdfKitDoc {
  on(event: 'data', f: (chunk: Buffer) => void): void;
  on(event: 'end' | 'error', f: (e?: Error) => void): void;
  end(): void;
}
interface PdfPrinter {
  createPdfKitDocument(dd: object, options?: object): Promise<PdfKitDoc>;
}
type PrinterClass = new (fonts: object, vfs: object, urlResolver: object, localAccessPolicy: (path: string) => boolean) => PdfPrinter;
const Printer = (require('pdfmake/js/Printer') as { default: PrinterClass }).default;
/**
 * The bundled fonts' faces, whose runs of Chinese text and punctuation are laid out from the
 * cmap (pdfkit-cmap-layout.ts). pdfmake opens each font inside createPdfKitDocument, where
 * the layout happens, so its provideFont (pdfmake 0.3 PDFDocument) is where that is set up.
 */
const cmapSafe = new WeakSet<object>();
const PdfMakeDocument = (require('pdfmake/js/PDFDocument') as { default: { prototype: { provideFont(this: unknown, ...a: unknown[]): { font?: object } } } }).default;
const provideFont = PdfMakeDocument.prototype.provideFont;
const prepared = new WeakSet<object>();
PdfMakeDocument.prototype.provideFont = function (...args: unknown[]) {
  const ef = provideFont.apply(this, args);
  if (ef.font && cmapSafe.has(ef.font) && !prepared.has(ef)) {
    prepared.add(ef);
    useCmapLayoutWhereSafe(ef as never);
  }
  return ef;
};
const URLResolver = (require('pdfmake/js/URLResolver') as { default: new (vfs: object) => { setUrlAccessPolicy(f: (url: string) => boolean): void } }).default;

/** The faces a form uses, under their role names, in a file system of this render only. */
function fontTable(fonts: FontSet, form: FilledForm): { defs: Record<string, object>; vfs: object } {
  const files = new Map<string, Buffer>();
  const defs: Record<string, object> = {};
  const used = rolesUsed(fonts, parasOf(form));
  used.add('serif'); // pdfmake's default style
  for (const role of used as Set<FontRole>) {
    const name = `${role}.ttf`;
    files.set(name, fonts.faces[role].bytes);
    if (fonts.faces[role].bundled) cmapSafe.add(fonts.faces[role].font);
    defs[role] = { normal: name, bold: name, italics: name, bolditalics: name };
  }
  const vfs = { existsSync: (n: string) => files.has(n), readFileSync: (n: string) => files.get(n) };
  return { defs, vfs };
}

/** pdfmake multiplies the font's own line height; this gives the pitch a size role asks for. */
function lineHeight(fonts: FontSet, para: Para): number {
  const face = fonts.faces[para.font];
  const natural = (face.ascent - face.descent) / face.unitsPerEm;
  return LINE_PT[para.size] / (SIZE_PT[para.size] * natural);
}

/**
 * Marks for the pageBreakBefore hook, in `headlineLevel`, which pdfmake hands to the hook and
 * uses for nothing else. A paragraph that keeps with the next is marked `keep`: a heading or
 * prompt is kept whole too ('whole'); of the paragraph a seal goes with, only its last line
 * matters ('lastLine'). A block pdfmake keeps whole (a seal, a cover field, a table's rows)
 * is marked with the height it needs at least (`block`): see pageBreakBefore.
 */
type Mark = { keep: 'whole' | 'lastLine' } | { block: number };
const KEEP_WHOLE: Mark = { keep: 'whole' };
const KEEP_LAST_LINE: Mark = { keep: 'lastLine' };

interface Position {
  pageNumber: number;
  top: number;
}
type NodeInfo = { headlineLevel?: Mark; text?: unknown; pageNumbers: number[]; startPosition?: Position };
interface NodeQueries {
  getFollowingNodesOnPage(): NodeInfo[];
  getNodesOnNextPage(): NodeInfo[];
  getPreviousNodesOnPage(): NodeInfo[];
}

/**
 * pdfmake's pageBreakBefore hook, called after a layout for each node: a paragraph that keeps
 * with the next and ends up the last thing on its page — or, for a heading or prompt, split
 * over two — goes to the next page, and pdfmake lays the document out again.
 *
 * What comes next may be a block pdfmake keeps whole. pdfmake reports every node inside such
 * a block at the place the block was first tried, even when it then moved the block to the
 * next page; so a block is known to have moved when the room left below that place is less
 * than the block's height (`bottom`: the foot of the text area, in points from the top).
 *
 * A paragraph that is the first text on its page stays (moving it would only leave that page
 * empty). Of a paragraph before a seal that runs over a page, the last line is on the next
 * page: when the seal has moved on again, the whole paragraph goes with it (pdfmake cannot
 * split one line off), so the seal never stands alone.
 */
function keepingHook(bottom: number) {
  const moved = (n: NodeInfo) => {
    const m = n.headlineLevel;
    // Half a point of doubt counts as moved: moving a heading early costs a line, leaving it alone a page.
    return !!m && 'block' in m && !!n.startPosition && n.startPosition.top + m.block > bottom - 0.5;
  };
  return (node: NodeInfo, nodes: NodeQueries): boolean => {
    const mark = node.headlineLevel;
    if (!mark || !('keep' in mark)) return false;
    if (!nodes.getPreviousNodesOnPage().some((n) => n.text !== undefined)) return false;
    const pages = node.pageNumbers.length;
    if (pages > 1 && mark.keep === 'whole') return true;
    if (pages > 2) return false;
    const next = (pages === 1 ? nodes.getFollowingNodesOnPage() : nodes.getNodesOnNextPage())[0];
    return !next || moved(next);
  };
}

const measures = new WeakMap<FontSet, Measure>();
function measureOf(fonts: FontSet): Measure {
  let m = measures.get(fonts);
  if (!m) measures.set(fonts, (m = new Measure(fonts)));
  return m;
}

/** The height of a table's first rows that pdfmake keeps together (its header and first row), from the wrapped text, with the rules between them. */
function leadRowsHeight(fonts: FontSet, rows: readonly Row[], widths: readonly number[], padY: number): number {
  let total = (rows.length + 1) * RULE;
  for (const row of rows) {
    let h = row.minHeight ? mm(row.minHeight) : 0;
    let c = 0;
    for (const cell of row.cells) {
      const span = cell.colSpan ?? 1;
      const w = widths.slice(c, c + span).reduce((a, x) => a + x, 0);
      c += span;
      if ((cell.rowSpan ?? 1) > 1) continue;
      const text = cell.paras.reduce((a, p) => a + (p.before ?? 0) + (p.after ?? 0) + wrap(p.text, p.font, SIZE_PT[p.size], w, fonts, measureOf(fonts)).length * LINE_PT[p.size], 0);
      h = Math.max(h, text + 2 * padY);
    }
    total += h;
  }
  return total;
}

function inline(fonts: FontSet, para: Para, top = 0, keep: Mark = KEEP_WHOLE): object {
  const size = SIZE_PT[para.size];
  // A dotted name breaks only at its dots: each part (with its dot) is one unbreakable piece.
  const pieces = DOTTED_NAME.test(para.text) ? nameParts(para.text) : [para.text];
  const runs = pieces.flatMap((piece) => fonts.segment(piece, para.font).map((r) => ({ ...r, whole: pieces.length > 1 })));
  return {
    text: runs.length === 1 && !runs[0]!.whole ? runs[0]!.text : runs.map((r) => ({ text: r.text, font: r.face, ...(r.whole && { noWrap: true }) })),
    font: runs.length === 1 ? runs[0]!.face : para.font,
    fontSize: size,
    lineHeight: lineHeight(fonts, para),
    alignment: para.align,
    leadingIndent: para.indent ? size * 2 : 0,
    margin: [0, top + (para.before ?? 0), (para.right ?? 0) * size, para.after ?? 0],
    ...(para.muted && { color: MUTED }),
    ...(para.keepWithNext && { headlineLevel: keep }),
  };
}

/** Expands the model's cells (spans given once, as in HTML) into pdfmake's full grid with placeholders. */
function grid(fonts: FontSet, rows: readonly Row[], ncols: number): object[][] {
  const body: object[][] = [];
  const covered: boolean[][] = [];
  rows.forEach((row, r) => {
    covered[r] ??= [];
    const out: object[] = [];
    let c = 0;
    for (const cell of row.cells) {
      while (covered[r]![c]) {
        out[c] = {};
        c++;
      }
      out[c] = cellContent(fonts, cell, !!row.breakable);
      const cs = cell.colSpan ?? 1;
      const rs = cell.rowSpan ?? 1;
      for (let dr = 0; dr < rs; dr++) {
        covered[r + dr] ??= [];
        for (let dc = 0; dc < cs; dc++) covered[r + dr]![c + dc] = true;
      }
      for (let dc = 1; dc < cs; dc++) out[c + dc] = {};
      c += cs;
    }
    for (; c < ncols; c++) out[c] = {};
    body.push(out);
  });
  return body;
}

function cellContent(fonts: FontSet, cell: Cell, breakable: boolean): object {
  return {
    // A row that may break has its top padding on its first paragraph instead (see tableLayout).
    stack: cell.paras.map((p, i) => inline(fonts, p, breakable && i === 0 ? mm(CELL_PAD.y) : 0)),
    ...(cell.colSpan && cell.colSpan > 1 && { colSpan: cell.colSpan }),
    ...(cell.rowSpan && cell.rowSpan > 1 && { rowSpan: cell.rowSpan }),
    // pdfmake 0.3 misplaces a vertically centred cell that spans rows across a page break.
    ...(cell.valign === 'middle' && !(cell.rowSpan && cell.rowSpan > 1) && { verticalAlignment: 'middle' }),
  };
}

/** Width of a table's rules, in points. */
const RULE = 0.6;

/** Vertical space of exactly `h` points (an empty text would add a line of its own). */
const gap = (h: number) => ({ canvas: [], margin: [0, h, 0, 0] });

/**
 * Rows that may break across pages get no top padding from the table: their first paragraph
 * carries it as a margin. When that paragraph (a prompt) is sent to the next page, pdfmake has
 * already begun the row, and a padded row would leave an empty sliver of it at the foot of
 * the page; unpadded, what is left there has no height.
 */
function tableLayout(rows: readonly Row[]) {
  return {
    hLineWidth: () => RULE,
    vLineWidth: () => RULE,
    paddingLeft: () => mm(CELL_PAD.x),
    paddingRight: () => mm(CELL_PAD.x),
    paddingTop: (i: number) => (rows[i]?.breakable ? 0 : mm(CELL_PAD.y)),
    paddingBottom: () => mm(CELL_PAD.y),
  };
}

function blockContent(fonts: FontSet, b: Block, width: number, next?: Block): object | object[] {
  switch (b.type) {
    case 'para':
      return inline(fonts, b.para, 0, next?.type === 'seal' ? KEEP_LAST_LINE : KEEP_WHOLE);
    case 'line':
      return { columns: [{ ...inline(fonts, b.left), width: '*' }, { ...inline(fonts, b.right), width: 'auto' }], margin: [0, 0, 0, 4] };
    case 'fields': {
      const size = SIZE_PT[b.size];
      const labelWidth = (Math.max(...b.items.map((i) => [...i.label].length)) + 1) * size;
      const plain = (text: string, align: Para['align']) => inline(fonts, { text, font: 'serif', size: b.size, align });
      // One line per field: the label, the value on an underline, and 盖章 where a seal goes.
      // A seal line has about 21 mm free above and below it, so a round seal (about 42 mm)
      // stamped over the name covers no other line.
      const half = mm(21) - LINE_PT[b.size] / 2;
      return b.items.map((i, n) => ({
        stack: [
          gap(i.seal ? half : n === 0 ? 0 : mm(10)),
          {
            table: {
              widths: [labelWidth, '*', i.seal ? size * 4 : 0],
              body: [[
                { ...plain(`${i.label}：`, 'right'), border: [false, false, false, false] },
                { ...plain(i.value, 'center'), border: [false, false, false, true] },
                { ...plain(i.seal ? '（盖章）' : '', 'left'), border: [false, false, false, false] },
              ]],
            },
            layout: { hLineWidth: () => 0.8, vLineWidth: () => 0, paddingLeft: () => 0, paddingRight: () => 0, paddingTop: () => 0, paddingBottom: () => 1 },
          },
          gap(i.seal ? half : 0),
        ],
        unbreakable: true,
        headlineLevel: { block: (i.seal ? 2 * half : n === 0 ? 0 : mm(10)) + LINE_PT[b.size] } satisfies Mark,
      }));
    }
    case 'table': {
      const ncols = b.columns.length;
      const header = grid(fonts, b.header, ncols);
      const rows = grid(fonts, b.rows, ncols);
      const all = [...b.header, ...b.rows];
      const widths = b.columns.map((c) => (mm(c) * width) / mm(b.columns.reduce((a, x) => a + x, 0)) - 2 * mm(CELL_PAD.x) - 0.6);
      const whole = !b.rows.some((r) => r.breakable);
      // What pdfmake keeps together at the table's head: the header and the first row when rows
      // are kept whole; when they may break, the header and the first row's first line.
      const lead = leadRowsHeight(fonts, whole ? all.slice(0, b.header.length + 1) : b.header, widths, mm(CELL_PAD.y)) + (whole ? 0 : LINE_PT.small + mm(CELL_PAD.y));
      return {
        headlineLevel: { block: lead } satisfies Mark,
        table: {
          widths,
          headerRows: header.length,
          keepWithHeaderRows: header.length ? 1 : 0,
          dontBreakRows: whole,
          heights: all.map((r) => (r.minHeight ? mm(r.minHeight) : 'auto')),
          body: [...header, ...rows],
        },
        layout: tableLayout(all),
      };
    }
    case 'seal':
      // The caption lines sit at the right; the blank above them is the seal's place.
      // Kept whole, so no line in it needs keeping (pdfmake must not break inside it).
      return {
        stack: [gap(mm(b.height) - b.lines.length * LINE_PT.body), ...b.lines.map((l) => inline(fonts, { ...l, keepWithNext: false }))],
        unbreakable: true,
        headlineLevel: { block: mm(b.height) } satisfies Mark,
      };
    case 'spacer':
      return gap(mm(b.height));
    case 'pageBreak':
      return { text: '', pageBreak: 'after' };
    case 'foot':
      return [];
  }
}

/**
 * The blocks as pdfmake content. Paragraphs that keep with the next are marked and kept so
 * by pageBreakBefore; a seal is laid out whole, and a seal that keeps with the seal
 * after it (承诺人 and 主管部门公章) as one with it, since nothing may break inside a block
 * pdfmake keeps whole.
 */
function contentOf(fonts: FontSet, blocks: readonly Block[], width: number): unknown[] {
  const out: unknown[] = [];
  blocks.forEach((b, i) => {
    const content = blockContent(fonts, b, width, blocks[i + 1]);
    const prev = blocks[i - 1];
    if (b.type === 'seal' && prev?.type === 'seal' && prev.lines.at(-1)?.keepWithNext && out.length) {
      out.push({ stack: [out.pop(), content], unbreakable: true, headlineLevel: { block: mm(prev.height + b.height) } satisfies Mark });
    } else if (Array.isArray(content)) out.push(...content);
    else out.push(content);
  });
  return out;
}

/** The pdfmake document definition of a form: what is laid out, before any byte is drawn. */
export function pdfDefinition(form: FilledForm, fonts: FontSet, meta: DocumentMeta) {
  const g = geometry(form.orientation);
  const width = mm(textWidth(g));
  const foot = form.blocks.find((b): b is Extract<Block, { type: 'foot' }> => b.type === 'foot');
  const dd = {
    pageSize: 'A4',
    pageOrientation: form.orientation,
    pageMargins: [mm(g.left), mm(g.top), mm(g.right), mm(g.bottom)],
    info: {
      title: meta.title,
      author: meta.author,
      subject: meta.subject,
      keywords: meta.keywords ?? '',
      creator: 'shenbao',
      producer: 'shenbao',
      creationDate: meta.date,
      modDate: meta.date,
    },
    version: '1.7',
    subset: PDFA_SUBSET,
    lang: 'zh-CN',
    defaultStyle: { font: 'serif', fontSize: SIZE_PT.body },
    content: contentOf(fonts, form.blocks, width),
    pageBreakBefore: keepingHook(mm(g.height - g.bottom)),
    footer: () => {
      const stack: object[] = [];
      if (foot) {
        // The cover's foot lines (…制 / 二〇二六年十月) sit in the bottom margin, centred.
        stack.push({ stack: foot.paras.map((p) => inline(fonts, p)), margin: [mm(g.left), mm(2), mm(g.right), 0] });
      }
      return stack;
    },
  };
  return dd;
}

/** A form (not a big table) → PDF bytes with pdfmake, without page numbers. */
export async function renderFormPdf(form: FilledForm, fonts: FontSet, meta: DocumentMeta): Promise<Uint8Array> {
  const { defs, vfs } = fontTable(fonts, form);
  const urls = new URLResolver(vfs);
  // Documents are built from data only: no URL or file is ever fetched while rendering.
  urls.setUrlAccessPolicy(() => false);
  const doc = await new Printer(defs, vfs, urls, () => false).createPdfKitDocument(pdfDefinition(form, fonts, meta), { bufferPages: form.pageNumbers });
  if (form.pageNumbers) numberPages(doc as unknown as NumberablePdfKit, fonts);
  const chunks: Buffer[] = [];
  const done = new Promise<void>((resolve, reject) => {
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve());
    doc.on('error', (e) => reject(e));
  });
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
