/**
 * The county's and the archivist's pages in Chromium. 旗县市初审: two good packages and one
 * that broke on the way dropped into the inbox, all three verified and checked, county.yaml
 * made and decided on the page, a report previewed, the county package made. 光盘核验: a
 * tampered zip fails and names the file that changed; an intact one passes, file by file.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject } from 'vitest';
import { parse } from 'yaml';
import { CHROMIUM, crossCheck, has } from '../helpers/tools.js';
import { buildZip, copyExample, DAMAGED_FILE, DAMAGED_NAME, damagedCopy, elsewhere, EXAMPLE_NAME, launch, openPage, removeAll, serve, shenbao, tempFolder, type Served, type Watched } from './harness.js';
import { poll } from './poll.js';

const OTHER_NAME = '科尔沁右翼前旗草原职业技能培训学校';
const CHANGED = DAMAGED_FILE;

let browser: Browser;
let served: Served;
let workspace: string;
/** The packages as the applicants hand them in. */
const handed = { good: '', other: '', damaged: '' };
/** The example disc's payload files, as its manifest lists them (one changes in the damaged copy). */
let FILES = 0;
/** Every page of this file: the offline test reads what they asked for. */
const opened: Watched[] = [];

beforeAll(async () => {
  if (!has(CHROMIUM)) return;
  const packages = tempFolder('shenbao-web-handed-');
  // 1. The example, built once for the whole run (test/setup/example-build.ts).
  const built = inject('exampleBuild').dir;
  FILES = readFileSync(path.join(built, 'disc', 'manifest-sha256.txt'), 'utf8').trim().split('\n').length;
  handed.good = path.join(packages, '01-天骄.zip');
  copyFileSync(path.join(built, `${path.basename(built)}.zip`), handed.good);
  // 3. A copy of the first with one byte changed on the way.
  handed.damaged = damagedCopy(handed.good, path.join(packages, '03-损坏.zip'));
  // 2. The example under another institution's name, built here (while the browser starts).
  const other = copyExample('草原', undefined, (doc) => doc.setIn(['institution', 'name'], OTHER_NAME));
  workspace = tempFolder('shenbao-web-county-');
  let otherZip: string;
  [browser, served, otherZip] = await Promise.all([launch(), serve(workspace), buildZip(other)]);
  handed.other = path.join(packages, '02-草原.zip');
  copyFileSync(otherZip, handed.other);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await served?.close();
  removeAll();
});

async function page(): Promise<Watched> {
  const w = await openPage(browser);
  opened.push(w);
  return w;
}

describe('the county’s page in Chromium', () => {
  crossCheck([CHROMIUM], '旗县市初审: three packages in the inbox, the damaged one marked, decided on the page, a report previewed, the county package made', async () => {
    const w = await page();
    const p = w.page;
    await p.goto(`${served.origin}/#/county`);
    await poll(() => p.locator('main').innerText()).toContain('收件箱是空的。');

    // Into the inbox, with the drop zone's button.
    const [chooser] = await Promise.all([p.waitForEvent('filechooser'), p.getByRole('button', { name: '选择文件', exact: true }).click()]);
    await chooser.setFiles([handed.good, handed.other, handed.damaged]);
    await poll(() => p.locator('ul.inbox li').count(), 30_000).toBe(3);
    expect(readdirSync(path.join(workspace, '收件')).sort()).toEqual(['01-天骄.zip', '02-草原.zip', '03-损坏.zip']);

    // 核验并检查全部材料包: every item in the table, the damaged one marked.
    await p.getByRole('button', { name: '核验并检查全部材料包' }).click();
    const table = p.locator('table.intake');
    await poll(() => table.locator('tbody > tr:not(.rowproblems)').count(), 60_000).toBe(3);
    const row = (n: number) => table.locator('tbody > tr:not(.rowproblems)').nth(n);
    const cells = async (n: number) => (await row(n).locator('td').allInnerTexts()).map((t) => t.trim());
    expect((await cells(0))[1]).toBe('收件/01-天骄.zip');
    expect((await cells(0))[2]).toContain(EXAMPLE_NAME);
    expect((await cells(0))[3]).toMatch(/^完好/);
    expect((await cells(1))[2]).toContain(OTHER_NAME);
    expect((await cells(1))[3]).toMatch(/^完好/);
    expect((await cells(2))[1]).toBe('收件/03-损坏.zip');
    expect((await cells(2))[2]).toContain(DAMAGED_NAME);
    expect((await cells(2))[3]).toMatch(new RegExp(`^已损坏\\s*${FILES - 1}/${FILES}$`));
    expect(await row(2).getAttribute('class')).toContain('bad');
    // Its problems name the file that changed.
    const damagedProblems = table.locator('tbody > tr.rowproblems').nth(2);
    await damagedProblems.locator('summary').click();
    await poll(() => damagedProblems.locator('.problem.error').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining(CHANGED)]));

    // 生成 county.yaml, then the decisions on the page: the two good ones recommended.
    await p.getByRole('button', { name: '生成 county.yaml' }).click();
    const entries = p.locator('fieldset.applicant');
    await poll(() => entries.count()).toBe(3);
    expect(existsSync(path.join(workspace, 'county.yaml'))).toBe(true);
    await poll(() => entries.filter({ hasText: DAMAGED_NAME }).locator('p.muted').innerText()).toContain('已损坏');
    for (const name of [EXAMPLE_NAME, OTHER_NAME]) {
      const entry = entries.filter({ hasText: name });
      await entry.getByLabel('是否推荐').selectOption('true');
      // 三、好的经验做法 has nothing from the data: the county writes it (an empty part is an error).
      await entry.getByLabel('好的经验做法').fill('订单班与企业共同制定教学计划。');
    }
    await p.getByLabel('联系人').fill('王海涛');
    await p.getByLabel('联系电话').fill('(0482)5812345');
    await poll(() => p.locator('main').innerText()).toContain('有 6 处修改尚未保存');
    await p.locator('.savebar button.primary').click();
    await poll(() => p.locator('main').innerText()).not.toContain('尚未保存');
    const saved = parse(readFileSync(path.join(workspace, 'county.yaml'), 'utf8')) as { county: { contact: string }; applicants: { institution: string; recommend?: boolean }[] };
    expect(saved.county.contact).toBe('王海涛');
    expect(saved.applicants.map((a) => [a.institution, a.recommend])).toEqual(expect.arrayContaining([[EXAMPLE_NAME, true], [OTHER_NAME, true], [DAMAGED_NAME, null]]));
    // The table now shows the decisions: the two good ones recommended, the broken copy not.
    await poll(async () => (await cells(0))[7]).toBe('推荐');
    expect((await cells(1))[7]).toBe('推荐');
    expect((await cells(2))[7]).not.toBe('推荐');

    // 预览报告: a PDF.
    const preview = entries.filter({ hasText: OTHER_NAME }).getByRole('link', { name: '预览报告' });
    const [popup] = await Promise.all([p.waitForEvent('popup'), preview.click()]);
    const answer = await p.request.get(new URL((await preview.getAttribute('href'))!, served.origin).href);
    expect(answer.status()).toBe(200);
    expect(answer.headers()['content-type']).toBe('application/pdf');
    expect((await answer.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await popup.close();

    // 生成推荐材料: progress, then the links.
    await p.getByRole('button', { name: '生成推荐材料' }).click();
    await poll(() => p.locator('ol.progress li').count()).toBeGreaterThan(0);
    const result = p.locator('.result');
    await poll(() => result.innerText(), 90_000).toContain('已生成');
    const links = result.locator('a');
    expect(await links.count()).toBeGreaterThan(3);
    const zip = result.getByRole('link', { name: /\.zip$/ });
    expect(await zip.count()).toBe(1);
    const output = (await result.innerText()).match(/输出文件夹：(\S+)/)![1]!;
    expect(existsSync(path.join(workspace, output))).toBe(true);
    // Its zip, verified on the 光盘核验 page by its path in the workspace.
    const zipName = (await zip.innerText()).trim();
    await p.getByRole('link', { name: '光盘核验' }).click();
    await p.getByLabel('工作文件夹中的路径').fill(`${output}/${zipName}`);
    await p.getByRole('button', { name: '核验', exact: true }).click();
    await poll(() => p.locator('.summary').innerText(), 30_000).toContain('核验通过');

    expect(w.errors).toEqual([]);
    await w.close();
  }, 180_000);

  crossCheck([CHROMIUM], '光盘核验: a tampered zip fails and names the changed file; an intact one passes with its table of files', async () => {
    const w = await page();
    const p = w.page;
    await p.goto(`${served.origin}/#/verify`);
    const pick = async (file: string) => {
      const [chooser] = await Promise.all([p.waitForEvent('filechooser'), p.getByRole('button', { name: '选择文件', exact: true }).click()]);
      await chooser.setFiles(file);
    };

    await pick(handed.damaged);
    const summary = p.locator('.summary');
    await poll(() => summary.innerText(), 30_000).toMatch(new RegExp(`✗ 发现 \\d+ 处问题（${FILES - 1}/${FILES} 个文件一致）`));
    expect(await summary.getAttribute('class')).toContain('bad');
    expect(await summary.locator('.problem.error').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining(CHANGED)]));
    const bad = p.locator('table.verified tr.bad');
    expect(await bad.count()).toBe(1);
    expect(await bad.innerText()).toContain(CHANGED);
    expect(await bad.locator('td').first().innerText()).toBe('✗');

    await pick(handed.good);
    await poll(() => summary.innerText(), 30_000).toContain(`✓ 核验通过：${FILES} 个文件`);
    expect(await summary.getAttribute('class')).toContain('good');
    const rows = p.locator('table.verified tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(FILES);
    expect(await p.locator('table.verified tr.bad').count()).toBe(0);
    expect((await rows.first().locator('td').allInnerTexts())[0]).toBe('✓');
    expect(await p.locator('table.verified td.hash').first().innerText()).toMatch(/^[0-9a-f]{64}$/);
    // The upload is not kept: nothing of it is left in the workspace.
    expect(readdirSync(path.join(workspace, '.shenbao', 'verify'))).toEqual([]);
    // The CLI agrees with the page on both.
    expect(shenbao(['verify', handed.good]).code).toBe(0);
    expect(shenbao(['verify', handed.damaged]).code).not.toBe(0);

    expect(w.errors).toEqual([]);
    await w.close();
  });

  crossCheck([CHROMIUM], 'works offline: every request of the county’s and the archivist’s pages goes to their own server', async () => {
    const requested = opened.flatMap((w) => w.requests);
    expect(requested.length).toBeGreaterThan(10);
    expect(elsewhere(requested, served.origin)).toEqual([]);
    expect(requested.filter((u) => /^https?:/.test(u)).length).toBeGreaterThan(10);
  });
});
