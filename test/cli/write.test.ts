import { describe, expect, it } from 'vitest';
import { jsonPieces, writePieces } from '../../src/cli/write.js';

describe('long answers written in pieces', () => {
  it('writes the JSON that JSON.stringify writes, to the byte', () => {
    const values: unknown[] = [
      {
        ok: false,
        exitCode: 1,
        diagnostics: [{ code: 'roster.duplicate', message: '身份证号码 152221********0018 与 E4 重复\n第二行', where: { row: 4, cell: null } }, { code: 'x', hint: undefined }, undefined, null, [1, [2, {}]]],
        empty: [],
        none: {},
        skipped: undefined,
        fn: () => 1,
        date: new Date(Date.UTC(2026, 9, 20)),
        nested: { a: [1, 2], b: { c: 'd' } },
      },
      {},
      [],
      [1, { a: 2 }],
      'text',
      null,
      { only: [] },
    ];
    for (const v of values) expect([...jsonPieces(v)].join('')).toBe(JSON.stringify(v, null, 2));
  });

  it('gathers many small pieces into a few writes, in order', () => {
    const writes: string[] = [];
    const pieces = Array.from({ length: 20_000 }, (_, i) => `第 ${i} 行\n`);
    writePieces({ write: (s) => writes.push(s), color: false }, pieces);
    expect(writes.join('')).toBe(pieces.join(''));
    expect(writes.length).toBeLessThan(20);
  });
});
