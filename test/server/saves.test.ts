/**
 * Two saves of one submission at once (two windows, a double click): exactly one goes
 * through, the other is told the file changed; the file on disk is exactly one of the two
 * whole results, never a mix or a torn write, and no temporary file stays. A file changed on
 * disk by someone else (an editor, the CLI) is never overwritten by a page that read it before.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editSubmission, type FieldEdit } from '../../src/submission/edit.js';
import { cleanup } from '../helpers/fixture.js';
import { codesOf, expectRefused, partFiles, serve, type Served } from './harness.js';

afterAll(cleanup);

const fileOf = (s: Served) => path.join(s.root, 'a', 'submission.yaml');
const textOf = (s: Served) => readFileSync(fileOf(s), 'utf8');

describe('saves of one submission at once', () => {
  let s: Served;
  beforeAll(async () => {
    s = await serve();
  });

  it('two PUTs with the same version: one is saved, the other is 409 server.changedOnDisk, and the file is exactly the one saved', async () => {
    const before = textOf(s);
    const version = await s.version();
    const a: FieldEdit[] = [{ path: ['institution', 'contactPerson'], value: '窗口一' }, { path: ['brand', 'classes'], value: 11 }];
    const b: FieldEdit[] = [{ path: ['institution', 'contactPerson'], value: '窗口二' }, { path: ['brief'], value: '第二个窗口写的简介。\n第二段。' }];
    const [ra, rb] = await Promise.all([
      s.call('PUT', '/api/submissions/a', { json: { version, edits: a } }),
      s.call('PUT', '/api/submissions/a', { json: { version, edits: b } }),
    ]);
    const statuses = [ra.statusCode, rb.statusCode].sort();
    expect(statuses).toEqual([200, 409]);
    const lost = ra.statusCode === 409 ? ra : rb;
    expectRefused(lost, 409, 'server.changedOnDisk');
    const won = ra.statusCode === 200 ? a : b;
    const expected = editSubmission(before, 'yaml', won);
    expect(textOf(s)).toBe(expected);
    // What the winner was answered is what is on disk.
    const winner = (ra.statusCode === 200 ? ra : rb).json<{ text: string; version: string }>();
    expect(winner.text).toBe(expected);
    expect(winner.version).toBe(await s.version());
    const values = parse(textOf(s)) as { institution: { contactPerson: string }; brand: { classes: number }; brief: string };
    expect(values.institution.contactPerson).toBe(won === a ? '窗口一' : '窗口二');
    if (won === a) expect(values.brand.classes).toBe(11);
    else expect(values.brief).toBe('第二个窗口写的简介。\n第二段。');
    expect(partFiles(s.root)).toEqual([]);
  });

  it('eight at once, field edits and whole texts mixed: exactly one is saved, whole', async () => {
    const before = textOf(s);
    const version = await s.version();
    const bodies = Array.from({ length: 8 }, (_, i) =>
      i % 2 === 0 ? { version, edits: [{ path: ['brand', 'classes'], value: 100 + i }, { path: ['brief'], value: `简介${i}`.repeat(50) }] } : { version, text: `${before}\n# 第 ${i} 个窗口\n` },
    );
    const answers = await Promise.all(bodies.map((json) => s.call('PUT', '/api/submissions/a', { json })));
    const saved = answers.flatMap((r, i) => (r.statusCode === 200 ? [i] : []));
    expect(saved).toHaveLength(1);
    for (const r of answers.filter((x) => x.statusCode !== 200)) expect(codesOf(r)).toEqual(['server.changedOnDisk']);
    const i = saved[0]!;
    const body = bodies[i]!;
    expect(textOf(s)).toBe('text' in body ? body.text : editSubmission(before, 'yaml', body.edits!));
    expect(() => parse(textOf(s))).not.toThrow();
    expect(readdirSync(path.join(s.root, 'a')).filter((n) => n.startsWith('.'))).toEqual([]);
    expect(partFiles(s.root)).toEqual([]);
  });

  it('a save and an upload with the same version at once: one goes through, the other is 409, and nothing is half-done', async () => {
    const before = textOf(s);
    const version = await s.version();
    const [put, up] = await Promise.all([
      s.call('PUT', '/api/submissions/a', { json: { version, edits: [{ path: ['brand', 'classes'], value: 5 }] } }),
      s.upload(`/api/submissions/a/roster?version=${version}`, '花名册.csv', Buffer.from('序号,姓名,性别\n1,张三,男\n')),
    ]);
    expect([put.statusCode, up.statusCode].sort()).toEqual([200, 409]);
    const files = readdirSync(path.join(s.root, 'a'));
    if (put.statusCode === 200) {
      // The roster was refused: not written, and the file names the old one.
      expect(files).not.toContain('花名册.csv');
      expect(textOf(s)).toBe(editSubmission(before, 'yaml', [{ path: ['brand', 'classes'], value: 5 }]));
    } else {
      expect(files).toContain('花名册.csv');
      expect(textOf(s)).toBe(editSubmission(before, 'yaml', [{ path: ['roster'], value: '花名册.csv' }]));
    }
    expect(partFiles(s.root)).toEqual([]);
  });
});

describe('a file changed on disk by someone else', () => {
  let s: Served;
  beforeAll(async () => {
    s = await serve();
  });

  it('a save with the version read before is 409, and the file keeps the other change', async () => {
    const version = await s.version();
    const theirs = textOf(s).replace('classes: 8', 'classes: 12 # 记事本里改的');
    expect(theirs).not.toBe(textOf(s));
    writeFileSync(fileOf(s), theirs);
    for (const json of [{ version, edits: [{ path: ['brand', 'classes'], value: 9 }] }, { version, text: 'kind: application\n' }]) {
      const res = await s.call('PUT', '/api/submissions/a', { json });
      expectRefused(res, 409, 'server.changedOnDisk');
      expect(res.json().diagnostics[0].message).toContain('submission.yaml');
      expect(textOf(s)).toBe(theirs);
    }
    expect(partFiles(s.root)).toEqual([]);
  });

  it('the page, reloaded, gets the new version and can save on it', async () => {
    const version = await s.version();
    const res = await s.call('PUT', '/api/submissions/a', { json: { version, edits: [{ path: ['brand', 'classes'], value: 9 }] } });
    expect(res.statusCode, res.body).toBe(200);
    expect(textOf(s)).toMatch(/^ {2}classes: 9 # 记事本里改的$/m);
  });

  it('a version that was never the file’s is 409 too', async () => {
    const before = textOf(s);
    expectRefused(await s.call('PUT', '/api/submissions/a', { json: { version: 'f'.repeat(20), edits: [] } }), 409, 'server.changedOnDisk');
    expect(textOf(s)).toBe(before);
  });

  it('a save that breaks the YAML is kept as text, and edits by field are then refused until it is fixed', async () => {
    const broken = 'kind: application\nlevel: [league\n';
    const saved = await s.call('PUT', '/api/submissions/a', { json: { version: await s.version(), text: broken } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().syntaxOk).toBe(false);
    const edit = await s.call('PUT', '/api/submissions/a', { json: { version: await s.version(), edits: [{ path: ['level'], value: 'league' }] } });
    expectRefused(edit, 409, 'server.syntax');
    expect(textOf(s)).toBe(broken);
  });

  it('county.name where county was written as one word makes county a map; an edit that would make a word a list is refused, the file untouched', async () => {
    const text = 'kind: application\nlevel: league\ncounty: 科右前旗 # 手写的\n';
    const saved = await s.call('PUT', '/api/submissions/a', { json: { version: await s.version(), text } });
    expect(saved.statusCode, saved.body).toBe(200);
    const named = await s.call('PUT', '/api/submissions/a', { json: { version: await s.version(), edits: [{ path: ['county', 'name'], value: '科尔沁右翼前旗' }] } });
    expect(named.statusCode, named.body).toBe(200);
    expect(parse(textOf(s))).toMatchObject({ kind: 'application', county: { name: '科尔沁右翼前旗' } });
    const before = textOf(s);
    const res = await s.call('PUT', '/api/submissions/a', { json: { version: await s.version(), edits: [{ path: ['kind', 0], value: 'x' }] } });
    expectRefused(res, 409, 'server.badRequest');
    expect(textOf(s)).toBe(before);
    const text2 = before;
    // An edit of the whole file by an empty path is no field edit.
    expectRefused(await s.call('PUT', '/api/submissions/a', { json: { version: await s.version(), edits: [{ path: [], value: 1 }] } }), 400, 'server.badRequest');
    expect(textOf(s)).toBe(text2);
    expect(s.logs).toEqual([]);
  });

  it('county.yaml: a stale version is 409, an edit its shape cannot take is 409, each leaving the file as it was', async () => {
    const file = path.join(s.root, 'county.yaml');
    const text = '# 旗县市汇总\ncounty: 科右前旗\n';
    writeFileSync(file, text);
    const version = (await s.call('GET', '/api/county')).json<{ file: { version: string } }>().file.version;
    expectRefused(await s.call('PUT', '/api/county/file', { json: { version: 'stale', edits: [] } }), 409, 'server.changedOnDisk');
    expectRefused(await s.call('PUT', '/api/county/file', { json: { version, edits: [{ path: ['county', 0], value: 'x' }] } }), 409, 'server.badRequest');
    expect(readFileSync(file, 'utf8')).toBe(text);
    const ok = await s.call('PUT', '/api/county/file', { json: { version, edits: [{ path: ['county'], value: '科尔沁右翼前旗' }] } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(readFileSync(file, 'utf8')).toBe('# 旗县市汇总\ncounty: 科尔沁右翼前旗\n');
  });

  it('county.yaml: the page offers a review’s score per rubric group, and saving one writes scores under the entry', async () => {
    const file = path.join(s.root, 'county.yaml');
    writeFileSync(file, 'county:\n  name: 科尔沁右翼前旗\napplicants:\n  - institution: 某学校\n    trade: 中式烹调师\n    kind: review\n');
    const view = (await s.call('GET', '/api/county')).json<{ file: { version: string }; spec: { review: { path: string[]; input: string; label: { zh: string } }[] } }>();
    expect(view.spec.review.map((f) => f.path.join('.'))).toEqual(['scores.1', 'scores.2', 'scores.3', 'scores.4', 'scores.5', 'scores.6']);
    expect(view.spec.review[1]!.label.zh).toMatch(/^旗县市评估得分：2\. .+（30 分）$/);
    // A review is scored, not recommended: the page shows each kind of filing its own fields.
    const only = Object.fromEntries((view.spec as unknown as { applicant: { field: string; only?: string }[] }).applicant.map((f) => [f.field, f.only ?? 'both']));
    expect(only).toMatchObject({ recommend: 'application', practices: 'application', score: 'review', findings: 'review', opinion: 'both' });
    const ok = await s.call('PUT', '/api/county/file', { json: { version: view.file.version, edits: [{ path: ['applicants', 0, 'scores', '2'], value: 27 }] } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(parse(readFileSync(file, 'utf8')).applicants[0]).toMatchObject({ kind: 'review', scores: { 2: 27 } });
  });

  it('a list index in an edit path stays an index: partners[0].name edits the first partner, not a key "0"', async () => {
    const text = 'kind: application\npartners:\n  - name: 甲公司\n  - name: 乙公司\n';
    expect((await s.call('PUT', '/api/submissions/a', { json: { version: await s.version(), text } })).statusCode).toBe(200);
    const res = await s.call('PUT', '/api/submissions/a', { json: { version: await s.version(), edits: [{ path: ['partners', 0, 'name'], value: '丙公司' }] } });
    expect(res.statusCode, res.body).toBe(200);
    expect(parse(textOf(s))).toEqual({ kind: 'application', partners: [{ name: '丙公司' }, { name: '乙公司' }] });
  });

  it('a kind the scheme does not have (even one named like a property of every object) still opens', async () => {
    for (const kind of ['constructor', '__proto__', 'toString', '复评']) {
      const saved = await s.call('PUT', '/api/submissions/a', { json: { version: await s.version(), text: `kind: ${kind}\nlevel: league\n` } });
      expect(saved.statusCode, saved.body).toBe(200);
      const view = await s.call('GET', '/api/submissions/a');
      expect(view.statusCode, view.body).toBe(200);
      expect(view.json().spec.kind).toBe(kind === '复评' ? 'review' : 'application');
    }
    expect(s.logs).toEqual([]);
  });
});
