import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, afterAll } from 'vitest';
import { parseDocument } from 'yaml';
import { loadScheme, TEMPLATES_DIR } from '../../src/scheme/load.js';
import { messageOf } from '../../src/i18n/format.js';
import { cleanup, tempDir, WORLD } from '../helpers/fixture.js';

afterAll(cleanup);

const BUNDLED = path.join(TEMPLATES_DIR, 'xam-2023');

/** A copy of the bundled scheme with one edit applied to its YAML. */
function editedScheme(edit: (doc: ReturnType<typeof parseDocument>) => void): string {
  const dir = tempDir('scheme-');
  cpSync(BUNDLED, dir, { recursive: true });
  const file = path.join(dir, 'scheme.yaml');
  const doc = parseDocument(readFileSync(file, 'utf8'));
  edit(doc);
  writeFileSync(file, doc.toString());
  return dir;
}

describe('scheme xam-2023', () => {
  it('loads, with both rubrics totalling 100 and every level covered', async () => {
    const { scheme, diagnostics } = await loadScheme(WORLD, BUNDLED);
    expect(diagnostics).toEqual([]);
    for (const r of Object.values(scheme!.rubrics)) {
      expect(r.groups.flatMap((g) => g.items).reduce((a, i) => a + i.points, 0)).toBe(100);
    }
    const league = scheme!.thresholds.find((t) => t.level === 'league')!;
    expect(league).toMatchObject({ trained: 200, passRate: 85, employmentRate: 60, keyGroup: 100, orderShare: 40 });
    expect(scheme!.materials.application).toHaveLength(9);
    expect(scheme!.materials.review.map((m) => m.id)).toContain('ledger');
  });

  it('marks the completed part of rubric B as assumed', async () => {
    const { scheme } = await loadScheme(WORLD, BUNDLED);
    const b = scheme!.rubrics.B!;
    expect(b.groups.filter((g) => g.assumed).reduce((a, g) => a + g.points, 0)).toBe(20);
    expect(b.groups.filter((g) => !g.assumed).reduce((a, g) => a + g.points, 0)).toBe(80);
  });

  it('refuses a rubric that does not total 100, naming the rubric and its total', async () => {
    const dir = editedScheme((doc) => {
      doc.setIn(['rubrics', 'A', 'groups', 0, 'items', 0, 'points'], 3);
      doc.setIn(['rubrics', 'A', 'groups', 0, 'points'], 15);
    });
    const { scheme, diagnostics } = await loadScheme(WORLD, dir);
    expect(scheme).toBeUndefined();
    expect(diagnostics.map((d) => d.code)).toEqual(['scheme.rubricTotal']);
    expect(messageOf(diagnostics[0]!, 'zh')).toContain('101');
  });

  it('refuses a group whose items do not add up to its points', async () => {
    const dir = editedScheme((doc) => doc.setIn(['rubrics', 'A', 'groups', 1, 'points'], 31));
    expect((await loadScheme(WORLD, dir)).diagnostics.map((d) => d.code)).toEqual(['scheme.groupTotal']);
  });

  it('refuses an incomplete threshold row with its position', async () => {
    const dir = editedScheme((doc) => doc.deleteIn(['thresholds', 2, 'orderShare']));
    const { diagnostics } = await loadScheme(WORLD, dir);
    expect(diagnostics.map((d) => d.code)).toEqual(['schema.required']);
    expect(diagnostics[0]!.location.field).toBe('thresholds[2].orderShare');
    expect(diagnostics[0]!.location.line).toBeGreaterThan(1);
  });

  it('refuses a missing threshold level', async () => {
    const dir = editedScheme((doc) => doc.deleteIn(['thresholds', 3]));
    expect((await loadScheme(WORLD, dir)).diagnostics.map((d) => d.code)).toEqual(['scheme.thresholdMissing']);
  });

  it('treats unknown keys as errors and points at the key', async () => {
    const dir = editedScheme((doc) => doc.setIn(['thresholds', 0, 'passrate'], 80));
    const { diagnostics } = await loadScheme(WORLD, dir);
    expect(diagnostics.map((d) => d.code)).toEqual(['schema.unknownKey']);
    expect(diagnostics[0]!.params).toMatchObject({ key: 'passrate', suggestion: 'passRate' });
  });

  it('refuses grade bands that do not cover 0–100', async () => {
    const dir = editedScheme((doc) => doc.setIn(['grades', 3, 'min'], 10));
    expect((await loadScheme(WORLD, dir)).diagnostics.map((d) => d.code)).toEqual(['scheme.gradeFloor']);
  });

  it('refuses a material that names an unknown attachment slot', async () => {
    const dir = editedScheme((doc) => doc.setIn(['materials', 'application', 3, 'slots', 0], 'creditReprot'));
    expect((await loadScheme(WORLD, dir)).diagnostics.map((d) => d.code)).toEqual(['scheme.unknownRef']);
  });

  it('reads every template of the folder once, into the scheme', async () => {
    const { scheme } = await loadScheme(WORLD, BUNDLED);
    expect(Object.keys(scheme!.templates.disc).sort()).toEqual(['county-index.html.hbs', 'county-readme.txt.hbs', 'index.html.hbs', 'readme.txt.hbs']);
    expect(scheme!.templates.skeleton['submission.yaml.hbs']).toContain('{{kind}}');
    expect(scheme!.templates.skeleton['submission.en.yaml.hbs']).toContain('{{kind}}');
    expect(Object.keys(scheme!.forms)).toContain('county-summary');
  });

  it('refuses a scheme whose disc template is missing, naming the file', async () => {
    const dir = editedScheme(() => {});
    const { rmSync } = await import('node:fs');
    rmSync(path.join(dir, 'disc', 'index.html.hbs'));
    const { scheme, diagnostics } = await loadScheme(WORLD, dir);
    expect(scheme).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.params])).toEqual([['scheme.unknownRef', { what: 'discTemplate', id: 'disc/index.html.hbs' }]]);
  });

  it('refuses a form written as XLSX that holds no table (a scheme mistake, not a crash)', async () => {
    const dir = editedScheme(() => {});
    const file = path.join(dir, 'forms', 'county-summary.yaml');
    const doc = parseDocument(readFileSync(file, 'utf8'));
    doc.set('blocks', [{ title: 'x' }]);
    writeFileSync(file, doc.toString());
    const { diagnostics } = await loadScheme(WORLD, dir);
    expect(diagnostics.map((d) => [d.code, d.params])).toEqual([['scheme.formNoTable', { form: 'county-summary' }]]);
  });

  it('holds the words the county documents print: report sections, the grounds of 第十三条, decisions', async () => {
    const { scheme } = await loadScheme(WORLD, BUNDLED);
    const seed = readFileSync(path.join(BUNDLED, 'notice.txt'), 'utf8');
    const article13 = seed.slice(seed.indexOf('第十三条'), seed.indexOf('第十四条'));
    const grounds = scheme!.countyReview.removalGrounds;
    expect(grounds).toHaveLength(5);
    // Verbatim: every ground is the notice's own words.
    for (const g of grounds) expect(article13).toContain(g.text);
    expect(scheme!.countyReview.sections.map((s) => s.key)).toEqual(['results', 'keyGroups', 'practices', 'rural']);
    expect(scheme!.kinds.review.package).toBe('复评材料');
  });
});
