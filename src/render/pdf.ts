/**
 * FilledForm → PDF with pdfmake. The roster (a `bigTable` form) goes through the faster
 * direct pdfkit path in pdf-grid.ts instead (see render.ts); everything else is laid out here.
 *
 * `pdfDefinition` is the pdfmake document definition — the intermediate value the tests
 * read. Each render gets its own pdfmake printer and font table, so renders running at the
 * same time never see each other's fonts (pdfmake's default instance keeps them globally).
 *
 * Pages come out without page numbers: the same pages serve the standalone document
 * (numbered 1…n, see page-numbers.ts) and the print volume (numbered through the volume).
 *
 * Every text is split into font runs first (FontSet.segment), because pdfmake draws a
 * character its font lacks as an empty box.
 */
import { createRequire } from 'node:module';
import { parasOf, type Block, type Cell, type FilledForm, type Para, type Row } from '../forms/model.js';
import { rolesUsed, type FontRole, type FontSet } from './fonts.js';
import type { DocumentMeta } from './meta.js';
import { PDFA_SUBSET } from './pdfa.js';
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

function inline(fonts: FontSet, para: Para): object {
  const runs = fonts.segment(para.text, para.font);
  const size = SIZE_PT[para.size];
  return {
    text: runs.length === 1 ? runs[0]!.text : runs.map((r) => ({ text: r.text, font: r.face })),
    font: runs.length === 1 ? runs[0]!.face : para.font,
    fontSize: size,
    lineHeight: lineHeight(fonts, para),
    alignment: para.align,
    leadingIndent: para.indent ? size * 2 : 0,
    margin: [0, para.before ?? 0, 0, para.after ?? 0],
    ...(para.muted && { color: MUTED }),
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
      out[c] = cellContent(fonts, cell);
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

function cellContent(fonts: FontSet, cell: Cell): object {
  return {
    stack: cell.paras.map((p) => inline(fonts, p)),
    ...(cell.colSpan && cell.colSpan > 1 && { colSpan: cell.colSpan }),
    ...(cell.rowSpan && cell.rowSpan > 1 && { rowSpan: cell.rowSpan }),
    // pdfmake 0.3 misplaces a vertically centred cell that spans rows across a page break.
    ...(cell.valign === 'middle' && !(cell.rowSpan && cell.rowSpan > 1) && { verticalAlignment: 'middle' }),
  };
}

/** Vertical space of exactly `h` points (an empty text would add a line of its own). */
const gap = (h: number) => ({ canvas: [], margin: [0, h, 0, 0] });

const TABLE_LAYOUT = {
  hLineWidth: () => 0.6,
  vLineWidth: () => 0.6,
  paddingLeft: () => mm(CELL_PAD.x),
  paddingRight: () => mm(CELL_PAD.x),
  paddingTop: () => mm(CELL_PAD.y),
  paddingBottom: () => mm(CELL_PAD.y),
};

function blockContent(fonts: FontSet, b: Block, width: number): object | object[] {
  switch (b.type) {
    case 'para':
      return inline(fonts, b.para);
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
      }));
    }
    case 'table': {
      const ncols = b.columns.length;
      const header = grid(fonts, b.header, ncols);
      const rows = grid(fonts, b.rows, ncols);
      const all = [...b.header, ...b.rows];
      return {
        table: {
          widths: b.columns.map((c) => (mm(c) * width) / mm(b.columns.reduce((a, x) => a + x, 0)) - 2 * mm(CELL_PAD.x) - 0.6),
          headerRows: header.length,
          keepWithHeaderRows: header.length ? 1 : 0,
          dontBreakRows: !b.rows.some((r) => r.breakable),
          heights: all.map((r) => (r.minHeight ? mm(r.minHeight) : 'auto')),
          body: [...header, ...rows],
        },
        layout: TABLE_LAYOUT,
      };
    }
    case 'seal':
      // The caption lines sit at the right; the blank above them is the seal's place.
      return { stack: [gap(mm(b.height) - b.lines.length * LINE_PT.body), ...b.lines.map((l) => inline(fonts, l))], unbreakable: true };
    case 'spacer':
      return gap(mm(b.height));
    case 'pageBreak':
      return { text: '', pageBreak: 'after' };
    case 'foot':
      return [];
  }
}

/**
 * The blocks as pdfmake content. A seal is kept on one page with the paragraph before it
 * (the signature and date must never stand alone on a page, GB/T 9704 7.3.5), and a heading
 * with the paragraph after it.
 */
function contentOf(fonts: FontSet, blocks: readonly Block[], width: number): unknown[] {
  const out: unknown[] = [];
  blocks.forEach((b, i) => {
    const content = blockContent(fonts, b, width);
    const prev = blocks[i - 1];
    // A heading (黑体 一、…) never ends a page: it goes with the paragraph it heads.
    if (b.type === 'para' && prev?.type === 'para' && prev.para.font === 'sans' && b.para.font !== 'sans' && out.length) out.push({ stack: [out.pop(), content], unbreakable: true });
    else if (b.type === 'seal' && blocks[i - 1]?.type === 'para' && out.length) out.push({ stack: [out.pop(), content], unbreakable: true });
    else if (Array.isArray(content)) out.push(...content);
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
  const doc = await new Printer(defs, vfs, urls, () => false).createPdfKitDocument(pdfDefinition(form, fonts, meta));
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
