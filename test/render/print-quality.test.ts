/**
 * Print quality (issue #11): what a reader of the printed forms notices. Pages never end on a
 * heading, a prompt or the line a seal goes with; long paragraphs split across pages;
 * transliterated names break at their dots; 达斡尔族 fits its column; covers carry no page
 * number; the DOCX names a font for the characters 宋体 lacks; the XLSX prints on A4 with rows
 * as tall as their text. Each is checked on the rendered bytes (PDF text read back with
 * pdfjs, DOCX XML, XLSX read back with exceljs), and where LibreOffice is installed, on what
 * it makes of the Office files.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { PDFDocument } from '#pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { volumeMaterials } from '../../src/assemble/parts.js';
import { planVolume } from '../../src/assemble/layout.js';
import { drawVolumeBody, type LoadedPart } from '../../src/assemble/volume.js';
import { formContext } from '../../src/forms/context.js';
import { fillForm } from '../../src/forms/fill.js';
import type { Block, FilledForm, Para, Row } from '../../src/forms/model.js';
import { columnTextPt } from '../../src/paper/sheet.js';
import { LINE_PT, mm, SIZE_PT } from '../../src/paper/typography.js';
import { renderDocx } from '../../src/render/docx.js';
import { renderFormat, renderPdf } from '../../src/render/render.js';
import { lineTexts, Measure, wrap } from '../../src/render/wrap.js';
import { renderXlsx } from '../../src/render/xlsx.js';
import { rosterTemplate } from '../../src/roster/template.js';
import { doc, loadExample, type Example } from '../helpers/example.js';
import { SCHEME, tempDir } from '../helpers/fixture.js';
import { readPdf, type PageRead } from '../helpers/pdf.js';
import { crossCheck } from '../helpers/tools.js';

let ex: Example;
const meta = { title: 't', author: 'a', subject: 's', date: new Date('2026-10-12T00:00:00Z') };

beforeAll(async () => {
  ex = await loadExample();
});

const flat = (s: string) => s.replace(/\s+/g, '');
const docxXml = (bytes: Uint8Array) => new TextDecoder().decode(unzipSync(bytes)['word/document.xml']);
/** The w:p elements of a document, each as its XML. */
const paragraphsXml = (xml: string) => xml.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/g) ?? [];
const textOf = (p: string) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

/** A page's lines from the top, without blank ones and without its page number (— 3 —). */
const linesOf = (p: PageRead) => p.text.split('\n').map((l) => l.trim()).filter((l) => l && !/^—\s*\d+\s*—$/.test(l));
const lastLine = (p: PageRead) => flat(linesOf(p).at(-1) ?? '');

/** The same form with no paragraph keeping with the next (how it was laid out before). */
function withoutKeeps(form: FilledForm): FilledForm {
  const strip = (p: Para): Para => ({ ...p, keepWithNext: false });
  const rows = (rs: Row[]) => rs.map((r) => ({ ...r, cells: r.cells.map((c) => ({ ...c, paras: c.paras.map(strip) })) }));
  const blocks = form.blocks.map((b): Block => {
    if (b.type === 'para') return { ...b, para: strip(b.para) };
    if (b.type === 'seal') return { ...b, lines: b.lines.map(strip) };
    if (b.type === 'table') return { ...b, header: rows(b.header), rows: rows(b.rows) };
    return b;
  });
  return { ...form, blocks };
}

/** A form of the scheme filled from the example, with its brief text replaced. */
function briefForm(text: string): FilledForm {
  const ctx = formContext(ex.loaded.submission, SCHEME, ex.report);
  return fillForm({ template: SCHEME.forms.brief!, ctx, submission: ex.loaded.submission, scheme: SCHEME, brief: text });
}

/** A running-text paragraph of `n` characters (no punctuation, so it breaks anywhere). */
const filler = (n: number, ch = '学') => ch.repeat(n);

/**
 * Searches filler lengths for a layout that puts `probe` last on page 1 when nothing keeps
 * with the next — the situation the keeping is for — and returns that form with and without
 * its keeps. Fails (rather than passing vacuously) when no length in the range does.
 */
async function whereItWouldEndAPage(make: (n: number) => FilledForm, lengths: Iterable<number>, probe: string) {
  for (const n of lengths) {
    const form = make(n);
    const before = await readPdf(await renderPdf(withoutKeeps(form), ex.fonts, meta));
    if (before.pages.length > 1 && lastLine(before.pages[0]!).startsWith(probe)) {
      return { n, before, after: await readPdf(await renderPdf(form, ex.fonts, meta)) };
    }
  }
  throw new Error(`no filler length puts ${probe} at the foot of page 1`);
}

describe('keep with next, in the form model (so every renderer keeps it)', () => {
  const keeps = (form: FilledForm) => form.blocks.flatMap((b) => (b.type === 'para' && b.para.keepWithNext ? [b.para.text] : []));

  it('marks the label, the title, the brief’s headings and the line before a seal, and nothing else', () => {
    const brief = briefForm(`一、机构概况\n${filler(40)}\n（一）办学条件\n${filler(40)}`);
    expect(keeps(brief)).toEqual(['培训机构及品牌简介', `${ex.loaded.submission.institution.name}　中式烹调师`, '一、机构概况', '（一）办学条件']);
    const pledge = doc(ex, 'pledge').form;
    expect(keeps(pledge)).toEqual(['附件1-3', '信用承诺书', '九、本《信用承诺书》同意向社会公开。']);
    // The signer's seal keeps with the 主管部门公章 after it, by its last line.
    const seals = pledge.blocks.filter((b): b is Extract<Block, { type: 'seal' }> => b.type === 'seal');
    expect(seals.map((s) => s.lines.map((l) => !!l.keepWithNext))).toEqual([[false, true], [false]]);
  });

  it('marks each narrative prompt that has an answer, and leaves a heading with nothing after it alone', () => {
    const rec = doc(ex, 'recommendation').form;
    const prompts = rec.blocks.flatMap((b) => (b.type === 'table' ? b.rows.flatMap((r) => r.cells.flatMap((c) => c.paras.filter((p) => p.muted))) : []));
    expect(prompts.length).toBeGreaterThan(3);
    expect(prompts.every((p) => p.keepWithNext)).toBe(true);
    expect(keeps(briefForm(`${filler(40)}\n一、结语`))).not.toContain('一、结语');
  });
});

describe('keep with next: a heading, a prompt or a seal’s line never ends a page', () => {
  it('moves a brief heading that would end page 1 to page 2, with its paragraph', async () => {
    // 27 characters of 三号 make a line, 25 after the indent: step a line at a time.
    const { before, after } = await whereItWouldEndAPage((n) => briefForm(`一、机构概况\n${filler(25 + 27 * n)}\n二、师资队伍\n${filler(60, '教')}`), [13, 14, 15, 16, 17], '二、师资队伍');
    expect(lastLine(before.pages[0]!)).toBe('二、师资队伍'); // the fault, as it was
    expect(lastLine(after.pages[0]!)).not.toContain('二、师资队伍');
    const page2 = linesOf(after.pages[1]!).map(flat);
    expect(page2[0]).toBe('二、师资队伍');
    expect(page2[1]).toMatch(/^教+$/); // its paragraph follows it on the same page
  });

  it('keeps the pledge’s signature with the last line of its text', async () => {
    const pledge = doc(ex, 'pledge').form;
    // Lengthen the last article until the seal no longer fits under it on page 1.
    const make = (n: number): FilledForm => {
      const blocks = pledge.blocks.filter((b) => !(b.type === 'para' && /^[一二三四五六七八九]、/.test(b.para.text) && !b.para.text.startsWith('九、')));
      const i = blocks.findIndex((b) => b.type === 'para' && b.para.text.startsWith('九、'));
      const nine = blocks[i] as Extract<Block, { type: 'para' }>;
      blocks.splice(i, 1, { ...nine, para: { ...nine.para, text: `九、${filler(23 + 27 * n, '诺')}。` } });
      return { ...pledge, blocks };
    };
    const found = await whereItWouldEndAPage(make, [7, 8, 9, 10, 11], '诺');
    // Without keeping, page 2 begins with the signature alone.
    expect(flat(linesOf(found.before.pages[1]!)[0]!)).toMatch(/^承诺人/);
    const page = found.after.pages.findIndex((p) => flat(p.text).includes('承诺人'));
    const lines = linesOf(found.after.pages[page]!).map(flat);
    expect(lines.findIndex((l) => l.startsWith('承诺人'))).toBeGreaterThan(0);
    expect(lines.some((l) => /诺。$/.test(l))).toBe(true); // the article's last line shares the signature's page
  });

  it('moves a narrative prompt that would end a page to the next, with its answer', async () => {
    const rec = doc(ex, 'recommendation').form;
    const at = rec.blocks.findIndex((b) => b.type === 'table' && b.rows.some((r) => r.breakable));
    const section = rec.blocks[at] as Extract<Block, { type: 'table' }>;
    const prompt = (text: string, muted = true): Para => ({ text, font: 'serif', size: muted ? 'small' : 'table', align: 'left', muted, keepWithNext: muted, ...(muted ? {} : { indent: true }) });
    // One section of two prompts after running text that pushes the second towards the foot of the page.
    const make = (n: number): FilledForm => ({
      ...rec,
      blocks: [
        { type: 'para', para: { text: filler(25 + 27 * n), font: 'serif', size: 'body', align: 'justify', indent: true } },
        {
          ...section,
          rows: [
            { cells: [{ ...section.rows[0]!.cells[0]!, paras: [prompt('1. 第一问'), prompt(filler(200, '答'), false)] }], breakable: true },
            { cells: [{ ...section.rows[0]!.cells[0]!, paras: [prompt('2. 第二问'), prompt(filler(80, '复'), false)] }], breakable: true },
          ],
        },
      ],
    });
    const found = await whereItWouldEndAPage(make, [12, 13, 14, 15, 16], '2.第二问');
    expect(lastLine(found.after.pages[0]!)).not.toMatch(/^2\.第二问/);
    const page2 = linesOf(found.after.pages[1]!).map(flat);
    const p = page2.findIndex((l) => l.startsWith('2.第二问'));
    expect(p).toBeGreaterThanOrEqual(0);
    expect(page2[p + 1]).toMatch(/^复+$/);
  });

  it('keeps a table’s caption with the table’s first row, which pdfmake keeps whole', async () => {
    const cell = (text: string, font: Para['font'] = 'serif') => ({ paras: [{ text, font, size: 'table' as const, align: 'center' as const }], valign: 'middle' as const });
    const make = (n: number): FilledForm => ({
      ...doc(ex, 'pledge').form,
      blocks: [
        { type: 'para', para: { text: filler(25 + 27 * n), font: 'serif', size: 'body', align: 'justify', indent: true } },
        { type: 'para', para: { text: '表1　上年度绩效', font: 'kai', size: 'small', align: 'center', keepWithNext: true } },
        { type: 'table', columns: [78, 78], header: [{ cells: [cell('项目', 'sans'), cell('数值', 'sans')] }], rows: [1, 2, 3].map((k) => ({ cells: [cell(`项目${k}`), cell(filler(30, '数'))] })) },
      ],
    });
    const { before, after } = await whereItWouldEndAPage(make, [15, 16, 17, 18, 19], '表1');
    expect(flat(linesOf(before.pages[1]!)[0]!)).toBe('项目数值'); // the table began the next page without its caption
    expect(lastLine(after.pages[0]!)).not.toMatch(/^表1/);
    expect(linesOf(after.pages[1]!).map(flat).slice(0, 2)).toEqual(['表1上年度绩效', '项目数值']);
  });

  it('marks headings, prompts and the line before a seal keep-with-next in the DOCX too', async () => {
    const brief = docxXml(await renderDocx(briefForm(`一、机构概况\n（一）办学条件\n${filler(100)}`), ex.fonts, meta));
    const paras = paragraphsXml(brief);
    const pPr = (text: string) => paras.find((p) => textOf(p) === text) ?? '';
    expect(pPr('一、机构概况')).toMatch(/<w:keepNext\/><w:keepLines\/>/);
    expect(pPr('（一）办学条件')).toMatch(/<w:keepNext\/><w:keepLines\/>/);
    expect(pPr(filler(100))).not.toContain('keepNext');

    const rec = paragraphsXml(docxXml(await renderDocx(doc(ex, 'recommendation').form, ex.fonts, meta)));
    const prompts = rec.filter((p) => /^\d\. /.test(textOf(p)));
    expect(prompts.length).toBeGreaterThan(3);
    for (const p of prompts) expect(p, textOf(p)).toMatch(/<w:keepNext\/><w:keepLines\/>/);

    // The pledge: its last article keeps with the seal (by its last line: the paragraph may break), and the seal's lines with each other.
    const pledge = paragraphsXml(docxXml(await renderDocx(doc(ex, 'pledge').form, ex.fonts, meta)));
    const nine = pledge.find((p) => textOf(p).startsWith('九、'))!;
    expect(nine).toContain('<w:keepNext/>');
    expect(nine).not.toContain('<w:keepLines/>');
    const signer = pledge.findIndex((p) => textOf(p).startsWith('承诺人'));
    expect(pledge[signer - 1]).toContain('<w:keepNext/>'); // the room for the seal
    expect(pledge[signer]).toContain('<w:keepNext/>');
  });
});

describe('long paragraphs split across pages', () => {
  it('fills every page of the example brief but its last to the foot of the text area', async () => {
    const read = await readPdf(await renderPdf(doc(ex, 'brief').form, ex.fonts, meta));
    expect(read.pages.length).toBeGreaterThan(1);
    // The text area ends 35 mm above the page's foot; a full page's last baseline is at most three lines above it (a heading carried over leaves two).
    const foot = mm(35);
    for (const [i, p] of read.pages.slice(0, -1).entries()) {
      const lowest = Math.min(...p.items.filter((t) => t.str.trim()).map((t) => t.y));
      expect(lowest - foot, `page ${i + 1}`).toBeLessThan(3 * LINE_PT.body);
    }
  });
});

const MONGOLIAN = '那仁满都拉·额尔敦巴特尔';
/** The roster (or employment roster) of the example with its first trainee renamed, and of 达斡尔族 where the form has 民族. */
function rosterWith(formId: 'roster' | 'employment-roster', name = MONGOLIAN): FilledForm {
  const form = doc(ex, formId).form;
  const blocks = form.blocks.map((b): Block => {
    if (b.type !== 'table') return b;
    const header = b.header[0]!.cells.map((c) => c.paras.map((p) => p.text).join(''));
    const set = (r: Row, col: number, text: string): Row => ({ ...r, cells: r.cells.map((c, i) => (i === col ? { ...c, paras: [{ ...c.paras[0]!, text }] } : c)) });
    let first = set(b.rows[0]!, header.indexOf('姓名'), name);
    if (header.includes('民族')) first = set(first, header.indexOf('民族'), '达斡尔族');
    return { ...b, rows: [first, ...b.rows.slice(1)] };
  });
  return { ...form, blocks };
}

describe('transliterated names and the narrow columns', () => {
  it('breaks a dotted name only at its dot (wrap.ts), inside a part only when the part alone is too wide', () => {
    const m = new Measure(ex.fonts);
    const lines = (text: string, chars: number) => lineTexts(wrap(text, 'serif', 10, chars * 10 + 1, ex.fonts, m));
    expect(lines(MONGOLIAN, 7)).toEqual(['那仁满都拉·', '额尔敦巴特尔']);
    expect(lines('乌云·那仁满都拉·额尔敦', 7)).toEqual(['乌云·', '那仁满都拉·', '额尔敦']);
    expect(lines('巴图·额尔敦巴特尔', 9)).toEqual(['巴图·额尔敦巴特尔']);
    expect(lines('额尔敦巴特尔·巴图', 4)).toEqual(['额尔敦巴', '特尔·', '巴图']); // a part wider than the column must break
    expect(lines('内蒙古兴安盟科尔沁右翼前旗', 7)).toEqual(['内蒙古兴安盟科', '尔沁右翼前旗']); // other text breaks anywhere
  });

  it('prints the name in two whole parts and 达斡尔族 on one line, in the roster and the employment roster PDF', async () => {
    for (const id of ['roster', 'employment-roster'] as const) {
      const read = await readPdf(await renderPdf(rosterWith(id), ex.fonts, meta));
      const items = read.pages[0]!.items.map((i) => i.str);
      expect(items, id).toContain('那仁满都拉·');
      expect(items, id).toContain('额尔敦巴特尔');
      if (id === 'roster') expect(items).toContain('达斡尔族');
      // 性别 and every sex are one line too.
      expect(items.filter((s) => s === '性别'), id).toHaveLength(1);
    }
  });

  it('breaks a dotted name at its dot in a table laid out by pdfmake', async () => {
    const cell = (text: string) => ({ paras: [{ text, font: 'serif' as const, size: 'table' as const, align: 'left' as const }], valign: 'middle' as const });
    const form: FilledForm = { ...doc(ex, 'pledge').form, blocks: [{ type: 'table', columns: [36, 120], header: [], rows: [{ cells: [cell(MONGOLIAN), cell('学员')] }] }] };
    // The column holds seven characters: left to itself pdfmake would print 那仁满都拉·额尔 / 敦巴特尔.
    const lines = linesOf((await readPdf(await renderPdf(form, ex.fonts, meta))).pages[0]!).map(flat);
    expect(lines.filter((l) => l !== '学员')).toEqual(['那仁满都拉·', '额尔敦巴特尔']); // 学员 sits centred between the two
  });

  it('gives the DOCX roster the same break, as a line break inside the cell, and room for 达斡尔族', async () => {
    const xml = docxXml(await renderDocx(rosterWith('roster'), ex.fonts, meta));
    expect(xml).toMatch(/那仁满都拉·<\/w:t><\/w:r><w:r><w:br\/><w:t xml:space="preserve">额尔敦巴特尔</);
    const grid = [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((g) => Number(g[1]));
    const margin = Number(/<w:tblCellMar>.*?<w:left w:w="(\d+)"/.exec(xml)![1]);
    // 民族 (the fourth column) holds four characters of 五号 (10.5 pt = 210 twips each), 性别 two.
    expect(grid[3]! - 2 * margin).toBeGreaterThanOrEqual(4 * 210);
    expect(grid[2]! - 2 * margin).toBeGreaterThanOrEqual(2 * 210);
  });
});

describe('covers carry no page number', () => {
  it('prints the 申请表 with its foot lines and no number, in the PDF and the DOCX', async () => {
    const cover = doc(ex, 'application-cover').form;
    expect(cover.pageNumbers).toBe(false);
    const { bytes } = await renderFormat(cover, 'pdf', ex.fonts, meta);
    const text = (await readPdf(bytes)).pages[0]!.text;
    expect(flat(text)).toContain('兴安盟人力资源和社会保障局制');
    expect(text).not.toMatch(/—\s*\d+\s*—/);
    const files = unzipSync(await renderDocx(cover, ex.fonts, meta));
    const footers = Object.keys(files).filter((n) => /^word\/footer\d*\.xml$/.test(n)).map((n) => new TextDecoder().decode(files[n]));
    expect(footers.length).toBeGreaterThan(0);
    expect(footers.join('')).toContain('兴安盟人力资源和社会保障局制');
    expect(footers.join('')).not.toContain('PAGE');
  });

  it('leaves the number off a cover in the print volume, and numbers the pages after it through', async () => {
    const materials = volumeMaterials(ex.loaded, SCHEME);
    const first = materials[0]!.parts[0]!;
    expect(first).toEqual({ kind: 'form', formId: 'application-cover', numbered: false });
    expect(materials[1]!.parts[0]).toEqual({ kind: 'form', formId: 'recommendation' }); // numbered as usual

    const bare = async (id: string) => PDFDocument.load(await renderPdf(doc(ex, id).form, ex.fonts, meta));
    const parts: LoadedPart[][] = [
      [{ kind: 'pdf', doc: await bare('application-cover'), pages: 1, generated: true, numbered: false }],
      [{ kind: 'pdf', doc: await bare('pledge'), pages: 2, generated: true }],
    ];
    const contents = await PDFDocument.create();
    contents.addPage([595.28, 841.89]);
    const plan = planVolume([{ number: 1, name: '申请表' }, { number: 2, name: '信用承诺书' }], [[1], [2]], 1);
    const volume = await readPdf((await drawVolumeBody(plan, parts, contents, { ...meta, keywords: 'k' }, ex.fonts)).bytes);
    const numberOn = (page: number) => new RegExp(`—\\s*${page}\\s*—`).test(volume.pages[page - 1]!.text);
    expect(flat(volume.pages[4]!.text)).toContain('申请表'); // page 5, a right-hand page
    expect(numberOn(5)).toBe(false);
    expect([3, 6, 7, 8].map(numberOn)).toEqual([true, true, true, true]);
  });
});

describe('DOCX: a font for the characters 宋体 lacks', () => {
  it('names SimSun-ExtB on the runs of 𠮷 and 𪚥, in running text and in the roster table, and keeps every character', async () => {
    const text = '学员𠮷庆华、𪚥明';
    const form: FilledForm = { ...doc(ex, 'pledge').form, blocks: [{ type: 'para', para: { text, font: 'serif', size: 'body', align: 'left' } }] };
    const paras = paragraphsXml(docxXml(await renderDocx(form, ex.fonts, meta)));
    const p = paras.find((x) => textOf(x) === text)!;
    const runs = [...p.matchAll(/<w:r>(.*?)<\/w:r>/g)].map((r) => ({ font: /w:eastAsia="([^"]+)"/.exec(r[1]!)?.[1], text: textOf(r[1]!) }));
    expect(runs.filter((r) => /[𠮷𪚥]/u.test(r.text)).map((r) => r.font)).toEqual(['SimSun-ExtB', 'SimSun-ExtB']);
    expect(runs.filter((r) => !/[𠮷𪚥]/u.test(r.text)).every((r) => r.font === '宋体')).toBe(true);

    const roster = docxXml(await renderDocx(rosterWith('roster', '𪚥明'), ex.fonts, meta));
    expect(roster).toMatch(/<w:rFonts w:ascii="SimSun-ExtB" w:eastAsia="SimSun-ExtB" w:hAnsi="SimSun-ExtB"\/><\/w:rPr><w:t xml:space="preserve">𪚥<\/w:t>/);
    expect(roster).toMatch(/>𠮷<\/w:t><\/w:r><w:r><w:t xml:space="preserve">庆华</); // the example's 𠮷庆华, in two runs
  });
});

/** A sheet read back with exceljs. */
async function sheetOf(bytes: Uint8Array, name?: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return name ? wb.getWorksheet(name)! : wb.worksheets[0]!;
}

/** Roughly how many lines Excel wraps a Chinese text into in a column of `width` units (a unit ≈ 7 px ≈ 5.25 pt). */
const excelLines = (text: string, width: number) => Math.max(1, ...text.split('\n').map((l) => Math.ceil(([...l].length * 10.5) / (width * 5.25))));

describe('XLSX: A4 landscape, one page wide, the header on every page, rows as tall as their text', () => {
  it('prints the roster and the employment roster on A4 landscape, fitted to the width, with the header repeated', async () => {
    for (const id of ['roster', 'employment-roster'] as const) {
      const ws = await sheetOf(await renderXlsx(doc(ex, id).form, ex.fonts, meta));
      expect(ws.pageSetup, id).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      const header = ws.pageSetup.printTitlesRow!;
      expect(header, id).toMatch(/^\d+:\d+$/);
      expect(ws.getRow(Number(header.split(':')[0])).getCell(1).value, id).toBe('序号');
    }
  });

  it('makes every roster row tall enough for its wrapped 住址 and 就业单位, and no taller than it needs', async () => {
    const ws = await sheetOf(await renderXlsx(rosterWith('roster'), ex.fonts, meta));
    const headerRow = Number(ws.pageSetup.printTitlesRow!.split(':')[0]);
    const header = (ws.getRow(headerRow).values as unknown[]).slice(1);
    const cols = ['就业单位', '住址', '授课\n教师'].map((h) => header.indexOf(h) + 1);
    expect(cols.every((c) => c > 0)).toBe(true);
    const widths = cols.map((c) => ws.getColumn(c).width!);
    let tall = 0;
    for (let r = headerRow; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const lines = Math.max(...cols.map((c, i) => excelLines(String(row.getCell(c).value ?? ''), widths[i]!)));
      if (lines > 1) tall++;
      // A line of 五号 needs about 13.5 pt in Excel (宋体) and 15.2 pt in LibreOffice (a Noto stand-in).
      expect(row.height, `row ${r}`).toBeGreaterThanOrEqual(lines * 10.5 * 1.3);
      expect(row.height, `row ${r}`).toBeLessThanOrEqual((lines + 1) * 10.5 * 1.5 + 4);
    }
    expect(tall).toBeGreaterThan(100); // the example's addresses do wrap
    expect(ws.getRow(headerRow).height).toBeGreaterThanOrEqual(2 * 10.5 * 1.3); // 授课 / 教师
  });

  it('keeps a dotted name on one line and 达斡尔族 in its column, where Excel would break them anywhere', async () => {
    const ws = await sheetOf(await renderXlsx(rosterWith('roster'), ex.fonts, meta));
    const row = ws.getRow(Number(ws.pageSetup.printTitlesRow!.split(':')[0]) + 1);
    expect(row.getCell(2).value).toBe(MONGOLIAN); // the name itself is not changed
    expect(row.getCell(4).value).toBe('达斡尔族');
    expect(columnTextPt(ws.getColumn(2).width!)).toBeGreaterThanOrEqual(11 * 10.5 + 4);
    expect(columnTextPt(ws.getColumn(4).width!)).toBeGreaterThanOrEqual(4 * 10.5);
    expect(columnTextPt(ws.getColumn(3).width!)).toBeGreaterThanOrEqual(2 * 10.5);
    // With no dotted name the column keeps the template's width (30 mm).
    const form = doc(ex, 'roster').form;
    const plain: FilledForm = {
      ...form,
      blocks: form.blocks.map((b) => (b.type === 'table' ? { ...b, rows: b.rows.map((r) => ({ ...r, cells: r.cells.map((c, i) => (i === 1 ? { ...c, paras: [{ ...c.paras[0]!, text: '巴图' }] } : c)) })) } : b)),
    };
    expect((await sheetOf(await renderXlsx(plain, ex.fonts, meta))).getColumn(2).width).toBe(15.4);
  });

  it('sets the `init` roster template up the same way', async () => {
    const ws = await sheetOf(await rosterTemplate(SCHEME, '某某职业技能培训学校', meta.date), '花名册');
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' });
    expect(ws.getRow(3).getCell(1).value).toBe('序号');
    expect(ws.getRow(3).height).toBeGreaterThanOrEqual(11 * 1.3);
  });

  crossCheck(['soffice', 'pdftotext'], 'LibreOffice prints the roster XLSX on A4 landscape with no text over the next row', async () => {
    const dir = tempDir('xlsx-lo-');
    // The bundled fonts stand in for 宋体, so the check sees Chinese text as a Chinese system would print it.
    const fontDir = path.dirname(ex.fonts.faces.serif.source);
    writeFileSync(path.join(dir, 'fonts.conf'), `<?xml version="1.0"?><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>${fontDir}</dir><cachedir>${dir}/cache</cachedir><alias binding="same"><family>宋体</family><prefer><family>Noto Serif SC</family></prefer></alias></fontconfig>`);
    writeFileSync(path.join(dir, 'r.xlsx'), await renderXlsx(rosterWith('roster'), ex.fonts, meta));
    mkdirSync(path.join(dir, 'out'));
    execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', path.join(dir, 'out'), path.join(dir, 'r.xlsx')], { env: { ...process.env, FONTCONFIG_FILE: path.join(dir, 'fonts.conf') }, stdio: 'ignore', timeout: 90_000 });
    const pdf = path.join(dir, 'out', 'r.pdf');
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+/);
    // Words of page 1 with their boxes: no two of them overlap (a row too short prints its text over its neighbours).
    const bbox = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-bbox', pdf, '-'], { encoding: 'utf8' });
    const words = [...bbox.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g)].map((m) => ({ x0: +m[1]!, y0: +m[2]!, x1: +m[3]!, y1: +m[4]!, w: m[5]! }));
    expect(words.length).toBeGreaterThan(50);
    const overlaps: string[] = [];
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j < words.length; j++) {
        const a = words[i]!;
        const b = words[j]!;
        if (Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 1 && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 1) overlaps.push(`${a.w} / ${b.w}`);
      }
    }
    expect(overlaps).toEqual([]);
    expect(words.map((w) => w.w)).toContain('达斡尔族');
  }, 120_000);
});
