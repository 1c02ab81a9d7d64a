/**
 * The county's documents as a county officer would read them: the recommendation report with
 * no empty part and the applicant's own words, its pledge with the recommending unit's seal,
 * the evaluation result report with the five parts of 第九条, the county's scores per group and
 * the grounds of 第十三条, and the summary with the grades and the trainees found twice —
 * filled from the example's checked data, and where pages matter, rendered.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluationContext } from '../../src/county/context.js';
import { decide, type CountyPlan } from '../../src/county/decide.js';
import { fillCountyDocuments, type CountyDocument } from '../../src/county/documents.js';
import { applicantFacts, type ApplicantFacts, type Intake } from '../../src/county/intake.js';
import { parseCountyFile } from '../../src/county/load.js';
import { textWidth } from '../../src/county/title.js';
import type { Block, FilledForm } from '../../src/forms/model.js';
import { parasOf } from '../../src/forms/model.js';
import { messageOf, hintOf } from '../../src/i18n/format.js';
import type { FontSet } from '../../src/render/fonts.js';
import { renderFormat } from '../../src/render/render.js';
import { loadExample, reviewExampleDir } from '../helpers/example.js';
import { SCHEME } from '../helpers/fixture.js';
import { pdfPages } from '../helpers/pdf.js';

const SCHOOL = '科尔沁右翼前旗天骄职业技能培训学校';
const OTHER = '科尔沁右翼前旗草原职业培训学校';
const BUREAU = '科尔沁右翼前旗人力资源和社会保障局';
const COUNTY = { name: '科尔沁右翼前旗', bureau: BUREAU, contact: '王海涛', phone: '(0482)5812345', date: '2026-10-20' };
const META = { title: 't', author: BUREAU, subject: 's', keywords: 'k', date: new Date('2026-10-20T04:00:00Z') };

let app: ApplicantFacts;
let rev: ApplicantFacts;
let fonts: FontSet;
/** The example's resident IDs in full, which no output may show. */
let fullIds: string[];

beforeAll(async () => {
  const ex = await loadExample();
  const rv = await loadExample(await reviewExampleDir());
  app = applicantFacts({ loaded: ex.loaded, report: ex.report, scheme: SCHEME });
  rev = applicantFacts({ loaded: rv.loaded, report: rv.report, scheme: SCHEME });
  fonts = ex.fonts;
  fullIds = (ex.report.roster?.trainees ?? []).map((t) => t.idNumber).filter(Boolean);
});

function intake(i: number, a: ApplicantFacts): Intake {
  return { index: i, input: `收件/${i + 1}.zip`, form: 'zip', fixity: 'intact', verified: 38, payloadFiles: 38, algorithms: ['sha256'], problems: [], check: [], counts: { error: 0, warning: 0 }, applicant: a };
}

const head = `county:\n  name: 科尔沁右翼前旗\n  contact: 王海涛\n  phone: (0482)5812345\n  date: 2026-10-20\napplicants:\n`;

function plan(applicants: ApplicantFacts[], entries: string): CountyPlan {
  const yaml = head + entries;
  const { loaded, diagnostics } = parseCountyFile(yaml, 'county.yaml');
  if (!loaded) throw new Error(JSON.stringify(diagnostics));
  return decide({ intakes: applicants.map((a, i) => intake(i, a)), county: { name: '科尔沁右翼前旗', date: '2026-10-20' }, file: { ...loaded, bytes: new TextEncoder().encode(yaml) }, scheme: SCHEME });
}

const recommend = (name = SCHOOL, more = '    practices: 推行订单培训。\n') => `  - institution: ${name}\n    trade: 中式烹调师\n    recommend: true\n${more}`;
const docs = (p: CountyPlan) => fillCountyDocuments(COUNTY, p, SCHEME);
const texts = (form: FilledForm) => [...parasOf(form)].map((p) => p.text);
const find = (ds: CountyDocument[], folder: string) => ds.find((d) => d.base.startsWith(`${folder}/`))!;
/** The paragraphs between a heading and the next heading (黑体). */
function part(form: FilledForm, title: string): string[] {
  const blocks = form.blocks.filter((b): b is Extract<Block, { type: 'para' }> => b.type === 'para');
  const at = blocks.findIndex((b) => b.para.text === title);
  expect(at, title).toBeGreaterThanOrEqual(0);
  const out: string[] = [];
  for (const b of blocks.slice(at + 1)) {
    if (b.para.font === 'sans') break;
    out.push(b.para.text);
  }
  return out;
}

describe('the recommendation report', () => {
  it('sends no empty part to print: a part with neither words nor data is an error at the county’s entry, 无 is printed as written', () => {
    const empty = plan([app], recommend(SCHOOL, ''));
    const [p] = empty.applicants;
    expect(p!.decision).toBe('refused');
    const d = p!.diagnostics.find((x) => x.code === 'county.noWords')!;
    expect(d.severity).toBe('error');
    expect(d.location.line).toBe(7);
    expect(messageOf(d, 'zh')).toContain('三、好的经验做法');
    expect(hintOf(d, 'zh')).toContain('practices: 无');
    expect(docs(empty).some((x) => x.base.startsWith('推荐报告/'))).toBe(false);

    const none = plan([app], recommend(SCHOOL, '    practices: 无\n'));
    expect(none.applicants[0]!.decision).toBe('recommend');
    expect(part(find(docs(none), '推荐报告').form, '三、好的经验做法')).toEqual(['无']);
  });

  it('gives in part 四 the applicant’s own rural-revitalisation account and its figures, not only the category', () => {
    const form = find(docs(plan([app], recommend())), '推荐报告').form;
    const four = part(form, '四、巩固脱贫攻坚、助力乡村振兴的措施办法和效果');
    expect(four[0]).toContain('属于巩固脱贫攻坚助力乡村振兴技能工种');
    expect(four[0]).toContain(`培训脱贫劳动力 ${app.groups['povertyAlleviated']!.trained} 人`);
    expect(four).toContain(app.narrative['keyFields']!['ruralRevitalisation']!.trim().split('\n')[0]);
    expect(four).toContain(app.narrative['brandFit']!['ruralRevitalisation']!.trim().split('\n')[0]);
  });

  it('sets its title in lines broken only between words, each within the line', () => {
    const form = find(docs(plan([app], recommend())), '推荐报告').form;
    const title = form.blocks.filter((b): b is Extract<Block, { type: 'para' }> => b.type === 'para' && b.para.font === 'title').map((b) => b.para.text);
    expect(title).toEqual(['关于推荐科尔沁右翼前旗', '天骄职业技能培训学校“中式烹调师”', '为兴安盟级示范性职业技能培训品牌的报告']);
    for (const l of title) expect(textWidth(l)).toBeLessThanOrEqual(20);
    expect(form.title).toBe(title.join(''));
  });

  it('keeps the data-source caption on the page of its table', () => {
    const form = find(docs(plan([app], recommend())), '推荐报告').form;
    const t = form.blocks.findIndex((b) => b.type === 'table');
    const caption = form.blocks[t - 1]!;
    expect(caption.type === 'para' && caption.para.text).toMatch(/由申报单位上年度花名册计算/);
    expect(caption.type === 'para' && caption.para.keepWithNext).toBe(true);
  });

  it('signs after GB/T 9704: the date four characters from the right, the contact line under it and never on a page alone', async () => {
    const form = find(docs(plan([app], recommend())), '推荐报告').form;
    const seal = form.blocks.find((b): b is Extract<Block, { type: 'seal' }> => b.type === 'seal')!;
    expect(seal.lines.map((l) => l.text)).toEqual([BUREAU, '2026年10月20日', '（联系人：王海涛　联系电话：(0482)5812345）']);
    expect(seal.lines[1]!.right).toBe(4);
    expect(seal.lines[2]!.align).toBe('left');
    // A bureau shorter than the date would be centred over it.
    const short = find(fillCountyDocuments({ ...COUNTY, bureau: '某局' }, plan([app], recommend()), SCHEME), '推荐报告').form;
    expect(short.blocks.find((b): b is Extract<Block, { type: 'seal' }> => b.type === 'seal')!.lines[0]!.right).toBe(6.5);
    const pages = await pdfPages((await renderFormat(form, 'pdf', fonts, META)).bytes);
    const last = pages.at(-1)!.replace(/\s+/g, '');
    expect(last).toContain('联系人：王海涛');
    expect(last).toContain(BUREAU);
    expect(last).toContain('2026年10月20日');
  });

  it('comes with the applicant’s pledge, which carries the recommending unit’s seal, on the page of the applicant’s', async () => {
    const ds = docs(plan([app], recommend()));
    const i = ds.findIndex((d) => d.base.startsWith('推荐报告/'));
    expect(ds[i + 1]!.base).toBe(`信用承诺书/01-${SCHOOL}-中式烹调师`);
    expect(ds[i + 1]!.title).toBe(`信用承诺书：${SCHOOL}（中式烹调师）`);
    expect(texts(find(ds, '推荐报告').form)).toContain(`附件：${SCHOOL}信用承诺书`);
    const pledge = ds[i + 1]!.form;
    expect(texts(pledge)).toEqual(expect.arrayContaining([`承诺人：${SCHOOL}（盖章）`, `推荐单位：${BUREAU}（盖章）`]));
    const pages = (await pdfPages((await renderFormat(pledge, 'pdf', fonts, META)).bytes)).map((p) => p.replace(/\s+/g, ''));
    const sealed = pages.find((p) => p.includes('推荐单位'))!;
    expect(sealed).toContain(`承诺人：${SCHOOL}`);
  });
});

describe('the evaluation result report', () => {
  const review = (more: string) => `  - institution: ${SCHOOL}\n    trade: 中式烹调师\n${more}`;
  const scores = "    scores: { '1': 14, '2': 27, '3': 4, '4': 25, '5': 13, '6': 5 }\n";

  it('covers 第九条（一）–（五） from the review’s data and texts, and says so where a text is missing', () => {
    const form = find(docs(plan([{ ...rev, kind: 'review' }], review(scores))), '评价结果报告').form;
    const all = texts(form);
    const titles = ['一、基本情况', '二、培训绩效', '三、政策落实', '四、示范带动作用', '五、重点领域关联情况'];
    expect(titles.map((t) => all.indexOf(t))).toEqual([...titles.map((t) => all.indexOf(t))].sort((a, b) => a - b));
    expect(part(form, '一、基本情况')).toContain(rev.narrative['institution']!['management']!.trim());
    const perf = part(form, '二、培训绩效').join('');
    expect(perf).toContain(`享受补贴政策 ${rev.figures!.subsidised} 人`);
    expect(perf).toContain(`订单定向式培训 ${rev.figures!.order} 人`);
    expect(perf).toMatch(/签到表 1 份/);
    expect(part(form, '三、政策落实').join('')).toContain('学校全面落实职业技能培训补贴政策');
    const silent = find(docs(plan([{ ...rev, kind: 'review', narrative: { ...rev.narrative, policy: { text: '' } } }], review(scores))), '评价结果报告').form;
    expect(part(silent, '三、政策落实')).toEqual([SCHEME.countyReview.noText]);
  });

  it('shows the county’s score per rubric group, and only the total when county.yaml gives no groups (with a warning)', () => {
    const byGroup = plan([{ ...rev, kind: 'review' }], review(scores));
    expect(byGroup.applicants[0]!.countyScore).toBe(88);
    const rows = evaluationContext(byGroup.applicants[0]!, SCHEME, COUNTY).scoreRows;
    expect(rows.map((r) => r.county)).toEqual(['14', '27', '4', '25', '13', '5']);
    const total = plan([{ ...rev, kind: 'review' }], review('    score: 88\n'));
    expect(total.applicants[0]!.diagnostics.map((d) => d.code)).toContain('county.scoreGroupsNone');
    expect(evaluationContext(total.applicants[0]!, SCHEME, COUNTY).scoreRows.every((r) => r.county === '—')).toBe(true);
    const wrong = plan([{ ...rev, kind: 'review' }], review(`${scores}    score: 90\n`));
    expect(wrong.applicants[0]!.diagnostics.map((d) => d.code)).toContain('county.scoreSum');
  });

  it('checks the grounds of 第十三条 as the notice words them, flagging fewer than three partners and partners unrelated to the trade', () => {
    const result = (a: ApplicantFacts) => {
      const p = plan([{ ...a, kind: 'review' }], review(scores)).applicants[0]!;
      return { removal: p.removal, text: evaluationContext(p, SCHEME, COUNTY).checks.find((c) => c.ground.includes('培训就业协议'))!.result };
    };
    const ok = result(rev);
    expect(ok.removal).toEqual([]);
    expect(ok.text).toMatch(/^未发现：附就业协议的合作企业 4 家，其中 \d+ 家接收本品牌学员 \d+ 人就业/);
    const one = result({ ...rev, partners: 1, relatedPartners: 1 });
    expect(one.removal).toEqual(['noAgreements']);
    expect(one.text).toContain('存在：附就业协议的合作企业 1 家，少于 3 家');
    const unrelated = result({ ...rev, relatedPartners: 0, employedAtPartners: 0 });
    expect(unrelated.removal).toEqual(['noAgreements']);
    expect(unrelated.text).toContain('都没有接收本品牌学员就业');
    const grounds = evaluationContext(plan([{ ...rev, kind: 'review' }], review(scores)).applicants[0]!, SCHEME, COUNTY).checks.map((c) => c.ground);
    expect(grounds).toEqual(SCHEME.countyReview.removalGrounds.map((g) => g.text));
    expect(grounds[1]).toBe('套取职业培训补贴资金和政府相关奖励资金的');
  });

  it('says of a failing grade what 第十条 says: 取消其资格，培训补贴不享受上浮', () => {
    const p = plan([{ ...rev, kind: 'review' }], review('    score: 55\n')).applicants[0]!;
    expect(p.countyGrade?.zh).toBe('不合格');
    const form = find(docs(plan([{ ...rev, kind: 'review' }], review('    score: 55\n'))), '评价结果报告').form;
    expect(part(form, '八、评估意见').join('')).toContain('取消其资格，培训补贴不享受上浮');
    const good = find(docs(plan([{ ...rev, kind: 'review' }], review(scores))), '评价结果报告').form;
    expect(part(good, '八、评估意见').join('')).toContain('复评通过，建议继续保留');
  });
});

describe('across applicants', () => {
  it('keeps an application and a review of the same institution and trade as two packages, each with its own entry', () => {
    const p = plan([app, { ...rev, kind: 'review' }], `${recommend(SCHOOL, '    kind: 认定\n    practices: 好做法\n')}  - institution: ${SCHOOL}\n    trade: 中式烹调师\n    kind: 复评\n    score: 80\n`);
    expect(p.applicants.map((a) => [a.decision, a.forward, a.duplicateOf])).toEqual([['recommend', true, undefined], ['review', true, undefined]]);
    expect(p.applicants[1]!.countyScore).toBe(80);
    // Their rosters are the institution's own: no trainee counts as shared.
    expect(p.shared).toEqual([]);
    const one = plan([app, { ...rev, kind: 'review' }], recommend(SCHOOL, '    practices: 好做法\n    score: 80\n'));
    expect(one.diagnostics.map((d) => d.code)).toContain('county.entryForBoth');
  });

  it('lists the same resident ID in two institutions’ rosters, masked, in the warning and the summary — never the full number', async () => {
    const other = { ...app, institution: OTHER, ids: app.ids.slice(0, 2).map((t) => ({ ...t, row: t.row + 10 })) };
    const p = plan([app, other], recommend() + recommend(OTHER));
    expect(p.shared.map((t) => t.places.map((x) => [x.number, x.row]))).toEqual(app.ids.slice(0, 2).map((t) => [[1, t.row], [2, t.row + 10]]));
    const d = p.diagnostics.find((x) => x.code === 'county.sharedTrainee')!;
    const message = messageOf(d, 'zh');
    expect(message).toContain(`2 个身份证号同时出现在 2 个单位的花名册中（[01] ${SCHOOL}、[02] ${OTHER}）`);
    expect(message).toContain(`${app.ids[0]!.masked}（第 ${app.ids[0]!.row}、${app.ids[0]!.row + 10} 行）`);
    const summary = docs(p)[0]!;
    const printed = texts(summary.form).join('\n');
    expect(printed).toContain(app.ids[0]!.masked);
    expect(printed).toContain(`01 ${SCHOOL} 第 ${app.ids[0]!.row} 行；02 ${OTHER} 第 ${app.ids[0]!.row + 10} 行`);
    for (const id of fullIds) {
      expect(printed).not.toContain(id);
      expect(message + messageOf(d, 'en') + JSON.stringify(p)).not.toContain(id);
    }
    // In the XLSX too, as text rows after the packages' numbered rows.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from((await renderFormat(summary.form, 'xlsx', fonts, META)).bytes) as never);
    const cells: unknown[][] = [];
    wb.worksheets[0]!.eachRow((row) => cells.push((row.values as unknown[]).slice(1)));
    expect(cells.filter((r) => typeof r[0] === 'number').map((r) => r[0])).toEqual([1, 2]);
    expect(cells.some((r) => r.includes(app.ids[0]!.masked))).toBe(true);
  });

  it('heads the summary with the data’s year and gives each review its grade', () => {
    const p = plan([app, { ...rev, institution: OTHER, kind: 'review', ids: [] }], `${recommend()}  - institution: ${OTHER}\n    trade: 中式烹调师\n    score: 75\n`);
    expect(p.dataYear).toBe(app.year);
    const summary = docs(p)[0]!.form;
    expect(summary.title).toBe(`科尔沁右翼前旗${app.year}年度职业技能培训品牌申报汇总表`);
    const table = summary.blocks.find((b): b is Extract<Block, { type: 'table' }> => b.type === 'table')!;
    const header = table.header[0]!.cells.map((c) => c.paras[0]!.text);
    const row = (n: number) => Object.fromEntries(header.map((h, i) => [h, table.rows[n]!.cells[i]!.paras[0]!.text]));
    expect([row(1)['旗县评分'], row(1)['等级'], row(1)['推荐']]).toEqual(['75', '良好', '报送']);
    expect(row(0)['等级']).toBe('—');
  });
});

describe('the county documents on two threads', () => {
  it('every document once, with the same bytes, whether a helper took some of them or not', async () => {
    const { renderCountyDocuments } = await import('../../src/county/documents.js');
    const { renderFormat: render } = await import('../../src/render/render.js');
    const { silent } = await import('../../src/core/progress.js');
    const ds = docs(plan([app, { ...app, institution: OTHER }], recommend() + recommend(OTHER)));
    const opts = { fonts, date: META.date, author: BUREAU, keywords: 'k', progress: silent };
    const alone = await renderCountyDocuments(ds, opts);
    const taken: string[] = [];
    const helper: import('../../src/render/shared-jobs.js').SharedRenderer = async (jobs, claims, f, done) => {
      for (let k = claims.back(); k !== undefined; k = claims.back()) {
        taken.push(`${jobs[k]!.form.id}.${jobs[k]!.format}`);
        done(k, await render(jobs[k]!.form, jobs[k]!.format, f, jobs[k]!.meta));
      }
    };
    const shared = await renderCountyDocuments(ds, { ...opts, helpers: [helper] });
    expect(taken.length).toBeGreaterThan(0);
    expect([...shared.bundle.keys()]).toEqual([...alone.bundle.keys()]);
    for (const [k, v] of alone.bundle) expect(Buffer.compare(Buffer.from(shared.bundle.get(k) as Uint8Array), Buffer.from(v as Uint8Array)), k).toBe(0);
    expect([...shared.pdfs.keys()]).toEqual([...alone.pdfs.keys()]);
  });
});
