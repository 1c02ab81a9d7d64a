/**
 * FilledForm → DOCX with the docx library, for clerks who want to edit a form in Word or
 * WPS. The same page geometry and type sizes as the PDF; fonts are named rather than
 * embedded (a CJK font is 10–15 MB), using the names every Chinese Windows has (宋体, 黑体,
 * 楷体) unless the user replaced a role with a font of their own.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeightRule,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { Align, Block, Cell, FilledForm, Para, Row } from '../forms/model.js';
import type { FontRole, FontSet } from './fonts.js';
import { CELL_PAD, ROSTER_PAD, geometry, LINE_PT, MUTED, PAGE_NUMBER_GAP_MM, PAGE_NUMBER_PT, SIZE_PT, textWidth } from '../paper/typography.js';
import { fixCoreDates, normalizeOfficeZip } from './zip.js';
import { CELL_STYLE, TABLE_MARKER, tableXml } from './docx-table.js';
import { cellLines, runFont, wordFont } from './docx-fonts.js';

const TWIP_PER_MM = 1440 / 25.4;
const tw = (mmValue: number) => Math.round(mmValue * TWIP_PER_MM);
const ptTw = (pt: number) => Math.round(pt * 20);

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

/** `breakBefore`: the text starts a new line of its paragraph (a name broken at its dot). */
function runs(fonts: FontSet, p: Para, text: string, breakBefore = false): TextRun[] {
  return fonts.segment(text, p.font).map((r, i) => {
    const f = runFont(fonts, p.font, r.face, r.text);
    return new TextRun({
      text: r.text,
      ...(breakBefore && i === 0 && { break: 1 }),
      font: { ascii: f.name, eastAsia: f.name, hAnsi: f.name },
      size: Math.round(SIZE_PT[p.size] * 2),
      bold: f.bold,
      ...(p.muted && { color: MUTED.slice(1) }),
    });
  });
}

/**
 * `keep`: how a paragraph that keeps with the next is kept — a heading or prompt whole as
 * well (Word's keep lines together), the line a seal goes with by its last line only, as the
 * PDF keeps them.
 */
function paragraph(fonts: FontSet, p: Para, keep: 'whole' | 'lastLine' = 'whole', lines: readonly string[] = [p.text]): Paragraph {
  return new Paragraph({
    children: lines.flatMap((line, i) => runs(fonts, p, line, i > 0)),
    alignment: ALIGN[p.align],
    indent: p.indent || p.right ? { ...(p.indent && { firstLine: ptTw(SIZE_PT[p.size] * 2) }), ...(p.right && { right: ptTw(SIZE_PT[p.size] * p.right) }) } : undefined,
    spacing: { line: ptTw(LINE_PT[p.size]), lineRule: LineRuleType.EXACT, before: ptTw(p.before ?? 0), after: ptTw(p.after ?? 0) },
    ...(p.keepWithNext && { keepNext: true, ...(keep === 'whole' && { keepLines: true }) }),
  });
}

/** A blank paragraph of a given height (Word has no empty block without a line). */
function space(heightPt: number, keepNext = false): Paragraph {
  return new Paragraph({ children: [], spacing: { line: Math.max(20, ptTw(heightPt)), lineRule: LineRuleType.EXACT, before: 0, after: 0 }, ...(keepNext && { keepNext: true }) });
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function cell(fonts: FontSet, c: Cell, widthTw: number, pad: { x: number; y: number }): TableCell {
  return new TableCell({
    children: c.paras.length
      ? c.paras.map((p) => paragraph(fonts, p, 'whole', cellLines(fonts, p.text, p.font, SIZE_PT[p.size], (widthTw - 2 * tw(pad.x)) / 20)))
      : [new Paragraph({})],
    columnSpan: c.colSpan,
    rowSpan: c.rowSpan,
    verticalAlign: c.valign === 'middle' ? VerticalAlign.CENTER : VerticalAlign.TOP,
    width: { size: widthTw, type: WidthType.DXA },
    margins: { top: tw(pad.y), bottom: tw(pad.y), left: tw(pad.x), right: tw(pad.x) },
  });
}

function table(fonts: FontSet, b: Extract<Block, { type: 'table' }>, widthMm: number): Table {
  const total = b.columns.reduce((a, x) => a + x, 0);
  const cols = b.columns.map((c) => tw((c / total) * widthMm));
  // Width of a cell: the columns it spans, found by walking the row with the rowSpans above it.
  const occupied: Set<number>[] = [];
  const rows = [...b.header.map((r) => ({ r, header: true })), ...b.rows.map((r) => ({ r, header: false }))];
  const pad = b.rows.some((r) => r.cells.some((c) => c.paras.some((p) => p.size === 'roster'))) ? ROSTER_PAD : CELL_PAD;
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: cols.reduce((a, x) => a + x, 0), type: WidthType.DXA },
    columnWidths: cols,
    rows: rows.map(({ r, header }: { r: Row; header: boolean }, ri) => {
      const taken = (occupied[ri] ??= new Set());
      let col = 0;
      const cells = r.cells.map((c) => {
        while (taken.has(col)) col++;
        const span = c.colSpan ?? 1;
        const w = cols.slice(col, col + span).reduce((a, x) => a + x, 0);
        for (let dr = 1; dr < (c.rowSpan ?? 1); dr++) for (let dc = 0; dc < span; dc++) (occupied[ri + dr] ??= new Set()).add(col + dc);
        col += span;
        return cell(fonts, c, w, pad);
      });
      return new TableRow({
        children: cells,
        tableHeader: header,
        cantSplit: !r.breakable,
        ...(r.minHeight && { height: { value: tw(r.minHeight), rule: HeightRule.ATLEAST } }),
      });
    }),
  });
}

function fieldsTable(fonts: FontSet, b: Extract<Block, { type: 'fields' }>, widthMm: number): (Table | Paragraph)[] {
  const size = SIZE_PT[b.size];
  const labelTw = ptTw((Math.max(...b.items.map((i) => [...i.label].length)) + 1.5) * size);
  const sealTw = ptTw(size * 4.5);
  const valueTw = tw(widthMm) - labelTw - sealTw;
  const plain = (text: string, align: Align): Para => ({ text, font: 'serif', size: b.size, align });
  const half = (42 / 2) * (72 / 25.4) - LINE_PT[b.size] / 2;
  const out: (Table | Paragraph)[] = [];
  b.items.forEach((i, n) => {
    const gapBefore = i.seal ? half : n === 0 ? 0 : 10 * (72 / 25.4);
    if (gapBefore) out.push(space(gapBefore));
    out.push(
      new Table({
        layout: TableLayoutType.FIXED,
        width: { size: labelTw + valueTw + sealTw, type: WidthType.DXA },
        columnWidths: [labelTw, valueTw, sealTw],
        borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER },
        margins: { left: 0, right: 0, top: 0, bottom: 0 },
        rows: [
          new TableRow({
            children: [
              new TableCell({ children: [paragraph(fonts, plain(`${i.label}：`, 'right'))], borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER } }),
              new TableCell({ children: [paragraph(fonts, plain(i.value, 'center'))], borders: { top: NO_BORDER, bottom: LINE, left: NO_BORDER, right: NO_BORDER } }),
              new TableCell({ children: [paragraph(fonts, plain(i.seal ? '（盖章）' : '', 'left'))], borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER } }),
            ],
          }),
        ],
      }),
    );
    if (i.seal) out.push(space(half));
  });
  return out;
}

function blocks(fonts: FontSet, form: FilledForm, widthMm: number): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  let lastWasTable = false;
  form.blocks.forEach((b, i) => {
    const next = form.blocks[i + 1];
    // Two tables in a row would merge into one in Word; a hairline paragraph keeps them apart.
    if (b.type === 'table' && lastWasTable) out.push(space(1));
    lastWasTable = b.type === 'table';
    switch (b.type) {
      case 'para':
        out.push(paragraph(fonts, b.para, next?.type === 'seal' ? 'lastLine' : 'whole'));
        break;
      case 'line':
        out.push(
          new Paragraph({
            children: [...runs(fonts, b.left, b.left.text), new TextRun({ text: '\t' }), ...runs(fonts, b.right, b.right.text)],
            tabStops: [{ type: TabStopType.RIGHT, position: tw(widthMm) }],
            spacing: { line: ptTw(LINE_PT[b.left.size]), lineRule: LineRuleType.EXACT, after: 80 },
          }),
        );
        break;
      case 'fields':
        out.push(...fieldsTable(fonts, b, widthMm));
        break;
      case 'table':
        // The big table (the roster) is written as XML afterwards; here it only keeps its place.
        out.push(form.bigTable ? new Paragraph({ children: [new TextRun(TABLE_MARKER)] }) : table(fonts, b, widthMm));
        break;
      case 'seal':
        // Kept whole: the room for the seal and every caption line but the last keep with the next.
        out.push(
          space(b.height * (72 / 25.4) - b.lines.length * LINE_PT.body, true),
          ...b.lines.map((l, k) => paragraph(fonts, { ...l, keepWithNext: l.keepWithNext || k < b.lines.length - 1 })),
        );
        break;
      case 'spacer':
        out.push(space(b.height * (72 / 25.4)));
        break;
      case 'pageBreak':
        out.push(new Paragraph({ children: [], pageBreakBefore: true }));
        break;
      case 'foot':
        break; // goes into the footer
    }
  });
  // A document must not end with a table (Word adds a paragraph anyway).
  if (lastWasTable) out.push(space(1));
  return out;
}

function pageNumberFooter(fonts: FontSet, align: 'left' | 'right'): Footer {
  const f = wordFont(fonts, 'serif');
  return new Footer({
    children: [
      new Paragraph({
        alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: align === 'right' ? { right: ptTw(PAGE_NUMBER_PT) } : { left: ptTw(PAGE_NUMBER_PT) },
        children: [
          new TextRun({
            // “— 7 —” (see pageNumberText), with Word's own page field for the number.
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: { ascii: f.name, eastAsia: f.name, hAnsi: f.name },
            size: PAGE_NUMBER_PT * 2,
          }),
        ],
      }),
    ],
  });
}

/** The body of a form as docx elements, in order: the tree the tests read (each has prepForXml). */
export function docxBody(form: FilledForm, fonts: FontSet): (Paragraph | Table)[] {
  return blocks(fonts, form, textWidth(geometry(form.orientation)));
}

/** A form as a docx Document, before it is packed: page, footers, styles and the body. */
export function docxDocument(form: FilledForm, fonts: FontSet, meta: { title: string; author: string; subject: string }): Document {
  const g = geometry(form.orientation);
  const foot = form.blocks.find((b): b is Extract<Block, { type: 'foot' }> => b.type === 'foot');
  const footers = form.pageNumbers
    ? { default: pageNumberFooter(fonts, 'right'), even: pageNumberFooter(fonts, 'left') }
    : foot
      ? { default: new Footer({ children: foot.paras.map((p) => paragraph(fonts, p)) }) }
      : undefined;
  const cellFont = wordFont(fonts, 'serif');
  return new Document({
    creator: meta.author,
    title: meta.title,
    subject: meta.subject,
    evenAndOddHeaderAndFooters: form.pageNumbers,
    styles: {
      default: {
        document: { run: { font: { ascii: '宋体', eastAsia: '宋体', hAnsi: '宋体' }, size: SIZE_PT.body * 2 } },
      },
      paragraphStyles: [
        {
          id: CELL_STYLE,
          name: 'Shenbao Table Cell',
          run: { font: { ascii: cellFont.name, eastAsia: cellFont.name, hAnsi: cellFont.name }, size: Math.round(SIZE_PT.roster * 2) },
          paragraph: { spacing: { line: ptTw(LINE_PT.roster), lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: tw(210), height: tw(297), orientation: form.orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: { top: tw(g.top), bottom: tw(g.bottom), left: tw(g.left), right: tw(g.right), footer: tw(g.bottom - PAGE_NUMBER_GAP_MM) - ptTw(PAGE_NUMBER_PT * 1.5), header: tw(15) },
          },
        },
        ...(footers && { footers }),
        children: docxBody(form, fonts),
      },
    ],
  });
}

export async function renderDocx(form: FilledForm, fonts: FontSet, meta: { title: string; author: string; subject: string; date: Date }): Promise<Uint8Array> {
  const width = textWidth(geometry(form.orientation));
  const big = form.bigTable ? form.blocks.find((b): b is Extract<Block, { type: 'table' }> => b.type === 'table') : undefined;
  const bytes = await Packer.toBuffer(docxDocument(form, fonts, meta));
  const fixDates = fixCoreDates(meta.date);
  const placeTable = (name: string, text: string) => {
    if (!big || name !== 'word/document.xml') return fixDates(name, text);
    const total = big.columns.reduce((a, x) => a + x, 0);
    const cols = big.columns.map((c) => tw((c / total) * width));
    const xml = tableXml(big, cols, { x: tw(ROSTER_PAD.x), y: tw(ROSTER_PAD.y) }, fonts);
    // The marker paragraph is replaced whole by the table.
    return text.replace(new RegExp(`<w:p>(?:(?!<w:p>).)*?${TABLE_MARKER}.*?</w:p>`), () => xml);
  };
  return normalizeOfficeZip(new Uint8Array(bytes), meta.date, placeTable);
}
