/**
 * Parses and validates a scheme folder's files (scheme.yaml, forms/*.yaml, disc/*.hbs,
 * skeleton/*.hbs), read through the World. Validation (shape, then rules) is pure and lives
 * in schema.ts, form-template.ts and validate.ts.
 */
import path from 'node:path';
import { error, hasErrors, type Diagnostic } from '../core/diagnostic.js';
import { IoError } from '../core/io.js';
import { parseSource, type Source } from '../core/source.js';
import { zodDiagnostics } from '../core/zod-report.js';
import { readText, type World } from '../world/world.js';
import { parseFormTemplate, type FormTemplate } from './form-template.js';
import { COUNTY_FORMS, DISC_TEMPLATES, FIXED_FORMS, SKELETON_TEMPLATES, schemeSchema, type Scheme, type SchemeData } from './schema.js';
import { validateForms, validateSchemeRules } from './validate.js';
import { templateNames, type SchemeFiles } from './files.js';

export interface SchemeLoad {
  scheme?: Scheme;
  diagnostics: Diagnostic[];
}

/** The form templates a scheme needs: those its materials name and the fixed ones every scheme prints. */
export function formIds(data: SchemeData): string[] {
  const ids = new Set<string>([...Object.values(FIXED_FORMS), ...Object.values(COUNTY_FORMS)]);
  for (const kind of ['application', 'review'] as const) for (const m of data.materials[kind]) if (m.form) ids.add(m.form);
  ids.add(data.countyReview.pledgeForm);
  return [...ids].sort();
}

/** Validates scheme.yaml's data (shape, then rules). Pure. */
export function validateSchemeData(raw: unknown, source: Source | undefined): { data?: SchemeData; diagnostics: Diagnostic[] } {
  const parsed = schemeSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) return { diagnostics: zodDiagnostics(parsed.error.issues, schemeSchema, source) };
  const diagnostics = validateSchemeRules(parsed.data, source);
  return hasErrors(diagnostics) ? { diagnostics } : { data: parsed.data, diagnostics };
}

async function readOptional(world: World, file: string, read?: { dir: string; files: SchemeFiles }): Promise<string | undefined> {
  try {
    const text = await readText(world, file);
    read?.files.set(path.relative(read.dir, file).split(path.sep).join('/'), text);
    return text;
  } catch (e) {
    if (e instanceof IoError && e.reason === 'missing') return undefined;
    throw e;
  }
}

/** Every template of one kind in a folder (disc/, skeleton/): required names must be there. */
async function templateTexts(world: World, dir: string, folder: string, required: readonly string[], what: 'discTemplate' | 'skeletonTemplate', files: SchemeFiles): Promise<{ texts: Record<string, string>; diagnostics: Diagnostic[] }> {
  const base = path.join(dir, folder);
  const names = await templateNames(world, dir, folder);
  const texts: Record<string, string> = {};
  for (const n of names) files.set(`${folder}/${n}`, (texts[n] = await readText(world, path.join(base, n))));
  const diagnostics = required.filter((n) => !(n in texts)).map((n) => error('scheme.unknownRef', { what, id: `${folder}/${n}` }, { file: path.join(base, n) }));
  return { texts, diagnostics };
}

/** Parses and validates every file of a scheme folder; `files` is what was read. */
export async function parseScheme(world: World, dir: string, files: SchemeFiles = new Map()): Promise<SchemeLoad> {
  const read = { dir, files };
  const file = path.join(dir, 'scheme.yaml');
  const text = await readOptional(world, file, read);
  if (text === undefined) return { diagnostics: [error('scheme.notFound', { dir }, { file })] };
  const { source, diagnostics: syntax } = parseSource(text, file);
  if (!source) return { diagnostics: syntax };
  const { data, diagnostics } = validateSchemeData(source.data, source);
  if (!data) return { diagnostics };

  const forms: Record<string, FormTemplate> = {};
  for (const id of formIds(data)) {
    const formFile = path.join(dir, 'forms', `${id}.yaml`);
    const formText = await readOptional(world, formFile, read);
    if (formText === undefined) {
      diagnostics.push(error('scheme.unknownRef', { what: 'formTemplate', id: `forms/${id}.yaml` }, { file: formFile }));
      continue;
    }
    const { template, diagnostics: d } = parseFormTemplate(formText, formFile);
    diagnostics.push(...d);
    if (template) forms[id] = template;
  }
  const disc = await templateTexts(world, dir, 'disc', DISC_TEMPLATES, 'discTemplate', files);
  const skeleton = await templateTexts(world, dir, 'skeleton', SKELETON_TEMPLATES, 'skeletonTemplate', files);
  diagnostics.push(...disc.diagnostics, ...skeleton.diagnostics, ...validateForms(forms, dir));
  if (hasErrors(diagnostics)) return { diagnostics };
  return { scheme: { ...data, dir, forms, templates: { disc: disc.texts, skeleton: skeleton.texts } }, diagnostics };
}
