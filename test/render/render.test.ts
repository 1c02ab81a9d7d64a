import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { docxBody, renderDocx } from '../../src/render/docx.js';
import { PDFDocument } from '#pdf-lib';
import { withoutPageNumbers } from '../../src/assemble/form-pages.js';
import { pdfDefinition } from '../../src/render/pdf.js';
import { renderPdf } from '../../src/render/render.js';
import { renderXlsx } from '../../src/render/xlsx.js';
import { doc, loadExample, type Example } from '../helpers/example.js';
import { pdfFonts, pdfStructure, pdfText, readPdf } from '../helpers/pdf.js';

let ex: Example;
const meta = { title: 't', author: '科尔沁右翼前旗天骄职业技能培训学校', subject: 's & <x>', date: new Date('2026-10-12T00:00:00Z') };
const pdfs: Record<string, Uint8Array> = {};

beforeAll(async () => {
  ex = await loadExample();
  for (const d of ex.docs) pdfs[d.plan.formId] = await renderPdf(d.form, ex.fonts, { ...meta, title: d.form.title });
});

const docxXml = (bytes: Uint8Array, name = 'word/document.xml') => new TextDecoder().decode(unzipSync(bytes)[name]);
const flat = (s: string) => s.replace(/\s+/g, '');

/** Every value of a key anywhere in a nested object (the docx and pdfmake trees). */
function findAll(tree: unknown, key: string): unknown[] {
  const out: unknown[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === key) out.push(x);
        walk(x);
      }
    }
  };
  walk(tree);
  return out;
}

describe('the pdfmake document definition', () => {
  it('sets the page after GB/T 9704 and keeps the table rows whole, with the header repeated', () => {
    const d = doc(ex, 'recommendation');
    const dd = pdfDefinition(d.form, ex.fonts, meta) as { pageSize: string; pageMargins: number[]; subset: string; content: unknown[]; info: Record<string, unknown> };
    expect(dd.pageSize).toBe('A4');
    // 37 mm top, 28 mm binding side, 26 mm outer, 35 mm bottom.
    expect(dd.pageMargins.map((x) => Math.round((x * 25.4) / 72))).toEqual([28, 37, 26, 35]);
    expect(dd.subset).toBe('PDF/A-2b');
    expect(dd.info).toMatchObject({ title: 't', creationDate: meta.date, modDate: meta.date });
    const tables = findAll(dd.content, 'table') as { headerRows: number; dontBreakRows: boolean; body: unknown[][] }[];
    // The main table, then each narrative section with its title repeated and its rows allowed to break.
    expect(tables[0]!.dontBreakRows).toBe(true);
    expect(tables.slice(1).map((t) => t.headerRows)).toEqual([1, 1, 1, 1, 1]);
    expect(tables.slice(1).every((t) => !t.dontBreakRows)).toBe(true);
  });

  it('splits a rare character into a run of the fallback face, so it is never an empty box', async () => {
    const { parasOf } = await import('../../src/forms/model.js');
    const form = doc(ex, 'pledge').form;
    const rare = { ...form, blocks: [{ type: 'para' as const, para: { text: '学员𠮷庆华', font: 'serif' as const, size: 'body' as const, align: 'left' as const } }] };
    const dd = pdfDefinition(rare, ex.fonts, meta) as { content: { text: { text: string; font: string }[] }[] };
    expect(dd.content[0]!.text).toEqual([{ text: '学员', font: 'serif' }, { text: '𠮷', font: 'kai' }, { text: '庆华', font: 'serif' }]);
    expect([...parasOf(rare)]).toHaveLength(1);
  });
});

describe('PDF', () => {
  it('embeds and subsets every font it uses', async () => {
    for (const [id, bytes] of Object.entries(pdfs)) {
      const fonts = await pdfFonts(bytes);
      expect(fonts.length, id).toBeGreaterThan(0);
      for (const f of fonts) expect([id, f.name, f.embedded]).toEqual([id, f.name, true]);
      expect(fonts.every((f) => /^[A-Z]{6}\+/.test(f.name)), id).toBe(true);
    }
  });

  it('prints the filled values, found again by text extraction', async () => {
    // Cells wrap long values over lines; compare without the line breaks.
    const rec = flat(await pdfText(pdfs.recommendation!));
    for (const v of ['兴安盟级示范性职业技能培训品牌推荐表', '中式烹调师', '2012年4月16日', '白永胜', '92.5', '240', '152', '培训机构基本情况', '示范带动作用']) {
      expect(rec, v).toContain(v);
    }
    expect(flat(await pdfText(pdfs.pledge!))).toContain('科尔沁右翼前旗天骄职业技能培训学校郑重作出以下承诺');
    expect(await pdfText(pdfs['application-cover']!)).toContain('二〇二六年十月');
  });

  it('draws the rare name characters with the fallback font, not as empty boxes', async () => {
    const roster = await pdfText(pdfs.roster!);
    for (const name of ['𠮷庆华', '王喆', '李堃', '张㛃']) expect(roster, name).toContain(name);
    expect((await pdfFonts(pdfs.roster!)).map((f) => f.name.split('+')[1])).toContain('LXGWWenKai-Regular');
  });

  it('repeats the roster header on every page and prints every trainee of the brand trade once', async () => {
    const read = await readPdf(pdfs.roster!);
    const pages = read.pages.length;
    expect(pages).toBeGreaterThan(10);
    for (const p of [0, 1, pages - 1]) expect(flat(read.pages[p]!.text)).toMatch(/序号姓名.*民族身份证号码工种/);
    // The roster prints the trainees counted in the figures: the brand trade's, each once.
    const ids = ex.report.roster!.trainees.filter((t) => t.brandTrade && !t.duplicate).map((t) => t.idNumber);
    const text = read.pages.map((p) => p.text).join('\n');
    expect(ids.filter((id) => !text.includes(id))).toEqual([]);
    const { sizes } = await pdfStructure(pdfs.roster!);
    expect(sizes.every((s) => Math.round(s.width) === 842 && Math.round(s.height) === 595)).toBe(true);
  });

  it('numbers pages as — n —, odd pages right and even pages left', async () => {
    const read = await readPdf(pdfs.recommendation!);
    const number = (page: number) => read.pages[page - 1]!.items.find((i) => new RegExp(`^—\\s*${page}\\s*—$`).test(i.str.trim()))!;
    expect(number(1).x).toBeGreaterThan(read.pages[0]!.width / 2);
    expect(number(2).x).toBeLessThan(read.pages[1]!.width / 2);
    // 7 mm below the text area, which ends 35 mm from the foot: the 14 pt number's baseline ~24 mm up.
    const mmUp = number(1).y / (72 / 25.4);
    expect(mmUp).toBeGreaterThan(22);
    expect(mmUp).toBeLessThan(26);
    // The grid path (the roster) numbers its pages the same way.
    const roster = await readPdf(pdfs.roster!);
    expect(roster.pages.map((p, i) => p.items.some((it) => new RegExp(`^—\\s*${i + 1}\\s*—$`).test(it.str.trim())))).toEqual(roster.pages.map(() => true));
    expect(await pdfText(pdfs['application-cover']!)).not.toMatch(/—\s*1\s*—/);
  });

  it('a print volume takes the pages without their numbers, and nothing else is lost', async () => {
    for (const id of ['recommendation', 'roster']) {
      const doc = await PDFDocument.load(pdfs[id]!);
      withoutPageNumbers(doc);
      const before = await readPdf(pdfs[id]!);
      const after = await readPdf(await doc.save());
      const numberless = (t: string) => flat(t.replace(/—\s*\d+\s*—/g, ''));
      expect(after.pages.map((p) => flat(p.text))).toEqual(before.pages.map((p) => numberless(p.text)));
      expect(after.pages.some((p) => /—\s*\d+\s*—/.test(p.text))).toBe(false);
    }
  });

  it('writes metadata, with characters that need escaping intact', async () => {
    const { info, xmp } = await readPdf(pdfs.recommendation!);
    expect(info.Title).toBe('兴安盟级示范性职业技能培训品牌推荐表');
    expect(info.Author).toBe('科尔沁右翼前旗天骄职业技能培训学校');
    expect(info.Subject).toBe('s & <x>');
    expect(xmp).toContain('s &amp; &lt;x&gt;');
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

  it('renders two forms at once exactly as one after the other (no shared font table)', async () => {
    const a = doc(ex, 'pledge');
    const b = doc(ex, 'application-cover');
    const [x, y] = await Promise.all([renderPdf(a.form, ex.fonts, { ...meta, title: a.form.title }), renderPdf(b.form, ex.fonts, { ...meta, title: b.form.title })]);
    expect(Buffer.from(x).equals(Buffer.from(pdfs.pledge!))).toBe(true);
    expect(Buffer.from(y).equals(Buffer.from(pdfs['application-cover']!))).toBe(true);
  });
});

describe('the docx tree', () => {
  it('has the recommendation form’s tables with spans, a merged performance cell and repeated section titles', () => {
    const body = docxBody(doc(ex, 'recommendation').form, ex.fonts);
    const tree = body.map((e) => e.prepForXml({ stack: [] } as never));
    const tables = tree.filter((t) => t && 'w:tbl' in t);
    expect(tables).toHaveLength(6);
    expect(findAll(tables[0], 'w:gridSpan').length).toBeGreaterThan(0);
    expect(findAll(tables[0], 'w:vMerge').length).toBeGreaterThan(0);
    // Each narrative section's title row (its first) repeats on every page it runs over; its prompts may break.
    const rows = (t: unknown) => (t as { 'w:tbl': { 'w:tr'?: { 'w:trPr'?: Record<string, { _attr?: { 'w:val': boolean } }>[] }[] }[] })['w:tbl'].flatMap((x) => (x['w:tr'] ? [x['w:tr']] : []));
    const on = (row: ReturnType<typeof rows>[number], key: string) => row[0]!['w:trPr']!.some((p) => key in p && p[key]!._attr?.['w:val'] !== false);
    for (const t of tables.slice(1)) {
      expect(rows(t).map((r) => on(r, 'w:tblHeader'))).toEqual([true, ...rows(t).slice(1).map(() => false)]);
      expect(rows(t).slice(1).every((r) => !on(r, 'w:cantSplit'))).toBe(true);
    }
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
    expect(xml.replace(/<[^>]+>/g, '')).toContain('𠮷庆华'); // 𠮷 in a run of its own (its fallback font)
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
