import { describe, expect, it } from 'vitest';
import { interpretRoster } from '../../src/roster/interpret.js';
import type { RawRow, RosterTable } from '../../src/roster/types.js';
import type { RosterColumnId } from '../../src/scheme/schema.js';
import { messageOf } from '../../src/i18n/format.js';
import { SCHEME, TODAY, validId } from '../helpers/fixture.js';

const LETTERS: Partial<Record<RosterColumnId, string>> = {
  seq: 'A', name: 'B', sex: 'C', ethnicity: 'D', idNumber: 'E', trade: 'F', teacher: 'G', employer: 'H', address: 'I', phone: 'J',
  passed: 'K', keyGroup: 'L', order: 'M', subsidised: 'N', employed: 'O',
};

const GOOD: Partial<Record<RosterColumnId, string | number | null>> = {
  seq: '1', name: '巴特尔·额尔敦', sex: '男', ethnicity: '蒙古族', idNumber: validId('152221', '19900101', 123), trade: '中式烹调师',
  teacher: '王立军', employer: '兴安盟蒙味源餐饮管理有限公司', address: '科尔沁右翼前旗索伦镇', phone: '13912345678',
  passed: '是', keyGroup: '农牧民工', order: '是', subsidised: '是', employed: '是',
};

function table(rows: Partial<Record<RosterColumnId, string | number | null>>[], columns = Object.keys(LETTERS) as RosterColumnId[]): RosterTable {
  const raw: RawRow[] = rows.map((r, i) => {
    const row = i + 4;
    const values: RawRow['values'] = {};
    for (const id of columns) values[id] = r[id] ?? null;
    return { row, where: { file: '花名册.xlsx', sheet: '花名册', row }, values };
  });
  const letters = Object.fromEntries(columns.map((id) => [id, LETTERS[id]!]));
  return { file: '花名册.xlsx', sheet: '花名册', columns: new Set(columns), rows: raw, diagnostics: [], letters };
}

const run = (rows: Partial<Record<RosterColumnId, string | number | null>>[], columns?: RosterColumnId[]) =>
  interpretRoster(table(rows, columns), { scheme: SCHEME, brandTrade: '中式烹调师', today: TODAY });

describe('roster rows', () => {
  it('accepts a good row and interprets its flags', () => {
    const { roster, diagnostics } = run([GOOD]);
    expect(diagnostics).toEqual([]);
    expect(roster.trainees[0]).toMatchObject({ passed: true, keyGroup: 'migrantWorker', order: true, subsidised: true, employed: true, brandTrade: true });
  });

  it('names the cell of a bad ID number and masks the number in the message', () => {
    const id = validId('152221', '19900101', 123);
    const bad = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
    const { diagnostics } = run([{ ...GOOD, idNumber: bad }]);
    expect(diagnostics).toHaveLength(1);
    const d = diagnostics[0]!;
    expect(d.code).toBe('roster.id.checksum');
    expect(d.location).toMatchObject({ sheet: '花名册', cell: 'E4', row: 4 });
    const msg = messageOf(d, 'zh');
    expect(msg).toContain('152221********');
    expect(msg).not.toContain(bad);
    expect(msg).not.toContain(bad.slice(6, 14));
  });

  it('explains an ID number that Excel stored as a number', () => {
    const { diagnostics } = run([{ ...GOOD, idNumber: 152221199001011230 }]);
    expect(diagnostics.map((d) => d.code)).toEqual(['roster.id.numeric']);
    expect(run([{ ...GOOD, idNumber: '1.52221E+17' }]).diagnostics.map((d) => d.code)).toEqual(['roster.id.numeric']);
  });

  it('checks sex against the 17th digit of the ID', () => {
    const { diagnostics } = run([{ ...GOOD, sex: '女' }]);
    expect(diagnostics.map((d) => [d.code, d.location.cell])).toEqual([['roster.sex.mismatch', 'C4']]);
    expect(run([{ ...GOOD, sex: 'M' }]).diagnostics.map((d) => d.code)).toEqual(['roster.sex.invalid']);
  });

  it('accepts 蒙古 for 蒙古族 and rejects an unknown ethnic group with a suggestion', () => {
    const ok = run([{ ...GOOD, ethnicity: '蒙古' }]);
    expect(ok.diagnostics).toEqual([]);
    expect(ok.roster.trainees[0]!.ethnicity).toBe('蒙古族');
    const bad = run([{ ...GOOD, ethnicity: '蒙族' }]);
    expect(bad.diagnostics.map((d) => d.code)).toEqual(['roster.ethnicity.unknown']);
    expect(bad.diagnostics[0]!.params).toMatchObject({ suggestion: '蒙古族' });
    expect(run([{ ...GOOD, ethnicity: '火星族' }]).diagnostics[0]!.location.cell).toBe('D4');
  });

  it('accepts mobiles and area-coded landlines, and rejects other phones with the number masked', () => {
    for (const phone of ['13912345678', '(0482)8238615', '（0482）8238615', '0482-8238615', '0482 8238615']) {
      expect(run([{ ...GOOD, phone }]).diagnostics, phone).toEqual([]);
    }
    for (const phone of ['1391234567', '8238615', '23912345678']) {
      const ds = run([{ ...GOOD, phone }]).diagnostics;
      expect(ds.map((d) => d.code), phone).toEqual(['roster.phone.invalid']);
      expect(messageOf(ds[0]!, 'zh')).not.toContain(phone);
    }
  });

  it('reports a repeated person at the second row, pointing at the first, and counts them once', () => {
    const other = { ...GOOD, seq: '2', name: '张三' };
    const { roster, diagnostics } = run([GOOD, other]);
    expect(diagnostics.map((d) => [d.code, d.location.cell])).toEqual([['roster.duplicate', 'E5']]);
    expect(messageOf(diagnostics[0]!, 'zh')).toContain('E4');
    expect(roster.trainees.map((t) => t.duplicate)).toEqual([false, true]);
  });

  it('reports empty required cells by column name', () => {
    const { diagnostics } = run([{ ...GOOD, name: '', address: '  ' }]);
    expect(diagnostics.map((d) => [d.code, d.location.cell])).toEqual([
      ['roster.cellEmpty', 'B4'],
      ['roster.cellEmpty', 'I4'],
    ]);
    expect(messageOf(diagnostics[0]!, 'zh')).toContain('姓名');
  });

  it('warns about another trade and leaves the row out of the brand', () => {
    const { roster, diagnostics } = run([{ ...GOOD, trade: '育婴员' }]);
    expect(diagnostics.map((d) => [d.severity, d.code])).toEqual([['warning', 'roster.trade.mismatch']]);
    expect(roster.trainees[0]!.brandTrade).toBe(false);
    expect(run([{ ...GOOD, trade: '中式烹调师（五级）' }]).diagnostics).toEqual([]);
  });

  it('reads yes/no cells in the usual ways and rejects the rest', () => {
    expect(run([{ ...GOOD, passed: '√' }]).roster.trainees[0]!.passed).toBe(true);
    expect(run([{ ...GOOD, passed: '不合格' }]).roster.trainees[0]!.passed).toBe(false);
    expect(run([{ ...GOOD, order: '也许' }]).diagnostics.map((d) => [d.code, d.location.cell])).toEqual([['roster.flag.invalid', 'M4']]);
  });

  it('takes an employer to mean employed, and flags a contradiction', () => {
    const { roster, diagnostics } = run([{ ...GOOD, employed: '否' }]);
    expect(roster.trainees[0]!.employed).toBe(true);
    expect(diagnostics.map((d) => d.code)).toEqual(['roster.employed.conflict']);
    expect(run([{ ...GOOD, employer: '', employed: '是' }]).roster.trainees[0]!.employed).toBe(true);
    expect(run([{ ...GOOD, employer: '', employed: '' }]).roster.trainees[0]!.employed).toBe(false);
  });

  it('maps key-group aliases and rejects unknown groups', () => {
    expect(run([{ ...GOOD, keyGroup: '农民工' }]).roster.trainees[0]!.keyGroup).toBe('migrantWorker');
    expect(run([{ ...GOOD, keyGroup: '' }]).roster.trainees[0]!.keyGroup).toBeNull();
    expect(run([{ ...GOOD, keyGroup: '否' }]).roster.trainees[0]!.keyGroup).toBeNull();
    expect(run([{ ...GOOD, keyGroup: '外星人' }]).diagnostics.map((d) => d.code)).toEqual(['roster.keyGroup.unknown']);
  });

  it('takes every trainee as subsidised when the roster has no 享受补贴 column', () => {
    const cols = (Object.keys(LETTERS) as RosterColumnId[]).filter((c) => c !== 'subsidised');
    expect(run([{ ...GOOD, subsidised: null }], cols).roster.trainees[0]!.subsidised).toBe(true);
  });
});
