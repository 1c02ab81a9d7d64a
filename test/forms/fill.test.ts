import { describe, expect, it, beforeAll } from 'vitest';
import { planDocuments } from '../../src/build/documents.js';
import { cnDate, cnNumber, cnYearMonth } from '../../src/forms/cn.js';
import type { Block, FilledForm, Table } from '../../src/forms/model.js';
import { parasOf } from '../../src/forms/model.js';
import { doc, loadExample, type Example } from '../helpers/example.js';
import { SCHEME } from '../helpers/fixture.js';

let ex: Example;
beforeAll(async () => {
  ex = await loadExample();
});

const tables = (f: FilledForm) => f.blocks.filter((b): b is Table => b.type === 'table');
const texts = (f: FilledForm) => [...parasOf(f)].map((p) => p.text);
const cellTexts = (t: Table) => t.rows.map((r) => r.cells.map((c) => c.paras.map((p) => p.text).join('')));

describe('the document plan', () => {
  it('numbers documents by the material list and puts the score sheet after it', () => {
    const app = planDocuments(SCHEME, 'application').map((p) => [p.number, p.formId]);
    expect(app).toEqual([[1, 'application-cover'], [2, 'recommendation'], [3, 'brief'], [6, 'pledge'], [7, 'roster'], [8, 'employment-roster'], [10, 'score-sheet']]);
    const review = planDocuments(SCHEME, 'review').map((p) => [p.number, p.formId]);
    expect(review).toEqual([[1, 'review-cover'], [2, 'review-form'], [3, 'brief'], [6, 'pledge'], [7, 'roster'], [8, 'employment-roster'], [11, 'score-sheet']]);
  });

  it('names files as a clerk knows them', () => {
    expect(ex.docs.map((d) => `${d.base} ${d.formats.join(',')}`)).toEqual([
      '01-申请表 pdf,docx', '02-推荐表 pdf,docx', '03-培训机构及品牌简介 pdf,docx', '06-信用承诺书 pdf,docx', '07-花名册 pdf,docx,xlsx', '08-培训后就业花名册 pdf,docx,xlsx', '10-自评分表 pdf,docx',
    ]);
  });
});

describe('Chinese dates and numbers', () => {
  it('writes dates the way the forms do', () => {
    expect(cnDate('2026-10-12')).toBe('2026年10月12日');
    expect(cnYearMonth('2026-10-12')).toBe('二〇二六年十月');
    expect([1, 9, 10, 12, 20, 99].map(cnNumber)).toEqual(['一', '九', '十', '十二', '二十', '九十九']);
  });
});

describe('filled forms', () => {
  it('application cover: title by level, fields, room for two seals, issuer and month at the foot', () => {
    const f = doc(ex, 'application-cover').form;
    expect(f.title).toBe('兴安盟级示范性职业技能培训品牌申请表');
    const fields = f.blocks.find((b): b is Extract<Block, { type: 'fields' }> => b.type === 'fields')!;
    expect(fields.items).toEqual([
      // The brand's own name (brand.name); without it the trade with 职业技能培训品牌 (test/check/notice.test.ts).
      { label: '项目名称', value: '天骄蒙味厨师', seal: false },
      { label: '项目单位', value: '科尔沁右翼前旗天骄职业技能培训学校', seal: true },
      { label: '申请地区', value: '科尔沁右翼前旗', seal: true },
      { label: '申请日期', value: '2026年10月12日', seal: false },
    ]);
    const foot = f.blocks.find((b): b is Extract<Block, { type: 'foot' }> => b.type === 'foot')!;
    expect(foot.paras.map((p) => p.text)).toEqual(['兴安盟人力资源和社会保障局制', '二〇二六年十月']);
    expect(f.pageNumbers).toBe(false);
  });

  it('recommendation form: the performance label spans its five rows, two pairs share a row', () => {
    const f = doc(ex, 'recommendation').form;
    const [main, ...sections] = tables(f);
    const perf = main!.rows.find((r) => r.cells[0]?.paras[0]?.text.startsWith('上年度品牌工种'))!;
    expect(perf.cells[0]!.rowSpan).toBe(5);
    const rows = cellTexts(main!);
    expect(rows).toContainEqual(['上年度品牌工种（专业）绩效', '培训人数（人）', '240']);
    expect(rows).toContainEqual(['培训合格率（%）', '92.5']);
    expect(rows).toContainEqual(['所属培训机构名称', '科尔沁右翼前旗天骄职业技能培训学校', '所属培训机构成立时间', '2012年4月16日']);
    expect(rows).toContainEqual(['法人代表姓名', '白永胜', '联系方式', '(0482)5612318']);
    expect(texts(f)).toContain('旗县市：科尔沁右翼前旗');
    expect(texts(f)).toContain('填写时间：2026 年 10 月 12 日');
    // One table per narrative section, its title repeated on every page, rows free to break.
    expect(sections.map((s) => s.header[0]!.cells[0]!.paras[0]!.text)).toEqual(['培训机构基本情况', '重点领域关联度', '推荐培训品牌工种（专业）情况', '示范带动作用', '诚信记录']);
    expect(sections[0]!.rows).toHaveLength(5);
    expect(sections[0]!.rows.every((r) => r.breakable)).toBe(true);
    const first = sections[0]!.rows[0]!.cells[0]!.paras;
    expect(first[0]).toMatchObject({ muted: true, text: expect.stringMatching(/^1\. 组织管理机制/) });
    expect(first.slice(1).map((p) => p.text).join('')).toBe(String(ex.loaded.submission.narrative.institution && (ex.loaded.submission.narrative.institution as Record<string, string>).management).replace(/\s*\n\s*/g, ''));
  });

  it('credit pledge: the institution in the blank, items 一 to 九, seal places', () => {
    const f = doc(ex, 'pledge').form;
    const t = texts(f);
    expect(t).toContain('附件1-3');
    expect(t.find((x) => x.includes('郑重作出以下承诺'))).toContain('科尔沁右翼前旗天骄职业技能培训学校郑重作出以下承诺');
    expect(t.filter((x) => /^[一二三四五六七八九]、/.test(x)).map((x) => x[0])).toEqual([...'一二三四五六七八九']);
    const seals = f.blocks.filter((b) => b.type === 'seal');
    expect(seals).toHaveLength(2);
    expect(seals.every((s) => s.type === 'seal' && s.height >= 42)).toBe(true);
  });

  it('roster: year title, ten columns, every counted trainee in order, numbered 1…n', () => {
    const f = doc(ex, 'roster').form;
    expect(f.orientation).toBe('landscape');
    expect(f.bigTable).toBe(true);
    expect(texts(f)).toContain('2025年度职业技能培训学员花名册');
    expect(texts(f)).toContain('填报单位名称：科尔沁右翼前旗天骄职业技能培训学校');
    const [t] = tables(f);
    expect(t!.header[0]!.cells.map((c) => c.paras.map((p) => p.text).join(''))).toEqual(['序号', '姓名', '性别', '民族', '身份证号码', '工种', '授课教师', '就业单位', '住址', '联系电话']);
    expect(t!.rows).toHaveLength(240);
    expect(t!.rows.map((r) => r.cells[0]!.paras[0]!.text).slice(0, 3)).toEqual(['1', '2', '3']);
    const names = t!.rows.map((r) => r.cells[1]!.paras[0]!.text);
    expect(names).toContain('𠮷庆华');
    expect(names).toContain('阿拉坦仓·斯琴巴特尔');
    // 蒙古 in the roster is printed as the standard 蒙古族.
    expect(new Set(t!.rows.map((r) => r.cells[3]!.paras[0]!.text))).not.toContain('蒙古');
  });

  it('score sheet: every rubric item with its self-score, groups merged, the total', () => {
    const f = doc(ex, 'score-sheet').form;
    const [t] = tables(f);
    const rows = cellTexts(t!);
    // 1.1 is judged, not computed: no target beside it (the figure items' targets: test/check/notice.test.ts).
    expect(rows[0]).toEqual(['1. 基础条件（14分）', '1.1 管理机制', '2', '', String(ex.report.score.items[0]!.points), '']);
    expect(t!.rows[0]!.cells[0]!.rowSpan).toBe(5);
    expect(rows.at(-1)).toEqual(['合计', '100', '', String(ex.report.score.total), '']);
    expect(texts(f).join('')).toContain(`自评等级：${ex.report.score.grade.zh}`);
  });

  it('brief: headings 一、 in the sans, （一） in kai, the rest indented running text', () => {
    const f = doc(ex, 'brief').form;
    const paras = [...parasOf(f)];
    expect(paras.find((p) => p.text.startsWith('一、'))?.font).toBe('sans');
    expect(paras.filter((p) => p.font === 'serif' && p.size === 'body').every((p) => p.indent)).toBe(true);
  });
});

describe('forms are data', () => {
  it('a copied scheme folder changes a form’s wording without code changes', async () => {
    const { cpSync, readFileSync, writeFileSync, mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { loadScheme } = await import('../../src/scheme/load.js');
    const { fillDocuments } = await import('../../src/build/documents.js');
    const dir = mkdtempSync(path.join(tmpdir(), 'scheme-'));
    cpSync(SCHEME.dir, dir, { recursive: true });
    const file = path.join(dir, 'forms', 'pledge.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: 信用承诺书\n', 'title: 诚信承诺书\n').replace('  - title: 信用承诺书', '  - title: 诚信承诺书（{{year}}年度）'));
    const { WORLD } = await import('../helpers/fixture.js');
    const { scheme } = await loadScheme(WORLD, dir);
    const docs = fillDocuments(ex.loaded, scheme!, ex.report);
    const pledge = docs.find((d) => d.plan.formId === 'pledge')!;
    expect(pledge.form.title).toBe('诚信承诺书');
    expect([...parasOf(pledge.form)].map((p) => p.text)).toContain('诚信承诺书（2025年度）');
  });

  it('a template with an unknown block is refused when the scheme loads, with its place', async () => {
    const { cpSync, readFileSync, writeFileSync, mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { loadScheme } = await import('../../src/scheme/load.js');
    const dir = mkdtempSync(path.join(tmpdir(), 'scheme-'));
    cpSync(SCHEME.dir, dir, { recursive: true });
    const file = path.join(dir, 'forms', 'pledge.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('  - title: 信用承诺书', '  - titel: 信用承诺书'));
    const { WORLD } = await import('../helpers/fixture.js');
    const { scheme, diagnostics } = await loadScheme(WORLD, dir);
    expect(scheme).toBeUndefined();
    expect(diagnostics[0]!.location.file).toBe(file);
    expect(diagnostics[0]!.location.line).toBeGreaterThan(1);
  });
});

describe('review forms', () => {
  it('the review form has 班期数, 政策落实 and no 推荐培训品牌工种情况; the cover and labels are the 2-x ones', async () => {
    const { reviewExampleDir } = await import('../helpers/example.js');
    const rv = await loadExample(await reviewExampleDir());
    expect(rv.report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const form = doc(rv, 'review-form').form;
    expect(form.title).toBe('兴安盟级示范性职业技能培训品牌复评表');
    const [main, ...sections] = tables(form);
    expect(cellTexts(main!)[1]).toEqual(['品牌工种（专业）开展培训时间及班期数', '2025年3月至11月，共8期']);
    expect(sections.map((s) => s.header[0]!.cells[0]!.paras[0]!.text)).toEqual(['培训机构基本情况', '重点领域关联度', '政策落实', '示范带动作用', '诚信记录']);
    expect(texts(doc(rv, 'review-cover').form)).toContain('附件2-5');
    expect(texts(doc(rv, 'pledge').form)).toContain('附件2-4');
    expect(texts(doc(rv, 'roster').form)).toContain('附件2-3');
    expect(rv.docs.map((d) => d.base)).toEqual(['01-复评申请表', '02-复评表', '03-培训机构及品牌简介', '06-信用承诺书', '07-花名册', '08-培训后就业花名册', '11-自评分表']);
  });
});
