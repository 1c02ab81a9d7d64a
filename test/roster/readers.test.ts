import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readCsvRoster } from '../../src/roster/read-csv.js';
import { cellPlace } from '../../src/roster/place.js';
import { readXlsxRoster } from '../../src/roster/read-xlsx.js';
import { SCHEME, validId } from '../helpers/fixture.js';

const HEADER = ['序号', '姓名', '性别', '民族', '身份证号码', '工种', '授课\n教师', '就业单位', '住址', '联系电话', '是否合格', '就业重点群体', '订单定向', '享受补贴', '是否就业'];
const ROW = (i: number) => [String(i), `学员${i}`, '男', '汉族', validId('152221', '19900101', 100 + i * 2 + 1), '中式烹调师', '王立军', '', '索伦镇', '13912345678', '是', '', '否', '是', '否'];

async function xlsx(rows: unknown[][], sheetName = '花名册'): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('xlsx roster', () => {
  it('finds the header below a title, in any order, with extra columns, and names cells', async () => {
    const order = [4, 1, 0, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14];
    const header = [...order.map((i) => HEADER[i]), '备注'];
    const row = (i: number) => [...order.map((k) => ROW(i)[k]), '随便写'];
    const bytes = await xlsx([['2025年度职业技能培训学员花名册'], ['填报单位名称：某学校'], header, row(1), [], row(2)]);
    const t = await readXlsxRoster(bytes, '花名册.xlsx', SCHEME);
    expect(t.diagnostics).toEqual([]);
    expect(t.sheet).toBe('花名册');
    expect(t.rows.map((r) => r.row)).toEqual([4, 6]);
    expect(cellPlace(t, t.rows[0]!, 'idNumber')).toMatchObject({ sheet: '花名册', cell: 'A4' });
    expect(t.rows[0]!.values.name).toBe('学员1');
  });

  it('skips pre-numbered empty template rows', async () => {
    const t = await readXlsxRoster(await xlsx([HEADER, ROW(1), ['2'], ['3']]), 'r.xlsx', SCHEME);
    expect(t.rows).toHaveLength(1);
  });

  it('reports missing columns by their Chinese names', async () => {
    const header = HEADER.filter((h) => h !== '是否合格' && h !== '订单定向');
    const t = await readXlsxRoster(await xlsx([header]), 'r.xlsx', SCHEME);
    expect(t.diagnostics.map((d) => d.code)).toEqual(['roster.columnMissing']);
    expect(JSON.stringify(t.diagnostics[0]!.params)).toContain('是否合格');
  });

  it('says when no header can be found', async () => {
    const t = await readXlsxRoster(await xlsx([['a', 'b'], ['c', 'd']]), 'r.xlsx', SCHEME);
    expect(t.diagnostics.map((d) => d.code)).toEqual(['roster.headerNotFound']);
  });

  it('refuses a file that is not a workbook, saying what it is', async () => {
    const t = await readXlsxRoster(new TextEncoder().encode('姓名,身份证号码\n'), 'r.xlsx', SCHEME);
    expect(t.diagnostics.map((d) => [d.code, (d.params as { actual: string }).actual])).toEqual([['roster.notSpreadsheet', 'text']]);
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect((await readXlsxRoster(xls, 'r.xlsx', SCHEME)).diagnostics[0]!.params).toMatchObject({ actual: 'ole2' });
    expect((await readXlsxRoster(new Uint8Array(), 'r.xlsx', SCHEME)).diagnostics[0]!.code).toBe('roster.empty');
  });

  it('reports a damaged workbook instead of crashing', async () => {
    const good = await xlsx([HEADER, ROW(1)]);
    const t = await readXlsxRoster(good.subarray(0, Math.floor(good.length / 2)), 'r.xlsx', SCHEME);
    expect(t.diagnostics.map((d) => d.code)).toEqual(['roster.brokenWorkbook']);
  });

  it('picks a named sheet and reports a missing one', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').addRow(['本表说明']);
    const ws = wb.addWorksheet('2025');
    ws.addRow(HEADER);
    ws.addRow(ROW(1));
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    expect((await readXlsxRoster(bytes, 'r.xlsx', SCHEME)).sheet).toBe('2025');
    expect((await readXlsxRoster(bytes, 'r.xlsx', SCHEME, '2025')).rows).toHaveLength(1);
    expect((await readXlsxRoster(bytes, 'r.xlsx', SCHEME, '2024')).diagnostics[0]!.code).toBe('roster.sheetNotFound');
  });

  it('reads every Chinese character intact, however large the shared strings (no U+FFFD)', async () => {
    const address = (i: number) => `内蒙古自治区兴安盟科尔沁右翼前旗科尔沁镇兴安大路西段富民小区${i}号楼${i % 7}单元𠮷${i}室`;
    const rows = Array.from({ length: 3000 }, (_, i) => {
      const r = ROW(i % 400);
      r[8] = address(i);
      return r;
    });
    const t = await readXlsxRoster(await xlsx([HEADER, ...rows]), 'r.xlsx', SCHEME);
    expect(t.rows).toHaveLength(3000);
    t.rows.forEach((r, i) => expect(r.values.address).toBe(address(i)));
  });

  it('stops at the row limit with a clear message, before parsing the sheet', async () => {
    // The limit is the scheme's (20,000 rows); a scheme with a limit of 500 shows the same refusal on a smaller book.
    const scheme = { ...SCHEME, roster: { ...SCHEME.roster, maxRows: 500 } };
    const rows = [HEADER, ...Array.from({ length: 2_000 }, (_, i) => ROW(i % 400))];
    const t = await readXlsxRoster(await xlsx(rows), 'big.xlsx', scheme);
    expect(t.diagnostics.map((d) => [d.code, d.params])).toEqual([['roster.tooManyRows', { path: 'big.xlsx', max: 500 }]]);
    expect(t.rows).toEqual([]);
    const within = await readXlsxRoster(await xlsx(rows.slice(0, 400)), 'ok.xlsx', scheme);
    expect(within.diagnostics.map((d) => d.code)).not.toContain('roster.tooManyRows');
  });
});

describe('csv roster', () => {
  const csv = [HEADER.map((h) => `"${h}"`).join(','), ROW(1).join(','), ROW(2).join(',')].join('\r\n');

  it('reads UTF-8 with a BOM', () => {
    const t = readCsvRoster(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(csv)]), 'r.csv', SCHEME);
    expect(t.diagnostics).toEqual([]);
    expect(t.rows.map((r) => r.values.name)).toEqual(['学员1', '学员2']);
    expect(cellPlace(t, t.rows[0]!, 'idNumber')).toMatchObject({ file: 'r.csv', cell: 'E2', row: 2 });
  });

  it('reads GB18030, as Chinese Excel saves CSV', () => {
    const bytes = iconv.encode(csv.replace('学员1', '𠮷庆华'), 'gb18030');
    const t = readCsvRoster(new Uint8Array(bytes), 'r.csv', SCHEME);
    expect(t.diagnostics).toEqual([]);
    expect(t.rows[0]!.values.name).toBe('𠮷庆华');
  });

  it('reads tab-separated UTF-16 text', () => {
    const text = csv.replace('授课\n教师', '授课教师').replace(/,/g, '\t').replace(/"/g, '');
    const t = readCsvRoster(new Uint8Array([0xff, 0xfe, ...iconv.encode(text, 'utf-16le')]), 'r.txt', SCHEME);
    expect(t.rows).toHaveLength(2);
  });

  it('reports an empty file', () => {
    expect(readCsvRoster(new Uint8Array(), 'r.csv', SCHEME).diagnostics[0]!.code).toBe('roster.empty');
  });
});
