/**
 * The page's field edits applied to the file's own text (src/submission/edit.ts): only the
 * edited value changes — comments, key order, quoting and blank lines stay as the user (or
 * `init`) wrote them; a multi-line text becomes a block literal (|); JSON keeps its other keys.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { editSubmission, formatOf, rawValues } from '../../src/submission/edit.js';

const EXAMPLE = new URL('../../data/example/', import.meta.url);

const YAML = `# 申报材料（示例）
# 第二行说明

# 申报类型
kind: application # 认定
level: league

institution:
  # 培训机构名称
  name: "科尔沁右翼前旗测试学校"
  phone: '(0482)5612345'
  founded: 2012-06-18

brand:
  trade: 中式烹调师
  categories: [keyIndustry, shortage]
  coverage: {name: 兴安盟, extra: 无}

narrative:
  demonstration: |
    第一段。
    第二段。

partners:
  - name: 企业一
  - name: 企业二
  - name: 企业三
`;

/** The lines of `after` that differ from `before`, line by line (the edit must keep the count where it only changes a value). */
const changedLines = (before: string, after: string) => {
  const a = before.split('\n');
  const b = after.split('\n');
  expect(b.length).toBe(a.length);
  return b.flatMap((line, i) => (line === a[i] ? [] : [`${i + 1}: ${line}`]));
};

describe('editSubmission on YAML', () => {
  it('changing a value changes its line only: the comments, the order and the quoting stay', () => {
    const out = editSubmission(YAML, 'yaml', [{ path: ['institution', 'name'], value: '科尔沁右翼前旗天骄学校' }]);
    expect(changedLines(YAML, out)).toEqual(['10:   name: "科尔沁右翼前旗天骄学校"']);
  });

  it('a single-quoted value stays single-quoted, a plain one plain, a comment beside a value stays beside it', () => {
    const out = editSubmission(YAML, 'yaml', [
      { path: ['institution', 'phone'], value: '13912345678' },
      { path: ['brand', 'trade'], value: '中式面点师' },
      { path: ['kind'], value: 'review' },
    ]);
    expect(changedLines(YAML, out)).toEqual(['5: kind: review # 认定', "11:   phone: '13912345678'", '15:   trade: 中式面点师']);
  });

  it('a comment after a value stays on its line, however it was spaced (the spacing becomes one space, as init writes it)', () => {
    const text = YAML.replace('kind: application # 认定', 'kind: application    # 认定');
    const out = editSubmission(text, 'yaml', [{ path: ['level'], value: 'region' }]);
    expect(out).toContain('\nkind: application # 认定\nlevel: region\n');
  });

  it('the note above a field stays above it when the empty field before it gets a value (county.yaml as init writes it)', () => {
    const text = [
      'applicants:',
      '  - institution: 某学校',
      '    # 是否推荐：true 推荐 / false 不推荐',
      '    recommend:',
      '    # 不推荐的理由（只写入审核记录）',
      "    reason: ''",
      '    scores:',
      '      "5":      # 服务能力（15 分）',
      '      "6":      # 诚信记录（5 分）',
      '    # 只有总分时可只写 score',
      '    score:',
      '    # 现场核查情况（可空）',
      "    findings: ''",
      '',
    ].join('\n');
    const out = editSubmission(text, 'yaml', [
      { path: ['applicants', 0, 'recommend'], value: true },
      { path: ['applicants', 0, 'scores', '5'], value: 13 },
    ]);
    expect(out.split('\n')).toEqual([
      'applicants:',
      '  - institution: 某学校',
      '    # 是否推荐：true 推荐 / false 不推荐',
      '    recommend: true',
      '    # 不推荐的理由（只写入审核记录）',
      "    reason: ''",
      '    scores:',
      '      "5": 13 # 服务能力（15 分）',
      '      "6": # 诚信记录（5 分）',
      '    # 只有总分时可只写 score',
      '    score:',
      '    # 现场核查情况（可空）',
      "    findings: ''",
      '',
    ]);
  });

  it('a list of words stays on one line ([a, b]) when it changes', () => {
    const out = editSubmission(YAML, 'yaml', [{ path: ['brand', 'categories'], value: ['keyIndustry', 'digital', 'ruralRevitalisation'] }]);
    expect(changedLines(YAML, out)).toEqual(['16:   categories: [keyIndustry, digital, ruralRevitalisation]']);
  });

  it('a multi-line text becomes a block literal (|), and a one-line text that was a block becomes a plain value', () => {
    const multi = editSubmission(YAML, 'yaml', [{ path: ['brand', 'trade'], value: '第一行\n第二行' }]);
    expect(multi).toContain('  trade: |-\n    第一行\n    第二行\n');
    const added = editSubmission(YAML, 'yaml', [{ path: ['brief'], value: '简介第一段。\n简介第二段。\n' }]);
    expect(added).toMatch(/\nbrief: \|\n {2}简介第一段。\n {2}简介第二段。\n/);
    const single = editSubmission(YAML, 'yaml', [{ path: ['narrative', 'demonstration'], value: '只有一段。' }]);
    expect(single).toContain('  demonstration: 只有一段。\n');
    // Whatever the style, the values read back are the ones given.
    expect(parse(multi).brand.trade).toBe('第一行\n第二行');
    expect(parse(added).brief).toBe('简介第一段。\n简介第二段。\n');
  });

  it('a multi-line text into a flow map ({…}) opens the map into a block', () => {
    const out = editSubmission(YAML, 'yaml', [{ path: ['brand', 'coverage', 'extra'], value: '一\n二' }]);
    expect(parse(out).brand.coverage).toEqual({ name: '兴安盟', extra: '一\n二' });
    expect(out).not.toMatch(/coverage: \{/);
    expect(out).toContain('# 培训机构名称');
  });

  it('a new field goes at the end of its map; the rest stays where it was', () => {
    const out = editSubmission(YAML, 'yaml', [{ path: ['institution', 'address'], value: '科尔沁镇' }]);
    expect(Object.keys(parse(out).institution)).toEqual(['name', 'phone', 'founded', 'address']);
    expect(out.replace('  address: 科尔沁镇\n', '')).toBe(YAML);
  });

  it('a removed field takes its line with it, nothing else', () => {
    const out = editSubmission(YAML, 'yaml', [{ path: ['institution', 'phone'] }]);
    expect(out).toBe(YAML.replace("  phone: '(0482)5612345'\n", ''));
  });

  it('list items removed together are the ones named, whatever order the edits come in', () => {
    const out = editSubmission(YAML, 'yaml', [{ path: ['partners', 0] }, { path: ['partners', 2] }]);
    expect(parse(out).partners).toEqual([{ name: '企业二' }]);
    const other = editSubmission(YAML, 'yaml', [{ path: ['partners', 2] }, { path: ['partners', 0] }]);
    expect(other).toBe(out);
  });

  it('the key order of the whole file and every comment stay through many edits', () => {
    const text = readFileSync(new URL('submission.yaml', EXAMPLE), 'utf8');
    const out = editSubmission(text, 'yaml', [
      { path: ['institution', 'name'], value: '新的学校名称' },
      { path: ['brand', 'classes'], value: 9 },
      { path: ['claimed', 'passRate'], value: 93.1 },
      { path: ['brief'], value: '第一段。\n第二段。' },
      { path: ['selfScore', '1.4'], value: 4 },
    ]);
    const comments = (t: string) => t.split('\n').filter((l) => l.trim().startsWith('#'));
    expect(comments(out)).toEqual(comments(text));
    expect(Object.keys(parse(out))).toEqual(Object.keys(parse(text)));
    expect(Object.keys(parse(out).selfScore)).toEqual(Object.keys(parse(text).selfScore));
    // Quoted dates stay quoted (a plain date would be read as a date).
    expect(out).toContain('filingDate: "2026-10-12"');
    expect(parse(out).institution.name).toBe('新的学校名称');
    expect(parse(out).selfScore['1.4']).toBe(4);
  });

  it('a value that would read as another type keeps its meaning (a phone of digits stays a string, "true" stays text)', () => {
    const out = editSubmission(YAML, 'yaml', [
      { path: ['institution', 'name'], value: 'true' },
      { path: ['brand', 'trade'], value: '0482' },
      { path: ['level'], value: '12: 30' },
    ]);
    const v = parse(out);
    expect(v.institution.name).toBe('true');
    expect(v.brand.trade).toBe('0482');
    expect(v.level).toBe('12: 30');
  });

  it('a file with syntax errors is not edited (the text must be fixed first)', () => {
    expect(() => editSubmission('kind: [application\n', 'yaml', [{ path: ['kind'], value: 'review' }])).toThrow(/syntax/);
  });
});

describe('editSubmission on JSON', () => {
  const JSON_TEXT = `{
  "kind": "application",
  "institution": {
    "name": "测试学校",
    "phone": "(0482)5612345"
  },
  "partners": [
    { "name": "企业一" },
    { "name": "企业二" }
  ],
  "zzz": 1
}
`;

  it('an edit changes that value only; the other keys, their order and the indentation stay', () => {
    const out = editSubmission(JSON_TEXT, 'json', [{ path: ['institution', 'name'], value: '新学校' }]);
    expect(out).toBe(JSON_TEXT.replace('"name": "测试学校"', '"name": "新学校"'));
  });

  it('a new key is added inside its object, a removed one goes, the rest is kept', () => {
    const out = editSubmission(JSON_TEXT, 'json', [
      { path: ['institution', 'address'], value: '科尔沁镇' },
      { path: ['institution', 'phone'] },
      { path: ['partners', 0] },
    ]);
    const v = JSON.parse(out);
    expect(Object.keys(v)).toEqual(['kind', 'institution', 'partners', 'zzz']);
    expect(v.institution).toEqual({ name: '测试学校', address: '科尔沁镇' });
    expect(v.partners).toEqual([{ name: '企业二' }]);
    expect(out).toContain('\n  "zzz": 1\n');
  });

  it('a multi-line text is one JSON string with \\n in it', () => {
    const out = editSubmission(JSON_TEXT, 'json', [{ path: ['brief'], value: '一\n二' }]);
    expect(JSON.parse(out).brief).toBe('一\n二');
    expect(out).toContain('"brief": "一\\n二"');
  });
});

describe('formatOf and rawValues', () => {
  it('a .json file is JSON, anything else YAML', () => {
    expect(formatOf('submission.json')).toBe('json');
    expect(formatOf('SUBMISSION.JSON')).toBe('json');
    expect(formatOf('submission.yaml')).toBe('yaml');
    expect(formatOf('submission.yml')).toBe('yaml');
  });

  it('reads the values as written, and says when the text cannot be read', () => {
    expect(rawValues(YAML, 'yaml')).toMatchObject({ syntaxOk: true, value: { kind: 'application', institution: { phone: '(0482)5612345' } } });
    expect(rawValues('\uFEFF{"kind": "review"}', 'json')).toEqual({ syntaxOk: true, value: { kind: 'review' } });
    expect(rawValues('kind: [a\n', 'yaml').syntaxOk).toBe(false);
    expect(rawValues('{"kind": ', 'json').syntaxOk).toBe(false);
  });
});
