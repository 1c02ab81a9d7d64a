/**
 * No personal data in the server's log: a roster uploaded and checked — with rows that are
 * wrong, so there is something to say about them — leaves no ID number, phone or name of a
 * trainee in any line of the log; and a route that fails with an internal error logs where
 * it failed, never the body of the request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeWorld } from '../../src/world/node.js';
import type { World } from '../../src/world/world.js';
import { cleanup, JPEG, LEAGUE_OK, rosterRows } from '../helpers/fixture.js';
import { expectRefused, NOW, serve, type Served } from './harness.js';

afterAll(cleanup);

const rows = rosterRows(LEAGUE_OK);
// Rows with mistakes the check reports by row: an ID number whose check digit is wrong, a phone too short.
rows[5]!['身份证号码'] = `${rows[5]!['身份证号码']!.slice(0, 17)}${rows[5]!['身份证号码']!.endsWith('1') ? '2' : '1'}`;
rows[6]!['联系电话'] = '1391234';
rows[7]!['身份证号码'] = rows[8]!['身份证号码']!;
const header = Object.keys(rows[0]!);
const CSV = Buffer.from(`\uFEFF${header.join(',')}\n${rows.map((r) => header.map((h) => r[h] ?? '').join(',')).join('\n')}\n`);

/** What must never be in a log line: every trainee's ID number (and its first 14 digits), phone and name. */
const personal = rows.flatMap((r) => [r['身份证号码']!, r['身份证号码']!.slice(0, 14), r['联系电话']!, r['姓名']!]).filter((v) => v.length >= 2);

/** A World whose every read fails with an internal error (a bug, not a missing file): no scheme can be loaded. */
function failingWorld(): World {
  const base = nodeWorld({ clock: { now: NOW, fixed: true } });
  return {
    ...base,
    fonts: base.fonts,
    clock: base.clock,
    read: async () => {
      throw new TypeError('simulated failure inside the server');
    },
  };
}

/** Every ID number, phone or name of the roster found in `lines`. */
const personalIn = (lines: string[]) => personal.filter((p) => lines.join('\n').includes(p));

describe('the log of a server that takes a roster', () => {
  let s: Served;
  beforeAll(async () => {
    s = await serve();
  });

  it('the roster is uploaded and checked, its problems reported by row, with the ID numbers masked', async () => {
    const up = await s.upload(`/api/submissions/a/roster?version=${await s.version()}`, '花名册.csv', CSV);
    expect(up.statusCode, up.body).toBe(200);
    const view = await s.call('GET', '/api/submissions/a');
    expect(view.statusCode, view.body.slice(0, 300)).toBe(200);
    const roster = view.json<{ roster: { rows: { values: { idNumber: string | null }; problems: { code: string }[] }[] } }>().roster;
    expect(roster.rows).toHaveLength(rows.length);
    expect(roster.rows.flatMap((r) => r.problems).length).toBeGreaterThan(0);
    // The page's table shows the ID numbers masked, as every message does.
    expect(roster.rows[10]!.values.idNumber).not.toBe(rows[10]!['身份证号码']);
    for (const r of rows) expect(view.body).not.toContain(r['身份证号码']!);
    // The list of submissions is checked too; and a roster that is not a spreadsheet is refused.
    expect((await s.call('GET', '/api/submissions')).statusCode).toBe(200);
    expectRefused(await s.upload(`/api/submissions/a/roster?version=${await s.version()}`, '花名册.xlsx', CSV), 415, 'roster.notSpreadsheet');
  });

  it('no line of the log holds an ID number, a phone or a name of the roster', () => {
    expect(personalIn(s.logs)).toEqual([]);
  });
});

describe('a route that fails inside (an internal error)', () => {
  let s: Served;
  const marker = 'BODY-MARKER-须保密-9f2e';
  beforeAll(async () => {
    s = await serve({ world: failingWorld() });
  });

  it('a save answers 500 with diagnostics, and the log says where — not the body', async () => {
    const version = await s.version();
    const put = await s.call('PUT', '/api/submissions/a', { json: { version, edits: [{ path: ['institution', 'contactPerson'], value: `${marker} ${rows[0]!['身份证号码']} ${rows[0]!['联系电话']}` }] } });
    expectRefused(put, 500, 'internal.bug');
    expect(s.logs).toHaveLength(1);
    expect(s.logs[0]).toMatch(/^500 PUT \/api\/submissions\/:id: TypeError: simulated failure/);
  });

  it('an upload (its body the roster, named after a trainee) answers 500, and the log holds none of it', async () => {
    const up = await s.upload(`/api/submissions/a/attachments/licence?version=${await s.version()}`, `${rows[1]!['姓名']}.jpg`, Buffer.concat([JPEG, CSV]));
    expectRefused(up, 500, 'internal.bug');
    expect(s.logs).toHaveLength(2);
    expect(s.logs[1]).toMatch(/^500 POST \/api\/submissions\/:id\/attachments\/:slot: TypeError: simulated failure/);
  });

  it('a request with something in its address logs the route, not the address', async () => {
    expectRefused(await s.call('GET', `/api/submissions/a?lang=en&q=${encodeURIComponent(marker)}`), 500, 'internal.bug');
    expect(s.logs[2]).toMatch(/^500 GET \/api\/submissions\/:id: /);
  });

  it('no log line holds the body, the address’s query, or anything of the roster', () => {
    expect(s.logs).toHaveLength(3);
    for (const line of s.logs) expect(line).not.toContain(marker);
    expect(personalIn(s.logs)).toEqual([]);
  });
});
