import { describe, expect, it } from 'vitest';
import { checkCharacter, checkResidentId } from '../../src/roster/resident-id.js';
import { validId } from '../helpers/fixture.js';

const TODAY = '2026-10-20';

describe('GB 11643 resident ID', () => {
  it('accepts a valid number and reads birth date and sex from it', () => {
    const id = validId('152221', '19900228', 123);
    const r = checkResidentId(id, TODAY);
    expect(r.problem).toBeUndefined();
    expect(r.info).toEqual({ areaCode: '152221', birthDate: '1990-02-28', sex: '男' });
    expect(checkResidentId(validId('152201', '19850101', 124), TODAY).info?.sex).toBe('女');
  });

  it('computes the ISO 7064 MOD 11-2 check character, including X', () => {
    // The standard's own example (GB 11643-1999, appendix).
    expect(checkCharacter('11010519491231002')).toBe('X');
    expect(checkResidentId('11010519491231002X', TODAY).problem).toBeUndefined();
  });

  it('rejects a wrong check character and says which one is expected', () => {
    const good = validId('152221', '19900101', 321);
    const last = good[17]!;
    const wrong = good.slice(0, 17) + (last === '0' ? '1' : '0');
    expect(checkResidentId(wrong, TODAY).problem).toEqual({ kind: 'checksum', expected: last, actual: wrong[17] });
  });

  it('rejects 1999-02-29 (not a leap year) but accepts 2000-02-29', () => {
    expect(checkResidentId(validId('152221', '19990229', 101), TODAY).problem).toEqual({ kind: 'date', date: '1999-02-29' });
    expect(checkResidentId(validId('152221', '20000229', 101), TODAY).problem).toBeUndefined();
    expect(checkResidentId(validId('152221', '19901301', 101), TODAY).problem?.kind).toBe('date');
    expect(checkResidentId(validId('152221', '19900431', 101), TODAY).problem?.kind).toBe('date');
  });

  it('rejects a birth date after today, judged against the date it is given', () => {
    const id = validId('152221', '20261021', 101);
    expect(checkResidentId(id, TODAY).problem).toEqual({ kind: 'future', date: '2026-10-21' });
    expect(checkResidentId(id, '2026-10-21').problem).toBeUndefined();
  });

  it('normalises full-width digits, spaces and a lowercase x', () => {
    const id = '11010519491231002X';
    const messy = ' １１０１０５ 1949１２３１ 002x ';
    const r = checkResidentId(messy, TODAY);
    expect(r.normalized).toBe(id);
    expect(r.problem).toBeUndefined();
  });

  it('reports the length of a 15-digit or truncated number', () => {
    expect(checkResidentId('152221900101123', TODAY).problem).toEqual({ kind: 'length', length: 15 });
  });

  it('rejects letters inside and unknown province codes', () => {
    expect(checkResidentId('15222119900101A23X', TODAY).problem?.kind).toBe('format');
    expect(checkResidentId(validId('992221', '19900101', 101), TODAY).problem?.kind).toBe('area');
  });
});
