/**
 * What the notice asks of the applicant's materials and the self-score, as a reviewer reads
 * them: the post-training employment roster (⑦), the recognition a filing rests on, the
 * brand's own name on the cover, a roster that cannot be read, special support, and a score
 * sheet that says what each item was scored against.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fillDocuments } from '../../src/build/documents.js';
import { volumeMaterials } from '../../src/assemble/parts.js';
import { messageOf } from '../../src/i18n/format.js';
import { doc, loadExample, reviewExampleDir } from '../helpers/example.js';
import { baseSubmission, checkDir as checked, claimedFor, cleanup, codes, rosterRows, SCHEME, TODAY, WORLD, writeFixture } from '../helpers/fixture.js';
import { loadSubmission } from '../../src/submission/load.js';
import { checkSubmission } from '../../src/check/run.js';
import type { FilledForm } from '../../src/forms/model.js';

afterAll(cleanup);

/** Loaded and checked, keeping what was loaded (the forms are filled from it). */
async function checkDir(dir: string) {
  const { loaded, diagnostics } = await loadSubmission(WORLD, dir, async () => SCHEME);
  if (!loaded) return { loaded: undefined, report: undefined, diagnostics };
  const report = checkSubmission(loaded, SCHEME, TODAY);
  return { loaded, report, diagnostics: report.diagnostics };
}
void checked;

type Sub = ReturnType<typeof baseSubmission> & Record<string, any>;
const edit = (f: (s: Sub) => void) => {
  const s = baseSubmission() as Sub;
  f(s);
  return s;
};

/** The cells of the filled form's table rows, as text (what the PDF, DOCX and XLSX print). */
function tableRows(form: FilledForm): string[][] {
  const table = form.blocks.find((b) => b.type === 'table');
  if (!table || table.type !== 'table') throw new Error(`${form.id} has no table`);
  return table.rows.map((r) => r.cells.map((c) => c.paras.map((p) => p.text).join('\n')));
}

describe('⑦ 培训后就业花名册', () => {
  it('is made from the roster: every counted trainee employed after training, numbered 1…n, before the proofs', async () => {
    const ex = await loadExample();
    const employment = doc(ex, 'employment-roster');
    expect(employment.base).toBe('08-培训后就业花名册');
    expect(employment.formats).toEqual(['pdf', 'docx', 'xlsx']);
    const rows = tableRows(employment.form);
    expect(rows).toHaveLength(ex.report.figures!.employed);
    expect(rows.map((r) => r[0])).toEqual(rows.map((_, i) => String(i + 1)));
    // 序号 姓名 性别 身份证号码 工种 就业单位 就业岗位 就业时间 就业方式 联系电话
    const employed = ex.report.roster!.trainees.filter((t) => t.brandTrade && !t.duplicate && t.employed);
    expect(rows[0]).toEqual([ '1', employed[0]!.name, employed[0]!.sex, employed[0]!.idNumber, '中式烹调师', employed[0]!.employer, '', '', '', employed[0]!.phone ]);
    expect(ex.report.materials.find((m) => m.id === 'employment')).toMatchObject({ status: 'ok', generated: true });
    // In the volume, item 8 is the employment roster first, then the contracts and agreements.
    const eight = volumeMaterials(ex.loaded, SCHEME).find((m) => m.name === '培训后就业花名册及证明材料')!;
    expect(eight.parts[0]).toEqual({ kind: 'form', formId: 'employment-roster' });
    expect(eight.parts.slice(1).every((p) => p.kind === 'file')).toBe(true);
    expect(eight.parts.length).toBeGreaterThan(3);
  });

  it('fills 就业岗位, 就业时间 and 就业方式 from the roster when it has those columns', async () => {
    const s = edit((s) => {
      s.roster = { rows: rosterRows({ n: 210, passed: 190, employed: 140, keyGroup: 110, order: 90 }).map((r, i) => ({ ...r, ...(i === 0 && { 就业岗位: '厨师', 就业时间: '2025-07-01', 就业方式: '对口' }) })) };
    });
    const dir = writeFixture(s);
    const { loaded, report } = await checkDir(dir);
    const form = fillDocuments(loaded!, SCHEME, report!).find((d) => d.plan.formId === 'employment-roster')!.form;
    expect(tableRows(form)[0]!.slice(5, 9)).toEqual(['兴安盟蒙味源餐饮管理有限公司', '厨师', '2025-07-01', '对口']);
  });

  it('is what ⑦ lacks when no trainee was employed: an error, and ⑦ is not ✓', async () => {
    const spec = { n: 210, passed: 190, employed: 0, keyGroup: 110, order: 90 };
    const s = edit((s) => {
      s.roster = { rows: rosterRows(spec) };
      s.claimed = claimedFor(spec);
    });
    const { report } = await checkDir(writeFixture(s));
    const material = report!.materials.find((m) => m.id === 'employment')!;
    expect(material.status).toBe('error');
    expect(material.problems.map((d) => d.code)).toContain('employment.none');
    expect(messageOf(material.problems.find((d) => d.code === 'employment.none')!, 'zh')).toContain('培训后就业花名册');
  });
});

describe('a roster that cannot be used', () => {
  for (const [name, bytes] of [
    ['花名册.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)])],
    ['花名册.et', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)])],
    ['花名册.csv', Buffer.from('')],
  ] as const) {
    it(`${name}: an error, and the roster material (7) is not ✓`, async () => {
      const s = edit((s) => (s.roster = name));
      const dir = writeFixture(s);
      writeFileSync(path.join(dir, name), bytes);
      const { report, diagnostics } = await checkDir(dir);
      expect(codes(report?.diagnostics ?? diagnostics, 'error').length).toBeGreaterThan(0);
      if (report) expect(report.materials.find((m) => m.id === 'roster')!.status).toBe('error');
    });
  }
});

describe('each problem said once (issue #12)', () => {
  it('a roster that cannot be read: its message once, though material 7 shows it too', async () => {
    const dir = writeFixture(edit((s) => (s.roster = '花名册.xls')));
    writeFileSync(path.join(dir, '花名册.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]));
    const { report } = await checkDir(dir);
    const keys = report!.diagnostics.map((d) => JSON.stringify([d.code, d.location]));
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    expect(report!.materials.find((m) => m.id === 'roster')!.problems.map((d) => d.code)).toContain('roster.unsupported');
  });

  it('a field that does not fit does not hide the roster’s and the attachments’ problems: one pass shows them all', async () => {
    const s = edit((s) => {
      s.level = '国家级';
      s.roster.rows[4]['身份证号码'] = '152221199001011230';
      s.attachments.achievements = ['材料/没有这个文件.jpg'];
    });
    const { loaded, diagnostics } = await checkDir(writeFixture(s));
    expect(loaded).toBeUndefined();
    const seen = diagnostics.map((d) => `${d.code} ${d.location.field ?? d.location.row ?? ''}`);
    expect(seen).toEqual(expect.arrayContaining(['schema.enum level', 'roster.id.checksum roster.rows[4].身份证号码', 'file.missing attachments.achievements[0]']));
    // Nothing is said twice.
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('an empty folder for a material: the empty folder is said, not also the missing material', async () => {
    const dir = writeFixture(edit((s) => (s.attachments.achievements = ['材料/成果/'])));
    mkdirSync(path.join(dir, '材料/成果'));
    const { report } = await checkDir(dir);
    const achievements = report!.materials.find((m) => m.id === 'achievements')!;
    expect(achievements.status).toBe('error');
    expect(achievements.problems.map((d) => d.code)).toEqual(['file.emptyFolder']);
    expect(codes(report!.diagnostics).filter((c) => c === 'file.emptyFolder' || c === 'material.missing')).toEqual(['file.emptyFolder']);
  });
});

describe('the recognition a filing rests on (办法第五条、第十一条)', () => {
  it('warns a League application without its county-level recognition, citing the article', async () => {
    const { report } = await checkDir(writeFixture(edit((s) => delete s.recognition)));
    const d = report!.diagnostics.find((x) => x.code === 'recognition.missing')!;
    expect(d.severity).toBe('warning');
    expect(messageOf(d, 'zh')).toContain('旗县市级品牌认定');
    expect(messageOf(d, 'zh')).toContain('办法第五条');
    expect(codes(report!.diagnostics, 'error')).toEqual([]);
  });

  it('asks nothing of a county-level application, and the League recognition of a Region application', async () => {
    const county = await checkDir(writeFixture(edit((s) => (delete s.recognition, (s.level = 'county')))));
    expect(county.report!.diagnostics.map((d) => d.code)).not.toContain('recognition.missing');
    const region = await checkDir(writeFixture(edit((s) => (delete s.recognition, (s.level = 'region')))));
    expect(messageOf(region.report!.diagnostics.find((d) => d.code === 'recognition.missing')!, 'zh')).toContain('盟级品牌认定');
  });

  it('asks a review for its League recognition documents, and checks a named scan', async () => {
    const dir = await reviewExampleDir();
    const file = path.join(dir, 'submission.yaml');
    const yaml = parseDocument(readFileSync(file, 'utf8'));
    yaml.delete('recognition');
    writeFileSync(file, yaml.toString());
    const { report } = await checkDir(dir);
    expect(messageOf(report!.diagnostics.find((d) => d.code === 'recognition.missing')!, 'zh')).toContain('盟级品牌的认定文件');
    const withScan = await checkDir(writeFixture(edit((s) => (s.recognition.file = '材料/认定文件.pdf'))));
    expect(withScan.report!.diagnostics.find((d) => d.code === 'file.missing')?.location.field).toBe('recognition.file');
  });
});

describe('项目名称 on the cover', () => {
  it('is the brand’s own name when given, else the trade with 职业技能培训品牌', async () => {
    const named = await checkDir(writeFixture(edit((s) => (s.brand.name = '天骄蒙味厨师'))));
    const cover = (d: Awaited<ReturnType<typeof checkDir>>) => fillDocuments(d.loaded!, SCHEME, d.report!).find((x) => x.plan.formId === 'application-cover')!.form;
    const itemOf = (f: FilledForm) => f.blocks.flatMap((b) => (b.type === 'fields' ? b.items : [])).find((i) => i.label === '项目名称')!.value;
    expect(itemOf(cover(named))).toBe('天骄蒙味厨师');
    const plain = await checkDir(writeFixture(baseSubmission()));
    expect(itemOf(cover(plain))).toBe('中式烹调师职业技能培训品牌');
  });
});

describe('special support (方案三（三）3)', () => {
  const small = { n: 150, passed: 140, employed: 120, keyGroup: 110, order: 70 }; // 150 < 200, employment 80%
  const claim = (level: string, grounds: string[]) =>
    edit((s) => {
      s.level = level;
      s.roster = { rows: rosterRows(small) };
      s.claimed = claimedFor(small);
      s.brand.specialSupport = { claimed: true, grounds, reason: '乡村振兴主导产业' };
    });

  it('relaxes a League threshold only with a named ground: 需评审认定, and 3.1 scores 5', async () => {
    const { report } = await checkDir(writeFixture(claim('league', ['ruralLeading'])));
    expect(report!.eligibility).toMatchObject({ eligible: true, relaxed: true, specialSupport: { applies: true } });
    const relaxed = report!.diagnostics.find((d) => d.code === 'threshold.relaxed')!;
    expect(messageOf(relaxed, 'zh')).not.toContain('可参评');
    expect(report!.score.items.find((i) => i.id === '3.1')!.points).toBe(5);
    const none = await checkDir(writeFixture(claim('league', [])));
    expect(none.report!.eligibility!.specialSupport.applies).toBe(false);
    expect(none.report!.score.items.find((i) => i.id === '3.1')!.points).toBe(0);
    expect(none.report!.diagnostics.map((d) => d.code)).toContain('threshold.fail');
  });

  it('never relaxes the Region’s thresholds: 150 of 400 is not eligible', async () => {
    const { report } = await checkDir(writeFixture(claim('region', ['ruralLeading'])));
    expect(report!.eligibility!.eligible).toBe(false);
    expect(report!.diagnostics.filter((d) => d.code === 'threshold.fail').map((d) => d.location.field)).toContain('claimed.trained');
    expect(messageOf(report!.diagnostics.find((d) => d.code === 'specialSupport.levelNotAllowed')!, 'zh')).toContain('自治区级');
  });
});

describe('the score sheet', () => {
  it('prints beside each figure item the target it was scored against — the rubric’s own 400 for a review', async () => {
    const dir = await reviewExampleDir();
    const { loaded, report } = await checkDir(dir);
    const sheet = fillDocuments(loaded!, SCHEME, report!).find((d) => d.plan.formId === 'score-sheet')!.form;
    // The item's cell, then 分值, then 评分依据 (rows after a group's first have no 一级指标 cell).
    const targetOf = (form: FilledForm, id: string) => {
      const row = tableRows(form).find((r) => r.some((c) => c.startsWith(`${id} `)))!;
      return row[row.findIndex((c) => c.startsWith(`${id} `)) + 2];
    };
    expect(targetOf(sheet, '2.1')).toBe('≥ 400 人');
    expect(targetOf(sheet, '2.3')).toBe('≥ 90%');
    const league = await loadExample();
    expect(targetOf(doc(league, 'score-sheet').form, '2.1')).toBe('≥ 200 人');
    expect(targetOf(doc(league, 'score-sheet').form, '1.1')).toBe('');
  });

  it('words the grade bands as 办法第十条 does, and 6.1 of rubric B as rubric A', async () => {
    const ex = await loadExample();
    const text = doc(ex, 'score-sheet').form.blocks.flatMap((b) => (b.type === 'para' ? [b.para.text] : [])).join('\n');
    expect(text).toContain('90 分及以上为优秀，70（含）—89 分为良好，60（含）—70 分为合格，60 分以下为不合格');
    const item = (r: string) => SCHEME.rubrics[r]!.groups.flatMap((g) => g.items).find((i) => i.id === '6.1')!.name;
    expect(item('B')).toBe(item('A'));
  });
});
