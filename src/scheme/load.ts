/**
 * Reads a scheme folder (templates/<id>/scheme.yaml) and validates it. Reading is here;
 * validation (shape, then rules) is pure and lives in schema.ts and validate.ts.
 */
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { error, hasErrors, type Diagnostic } from '../core/diagnostic.js';
import { parseSource } from '../core/source.js';
import { zodDiagnostics } from '../core/zod-report.js';
import type { Lang } from '../i18n/lang.js';
import { COUNTY_FORMS, FIXED_FORMS, schemeSchema, type Scheme } from './schema.js';
import { loadFormTemplate, type FormTemplate } from '../forms/template.js';
import { validateSchemeRules } from './validate.js';

/** templates/ next to dist/ (installed package) or src/ (tests). */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));
export const DEFAULT_SCHEME = 'xam-2023';

export function schemeDirFor(idOrDir: string | undefined): string {
  if (!idOrDir) return path.join(TEMPLATES_DIR, DEFAULT_SCHEME);
  // A bare id names a bundled scheme; anything with a slash is a folder.
  if (/^[\w.-]+$/.test(idOrDir) && !isDir(idOrDir)) return path.join(TEMPLATES_DIR, idOrDir);
  return path.resolve(idOrDir);
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export interface SchemeLoad {
  scheme?: Scheme;
  diagnostics: Diagnostic[];
}

/** Validates scheme.yaml's data and loads the form templates it needs from `dir`/forms. */
export function validateScheme(raw: unknown, source: Parameters<typeof validateSchemeRules>[1], dir: string, lang: Lang): SchemeLoad {
  const parsed = schemeSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) return { diagnostics: zodDiagnostics(parsed.error.issues, schemeSchema, source, lang) };
  const diagnostics = validateSchemeRules(parsed.data, source);
  if (hasErrors(diagnostics)) return { diagnostics };
  // The form templates the materials name, and the fixed ones every scheme prints (brief, score sheet, volume, county).
  const ids = new Set<string>([...Object.values(FIXED_FORMS), ...Object.values(COUNTY_FORMS)]);
  for (const kind of ['application', 'review'] as const) for (const m of parsed.data.materials[kind]) if (m.form) ids.add(m.form);
  const forms: Record<string, FormTemplate> = {};
  for (const id of [...ids].sort()) {
    const { template, diagnostics: d } = loadFormTemplate(dir, id);
    diagnostics.push(...d);
    if (template) forms[id] = template;
  }
  if (hasErrors(diagnostics)) return { diagnostics };
  return { scheme: { ...parsed.data, dir, forms }, diagnostics };
}

export function loadScheme(dir: string, lang: Lang = 'zh'): SchemeLoad {
  const file = path.join(dir, 'scheme.yaml');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { diagnostics: [error('scheme.notFound', { dir }, { file })] };
  }
  const { source, diagnostics } = parseSource(text, file, lang);
  if (!source) return { diagnostics };
  return validateScheme(source.data, source, dir, lang);
}
