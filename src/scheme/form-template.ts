/**
 * Form templates (templates/<scheme>/forms/<id>.yaml): each form of the notice described
 * once, as data — its blocks, table rows, spans and the handlebars expressions that fill
 * them. A new year's wording is a new template, not new code.
 */
import { z } from 'zod';
import type { Diagnostic } from '../core/diagnostic.js';
import { parseSource } from '../core/source.js';
import { zodDiagnostics } from '../core/zod-report.js';
import { FONT_ROLES, SIZE_ROLES } from '../paper/typography.js';

const expr = z.string();
const sizeRole = z.enum(SIZE_ROLES);
const align = z.enum(['left', 'center', 'right', 'justify']);

const paragraph = z.union([
  expr,
  z.strictObject({
    text: expr,
    align: align.optional(),
    indent: z.boolean().optional(),
    font: z.enum(FONT_ROLES).optional(),
    size: sizeRole.optional(),
    before: z.number().optional(),
    /** Characters kept free at the right (a number, or an expression giving one). */
    right: z.union([z.number().min(0), expr]).optional(),
    after: z.number().optional(),
    /** Render only when this expression is non-empty. */
    if: expr.optional(),
  }),
]);

/** A cell: a label of the form (centred), or a value filled from the data. */
const cell = z.union([
  expr,
  z.strictObject({
    label: expr.optional(),
    text: expr.optional(),
    span: z.number().int().min(1).optional(),
    rowSpan: z.number().int().min(1).optional(),
    align: align.optional(),
    size: sizeRole.optional(),
    /** In XLSX, write the value as a number (head count, percentage, points) so Excel can sort and sum it. */
    numeric: z.enum(['int', 'percent', 'points']).optional(),
  }),
]);

const row = z.union([
  z.array(cell),
  z.strictObject({
    cells: z.array(cell),
    minHeight: z.number().positive().optional(),
    /** Repeat this row for each element of a list in the data (trainees, rubric items). */
    each: z.string().optional(),
    breakable: z.boolean().optional(),
  }),
]);

const table = z.strictObject({
  columns: z.array(z.number().positive()).min(1),
  size: sizeRole.default('table'),
  header: z.array(row).default([]),
  rows: z.array(row),
});

export const blockSchema = z.union([
  z.strictObject({ label: expr }),
  z.strictObject({ title: expr }),
  z.strictObject({ subtitle: expr }),
  z.strictObject({ paragraph }),
  z.strictObject({ paragraphs: z.strictObject({ each: z.string(), text: paragraph }) }),
  z.strictObject({ line: z.strictObject({ left: expr, right: expr.default(''), size: sizeRole.default('body') }) }),
  z.strictObject({
    fields: z.strictObject({
      size: sizeRole.default('body'),
      items: z.array(z.strictObject({ label: expr, value: expr, seal: z.boolean().default(false) })),
    }),
  }),
  z.strictObject({ table }),
  /** The narrative sections of the kind, from the scheme, each a table whose title repeats. */
  z.strictObject({ sections: z.strictObject({ columns: z.array(z.number().positive()).min(1) }) }),
  /** The brief's text, set as running text with its headings. */
  z.strictObject({ brief: z.strictObject({}) }),
  z.strictObject({ seal: z.strictObject({ lines: z.array(paragraph), height: z.number().positive().default(42) }) }),
  z.strictObject({ spacer: z.number().positive() }),
  z.strictObject({ pageBreak: z.literal(true) }),
  z.strictObject({ foot: z.array(paragraph) }),
]);

export const formTemplateSchema = z.strictObject({
  id: z.string(),
  name: expr,
  title: expr,
  orientation: z.enum(['portrait', 'landscape']).default('portrait'),
  pageNumbers: z.boolean().default(true),
  /** The one table that may run to thousands of rows (the roster): drawn by the fast path. */
  bigTable: z.boolean().default(false),
  blocks: z.array(blockSchema),
});

export type FormTemplate = z.infer<typeof formTemplateSchema>;
export type BlockTemplate = z.infer<typeof blockSchema>;
export type CellTemplate = z.infer<typeof cell>;
export type RowTemplate = z.infer<typeof row>;
export type ParagraphTemplate = z.infer<typeof paragraph>;

/** Parses and validates one form template's text. Pure. */
export function parseFormTemplate(text: string, file: string): { template?: FormTemplate; diagnostics: Diagnostic[] } {
  const { source, diagnostics } = parseSource(text, file);
  if (!source) return { diagnostics };
  const parsed = formTemplateSchema.safeParse(source.data, { reportInput: true });
  if (!parsed.success) return { diagnostics: zodDiagnostics(parsed.error.issues, formTemplateSchema, source) };
  return { template: parsed.data, diagnostics: [] };
}
