/**
 * A filled form, independent of any output format: what the PDF, DOCX and XLSX renderers
 * draw. Filling (fill.ts) turns a form template and the submission into this; renderers
 * never see the submission.
 *
 * Sizes are roles, not points, so that the typography (GB/T 9704) lives in one place
 * (paper/typography.ts) and every format agrees. So is pagination: a paragraph says that it
 * keeps with what follows, and each renderer keeps it so (pdfmake by its pageBreakBefore
 * hook, DOCX by Word's keep-with-next).
 */
import type { FontRole, SizeRole } from '../paper/typography.js';

export type { SizeRole };

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface Para {
  text: string;
  font: FontRole;
  size: SizeRole;
  align: Align;
  /** Two-character first-line indent, as Chinese running text has. */
  indent?: boolean;
  /** Extra space before and after, in points. */
  before?: number;
  after?: number;
  /** Draw in grey (the printed prompts of a form, as against what was filled in). */
  muted?: boolean;
  /** Room kept free at the right, in characters of the paragraph's size (成文日期右空四字, GB/T 9704 7.3.5.1). */
  right?: number;
  /**
   * Never the last line of a page: set on the same page as the first line of what follows.
   * Headings and titles, the printed prompt over its answer, and the line a seal goes with.
   */
  keepWithNext?: boolean;
}

export interface Cell {
  paras: Para[];
  colSpan?: number;
  rowSpan?: number;
  align?: Align;
  valign?: 'top' | 'middle';
  /** The XLSX writes this cell as a number of this kind (its text stays what PDF and DOCX print). */
  numeric?: 'int' | 'percent' | 'points';
  /** A label cell of the form (shaded lightly in DOCX/XLSX? no: kept plain, as the seed). */
  label?: boolean;
}

export interface Row {
  cells: Cell[];
  /** Minimum height in mm (a seal row, a row to be handwritten). */
  minHeight?: number;
  /** A row that may break across pages (long narrative text); others are kept whole. */
  breakable?: boolean;
}

export interface Table {
  type: 'table';
  /** Column widths in mm; they add up to the text width. */
  columns: number[];
  /** Rows repeated at the top of every page the table runs over. */
  header: Row[];
  rows: Row[];
}

export type Block =
  | { type: 'para'; para: Para }
  /** Two texts on one line, one at the left margin and one at the right (表头：旗县市 … 填写时间). */
  | { type: 'line'; left: Para; right: Para }
  /** Cover-page lines: a label, the filled value underlined, and room for a seal where asked. */
  | { type: 'fields'; items: { label: string; value: string; seal: boolean }[]; size: SizeRole }
  | Table
  /** A blank place for a round seal (about 42 mm) with its caption lines (承诺人（盖章）…). */
  | { type: 'seal'; lines: Para[]; height: number }
  | { type: 'spacer'; height: number }
  | { type: 'pageBreak' }
  /** Lines set at the foot of the page (申请表: 兴安盟人力资源和社会保障局制 / 二〇二六年十月). */
  | { type: 'foot'; paras: Para[] };

export interface FilledForm {
  /** Template id (application-cover, recommendation, …). */
  id: string;
  /** The file name without number or extension, as a clerk knows it (推荐表). */
  name: string;
  orientation: 'portrait' | 'landscape';
  pageNumbers: boolean;
  blocks: Block[];
  /** Document title and subject for PDF metadata. */
  title: string;
  /** Set for the roster: the one table that can be thousands of rows long. */
  bigTable?: boolean;
}

/** Every paragraph a form prints, in order (for font and coverage questions). */
export function* parasOf(form: FilledForm): Generator<Para> {
  for (const b of form.blocks) {
    switch (b.type) {
      case 'para': yield b.para; break;
      case 'line': yield b.left; yield b.right; break;
      case 'fields': for (const i of b.items) yield { text: `${i.label}${i.value}（盖章）：`, font: 'serif', size: b.size, align: 'left' }; break;
      case 'table': for (const r of [...b.header, ...b.rows]) for (const c of r.cells) yield* c.paras; break;
      case 'seal': yield* b.lines; break;
      case 'foot': yield* b.paras; break;
      default: break;
    }
  }
}
