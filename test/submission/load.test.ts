import { describe, expect, it, afterAll } from 'vitest';
import { parseSubmission } from '../../src/submission/load.js';
import { messageOf } from '../../src/i18n/format.js';
import { stringify } from 'yaml';
import { baseSubmission, checkDir, cleanup, codes, writeFixture } from '../helpers/fixture.js';

afterAll(cleanup);

describe('submission file', () => {
  it('gives file, line and column for a YAML syntax error, in Chinese', () => {
    const text = 'kind: application\nlevel: league\ninstitution:\n  name: "未闭合\n  founded: 2012-01-01\n';
    const { diagnostics } = parseSubmission(text, 'submission.yaml');
    expect(diagnostics[0]).toMatchObject({ code: 'syntax.yaml', location: { file: 'submission.yaml', line: 4 } });
    expect(diagnostics[0]!.location.column).toBeGreaterThan(0);
    expect(messageOf(diagnostics[0]!, 'zh')).toMatch(/^YAML 格式错误：/);
  });

  it('reports a tab used for indentation', () => {
    const { diagnostics } = parseSubmission('kind: application\ncounty:\n\tname: x\n', 's.yaml');
    expect(diagnostics[0]!.location.line).toBe(3);
  });

  it('gives line and column for a JSON syntax error', () => {
    const { diagnostics } = parseSubmission('{\n  "kind": "application",\n  "level": league\n}', 'submission.json');
    expect(diagnostics[0]).toMatchObject({ code: 'syntax.json', location: { file: 'submission.json', line: 3 } });
  });

  it('reports an empty file', () => {
    const { diagnostics } = parseSubmission('', 'submission.json');
    expect(diagnostics[0]!.code).toBe('syntax.json');
    expect(parseSubmission('', 'submission.yaml').diagnostics[0]!.code).toBe('syntax.notMapping');
  });

  it('names the field path and the Chinese label of a wrong type, at its position', () => {
    const s = baseSubmission();
    (s.brand as Record<string, unknown>).classes = '八期';
    const text = stringify(s);
    const { diagnostics } = parseSubmission(text, 'submission.yaml');
    expect(diagnostics).toHaveLength(1);
    const d = diagnostics[0]!;
    expect(d.code).toBe('schema.invalidType');
    expect(d.location.field).toBe('brand.classes');
    expect(messageOf(d, 'zh')).toBe('班期数（brand.classes）应为数字，实际是文字');
    const line = text.split('\n').findIndex((l) => l.includes('classes:')) + 1;
    expect(d.location.line).toBe(line);
    expect(messageOf(d, 'en')).toBe('brand.classes (number of classes) must be a number, not text');
  });

  it('treats an unknown key as an error and suggests the likely one', () => {
    const s = baseSubmission();
    (s.institution as Record<string, unknown>).legalRepresentitive = '张三';
    const { diagnostics } = parseSubmission(stringify(s), 'submission.yaml');
    expect(diagnostics.map((d) => d.code)).toEqual(['schema.unknownKey']);
    expect(diagnostics[0]!.params).toMatchObject({ key: 'legalRepresentitive', suggestion: 'legalRepresentative' });
  });

  it('names a missing required field', () => {
    const s = baseSubmission();
    delete (s.institution as Record<string, unknown>).name;
    const { diagnostics } = parseSubmission(stringify(s), 'submission.yaml');
    expect(diagnostics.map((d) => [d.code, d.location.field])).toEqual([['schema.required', 'institution.name']]);
    expect(messageOf(diagnostics[0]!, 'zh')).toContain('培训机构名称');
  });

  it('accepts Chinese dates, percent signs and Chinese enum words', () => {
    const s = baseSubmission();
    Object.assign(s, { kind: '认定', level: '盟级', filingDate: '2026年10月12日' });
    (s.claimed as Record<string, unknown>).passRate = '90.5%';
    const r = parseSubmission(stringify(s), 'submission.yaml');
    expect(r.diagnostics).toEqual([]);
    expect(r.submission).toMatchObject({ kind: 'application', level: 'league', filingDate: '2026-10-12', claimed: { passRate: 90.5 } });
  });

  it('rejects impossible dates and percentages over 100', () => {
    const s = baseSubmission();
    Object.assign(s, { filingDate: '2026-02-30' });
    (s.claimed as Record<string, unknown>).passRate = 120;
    const { diagnostics } = parseSubmission(stringify(s), 'submission.yaml');
    expect(diagnostics.map((d) => d.code).sort()).toEqual(['schema.date', 'schema.percent']);
  });

  it('refuses absolute attachment paths', () => {
    const s = baseSubmission();
    (s.attachments as Record<string, string[]>).licence = ['/etc/passwd'];
    const { diagnostics } = parseSubmission(stringify(s), 'submission.yaml');
    expect(diagnostics.map((d) => d.code)).toEqual(['schema.absolutePath']);
  });

  it('loads the same submission from JSON', async () => {
    const dir = writeFixture(baseSubmission(), undefined, 'submission.json');
    const { report } = await checkDir(dir);
    expect(codes(report!.diagnostics, 'error')).toEqual([]);
  });

  it('survives a YAML alias bomb as a syntax error, not a crash', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [*${String.fromCharCode(96 + i)}, *${String.fromCharCode(96 + i)}, *${String.fromCharCode(96 + i)}, *${String.fromCharCode(96 + i)}]`);
    const { diagnostics } = parseSubmission(lines.join('\n'), 'submission.yaml');
    expect(diagnostics.map((d) => [d.code, (d.params as { code: string }).code])).toEqual([['syntax.yaml', 'ALIAS_COUNT']]);
    expect(messageOf(diagnostics[0]!, 'zh')).toContain('别名');
  });

  it('reports an attachment folder that cannot be listed at its place, instead of failing', async () => {
    const { chmodSync, mkdirSync } = await import('node:fs');
    const path = await import('node:path');
    const s = baseSubmission();
    (s.attachments as Record<string, string[]>).licence = ['材料/锁住/'];
    const dir = writeFixture(s);
    mkdirSync(path.join(dir, '材料/锁住'));
    chmodSync(path.join(dir, '材料/锁住'), 0o000);
    try {
      const { report } = await checkDir(dir);
      // root reads any folder; then the folder is merely empty of files, which is reported too.
      const found = report!.diagnostics.filter((d) => d.code === 'file.unreadable' || d.code === 'file.emptyFolder');
      expect(found.length).toBeGreaterThan(0);
      expect(found[0]!.location.field).toBe('attachments.licence[0]');
    } finally {
      chmodSync(path.join(dir, '材料/锁住'), 0o755);
    }
  });
});
