import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../src/render/docx.js';
import { renderPdf } from '../../src/render/pdf.js';
import { numberPdf } from '../../src/render/page-numbers.js';
import { renderXlsx } from '../../src/render/xlsx.js';
import { doc, loadExample, type Example } from '../helpers/example.js';
import { pdfFonts, pdfInfo, pdfPageText, pdfText } from '../helpers/poppler.js';

let ex: Example;
const meta = { title: 't', author: '科尔沁右翼前旗天骄职业技能培训学校', subject: 's & <x>', date: new Date('2026-10-12T00:00:00Z') };
const pdfs: Record<string, Uint8Array> = {};

beforeAll(async () => {
  ex = await loadExample();
  for (const d of ex.docs) pdfs[d.plan.formId] = await renderPdf(d.form, ex.fonts, { ...meta, title: d.form.title });
});

const docxXml = (bytes: Uint8Array, name = 'word/document.xml') => new TextDecoder().decode(unzipSync(bytes)[name]);

describe('PDF', () => {
  it('embeds and subsets every font it uses', () => {
    for (const [id, bytes] of Object.entries(pdfs)) {
      const fonts = pdfFonts(bytes);
      expect(fonts.length, id).toBeGreaterThan(0);
      for (const f of fonts) expect([id, f.name, f.emb, f.sub, f.uni]).toEqual([id, f.name, 'yes', 'yes', 'yes']);
      expect(fonts.every((f) => /^[A-Z]{6}\+/.test(f.name))).toBe(true);
    }
  });

  it('prints the filled values, found again by text extraction', () => {
    // Cells wrap long values over lines; compare without the line breaks.
    const rec = pdfText(pdfs.recommendation!).replace(/\s+/g, '');
    // (The institution's name wraps inside its narrow cell, so text extraction interleaves it with the next column.)
    for (const v of ['兴安盟级示范性职业技能培训品牌推荐表', '中式烹调师', '2012年4月16日', '白永胜', '92.5', '240', '152', '培训机构基本情况', '示范带动作用']) {
      expect(rec, v).toContain(v);
    }
    expect(pdfText(pdfs.pledge!).replace(/\s+/g, '')).toContain('科尔沁右翼前旗天骄职业技能培训学校郑重作出以下承诺');
    expect(pdfText(pdfs['application-cover']!)).toContain('二〇二六年十月');
  });

  it('draws the rare name characters with the fallback font, not as empty boxes', () => {
    const roster = pdfText(pdfs.roster!);
    for (const name of ['𠮷庆华', '王喆', '李堃', '张㛃']) expect(roster, name).toContain(name);
    expect(pdfFonts(pdfs.roster!).map((f) => f.name.split('+')[1])).toContain('LXGWWenKai-Regular');
  });

  it('repeats the roster header on every page and prints every trainee once', () => {
    const pages = Number(pdfInfo(pdfs.roster!).Pages);
    expect(pages).toBeGreaterThan(10);
    for (const p of [1, 2, pages]) expect(pdfPageText(pdfs.roster!, p)).toMatch(/序号\s+姓名.*民族\s+身份证号码\s+工种/);
    const ids = ex.report.roster!.trainees.map((t) => t.idNumber);
    const text = pdfText(pdfs.roster!);
    expect(ids.filter((id) => !text.includes(id))).toEqual([]);
    expect(pdfInfo(pdfs.roster!)['Page size']).toMatch(/841\.89 x 595\.28/);
  });

  it('numbers pages as — n —, odd pages right and even pages left', async () => {
    const numbered = await numberPdf(pdfs.recommendation!);
    expect(pdfText(pdfs.recommendation!)).not.toMatch(/—\s*1\s*—/); // rendered bare, numbered after
    const line = (page: number) => pdfPageText(numbered, page).split('\n').find((l) => new RegExp(`—\\s*${page}\\s*—`).test(l))!;
    expect(line(1).indexOf('—')).toBeGreaterThan(40);
    expect(line(2).indexOf('—')).toBeLessThan(20);
    expect(pdfText(pdfs['application-cover']!)).not.toMatch(/—\s*1\s*—/);
  });

  it('writes metadata, with characters that need escaping intact', () => {
    const info = pdfInfo(pdfs.recommendation!);
    expect(info.Title).toBe('兴安盟级示范性职业技能培训品牌推荐表');
    expect(info.Author).toBe('科尔沁右翼前旗天骄职业技能培训学校');
    expect(info.Subject).toBe('s & <x>');
  });

  it('is byte-identical for the same input and date', async () => {
    const d = doc(ex, 'recommendation');
    const again = await renderPdf(d.form, ex.fonts, { ...meta, title: d.form.title });
    expect(Buffer.from(again).equals(Buffer.from(pdfs.recommendation!))).toBe(true);
    const r = doc(ex, 'roster');
    const a = await renderPdf(r.form, ex.fonts, meta);
    const b = await renderPdf(r.form, ex.fonts, meta);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

describe('DOCX', () => {
  it('holds the filled values, the merged performance cell and both label/value pairs', async () => {
    const d = doc(ex, 'recommendation');
    const xml = docxXml(await renderDocx(d.form, ex.fonts, meta));
    for (const v of ['中式烹调师', '科尔沁右翼前旗天骄职业技能培训学校', '92.5', '培训机构基本情况']) expect(xml, v).toContain(v);
    expect(xml).toMatch(/<w:vMerge w:val="restart"\/>/);
    expect(xml).toMatch(/<w:gridSpan w:val="2"\/>/);
    expect(xml).toContain('<w:tblHeader/>'); // the narrative sections' titles repeat
  });

  it('writes odd and even page-number footers with Word page fields', async () => {
    const bytes = await renderDocx(doc(ex, 'recommendation').form, ex.fonts, meta);
    const files = unzipSync(bytes);
    expect(new TextDecoder().decode(files['word/settings.xml'])).toContain('evenAndOddHeaders');
    const footers = Object.keys(files).filter((n) => /^word\/footer\d+\.xml$/.test(n)).map((n) => new TextDecoder().decode(files[n]));
    expect(footers.filter((f) => f.includes('PAGE'))).toHaveLength(2);
  });

  it('writes the roster table with a repeated header and every trainee', async () => {
    const xml = docxXml(await renderDocx(doc(ex, 'roster').form, ex.fonts, meta));
    expect(xml.match(/<w:tr>/g)).toHaveLength(241);
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(xml).toContain('𠮷庆华');
    expect(xml).toContain('w:orient="landscape"');
  });

  it('is byte-identical for the same input and date, with the date in its core properties', async () => {
    const d = doc(ex, 'pledge');
    const a = await renderDocx(d.form, ex.fonts, meta);
    const b = await renderDocx(d.form, ex.fonts, meta);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(docxXml(a, 'docProps/core.xml')).toContain('2026-10-12T00:00:00Z');
  });
});

describe('XLSX', () => {
  it('writes the roster with its title, header, every row as text, and print settings', async () => {
    const bytes = await renderXlsx(doc(ex, 'roster').form, ex.fonts, meta);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('花名册')!;
    const title = ws.getRow(2).getCell(1);
    expect(title.value).toBe('2025年度职业技能培训学员花名册');
    expect(title.isMerged).toBe(true);
    const headerRow = [...Array(10)].map((_, i) => ws.getRow(4).getCell(i + 1).value);
    expect(headerRow).toEqual(['序号', '姓名', '性别', '民族', '身份证号码', '工种', '授课\n教师', '就业单位', '住址', '联系电话']);
    expect(ws.rowCount).toBe(4 + 240);
    const ids = ex.report.roster!.trainees.map((t) => t.idNumber);
    expect(ws.getRow(5).getCell(5).value).toBe(ids[0]);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.printTitlesRow).toBe('4:4');
    const again = await renderXlsx(doc(ex, 'roster').form, ex.fonts, meta);
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });
});
