/**
 * `shenbao county` end to end, as a county officer runs it: packages handed in as a zip, a
 * disc image, plain submission folders and a zip that broke on the way; `county init` writes
 * county.yaml, the officer decides, `county` writes the reports, the summary, the print set
 * and the disc — and `verify` proves the disc.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parseDocument } from 'yaml';
import { unzipSync, zipSync } from 'fflate';
import { PDFDocument } from '#pdf-lib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseCountyFile } from '../../src/county/load.js';
import { formatPercent } from '../../src/core/number.js';
import { run, type Run } from '../helpers/cli.js';
import { EXAMPLE_DIR, loadExample, reviewExampleDir } from '../helpers/example.js';
import { cleanup, tempDir } from '../helpers/fixture.js';
import { pdfText as readText } from '../helpers/pdf.js';

const pdfText = (b: Uint8Array) => readText(new Uint8Array(b));

const EPOCH = { SOURCE_DATE_EPOCH: '1792000000' };
const EXAMPLE_NAME = '科尔沁右翼前旗天骄职业技能培训学校';

/** A copy of the example under another institution's name (and optionally another level). */
function variant(dir: string, name: string, edit: (doc: ReturnType<typeof parseDocument>) => void = () => {}, from = EXAMPLE_DIR): string {
  cpSync(from, dir, { recursive: true });
  const file = path.join(dir, 'submission.yaml');
  const doc = parseDocument(readFileSync(file, 'utf8'));
  doc.setIn(['institution', 'name'], name);
  edit(doc);
  writeFileSync(file, doc.toString());
  return dir;
}

async function build(dir: string, out: string, force = false): Promise<string> {
  const r = await run(['build', dir, '--out', out, '-q', ...(force ? ['--force'] : [])], { env: EPOCH });
  if (r.code !== 0) throw new Error(`build ${dir} failed: ${r.stdout}${r.stderr}`);
  const [name] = readdirSync(out).filter((n) => !n.startsWith('.'));
  return path.join(out, name!);
}

let root: string;
let inbox: string;
let out: string;
let target: string;
let result: Run;
let init: Run;
const REVIEW_NAME = '科尔沁右翼前旗草原职业培训学校';
const PLAIN_NAME = '科尔沁右翼前旗牧乡技能培训中心';
const SHORT_NAME = '科尔沁右翼前旗新技能培训中心';

beforeAll(async () => {
  root = tempDir('county-');
  inbox = path.join(root, '收件');
  mkdirSync(inbox);
  // 1. An eligible League application, built (once, for every test file) and handed in as its zip.
  const good = inject('exampleBuild').dir;
  copyFileSync(path.join(good, `${path.basename(good)}.zip`), path.join(inbox, '01-天骄.zip'));
  // 2. The same data filed for Region level (≥ 400 trained): short of the thresholds; a plain folder.
  variant(path.join(inbox, '02-新技能'), SHORT_NAME, (d) => d.set('level', 'region'));
  // 3. A zip cut short in copying.
  const zip = readFileSync(path.join(good, `${path.basename(good)}.zip`));
  writeFileSync(path.join(inbox, '03-损坏.zip'), zip.subarray(0, Math.floor(zip.length / 2)));
  // 4. A review with no partner agreements, built and handed in as a disc image.
  const reviewDir = variant(path.join(root, 'review'), REVIEW_NAME, (d) => {
    const partners = d.getIn(['partners']) as { items: { delete(k: string): void }[] };
    for (const p of partners.items) p.delete('agreement');
  }, await reviewExampleDir());
  const review = await build(reviewDir, path.join(root, 'built-review'), true);
  copyFileSync(path.join(review, `${path.basename(review)}.iso`), path.join(inbox, '04-草原.iso'));
  // 5. An eligible application handed in as a plain submission folder: the county builds its package.
  variant(path.join(inbox, '05-牧乡'), PLAIN_NAME);

  init = await run(['county', 'init', '收件'], { cwd: root, env: EPOCH });
  if (init.code !== 0) throw new Error(init.stdout + init.stderr);
  const file = path.join(root, 'county.yaml');
  const doc = parseDocument(readFileSync(file, 'utf8'));
  doc.setIn(['county', 'contact'], '王海涛');
  doc.setIn(['county', 'phone'], '(0482)5812345');
  doc.setIn(['county', 'date'], '2026-10-20');
  const entries = (doc.get('applicants') as { items: { get(k: string): unknown; set(k: string, v: unknown): void }[] }).items;
  for (const e of entries) {
    if (e.get('institution') === REVIEW_NAME) e.set('score', 65);
    else e.set('recommend', true);
    if (e.get('institution') === EXAMPLE_NAME) e.set('practices', '推行“订单培训、定向输送”，学员结业即上岗。\n建立学员回访制度，三个月内逐人回访。');
    // A part the county has nothing to add to is written 无 (an empty one would stop the report).
    else if (e.get('institution') !== REVIEW_NAME) e.set('practices', '无');
  }
  writeFileSync(file, doc.toString());
  out = path.join(root, 'out');
  result = await run(['county', '收件', '--out', out], { cwd: root, env: EPOCH });
  target = path.join(out, '科尔沁右翼前旗-2026年推荐材料');
}, 240_000);

afterAll(() => cleanup());

const docs = (sub: string) => readdirSync(path.join(target, 'documents', sub));

describe('shenbao county init', () => {
  it('lists every readable applicant with what its package shows, and leaves the decisions to the county', async () => {
    const text = readFileSync(path.join(root, 'county.yaml'), 'utf8');
    const parsed = parseCountyFile(text, 'county.yaml');
    expect(parsed.diagnostics).toEqual([]);
    const names = parsed.loaded!.data.applicants.map((a) => a.institution).sort();
    expect(names).toEqual([EXAMPLE_NAME, REVIEW_NAME, SHORT_NAME, PLAIN_NAME].sort());
    expect(parsed.loaded!.data.county.name).toBe('科尔沁右翼前旗');
    expect(text).toMatch(/未达到自治区级条件/);
    expect(text).toMatch(/复评 · 盟级/);
    // The review's entry names its kind and asks for the county's score per rubric group.
    expect(text).toMatch(/kind: 复评[\s\S]*scores:\n\s+"1":\s+# 基础条件（15 分）/);
    expect(init.stdout).toMatch(/03-损坏\.zip：无法读取申报数据，未列入（无法打开材料包/);
  });

  it('refuses to overwrite county.yaml without --force', async () => {
    const r = await run(['county', 'init', '收件'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/已经存在/);
  });
});

describe('shenbao county', () => {
  it('processes every package, reports the broken one and the refused one, and exits 1', async () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/03-损坏\.zip.*无法读取/);
    expect(result.stdout).toMatch(/无法打开材料包 收件\/03-损坏\.zip/);
    expect(result.stdout).toMatch(new RegExp(`${SHORT_NAME} 不能推荐：.*未达到自治区级认定条件（培训人数 240 人，要求 ≥ 400 人`));
    expect(result.stdout).toMatch(/01-天骄\.zip {2}完好（zip 归档）/);
    expect(result.stdout).toMatch(/材料：9 项齐全/);
    expect(result.stdout).toMatch(/04-草原\.iso {2}完好（光盘镜像）/);
    expect(result.stdout).toMatch(/05-牧乡 {2}申报文件夹（未封装）/);
  });

  it('writes a recommendation report for each recommended applicant, with the figures of its own roster', async () => {
    expect(docs('推荐报告').sort()).toEqual([
      `01-${EXAMPLE_NAME}-中式烹调师.docx`, `01-${EXAMPLE_NAME}-中式烹调师.pdf`,
      `05-${PLAIN_NAME}-中式烹调师.docx`, `05-${PLAIN_NAME}-中式烹调师.pdf`,
    ]);
    const { report } = await loadExample();
    const f = report.figures!;
    const text = (await pdfText(readFileSync(path.join(target, 'documents/推荐报告', `01-${EXAMPLE_NAME}-中式烹调师.pdf`)))).replace(/\s+/g, '');
    expect(text).toContain(`关于推荐${EXAMPLE_NAME}“中式烹调师”为兴安盟级示范性职业技能培训品牌的报告`);
    expect(text).toContain(`培训${f.trained}人，考核合格${f.passed}人，合格率${formatPercent(f.passRate)}`);
    expect(text).toContain(`就业${f.employed}人，就业率${formatPercent(f.employmentRate)}`);
    expect(text).toContain(`培训就业重点群体${f.keyGroupAll}人`);
    // The county's own words, the seal place and the date from county.yaml.
    expect(text).toContain('推行“订单培训、定向输送”，学员结业即上岗。');
    expect(text).toContain('科尔沁右翼前旗人力资源和社会保障局2026年10月20日（联系人：王海涛联系电话：(0482)5812345）');
    expect(text).toContain(`附件：${EXAMPLE_NAME}信用承诺书`);
    expect(text).toContain('兴安盟就业服务中心：');
    const docx = readFileSync(path.join(target, 'documents/推荐报告', `01-${EXAMPLE_NAME}-中式烹调师.docx`));
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('writes the evaluation result report of the review: self-score, county score, grade, grounds for removal', async () => {
    const [pdf] = docs('评价结果报告').filter((n) => n.endsWith('.pdf'));
    expect(pdf).toBe(`04-${REVIEW_NAME}-中式烹调师.pdf`);
    const text = (await pdfText(readFileSync(path.join(target, 'documents/评价结果报告', pdf!)))).replace(/\s+/g, '');
    expect(text).toContain('复评评价结果报告');
    expect(text).toMatch(/合计100[\d.]+65/);
    expect(text).toContain('合格');
    expect(text).toContain('建议直接取消其盟级职业技能培训品牌资格');
    // The grounds of 第十三条 as the notice words them (read from the DOCX, where a table cell's text is not interleaved with its row).
    const xml = new TextDecoder().decode(unzipSync(readFileSync(path.join(target, 'documents/评价结果报告', pdf!.replace(/\.pdf$/, '.docx'))))['word/document.xml']);
    expect(xml).toContain('盟级职业技能培训品牌未与具有与品牌相关专业的企业签订长期稳定的培训就业协议，提升技能和就业效果不明显的');
    expect(xml).toContain('存在：附就业协议的合作企业 0 家，少于 3 家');
    expect(result.stdout).toMatch(/取消情形：.*签订长期稳定的培训就业协议/);
  });

  it('writes the summary as XLSX with one row per package, numbers as numbers, and as PDF', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(target, 'documents/汇总表.xlsx'));
    const ws = wb.worksheets[0]!;
    const rows: Record<string, unknown>[] = [];
    let header: string[] = [];
    ws.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1);
      if (values[0] === '序号') header = values.map(String);
      else if (header.length && typeof values[0] === 'number') rows.push(Object.fromEntries(header.map((h, i) => [h, values[i]])));
    });
    expect(rows.map((r) => r['序号'])).toEqual([1, 2, 3, 4, 5]);
    const { report } = await loadExample();
    const good = rows[0]!;
    expect(good['培训机构']).toBe(EXAMPLE_NAME);
    expect(good['培训人数']).toBe(report.figures!.trained);
    expect(good['合格率']).toBeCloseTo(Math.round(report.figures!.passRate * 10) / 1000, 5);
    expect([good['符合条件'], good['推荐'], good['材料包']]).toEqual(['是', '推荐', '完好']);
    expect([rows[1]!['培训机构'], rows[1]!['申报级别'], rows[1]!['符合条件'], rows[1]!['推荐'], rows[1]!['材料包']]).toEqual([SHORT_NAME, '自治区级', '否', '不能推荐', '未封装']);
    expect([rows[2]!['培训机构'], rows[2]!['材料包']]).toEqual(['03-损坏.zip', '无法读取']);
    expect([rows[3]!['类型'], rows[3]!['旗县评分'], rows[3]!['等级'], rows[3]!['推荐']]).toEqual(['复评', 65, '合格', '报送']);
    expect([rows[4]!['推荐'], rows[4]!['材料包']]).toEqual(['推荐', '未封装']);
    const pdf = await pdfText(readFileSync(path.join(target, 'documents/汇总表.pdf')));
    // The year of the figures (上年度), not of the filing.
    expect(pdf).toContain('科尔沁右翼前旗2025年度职业技能培训品牌申报汇总表');
    expect(pdf).toContain(SHORT_NAME.slice(0, 8));
  });

  it('makes the print set in triplicate, with the forwarded applicants’ own volumes unchanged', async () => {
    const copies = ['第1份.pdf', '第2份.pdf', '第3份.pdf'].map((n) => readFileSync(path.join(target, 'print', n)));
    const pages = await Promise.all(copies.map(async (b) => (await PDFDocument.load(b)).getPageCount()));
    expect(new Set(pages).size).toBe(1);
    expect(await pdfText(copies[1]!)).toMatch(/第\s*2\s*份\s*\/\s*共\s*3\s*份/);
    const contents = await pdfText(copies[0]!);
    expect(contents).toContain('汇总表');
    expect(contents).toContain(`推荐报告：${EXAMPLE_NAME}`);
    expect(contents).toContain(`信用承诺书：${EXAMPLE_NAME}`);
    expect(contents).toContain(`评价结果报告：${REVIEW_NAME}`);
    const forwarded = readdirSync(path.join(target, 'print/申报单位')).sort();
    expect(forwarded).toEqual([`01-${EXAMPLE_NAME}-中式烹调师`, `04-${REVIEW_NAME}-中式烹调师`, `05-${PLAIN_NAME}-中式烹调师`]);
    const built = path.join(inject('exampleBuild').dir, 'print', '第1份.pdf');
    expect(readFileSync(path.join(target, 'print/申报单位', forwarded[0]!, '第1份.pdf')).equals(readFileSync(built))).toBe(true);
  });

  it('makes a disc that verifies as a whole, as zip and ISO, and applicant by applicant', async () => {
    const name = '科尔沁右翼前旗-2026年推荐材料';
    for (const t of ['disc', `${name}.zip`, `${name}.iso`]) {
      const r = await run(['verify', path.join(target, t)]);
      expect(r.stdout, t).toMatch(/核验通过/);
      expect(r.code, t).toBe(0);
    }
    const applicants = readdirSync(path.join(target, 'disc/data/申报单位')).sort();
    expect(applicants).toEqual([`01-${EXAMPLE_NAME}-中式烹调师`, `04-${REVIEW_NAME}-中式烹调师`, `05-${PLAIN_NAME}-中式烹调师`]);
    for (const a of applicants) expect((await run(['verify', path.join(target, 'disc/data/申报单位', a)])).code, a).toBe(0);
    // The applicant's bag is the one it handed in, byte for byte.
    const inner = path.join(target, 'disc/data/申报单位', applicants[0]!, 'manifest-sha256.txt');
    const handed = path.join(inject('exampleBuild').dir, 'disc', 'manifest-sha256.txt');
    expect(readFileSync(inner).equals(readFileSync(handed))).toBe(true);
    const county = readdirSync(path.join(target, 'disc/data/旗县市材料'));
    expect(county).toEqual(expect.arrayContaining(['汇总表.pdf', '汇总表.xlsx', '推荐报告', '评价结果报告', '打印册', '审核记录.txt', 'county.yaml']));
  });

  it('keeps an audit record of every package', async () => {
    const record = readFileSync(path.join(target, '审核记录.txt'), 'utf8');
    expect(record.startsWith('\ufeff')).toBe(true);
    for (const n of ['01-天骄.zip', '02-新技能', '03-损坏.zip', '04-草原.iso', '05-牧乡']) expect(record).toContain(n);
    expect(record).not.toMatch(/\x1b\[/);
    // The copies of the example share its trainees: listed masked, never in full.
    const { report } = await loadExample();
    const ids = report.roster!.trainees.map((t) => t.idNumber);
    expect(record).toMatch(/240 个身份证号同时出现在 4 个单位的花名册中/);
    // Every one of them, though the message itself names only the first few.
    for (const id of ids) expect(record).toContain(`${id.slice(0, 6)}********${id.slice(-4)}`);
    expect(record).toContain('同时出现在不同单位花名册中的身份证号（隐去中间数字），共 240 个');
    expect(record).toMatch(/……共 240 个，全部列在汇总表和审核记录中/);
    for (const id of ids) expect(record).not.toContain(id);
  });

  it('gives the same bytes for the same input and SOURCE_DATE_EPOCH', async () => {
    const again = path.join(root, 'out2');
    const r = await run(['county', '收件', '--out', again, '--jobs', '1'], { cwd: root, env: EPOCH });
    expect(r.code).toBe(1);
    const name = '科尔沁右翼前旗-2026年推荐材料';
    for (const f of [`${name}.iso`, 'documents/汇总表.xlsx', 'disc/manifest-sha256.txt']) {
      expect(readFileSync(path.join(again, name, f)).equals(readFileSync(path.join(target, f))), f).toBe(true);
    }
  }, 120_000);
});

describe('shenbao county with bad packages', () => {
  it('gives each bad package its line and still processes the others', async () => {
    const dir = tempDir('county-bad-');
    const good = inject('exampleBuild').dir;
    const bag = { 'pkg/bagit.txt': Buffer.from('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n') };
    writeFileSync(path.join(dir, 'slip.zip'), zipSync({ ...bag, '../escaped.txt': Buffer.from('x') }));
    // A zip whose directory claims three entries of 3.75 GB each: more than any disc holds.
    const bomb = Buffer.from(zipSync({ 'pkg/bagit.txt': bag['pkg/bagit.txt'], 'pkg/data/a.bin': new Uint8Array(1000), 'pkg/data/b.bin': new Uint8Array(1000), 'pkg/data/c.bin': new Uint8Array(1000) }, { level: 9 }));
    for (let at = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at >= 0; at = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) {
      if (bomb.readUInt32LE(at + 24) === 1000) bomb.writeUInt32LE(0xf0000000, at + 24);
    }
    writeFileSync(path.join(dir, 'bomb.zip'), bomb);
    writeFileSync(path.join(dir, 'notes.pdf'), '%PDF-1.4\n%%EOF\n');
    const r = await run(['county', good, path.join(good, `${path.basename(good)}.zip`), path.join(dir, 'slip.zip'), path.join(dir, 'bomb.zip'), path.join(dir, 'notes.pdf'), '--county', '科尔沁右翼前旗', '--out', path.join(dir, 'out')], { cwd: dir, env: EPOCH });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/重复报送：与 .* 是同一单位的同一品牌工种/);
    expect(r.stdout).toMatch(/指向包外/);
    expect(r.stdout).toMatch(/bomb\.zip 解压后超过 8\.5 GB（最大一张光盘的容量）.*压缩炸弹/);
    expect(r.stdout).toMatch(/notes\.pdf 不是申报材料包：它是 PDF 文档/);
    expect(existsSync(path.join(dir, 'escaped.txt'))).toBe(false);
    expect(existsSync(path.join(dir, '..', 'escaped.txt'))).toBe(false);
    const target = path.join(dir, 'out', '科尔沁右翼前旗-2026年推荐材料');
    // Nothing was decided (no county.yaml) and the duplicates go nowhere: the disc holds the county's files only.
    expect(existsSync(path.join(target, 'disc/data/申报单位'))).toBe(false);
    expect(readdirSync(path.join(dir, 'out'))).toEqual(['科尔沁右翼前旗-2026年推荐材料']);
    expect((await run(['verify', path.join(target, 'disc')])).code).toBe(0);
    // The county's own output is never taken for an applicant's package.
    const again = await run(['county', path.join(dir, 'out'), '--county', '科尔沁右翼前旗', '--out', path.join(dir, 'out2')], { cwd: dir, env: EPOCH });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/不是申报材料包：它是一个普通文件夹/);
    expect(again.stderr).toMatch(/没有找到任何申报材料包/);
    expect(again.stderr).not.toMatch(/data\/申报数据\/submission\.yaml/);
    expect(existsSync(path.join(dir, 'out2'))).toBe(false);
  }, 120_000);

  it('accounts for every item of an inbox folder: what is no package gets its line, in the terminal and the audit record', async () => {
    const dir = tempDir('county-inbox-');
    const inbox = path.join(dir, '收件');
    mkdirSync(path.join(inbox, '其他资料'), { recursive: true });
    const built = inject('exampleBuild').dir;
    copyFileSync(path.join(built, `${path.basename(built)}.zip`), path.join(inbox, '天骄.zip'));
    writeFileSync(path.join(inbox, '说明.txt'), '附：各单位联系人');
    writeFileSync(path.join(inbox, '其他资料', 'a.txt'), 'x');
    writeFileSync(path.join(inbox, '.DS_Store'), 'x');
    const r = await run(['county', '收件', '--county', '科尔沁右翼前旗', '--out', 'out'], { cwd: dir, env: EPOCH });
    const all = r.stdout + r.stderr;
    expect(all).toMatch(/收件\/说明\.txt[\s\S]*不是申报材料包/);
    expect(all).toMatch(/收件\/其他资料[\s\S]*不是申报材料包/);
    expect(all).not.toContain('.DS_Store');
    const record = readFileSync(path.join(dir, 'out', '科尔沁右翼前旗-2026年推荐材料', '审核记录.txt'), 'utf8');
    expect(record).toContain('收件/说明.txt');
    expect(record).toContain('收件/其他资料');
    expect(record).toContain('科尔沁右翼前旗天骄职业技能培训学校');
  }, 120_000);

  it('stops before any work when a package named on the command line does not exist', async () => {
    const dir = tempDir('county-typo-');
    const r = await run(['county', EXAMPLE_DIR, '收件/不存在.zip', '--county', '科尔沁右翼前旗', '--out', path.join(dir, 'out'), '--json'], { cwd: dir });
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, exitCode: 3, diagnostics: [{ code: 'file.unreadable', file: '收件/不存在.zip' }] });
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('stops with the place of a mistake in county.yaml and writes nothing', async () => {
    const dir = tempDir('county-yaml-');
    writeFileSync(path.join(dir, 'county.yaml'), 'county:\n  name: 突泉县\n  date: 2026-13-01\napplicants:\n  - institution: 某学校\n    trade: 电工\n    recommend: 是\n');
    const r = await run(['county', EXAMPLE_DIR, '--out', path.join(dir, 'out')], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/county\.yaml:3:\d+/);
    expect(r.stderr).toMatch(/county\.yaml:7:\d+/);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
    const j = await run(['county', EXAMPLE_DIR, '--out', path.join(dir, 'out'), '--json'], { cwd: dir });
    expect(JSON.parse(j.stdout)).toMatchObject({ ok: false, exitCode: 1 });
  });
});
