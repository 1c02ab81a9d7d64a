/**
 * A schema's fields as a form draws them: label and help from the schema's metadata (see
 * `label` in zod-report.ts), whether it may be left out, and the kind of input it wants —
 * from its type, or from the `input` a field type declares (dates, percentages). The one
 * zod schema stays the source of what each field is called, in messages and on the page.
 */
import { z } from 'zod';
import { fieldName, type FieldPath } from './source.js';
import { type Term, verbatim } from './term.js';
import { defOf, helpOf, schemaAt, unwrap } from './zod-report.js';

export type InputKind = 'text' | 'textarea' | 'integer' | 'number' | 'date' | 'percent' | 'boolean' | 'select' | 'multiselect';

export interface Option {
  value: string;
  label: Term;
}

export interface FieldSpec {
  path: FieldPath;
  /** The path as diagnostics name it (institution.name, partners[0].phone), so a problem finds its field. */
  field: string;
  label: Term;
  help?: Term;
  input: InputKind;
  /** The schema refuses the file without it. */
  required: boolean;
  options?: Option[];
  /** A limit the check counts against (字数, as word processors count it). */
  maxChars?: number;
  /** Free text is allowed beside the options (a county outside the list, say). */
  free?: boolean;
}

type AnySchema = z.core.$ZodType;

function metaOf(s: AnySchema): Record<string, unknown> {
  // zod's registry merges a clone's metadata with its parent's, so .meta({input}) on a field
  // type survives the .meta(label(…)) put on each use of it.
  return (z.globalRegistry.get(s) as Record<string, unknown> | undefined) ?? {};
}

/** Whether the field may be left out: optional, nullish or defaulted at the point of use. */
function isOptional(s: AnySchema): boolean {
  let cur = s;
  for (let i = 0; i < 10; i++) {
    const def = defOf(cur);
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') return true;
    if (def.type === 'pipe' && defOf(def.in as AnySchema).type !== 'transform') cur = def.in as AnySchema;
    else break;
  }
  return false;
}

/** The `input` a field type declares (dateField, percentField), looking through optional/default wrappers. */
function declaredInput(field: AnySchema): InputKind | undefined {
  let cur: AnySchema | undefined = field;
  for (let i = 0; cur && i < 10; i++) {
    const input = metaOf(cur).input;
    if (input === 'date' || input === 'percent') return input;
    cur = defOf(cur).innerType as AnySchema | undefined;
  }
  return undefined;
}

function inputOf(field: AnySchema): InputKind {
  const declared = declaredInput(field);
  if (declared) return declared;
  const { schema } = unwrap(field);
  const def = defOf(schema);
  switch (def.type) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return (schema as unknown as { format?: string }).format === 'safeint' ? 'integer' : 'number';
    case 'enum':
      return 'select';
    case 'array':
      return 'multiselect';
    default:
      return 'text';
  }
}

export function enumValues(field: AnySchema): string[] {
  const { schema } = unwrap(field);
  const def = defOf(schema);
  return def.type === 'enum' ? Object.values(def.entries as Record<string, string>) : [];
}

/** The field of `root` at `path`, with its label, help and input (`extra` adds what the scheme knows). */
export function fieldOf(root: AnySchema, path: FieldPath, extra: Partial<FieldSpec> = {}): FieldSpec {
  const parent = schemaAt(root, path.slice(0, -1)).schema;
  const key = String(path[path.length - 1]);
  const raw = parent ? ((defOf(parent).shape as Record<string, AnySchema> | undefined)?.[key] ?? undefined) : undefined;
  const at = schemaAt(root, path);
  if (!raw || !at.schema) throw new Error(`form-spec: no field ${path.join('.')} in the schema`);
  const help = helpOf(raw) ?? helpOf(at.schema);
  const input = extra.input ?? inputOf(raw);
  const label = at.label ?? verbatim(key);
  // A choice drawn as a list does not need the values spelled out in its label, as the YAML
  // skeleton does (申报类型（application 认定申报 / review 复评）).
  const chosen = input === 'select' || input === 'boolean' || input === 'multiselect';
  const spelled = /[（(][^（(]*[A-Za-z][^（(]*[)）]$/;
  return {
    path,
    field: fieldName(path),
    label: chosen ? { zh: label.zh.replace(spelled, ''), en: label.en.replace(spelled, '').trim() } : label,
    ...(help && { help }),
    input,
    required: !isOptional(raw),
    ...extra,
  };
}

