import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, afterAll } from 'vitest';
import { parseDocument } from 'yaml';
import { loadScheme, TEMPLATES_DIR } from '../../src/scheme/load.js';
import { messageOf } from '../../src/i18n/format.js';
import { cleanup, tempDir } from '../helpers/fixture.js';

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
  it('loads, with both rubrics totalling 100 and every level covered', () => {
    const { scheme, diagnostics } = loadScheme(BUNDLED);
    expect(diagnostics).toEqual([]);
    for (const r of Object.values(scheme!.rubrics)) {
      expect(r.groups.flatMap((g) => g.items).reduce((a, i) => a + i.points, 0)).toBe(100);
    }
    const league = scheme!.thresholds.find((t) => t.level === 'league')!;
    expect(league).toMatchObject({ trained: 200, passRate: 85, employmentRate: 60, keyGroup: 100, orderShare: 40 });
    expect(scheme!.materials.application).toHaveLength(9);
    expect(scheme!.materials.review.map((m) => m.id)).toContain('ledger');
  });

  it('marks the completed part of rubric B as assumed', () => {
    const { scheme } = loadScheme(BUNDLED);
    const b = scheme!.rubrics.B!;
    expect(b.groups.filter((g) => g.assumed).reduce((a, g) => a + g.points, 0)).toBe(20);
    expect(b.groups.filter((g) => !g.assumed).reduce((a, g) => a + g.points, 0)).toBe(80);
  });

  it('refuses a rubric that does not total 100, naming the rubric and its total', () => {
    const dir = editedScheme((doc) => {
      doc.setIn(['rubrics', 'A', 'groups', 0, 'items', 0, 'points'], 3);
      doc.setIn(['rubrics', 'A', 'groups', 0, 'points'], 15);
    });
    const { scheme, diagnostics } = loadScheme(dir);
    expect(scheme).toBeUndefined();
    expect(diagnostics.map((d) => d.code)).toEqual(['scheme.rubricTotal']);
    expect(messageOf(diagnostics[0]!, 'zh')).toContain('101');
  });

  it('refuses a group whose items do not add up to its points', () => {
    const dir = editedScheme((doc) => doc.setIn(['rubrics', 'A', 'groups', 1, 'points'], 31));
    expect(loadScheme(dir).diagnostics.map((d) => d.code)).toEqual(['scheme.groupTotal']);
  });

  it('refuses an incomplete threshold row with its position', () => {
    const dir = editedScheme((doc) => doc.deleteIn(['thresholds', 2, 'orderShare']));
    const { diagnostics } = loadScheme(dir);
    expect(diagnostics.map((d) => d.code)).toEqual(['schema.required']);
    expect(diagnostics[0]!.location.field).toBe('thresholds[2].orderShare');
    expect(diagnostics[0]!.location.line).toBeGreaterThan(1);
  });

  it('refuses a missing threshold level', () => {
    const dir = editedScheme((doc) => doc.deleteIn(['thresholds', 3]));
    expect(loadScheme(dir).diagnostics.map((d) => d.code)).toEqual(['scheme.thresholdMissing']);
  });

  it('treats unknown keys as errors and points at the key', () => {
    const dir = editedScheme((doc) => doc.setIn(['thresholds', 0, 'passrate'], 80));
    const { diagnostics } = loadScheme(dir);
    expect(diagnostics.map((d) => d.code)).toEqual(['schema.unknownKey']);
    expect(diagnostics[0]!.params).toMatchObject({ key: 'passrate', suggestion: 'passRate' });
  });

  it('refuses grade bands that do not cover 0–100', () => {
    const dir = editedScheme((doc) => doc.setIn(['grades', 3, 'min'], 10));
    expect(loadScheme(dir).diagnostics.map((d) => d.code)).toEqual(['scheme.gradeBands']);
  });

  it('refuses a material that names an unknown attachment slot', () => {
    const dir = editedScheme((doc) => doc.setIn(['materials', 'application', 3, 'slots', 0], 'creditReprot'));
    expect(loadScheme(dir).diagnostics.map((d) => d.code)).toEqual(['scheme.unknownRef']);
  });
});
