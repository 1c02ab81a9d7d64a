/**
 * Turns zod issues into shenbao diagnostics: each names the field path, its label in both
 * languages (from the schema's metadata, see `label`), the YAML/JSON position, and what was
 * expected — raw, so the message catalogue can say it in words a clerk understands.
 */
import { z } from 'zod';
import type { Code, ParamsOf } from './codes.js';
import { error, type Diagnostic } from './diagnostic.js';
import { fieldName, locate, type FieldPath, type Source } from './source.js';
import { closest } from './suggest.js';
import type { Term } from './term.js';

/**
 * A field's label and help in both languages, for `.meta()`: the schema stays the one
 * source of what each field is called — in messages, the skeleton and the page.
 */
export function label(zh: string, en: string, help?: Term): { description: string; en: string; help?: string; helpEn?: string } {
  return { description: zh, en, ...(help && { help: help.zh, helpEn: help.en }) };
}

type Issue = z.core.$ZodIssue;
type AnySchema = z.core.$ZodType;

/** Custom refinements put a catalog code in `params`, so their message comes from the catalog. */
export interface CustomIssueParams {
  code: Code;
  params: Record<string, string | number>;
}

function typeOfInput(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (v instanceof Date) return 'date';
  if (typeof v === 'number' && Number.isInteger(v)) return 'number';
  return typeof v;
}

export function defOf(s: AnySchema): Record<string, unknown> & { type: string } {
  return (s as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
}

function describe(s: AnySchema): Term | undefined {
  const meta = z.globalRegistry.get(s);
  const zh = meta?.description ?? (s as unknown as { description?: string }).description;
  if (!zh) return undefined;
  return { zh, en: typeof meta?.en === 'string' ? meta.en : zh };
}

/** A field's help text in both languages, when the schema gives one. */
export function helpOf(s: AnySchema): Term | undefined {
  const meta = z.globalRegistry.get(s);
  return typeof meta?.help === 'string' ? { zh: meta.help, en: typeof meta.helpEn === 'string' ? meta.helpEn : meta.help } : undefined;
}

/** Unwraps optional/default/pipe wrappers, remembering the first description seen. */
export function unwrap(s: AnySchema): { schema: AnySchema; label?: Term } {
  let label = describe(s);
  let cur = s;
  for (let i = 0; i < 20; i++) {
    const def = defOf(cur);
    const inner =
      (def.innerType as AnySchema | undefined) ??
      (def.type === 'pipe' ? ((def.out as AnySchema) ?? (def.in as AnySchema)) : undefined) ??
      (def.type === 'lazy' ? (def.getter as () => AnySchema)() : undefined);
    if (!inner) break;
    // A preprocess pipe has a transform as `in`; the real schema is `out`.
    if (def.type === 'pipe' && defOf(def.in as AnySchema).type !== 'transform') {
      cur = def.in as AnySchema;
    } else cur = inner;
    label ??= describe(cur);
  }
  return { schema: cur, label };
}

/** The schema found at a field path (through objects, arrays, records and unions). */
export function schemaAt(root: AnySchema, path: FieldPath): { schema?: AnySchema; label?: Term } {
  let { schema, label } = unwrap(root);
  for (const seg of path) {
    const def = defOf(schema);
    let next: AnySchema | undefined;
    if (def.type === 'object') next = (def.shape as Record<string, AnySchema>)[String(seg)];
    else if (def.type === 'array') next = def.element as AnySchema;
    else if (def.type === 'record') next = def.valueType as AnySchema;
    else if (def.type === 'union') {
      for (const opt of def.options as AnySchema[]) {
        const found = schemaAt(opt, [seg]);
        if (found.schema) {
          next = opt;
          break;
        }
      }
      if (next) {
        const found = schemaAt(next, [seg]);
        ({ schema, label } = { schema: found.schema!, label: found.label });
        continue;
      }
    }
    if (!next) return {};
    ({ schema, label } = unwrap(next));
  }
  return { schema, label };
}

export function objectKeys(root: AnySchema, path: FieldPath): string[] {
  const { schema } = schemaAt(root, path);
  if (!schema) return [];
  const def = defOf(schema);
  if (def.type === 'object') return Object.keys(def.shape as object);
  if (def.type === 'union') {
    return (def.options as AnySchema[]).flatMap((o) => objectKeys(o, []));
  }
  return [];
}

/** The field's label, or its key where the schema names none (an open record's own keys). */
function labelFor(root: AnySchema, path: FieldPath): Term {
  const last = String([...path].reverse().find((p) => typeof p === 'string') ?? fieldName(path));
  return schemaAt(root, path).label ?? { zh: last, en: last };
}

export function zodDiagnostics(
  issues: readonly Issue[],
  root: AnySchema,
  source: Source | undefined,
  prefix: FieldPath = [],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const issue of issues) {
    const path: FieldPath = [...prefix, ...(issue.path as PropertyKey[])];
    const field = fieldName(path);
    const label = labelFor(root, path);
    const at = locate(source, path);
    const push = <C extends Code>(code: C, params: ParamsOf<C>, where = at) => out.push(error(code, params, where));
    const input = (issue as { input?: unknown }).input;

    switch (issue.code) {
      case 'invalid_type': {
        if (input === undefined) {
          push('schema.required', { field, label }, { ...locate(source, path.slice(0, -1)), field });
          break;
        }
        // A number YAML read as .nan, .inf or beyond double range (1e400): a number, but none to count with.
        if (issue.expected === 'number' && typeof input === 'number') {
          push('schema.notFinite', { field, label, given: String(input) });
          break;
        }
        // 240人, 92.5 %: the number with its unit, as a clerk writes it on paper.
        const unit = issue.expected === 'number' && typeof input === 'string' ? /^\s*([-+]?\d+(?:\.\d+)?)\s*(\S.*?)\s*$/.exec(input) : null;
        if (unit) {
          push('schema.numberWithUnit', { field, label, given: String(input), number: unit[1]!, unit: unit[2]! });
          break;
        }
        push('schema.invalidType', { field, label, expected: issue.expected, received: typeOfInput(input) });
        break;
      }
      case 'unrecognized_keys': {
        const known = objectKeys(root, path);
        for (const key of issue.keys) {
          push(
            'schema.unknownKey',
            { key, at: field, suggestion: closest(key, known) ?? '' },
            locate(source, [...path, key], { key: true }),
          );
        }
        break;
      }
      case 'invalid_value':
        push('schema.enum', {
          field,
          label,
          value: String(input),
          options: issue.values.map(String),
        });
        break;
      case 'too_small':
        if (issue.origin === 'string') push('schema.emptyText', { field, label });
        else if (issue.origin === 'array' || issue.origin === 'set')
          push('schema.tooFewItems', { field, label, minimum: String(issue.minimum) });
        else push('schema.tooSmall', { field, label, minimum: String(issue.minimum) });
        break;
      case 'too_big':
        if (issue.origin === 'string') push('schema.textTooLong', { field, label, length: typeof input === 'string' ? [...input].length : 0, max: Number(issue.maximum) });
        else push('schema.tooBig', { field, label, maximum: String(issue.maximum) });
        break;
      case 'invalid_union': {
        const branch = pickUnionBranch(issue.errors, input);
        if (branch) out.push(...zodDiagnostics(branch, root, source, path));
        else push('schema.invalid', { field, label, detail: issue.message });
        break;
      }
      case 'custom': {
        const p = issue.params as CustomIssueParams | undefined;
        if (p?.code) push(p.code, { field, label, ...p.params } as never);
        else push('schema.invalid', { field, label, detail: issue.message });
        break;
      }
      default:
        push('schema.invalid', { field, label, detail: issue.message });
    }
  }
  return out;
}

/** For a value that matches no union option, report against the option it came closest to. */
function pickUnionBranch(branches: Issue[][], input: unknown): Issue[] | undefined {
  const inputType = typeOfInput(input);
  const plausible = branches.filter(
    (b) => !b.some((i) => i.code === 'invalid_type' && i.path.length === 0 && i.expected !== inputType),
  );
  const candidates = plausible.length > 0 ? plausible : branches;
  return [...candidates].sort((a, b) => a.length - b.length)[0];
}
