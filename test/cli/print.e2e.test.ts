import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFArray, PDFDocument, PDFName } from '#pdf-lib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { run } from '../helpers/cli.js';
import { baseSubmission, cleanup, tempDir, writeFixture } from '../helpers/fixture.js';
import { leftEdge, pdfFonts, pdfPages, pdfPageText, pdfStructure, pdfText } from '../helpers/pdf.js';

afterAll(cleanup);

const flat = (s: string) => s.replace(/\s+/g, '');

describe('the print set of the example', () => {
  const dir = inject('exampleBuild').dir;
  let volumes: Uint8Array[];
  let covers: string[];
  let pages: string[];
  beforeAll(async () => {
    volumes = [1, 2, 3].map((k) => new Uint8Array(readFileSync(path.join(dir, 'print', `第${k}份.pdf`))));
    pages = await pdfPages(volumes[0]!);
    covers = [pages[0]!, ...(await Promise.all(volumes.slice(1).map((v) => pdfPageText(v, 1))))];
  });

  it('writes three volumes and a spine label', async () => {
    expect(readdirSync(path.join(dir, 'print')).sort()).toEqual(['书脊.pdf', '第1份.pdf', '第2份.pdf', '第3份.pdf']);
  });

  it('has a cover with the package title and the copy mark, different in each copy only there', async () => {
    const c = covers.map(flat);
    expect(c[0]).toContain('兴安盟级示范性职业技能培训品牌申报材料');
    expect(c[0]).toContain('科尔沁右翼前旗天骄职业技能培训学校');
    expect(c[0]).toContain('申报日期：2026年10月12日');
    expect(c[0]).toContain('所在旗县市：科尔沁右翼前旗');
    expect(c.map((x) => /第(\d)份\/共3份/.exec(x)?.[1])).toEqual(['1', '2', '3']);
    // Every other page is the same drawing in every copy: compare the pages' content streams.
    const streams = await Promise.all(
      volumes.map(async (v) => {
        const doc = await PDFDocument.load(v, { updateMetadata: false });
        const bytesOf = (o: unknown): string =>
          o instanceof PDFArray ? o.asArray().map((r) => bytesOf(doc.context.lookup(r))).join('|') : Buffer.from((o as { getContents(): Uint8Array }).getContents()).toString('base64');
        return doc.getPages().slice(1).map((p) => bytesOf(doc.context.lookup(p.node.get(PDFName.of('Contents')))));
      }),
    );
    expect(streams[0]!.length).toBe(pages.length - 1);
    expect(streams[1]).toEqual(streams[0]);
    expect(streams[2]).toEqual(streams[0]);
  });

  it('lists each material with its first page, which is right-hand and where the material is', async () => {
    const contents = pages[2]!;
    expect(flat(contents)).toContain('目录');
    const entries = [...contents.matchAll(/^\s*(\d+)\s+(\S+)\s+(\d+)\s*$/gm)].map((m) => ({ number: Number(m[1]), name: m[2]!, page: Number(m[3]) }));
    expect(entries.map((e) => e.name)).toEqual([
      '申请表', '推荐表', '培训机构及品牌简介', '企业/机构信用报告', '中国裁判文书网截图', '信用承诺书', '上一年度培训品牌花名册', '培训后就业花名册及证明材料', '培训品牌成果证明材料', '自评分表',
    ]);
    expect(entries.every((e) => e.page % 2 === 1)).toBe(true);
    const at = (name: string) => flat(pages[entries.find((e) => e.name === name)!.page - 1]!);
    expect(at('申请表')).toContain('兴安盟级示范性职业技能培训品牌申请表');
    expect(at('推荐表')).toContain('兴安盟级示范性职业技能培训品牌推荐表');
    expect(at('信用承诺书')).toContain('信用承诺书');
    expect(at('上一年度培训品牌花名册')).toContain('2025年度职业技能培训学员花名册');
    expect(at('中国裁判文书网截图')).toContain('附：中国裁判文书网截图');
    expect(at('自评分表')).toContain('职业技能培训品牌评价指标');
  });

  it('puts 此页无正文 on the blank left pages and numbers every page but the covers (the volume’s and the 申请表)', async () => {
    const cover = pages.findIndex((p) => flat(p).includes('项目名称')) + 1;
    expect(cover).toBe(5);
    pages.forEach((text, i) => {
      const n = i + 1;
      if (n === 1 || n === cover) expect(text, `page ${n}`).not.toMatch(new RegExp(`—\\s*${n}\\s*—`));
      else expect(text, `page ${n}`).toMatch(new RegExp(`—\\s*${n}\\s*—`));
      if (flat(text).startsWith('此页无正文')) expect(n % 2).toBe(0);
    });
    expect(flat(pages[1]!)).toMatch(/^此页无正文/);
  });

  it('has every page of every attachment, in the order of the material list', async () => {
    const doc = await PDFDocument.load(volumes[0]!);
    expect(doc.getPageCount()).toBe(pages.length);
    // The licence copy (2 pages) follows the brief; the partners' agreements close material 8.
    const licence = pages.findIndex((p) => flat(p).includes('民办学校办学许可证'));
    expect(flat(pages[licence + 1]!)).toContain('民办学校办学许可证');
    expect(flat(pages[licence - 1]!)).toMatch(/培训机构|发展规划|品牌/);
    const captions = pages.map((p) => /附：(.+?)（/.exec(flat(p))?.[1]).filter(Boolean);
    expect(captions.indexOf('兴安盟蒙味源餐饮管理有限公司基本情况')).toBeLessThan(captions.indexOf('中国裁判文书网截图'));
    expect(captions.filter((c) => c!.includes('基本情况'))).toHaveLength(4);
    const sizes = doc.getPages().map((p) => `${Math.round(p.getWidth())}x${Math.round(p.getHeight())}`);
    expect(new Set(sizes)).toEqual(new Set(['595x842', '842x595']));
  });

  it('keeps the binding margin on the spine side: text starts 28 mm in on right-hand pages, 26 mm on left-hand ones', async () => {
    // The brief's pages: running text whose lines start at the edge of the text area.
    const brief = pages.findIndex((p) => flat(p).startsWith('培训机构及品牌简介')) + 1;
    const mm = (pt: number) => Math.round((pt * 25.4) / 72);
    const edges = await Promise.all([brief, brief + 1, brief + 2].map(async (n) => [n % 2, mm(await leftEdge(volumes[0]!, n))]));
    expect(edges).toEqual([[1, 28], [0, 26], [1, 28]]);
    expect((await pdfStructure(volumes[0]!)).pages).toBe(pages.length);
    expect((await pdfFonts(volumes[0]!)).every((f) => f.embedded)).toBe(true);
  });

  it('makes a spine as wide as the sheets, with the institution on it', async () => {
    const spine = readFileSync(path.join(dir, 'print', '书脊.pdf'));
    const doc = await PDFDocument.load(spine);
    const [page] = doc.getPages();
    const mm = (page!.getWidth() * 25.4) / 72;
    expect(mm).toBeCloseTo(Math.ceil(pages.length / 2) * 0.1, 1);
    expect(flat(await pdfText(new Uint8Array(spine)))).toContain('科尔沁右翼前旗天骄职业技能培训学校');
  });
});

describe('thick volumes', () => {
  it('warns when the volume is too thick for one perfect binding', async () => {
    const s = baseSubmission() as Record<string, any>;
    s.print = { copies: 1, sheetThickness: 1, maxSpine: 10 };
    const r = await run(['build', writeFixture(s), '--out', tempDir('out-'), '-q']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/超过一次胶装的 10 mm/);
  });
});
