/**
 * The .xlsx reader on workbooks written part by part, so each test holds exactly the XML a
 * spreadsheet program may write: shared and inline texts, rich text runs, phonetic guides,
 * dates by number format, rows without numbers, namespace prefixes, broken references.
 */
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cellText } from '../../src/roster/cells.js';
import { cellPlace } from '../../src/roster/place.js';
import { readXlsxRoster } from '../../src/roster/read-xlsx.js';
import { SCHEME, validId } from '../helpers/fixture.js';

const HEADER = ['序号', '姓名', '性别', '民族', '身份证号码', '工种', '授课教师', '就业单位', '住址', '联系电话', '是否合格', '就业重点群体', '订单定向', '享受补贴', '是否就业', '就业时间'];
const LETTERS = 'ABCDEFGHIJKLMNOP';
const ID = validId('152221', '19900101', 123);
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const inline = (ref: string, s: string) => `<c r="${ref}" t="inlineStr"><is><t>${esc(s)}</t></is></c>`;
/** A row of inline texts, from column A. */
const textRow = (n: number, values: string[]) => `<row r="${n}">${values.map((v, i) => (v === '' ? '' : inline(`${LETTERS[i]}${n}`, v))).join('')}</row>`;
/** A trainee's row with every column filled; `cells` replaces columns by letter with raw <c> XML. */
const traineeRow = (n: number, cells: Record<string, string> = {}, r = true) => {
  const values = [String(n), `学员${n}`, '男', '汉族', ID, '中式烹调师', '王立军', '', '索伦镇', '13912345678', '是', '', '否', '是', '否', ''];
  const xml = values.map((v, i) => cells[LETTERS[i]!] ?? (v === '' ? '' : inline(`${LETTERS[i]}${n}`, v))).join('');
  return r ? `<row r="${n}">${xml}</row>` : `<row>${xml}</row>`;
};

interface Parts {
  rows: string;
  strings?: string[];
  styles?: string;
  workbookPr?: string;
  /** Replaces the worksheet's XML entirely. */
  sheetXml?: string;
}

function workbook(p: Parts, level: 0 | 6 = 6): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'xl/workbook.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}>${p.workbookPr ?? ''}<sheets><sheet name="花名册" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' +
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
        '</Relationships>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(p.sheetXml ?? `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>${p.rows}</sheetData></worksheet>`),
  };
  if (p.strings) files['xl/sharedStrings.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><sst ${NS}>${p.strings.join('')}</sst>`);
  if (p.styles) files['xl/styles.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}>${p.styles}</styleSheet>`);
  return zipSync(files, { level });
}

const read = (p: Parts) => readXlsxRoster(workbook(p), '花名册.xlsx', SCHEME);

/** The zip with its central directory claiming `size` unpacked bytes for one entry (as a zip bomb's does). */
function claimSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 46 <= out.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const len = view.getUint16(i + 28, true);
    if (new TextDecoder().decode(out.subarray(i + 46, i + 46 + len)) === name) view.setUint32(i + 24, size, true);
  }
  return out;
}

describe('xlsx reader', () => {
  it('reads shared and inline texts alike, trimmed', async () => {
    const t = await read({
      rows: textRow(1, HEADER) + traineeRow(2, { B: '<c r="B2" t="s"><v>0</v></c>', I: '<c r="I2" t="s"><v>1</v></c>' }) + traineeRow(3, { B: inline('B3', '  李四 ') }),
      strings: ['<si><t>张三</t></si>', '<si><t xml:space="preserve"> 科尔沁镇 &amp; 索伦镇 </t></si>'],
    });
    expect(t.diagnostics).toEqual([]);
    expect(t.rows.map((r) => [r.values.name, r.values.address])).toEqual([['张三', '科尔沁镇 & 索伦镇'], ['李四', '索伦镇']]);
  });

  it('joins the runs of a rich text and leaves out its phonetic guide, shared or inline', async () => {
    const t = await read({
      rows:
        textRow(1, HEADER) +
        traineeRow(2, { B: '<c r="B2" t="s"><v>0</v></c>' }) +
        traineeRow(3, { B: '<c r="B3" t="inlineStr"><is><r><t>乌日</t></r><r><rPr><b/></rPr><t>娜</t></r><rPh sb="0" eb="1"><t>wu</t></rPh></is></c>' }),
      strings: ['<si><r><t>巴特</t></r><r><rPr><b/><sz val="11"/></rPr><t>尔</t></r><rPh sb="0" eb="2"><t>ba te</t></rPh></si>'],
    });
    expect(t.rows.map((r) => r.values.name)).toEqual(['巴特尔', '乌日娜']);
  });

  it('reads a number as a date where its style shows a date, built-in or custom, in either date system', async () => {
    const styles =
      '<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;;@"/></numFmts>' +
      '<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>' +
      '<cellXfs count="4"><xf numFmtId="0" xfId="0"/><xf numFmtId="14" xfId="0"/><xf numFmtId="176" xfId="0"/><xf numFmtId="10" xfId="0"/></cellXfs>';
    const rows = textRow(1, HEADER) + traineeRow(2, { P: '<c r="P2" s="1"><v>45000</v></c>' }) + traineeRow(3, { P: '<c r="P3" s="2"><v>45001</v></c>' }) + traineeRow(4, { P: '<c r="P4" s="3"><v>0.25</v></c>' });
    const t = await read({ rows, styles });
    expect(t.diagnostics).toEqual([]);
    expect(t.rows.map((r) => cellText(r.values.employedOn))).toEqual(['2023-03-15', '2023-03-16', '0.25']);
    // A workbook saved by old Mac Excel counts days from 1904.
    const mac = await read({ rows, styles, workbookPr: '<workbookPr date1904="1"/>' });
    expect(cellText(mac.rows[0]!.values.employedOn)).toBe('2027-03-16');
  });

  it('keeps the sheet’s row numbers across empty rows and rows written without a number', async () => {
    const empty = '<row r="4"><c r="A4" t="inlineStr"><is><t>  </t></is></c><c r="B4" s="0"/></row>';
    const t = await read({ rows: textRow(1, HEADER) + traineeRow(2) + empty + traineeRow(6) + traineeRow(7, {}, false) });
    expect(t.rows.map((r) => r.row)).toEqual([2, 6, 7]);
    expect(cellPlace(t, t.rows[1]!, 'idNumber')).toMatchObject({ sheet: '花名册', row: 6, cell: 'E6' });
    expect(cellPlace(t, t.rows[2]!, 'idNumber')).toMatchObject({ row: 7, cell: 'E7' });
  });

  it('reads numbers, booleans and cached formula results; a formula error is an empty cell', async () => {
    const t = await read({
      rows: textRow(1, HEADER) + traineeRow(2, { A: '<c r="A2"><v>1</v></c>', J: '<c r="J2"><v>13912345678</v></c>', K: '<c r="K2" t="b"><v>1</v></c>', M: '<c r="M2" t="b"><v>0</v></c>', G: '<c r="G2" t="str"><f>CONCAT("王","立军")</f><v>王立军</v></c>', H: '<c r="H2" t="e"><f>1/0</f><v>#DIV/0!</v></c>' }),
    });
    const v = t.rows[0]!.values;
    expect([v.seq, v.phone, v.passed, v.order, v.teacher, v.employer]).toEqual([1, 13912345678, true, false, '王立军', null]);
  });

  it('reads a sheet whose elements carry a namespace prefix', async () => {
    const rows = (textRow(1, HEADER) + traineeRow(2)).replace(/<(\/?)(row|c|is|t)\b/g, '<$1x:$2');
    const t = await read({ rows: '', sheetXml: `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>${rows}</x:sheetData></x:worksheet>` });
    expect(t.diagnostics).toEqual([]);
    expect(t.rows.map((r) => r.values.name)).toEqual(['学员2']);
  });

  it('names the cell when it refers to a shared text the workbook does not have', async () => {
    const t = await read({ rows: textRow(1, HEADER) + traineeRow(2, { B: '<c r="B2" t="s"><v>7</v></c>' }), strings: ['<si><t>张三</t></si>'] });
    expect(t.diagnostics.map((d) => d.code)).toEqual(['roster.brokenWorkbook']);
    expect(JSON.stringify(t.diagnostics[0]!.params)).toContain('B2');
  });

  it('reads a workbook whose parts are stored rather than compressed', async () => {
    const t = await readXlsxRoster(workbook({ rows: textRow(1, HEADER) + traineeRow(2) + traineeRow(3) }, 0), '花名册.xlsx', SCHEME);
    expect(t.diagnostics).toEqual([]);
    expect(t.rows.map((r) => r.values.name)).toEqual(['学员2', '学员3']);
  });

  it('refuses texts or a sheet that would unpack too large, before unpacking them', async () => {
    const book = workbook({ rows: textRow(1, HEADER) + traineeRow(2, { B: '<c r="B2" t="s"><v>0</v></c>' }), strings: ['<si><t>张三</t></si>'] });
    const texts = await readXlsxRoster(claimSize(book, 'xl/sharedStrings.xml', 65 * 1024 * 1024), '花名册.xlsx', SCHEME);
    expect(texts.diagnostics.map((d) => [d.code, d.params])).toEqual([['roster.textsTooLarge', { path: '花名册.xlsx', maxMb: 64 }]]);
    const sheet = await readXlsxRoster(claimSize(book, 'xl/worksheets/sheet1.xml', 300 * 1024 * 1024), '花名册.xlsx', SCHEME);
    expect(sheet.diagnostics.map((d) => d.code)).toEqual(['roster.tooManyRows']);
    // A directory that understates a sheet (a zip bomb's trick) is caught where the sheet passes the size it gave.
    const lying = await readXlsxRoster(claimSize(book, 'xl/worksheets/sheet1.xml', 100), '花名册.xlsx', SCHEME);
    expect(lying.diagnostics.map((d) => d.code)).toEqual(['roster.brokenWorkbook']);
  });

  it('reports malformed sheet XML as a damaged workbook', async () => {
    const t = await read({ rows: textRow(1, HEADER) + '<row r="2"><c r="A2"><v>1</v></row>' });
    expect(t.diagnostics.map((d) => d.code)).toEqual(['roster.brokenWorkbook']);
  });
});
