/**
 * What the page draws (src/submission/form-spec.ts) held against its sources: every field
 * of formSpec(scheme, 'application') and 'review' is a field of the zod schema, with the
 * label and help of the schema's metadata and its "required" as the schema decides it; the
 * choices are the scheme's words; the narrative prompts are the scheme's sections, in order.
 */
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { loadScheme } from '../../src/scheme/load.js';
import { KINDS, type Kind } from '../../src/scheme/schema.js';
import { formSpec } from '../../src/submission/form-spec.js';
import { submissionSchema } from '../../src/submission/schema.js';
import { nodeWorld } from '../../src/world/node.js';

const { scheme } = await loadScheme(nodeWorld({ clock: { now: new Date(1760000000000), fixed: true } }), 'templates/xam-2023');
if (!scheme) throw new Error('templates/xam-2023 did not load');

type Schema = z.core.$ZodType;
const def = (s: Schema) => (s as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;

/** Through optional/default/nullable wrappers to the object or array inside. */
function inner(s: Schema): Schema {
  let cur = s;
  for (let i = 0; i < 10; i++) {
    const d = def(cur);
    if (d.type === 'object' || d.type === 'array') return cur;
    if (!d.innerType) return cur;
    cur = d.innerType as Schema;
  }
  return cur;
}

/** The schema of the field at `path` as its parent object declares it (where `.meta()` puts the label). */
function declared(path: readonly PropertyKey[]): Schema | undefined {
  let cur: Schema = submissionSchema;
  for (let i = 0; i < path.length; i++) {
    const d = def(inner(cur));
    const seg = path[i]!;
    const next = typeof seg === 'number' ? (d.type === 'array' ? (d.element as Schema) : undefined) : d.type === 'object' ? (d.shape as Record<string, Schema>)[String(seg)] : undefined;
    if (!next) return undefined;
    cur = next;
  }
  return cur;
}

const metaOf = (s: Schema) => (z.globalRegistry.get(s) ?? {}) as { description?: string; en?: string; help?: string; helpEn?: string };
const CHOICE = new Set(['select', 'boolean', 'multiselect']);

describe.each(KINDS.map((k) => [k] as [Kind]))('formSpec(xam-2023, %s)', (kind) => {
  const spec = formSpec(scheme, kind);
  const fields = spec.groups.flatMap((g) => g.fields.map((f) => [`${g.id}: ${f.field}`, f] as const));

  it('has the kind it was asked for, and groups with titles', () => {
    expect(spec.kind).toBe(kind);
    expect(spec.groups.map((g) => g.id)).toEqual(['filing', 'institution', 'brand', 'recognition', 'claimed', 'print']);
    for (const g of spec.groups) expect(g.title.zh.length * g.title.en.length).toBeGreaterThan(0);
    const byField = new Map(fields.map(([, f]) => [f.field, f]));
    expect(byField.get('kind')!.label.zh).toBe('申报类型');
    expect(byField.get('institution.name')!.required).toBe(true);
    expect(byField.get('institution.contactPerson')!.required).toBe(false);
    expect(byField.get('filingDate')!.input).toBe('date');
    expect(byField.get('claimed.passRate')!.input).toBe('percent');
  });

  it.each(fields)('%s is a field of the schema, labelled as its metadata says', (_, f) => {
    const raw = declared(f.path);
    expect(raw, f.field).toBeDefined();
    const meta = metaOf(raw!);
    expect(meta.description, `${f.field} has a label in the schema`).toBeTruthy();
    if (CHOICE.has(f.input)) {
      // A choice drawn as a list drops the values spelled out in brackets: 申报类型（application 认定申报 / review 复评）.
      expect(meta.description!.startsWith(f.label.zh)).toBe(true);
      expect(meta.description!.slice(f.label.zh.length)).toMatch(/^$|^（.*）$/);
      expect(meta.en!.startsWith(f.label.en)).toBe(true);
    } else {
      expect(f.label).toEqual({ zh: meta.description, en: meta.en ?? meta.description });
    }
    if (meta.help) expect(f.help).toEqual({ zh: meta.help, en: meta.helpEn ?? meta.help });
    expect(f.field).toBe(f.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '['));
    // Required exactly when the schema refuses the field left out.
    expect(f.required, `${f.field} required`).toBe(!z.safeParse(raw!, undefined).success);
  });

  it('the choices are the scheme’s words, and each is a value the schema takes', () => {
    const byField = new Map(fields.map(([, f]) => [f.field, f]));
    expect(byField.get('kind')!.options!.map((o) => o.value)).toEqual(Object.keys(scheme.kinds));
    expect(byField.get('level')!.options!.map((o) => o.value)).toEqual(Object.keys(scheme.levels));
    expect(byField.get('county.populationBand')!.options!.map((o) => o.value)).toEqual(Object.keys(scheme.populationBands));
    expect(byField.get('county.name')!.options!.map((o) => o.value)).toEqual(scheme.counties);
    expect(byField.get('brand.categories')!.options!.map((o) => o.value)).toEqual(Object.keys(scheme.categories));
    for (const name of ['kind', 'level', 'county.populationBand']) {
      const f = byField.get(name)!;
      for (const o of f.options!) expect(z.safeParse(declared(f.path)!, o.value).success, `${name} = ${o.value}`).toBe(true);
    }
    expect(byField.get('kind')!.options!.map((o) => o.label.zh)).toEqual(Object.values(scheme.kinds).map((k) => k.name));
  });

  it('the partner’s fields are the schema’s fields of partners[0]', () => {
    expect(spec.partners.min).toBe(scheme.minPartners);
    for (const f of spec.partners.fields) {
      const raw = declared(['partners', 0, ...f.path]);
      expect(raw, f.field).toBeDefined();
      expect(f.label).toEqual({ zh: metaOf(raw!).description, en: metaOf(raw!).en });
    }
  });

  it('the narrative prompts are the scheme’s sections for this kind, in order, with their prompts', () => {
    expect(spec.narrative.map((n) => n.section)).toEqual(scheme.sectionsFor[kind]);
    for (const n of spec.narrative) {
      const section = scheme.sections[n.section]!;
      expect(n.title.zh).toBe(section.title);
      expect(n.prompts.map((p) => [p.key, p.text.zh])).toEqual(section.prompts.map((p) => [p.key, p.text]));
      for (const p of n.prompts) {
        expect(p.path).toEqual(section.prompts.length === 1 ? ['narrative', n.section] : ['narrative', n.section, p.key]);
        expect(p.field).toBe(p.path.join('.'));
      }
      // A text at each prompt's path is what the schema takes for the section.
      const value = section.prompts.length === 1 ? '文字' : Object.fromEntries(section.prompts.map((p) => [p.key, '文字']));
      expect(z.safeParse(declared(['narrative'])!, { [n.section]: value }).success).toBe(true);
    }
  });

  it('the self-score items are the rubric’s items the clerk scores (not those derived from data)', () => {
    const rubric = scheme.rubrics[scheme.rubricFor[kind]]!;
    const scored = rubric.groups.flatMap((g) => g.items.filter((i) => !i.derive));
    expect(spec.selfScore.map((i) => i.id)).toEqual(scored.map((i) => i.id));
    for (const item of spec.selfScore) {
      expect(item.path).toEqual(['selfScore', item.id]);
      expect(item.points).toBe(scored.find((i) => i.id === item.id)!.points);
    }
    expect(z.safeParse(declared(['selfScore'])!, Object.fromEntries(spec.selfScore.map((i) => [i.id, i.points]))).success).toBe(true);
  });

  it('the brief, where the kind has one, is limited as its material says', () => {
    const material = scheme.materials[kind].find((m) => m.brief);
    if (!material) expect(spec.brief).toBeUndefined();
    else expect(spec.brief).toEqual({ path: ['brief'], label: { zh: material.name, en: material.name }, maxChars: material.brief!.maxChars });
  });
});

it('the two kinds draw the narrative the scheme gives each', () => {
  const app = formSpec(scheme, 'application').narrative.map((n) => n.section);
  const review = formSpec(scheme, 'review').narrative.map((n) => n.section);
  expect(app).toEqual(scheme.sectionsFor.application);
  expect(review).toEqual(scheme.sectionsFor.review);
  expect(app.length * review.length).toBeGreaterThan(0);
});
