/**
 * Uploads are judged by their bytes, as the check would judge them in the folder: an
 * encrypted PDF, a JPEG or a text file named .pdf is refused with the reason and not kept;
 * a good file goes into its slot's folder and submission.yaml names it, every other line
 * (comments too) as it was. Removing a file moves it aside into .shenbao/removed/ — it is
 * never deleted — and takes it off the lists that name it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, ENCRYPTED_PDF, JPEG, PDF, PNG } from '../helpers/fixture.js';
import { codesOf, expectRefused, partFiles, serve, snapshot, tree, type Served } from './harness.js';

afterAll(cleanup);

const SLOT = '材料/03-办学许可证';
const LISTED = `  # 办学许可证（法人证书）复印件\n  licence: [${SLOT}/]\n`;

const yamlOf = (s: Served) => readFileSync(path.join(s.root, 'a', 'submission.yaml'), 'utf8');
const valuesOf = (s: Served) => parse(yamlOf(s)) as { attachments: Record<string, string[]>; partners: Record<string, unknown>[] };
/** Whether every line of `before` is still in `after`, in its order (nothing of it lost or moved). */
function keepsLines(before: string, after: string): boolean {
  const rest = after.split('\n');
  let i = 0;
  for (const line of before.split('\n')) {
    while (i < rest.length && rest[i] !== line) i++;
    if (i === rest.length) return false;
    i++;
  }
  return true;
}
/** The lines of `after` that `before` does not have. */
const added = (before: string, after: string) => {
  const had = new Set(before.split('\n'));
  return after.split('\n').filter((l) => !had.has(l));
};

describe('an upload the slot cannot take', () => {
  let s: Served;
  beforeAll(async () => {
    s = await serve();
  });

  it.each([
    ['an encrypted PDF', '许可证.pdf', ENCRYPTED_PDF, 'pdf.encrypted'],
    ['a JPEG named .pdf', '许可证.pdf', JPEG, 'file.extensionMismatch'],
    ['a text file named .pdf', '许可证.pdf', Buffer.from('这不是扫描件，是一段文字。\n'), 'file.wrongType'],
    ['a web page named .pdf', '许可证.pdf', Buffer.from('<!doctype html><html><body>login</body></html>'), 'file.wrongType'],
    ['a Word file', '许可证.docx', Buffer.from('PK\u0003\u0004 word/document.xml'), 'file.wrongType'],
    ['an empty file', '许可证.pdf', Buffer.alloc(0), 'file.empty'],
    ['a PDF cut short', '许可证.pdf', PDF.subarray(0, 400), 'pdf.broken'],
  ])('%s is refused (422) with the reason, and not kept', async (_, name, bytes, code) => {
    const before = snapshot(s.root);
    const res = await s.upload(`/api/submissions/a/attachments/licence?version=${await s.version()}`, name, bytes);
    expectRefused(res, 422, code);
    expect(snapshot(s.root)).toEqual(before);
    expect(partFiles(s.root)).toEqual([]);
  });

  it('the reason names the file as the clerk named it', async () => {
    const res = await s.upload(`/api/submissions/a/attachments/licence?version=${await s.version()}`, '营业执照扫描.pdf', JPEG);
    expect(res.json().diagnostics[0].message).toContain('营业执照扫描.pdf');
  });

  it('an upload to a file changed since the page read it is 409, and not kept', async () => {
    const stale = await s.version();
    writeFileSync(path.join(s.root, 'a', 'submission.yaml'), `${yamlOf(s)}\n# edited in Notepad\n`);
    const before = snapshot(s.root);
    const res = await s.upload(`/api/submissions/a/attachments/licence?version=${stale}`, '新.pdf', PDF);
    expectRefused(res, 409, 'server.changedOnDisk');
    expect(snapshot(s.root)).toEqual(before);
  });
});

describe('a good upload', () => {
  let s: Served;
  let original: string;
  beforeAll(async () => {
    s = await serve();
    // The slot is not listed yet: the upload is what names it.
    const text = yamlOf(s);
    expect(text).toContain(LISTED);
    original = text.replace(LISTED, '');
    writeFileSync(path.join(s.root, 'a', 'submission.yaml'), original);
  });

  it('goes into the slot’s folder, and submission.yaml names the folder under attachments.licence with every other line kept', async () => {
    const res = await s.upload(`/api/submissions/a/attachments/licence?version=${await s.version()}`, '营业执照.pdf', PDF);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().path).toBe(`${SLOT}/营业执照.pdf`);
    expect(readFileSync(path.join(s.root, 'a', SLOT, '营业执照.pdf'))).toEqual(PDF);
    const after = yamlOf(s);
    expect(valuesOf(s).attachments.licence).toEqual([SLOT]);
    expect(keepsLines(original, after)).toBe(true);
    expect(added(original, after).every((l) => /licence|03-办学许可证/.test(l)), added(original, after).join('\n')).toBe(true);
    // The comments of init are all still there.
    expect(after.split('\n').filter((l) => l.trim().startsWith('#'))).toEqual(original.split('\n').filter((l) => l.trim().startsWith('#')));
    expect(partFiles(s.root)).toEqual([]);
  });

  it('a second file of the same name keeps both (营业执照 (2).pdf), the folder still listed once', async () => {
    const res = await s.upload(`/api/submissions/a/attachments/licence?version=${await s.version()}`, '营业执照.pdf', PNG.subarray(0, PNG.length), { headers: {} });
    // A PNG named .pdf is refused; a real PDF of the same name is taken beside the first.
    expectRefused(res, 422, 'file.extensionMismatch');
    const ok = await s.upload(`/api/submissions/a/attachments/licence?version=${await s.version()}`, '营业执照.pdf', PDF);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().path).toBe(`${SLOT}/营业执照 (2).pdf`);
    expect(tree(path.join(s.root, 'a', SLOT))).toEqual(['办学许可证.pdf', '营业执照 (2).pdf', '营业执照.pdf']);
    expect(valuesOf(s).attachments.licence).toEqual([SLOT]);
  });

  it('a name with a path in it is kept as its last part, inside the slot’s folder', async () => {
    const res = await s.upload(`/api/submissions/a/attachments/licence?version=${await s.version()}`, '..\\..\\..\\证书:副本?.pdf', PDF);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().path).toBe(`${SLOT}/证书_副本_.pdf`);
    expect(existsSync(path.join(s.root, 'a', SLOT, '证书_副本_.pdf'))).toBe(true);
    s.expectOutsideUntouched();
  });

  it('a slot listed file by file gets the new file added at the end of its list', async () => {
    // However the upload above wrote it (a block list), the slot now lists one file.
    const entry = /(\nattachments:\n(?:.*\n)*?) {2}licence:(?: .*)?\n(?: {4}- .*\n)*/;
    expect(yamlOf(s)).toMatch(entry);
    const text = yamlOf(s).replace(entry, `$1  licence: [${SLOT}/办学许可证.pdf]\n`);
    writeFileSync(path.join(s.root, 'a', 'submission.yaml'), text);
    const res = await s.upload(`/api/submissions/a/attachments/licence?version=${await s.version()}`, '副本.jpg', JPEG);
    expect(res.statusCode, res.body).toBe(201);
    expect(valuesOf(s).attachments.licence).toEqual([`${SLOT}/办学许可证.pdf`, `${SLOT}/副本.jpg`]);
    expect(keepsLines(text.replace(entry, '$1'), yamlOf(s))).toBe(true);
  });

  it('the page then shows the files in the slot', async () => {
    const view = (await s.call('GET', '/api/submissions/a')).json<{ slots: { id: string; files: { path: string }[] }[] }>();
    const licence = view.slots.find((x) => x.id === 'licence')!;
    expect(licence.files.map((f) => f.path).sort()).toEqual([`${SLOT}/办学许可证.pdf`, `${SLOT}/副本.jpg`].sort());
  });
});

describe('removing a file', () => {
  let s: Served;
  beforeAll(async () => {
    s = await serve();
    const text = yamlOf(s).replace(LISTED, `  # 办学许可证（法人证书）复印件\n  licence:\n    - ${SLOT}/办学许可证.pdf\n    - ${SLOT}/副本.pdf\n`);
    writeFileSync(path.join(s.root, 'a', 'submission.yaml'), text);
    writeFileSync(path.join(s.root, 'a', SLOT, '副本.pdf'), PDF);
  });

  /** Where a removed file went: under .shenbao/removed/<time>/ with its path in the workspace. */
  const removed = (s: Served, rel: string) => tree(path.join(s.root, '.shenbao', 'removed')).filter((p) => p.endsWith(`/${rel}`));

  it('moves it into .shenbao/removed/ (it is still there, byte for byte) and takes it off the list that names it', async () => {
    const before = yamlOf(s);
    const res = await s.call('DELETE', `/api/submissions/a/files?version=${await s.version()}&path=${encodeURIComponent(`${SLOT}/副本.pdf`)}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(existsSync(path.join(s.root, 'a', SLOT, '副本.pdf'))).toBe(false);
    const [kept] = removed(s, `a/${SLOT}/副本.pdf`);
    expect(kept, tree(path.join(s.root, '.shenbao')).join('\n')).toBeDefined();
    expect(readFileSync(path.join(s.root, '.shenbao', 'removed', ...kept!.split('/')))).toEqual(PDF);
    expect(valuesOf(s).attachments.licence).toEqual([`${SLOT}/办学许可证.pdf`]);
    // Only the line of the removed file went; the comments stay.
    const after = yamlOf(s);
    expect(keepsLines(after, before)).toBe(true);
    expect(before.split('\n').filter((l) => !after.split('\n').includes(l))).toEqual([`    - ${SLOT}/副本.pdf`]);
  });

  it('a partner’s agreement removed is moved aside and taken off the partner', async () => {
    const file = '材料/合作企业/企业1-就业协议.pdf';
    const bytes = readFileSync(path.join(s.root, 'a', file));
    const res = await s.call('DELETE', `/api/submissions/a/files?version=${await s.version()}&path=${encodeURIComponent(file)}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(valuesOf(s).partners[0]!.agreement).toBeUndefined();
    expect(valuesOf(s).partners[1]!.agreement).toBe('材料/合作企业/企业2-就业协议.pdf');
    const [kept] = removed(s, `a/${file}`);
    expect(readFileSync(path.join(s.root, '.shenbao', 'removed', ...kept!.split('/')))).toEqual(bytes);
  });

  it('a file of a slot listed by its folder is moved aside; the folder stays listed', async () => {
    const file = '材料/08-就业证明/劳动合同-01-蒙味源.jpg';
    const res = await s.call('DELETE', `/api/submissions/a/files?version=${await s.version()}&path=${encodeURIComponent(file)}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(removed(s, `a/${file}`)).toHaveLength(1);
    expect(valuesOf(s).attachments.employmentProofs).toEqual(['材料/08-就业证明/']);
  });

  it('removing a name twice (uploaded again in between) keeps both removed files', async () => {
    const rel = `${SLOT}/办学许可证.pdf`;
    const first = readFileSync(path.join(s.root, 'a', rel));
    expect((await s.call('DELETE', `/api/submissions/a/files?version=${await s.version()}&path=${encodeURIComponent(rel)}`)).statusCode).toBe(200);
    writeFileSync(path.join(s.root, 'a', rel), PDF);
    expect((await s.call('DELETE', `/api/submissions/a/files?version=${await s.version()}&path=${encodeURIComponent(rel)}`)).statusCode).toBe(200);
    const kept = removed(s, `a/${rel}`).concat(removed(s, `a/${SLOT}/办学许可证 (2).pdf`));
    expect(kept).toHaveLength(2);
    const contents = kept.map((k) => readFileSync(path.join(s.root, '.shenbao', 'removed', ...k.split('/'))));
    expect(contents).toContainEqual(first);
    expect(contents).toContainEqual(PDF);
  });

  it('the submission file itself is not removed', async () => {
    const res = await s.call('DELETE', `/api/submissions/a/files?version=${await s.version()}&path=submission.yaml`);
    expectRefused(res, 400, 'server.badPath');
    expect(existsSync(path.join(s.root, 'a', 'submission.yaml'))).toBe(true);
  });

  it('a file not there is 404, and a stale version 409, each changing nothing', async () => {
    const before = snapshot(s.root);
    expectRefused(await s.call('DELETE', `/api/submissions/a/files?version=${await s.version()}&path=${encodeURIComponent(`${SLOT}/没有.pdf`)}`), 404, 'server.notFound');
    expectRefused(await s.call('DELETE', `/api/submissions/a/files?version=0000&path=${encodeURIComponent('材料/合作企业/企业2-就业协议.pdf')}`), 409, 'server.changedOnDisk');
    expect(snapshot(s.root)).toEqual(before);
  });

  it('what was moved aside is not served to the page (hidden), yet it is there', async () => {
    const [kept] = tree(path.join(s.root, '.shenbao', 'removed')).filter((p) => p.endsWith('.pdf'));
    expectRefused(await s.call('GET', `/api/file?path=${encodeURIComponent(`.shenbao/removed/${kept}`)}`), 400, 'server.badPath');
    expect(codesOf(await s.call('GET', '/api/file?path=.shenbao')).length).toBe(1);
  });
});
