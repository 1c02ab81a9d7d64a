/**
 * The clerk's page in Chromium, as a new user meets it: a submission made from nothing on
 * the page, filled field by field, its roster and scans uploaded, its problems seen beside
 * their fields and fixed, built, and the zip downloaded — which `shenbao verify` then
 * passes. Then the same page from the keyboard alone, in English, and offline: every
 * request the page makes goes to its own server.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { parse } from 'yaml';
import { CHROMIUM, crossCheck, has } from '../helpers/tools.js';
import { copyExample, elsewhere, EXAMPLE, launch, openPage, removeAll, serve, shenbao, tempFolder, type Served, type Watched } from './harness.js';
import { poll } from './poll.js';

// What the functions run in the page see (the project's TypeScript has no DOM library).
declare const document: { activeElement: { id: string; matches(s: string): boolean; getAttribute(n: string): string | null; innerText: string } | null; documentElement: { lang: string } };
declare const location: { hash: string };

const FOLDER = '天骄学校-中式烹调师';
/** The example's values: what the new user types in (through the page's inputs). */
const EX = parse(readFileSync(path.join(EXAMPLE, 'submission.yaml'), 'utf8')) as Record<string, any>;

let browser: Browser;
let served: Served;
let workspace: string;
/** Every page of this file: the offline test reads what they asked for. */
const opened: Watched[] = [];

beforeAll(async () => {
  if (!has(CHROMIUM)) return;
  workspace = tempFolder('shenbao-web-clerk-');
  // The example beside the new one: the keyboard test works on it.
  copyExample('example', workspace);
  [browser, served] = await Promise.all([launch(), serve(workspace)]);
});

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

/** The id the page gives a field's input (fields.js: inputId). */
const fid = (field: string) => `#f-${field.replace(/[^A-Za-z0-9_-]/g, '_')}`;

/** Saves with the Save button and waits for the new check. */
async function save(p: Page): Promise<void> {
  await p.locator('.savebar button.primary').click();
  await poll(() => p.locator('.savebar').innerText()).toContain('已保存，已重新检查');
}

const tab = (p: Page, name: string) => p.getByRole('tab', { name, exact: false }).first().click();

/** Files chosen with the drop zone's button: the page makes an <input type=file> and clicks it. */
async function choose(p: Page, button: ReturnType<Page['locator']>, files: string[]): Promise<void> {
  const [chooser] = await Promise.all([p.waitForEvent('filechooser'), button.click()]);
  await chooser.setFiles(files);
}

const scans = (folder: string) =>
  readdirSync(path.join(EXAMPLE, '材料', folder))
    .sort()
    .map((n) => path.join(EXAMPLE, '材料', folder, n));

describe('the clerk’s page in Chromium', () => {
  crossCheck([CHROMIUM], 'a new user makes a submission from nothing, fixes what the check finds beside each field, builds it, and the zip verifies', async () => {
    const w = await page();
    const p = w.page;
    await p.goto(`${served.origin}/`);

    // 新建申报: folder, kind, level, county.
    await p.getByRole('button', { name: '新建申报' }).click();
    await p.getByLabel('文件夹名称').fill(FOLDER);
    await p.getByLabel('申报类型').selectOption('application');
    await p.getByLabel('申报级别').selectOption('league');
    await p.getByLabel('所在旗县市').selectOption('科尔沁右翼前旗');
    await p.getByRole('button', { name: '建立' }).click();
    await poll(() => decodeURIComponent(p.url())).toContain(`#/s/${FOLDER}/basics`);
    await poll(() => p.locator('h1').innerText()).toContain('未填写机构名称');
    await poll(() => p.locator(fid('county.name')).inputValue()).toBe('科尔沁右翼前旗');

    // An empty required field says so beside itself.
    const nameField = p.locator('[data-field="institution.name"]');
    await poll(() => nameField.locator('.problem.error').innerText()).toContain('不能为空');
    expect(await p.locator(fid('institution.name')).getAttribute('aria-invalid')).toBe('true');

    // 基本信息.
    await p.locator(fid('filingDate')).fill(EX.filingDate);
    await p.locator(fid('year')).fill(String(EX.year));
    const inst = EX.institution;
    for (const k of ['name', 'legalRepresentative', 'phone', 'contactPerson', 'address']) await p.locator(fid(`institution.${k}`)).fill(inst[k]);
    await p.locator(fid('institution.founded')).fill(inst.founded);
    await p.locator(fid('institution.licence.number')).fill(inst.licence.number);
    await p.locator(fid('institution.licence.issuer')).fill(inst.licence.issuer);
    for (const k of ['trade', 'period', 'coverage']) await p.locator(fid(`brand.${k}`)).fill(EX.brand[k]);
    await p.locator(fid('brand.classes')).fill(String(EX.brand.classes));
    const categories = p.locator('[data-field="brand.categories"]');
    for (const name of ['重点产业', '紧缺职业', '巩固脱贫攻坚助力乡村振兴']) await categories.getByLabel(name, { exact: true }).check();
    await poll(() => p.locator('.savebar').innerText()).toMatch(/有 \d+ 处修改尚未保存/);
    await save(p);
    await poll(() => p.locator('h1').innerText()).toContain(inst.name);
    await poll(() => nameField.locator('.problem').count()).toBe(0);

    // 叙述: every prompt's text area, and the brief.
    await tab(p, '叙述');
    const narrative = EX.narrative as Record<string, string | Record<string, string>>;
    for (const [section, v] of Object.entries(narrative)) {
      if (typeof v === 'string') await p.locator(fid(`narrative.${section}`)).fill(v.trim());
      else for (const [key, text] of Object.entries(v)) await p.locator(fid(`narrative.${section}.${key}`)).fill(text.trim());
    }
    await p.locator(fid('brief')).fill(EX.brief.trim());
    await poll(() => p.locator(`${fid('brief')} ~ .count`).innerText()).toMatch(/^\d+ \/ 2000 字$/);
    await save(p);

    // 合作企业: the skeleton's three, and a fourth added; then each one's two scans.
    await tab(p, '合作企业');
    await p.getByRole('button', { name: '添加合作企业' }).click();
    const partners = EX.partners as Record<string, string>[];
    for (const [i, partner] of partners.entries()) {
      for (const k of ['name', 'contact', 'phone']) await p.locator(fid(`partners[${i}].${k}`)).fill(partner[k]!);
      await p.locator(fid(`partners[${i}].agreementDate`)).fill(partner.agreementDate!);
    }
    await save(p);
    for (const [i, partner] of partners.entries()) {
      for (const [n, which] of ['agreement', 'particulars'].entries()) {
        const box = p.locator('fieldset.partner').nth(i).locator('.field:has(.dropzone)').nth(n);
        await choose(p, box.getByRole('button', { name: '上传文件' }), [path.join(EXAMPLE, partner[which]!)]);
        await poll(() => box.locator('a').innerText()).toBe(partner[which]);
      }
    }

    // 花名册: the example's workbook.
    await tab(p, '花名册');
    await choose(p, p.locator('.dropzone').getByRole('button', { name: '选择文件' }), [path.join(EXAMPLE, '花名册.xlsx')]);
    await poll(() => p.locator('.panel').innerText(), 30_000).toContain('花名册文件：花名册.xlsx · 240 行');
    await poll(() => p.locator('table.roster tbody tr[id^="roster-row-"]').count()).toBe(240);

    // 绩效数字: the skeleton's zeros do not match the roster, and each says so beside its field.
    await tab(p, '绩效数字');
    const trained = p.locator('[data-field="claimed.trained"]');
    await poll(() => trained.locator('.problem.error').innerText()).toMatch(/240/);
    expect(await p.locator('[data-field^="claimed."] .problem.error').count()).toBeGreaterThanOrEqual(6);
    await p.getByRole('button', { name: '从花名册填入' }).click();
    await poll(() => p.locator(fid('claimed.trained')).inputValue()).toBe('240');
    await save(p);
    await poll(() => p.locator('[data-field^="claimed."] .problem.error').count()).toBe(0);
    await poll(() => p.locator(fid('claimed.passRate')).inputValue()).toBe('92.5');

    // 附件: each slot's scans, into their slots.
    await tab(p, '附件');
    const slots: Record<string, string> = {
      licence: '03-办学许可证',
      facilities: '03-场地设备',
      teachers: '03-师资与课时',
      creditReport: '04-信用报告',
      courtRecords: '05-裁判文书网截图',
      employmentProofs: '08-就业证明',
      achievements: '09-成果证明',
    };
    for (const [slot, folder] of Object.entries(slots)) {
      const section = p.locator(`#slot-${slot}`);
      const files = scans(folder);
      await choose(p, section.getByRole('button', { name: '选择文件' }), files);
      await poll(() => section.locator('li.file').count(), 30_000).toBe(files.length);
    }
    // Thumbnails: the pictures load, the PDFs' first pages are drawn.
    await poll(() => p.locator('#slot-employmentProofs img.thumb').evaluateAll((imgs) => imgs.every((i) => (i as unknown as { naturalWidth: number }).naturalWidth > 0))).toBe(true);
    await p.locator('#slot-licence canvas.thumb[data-rendered]').waitFor();
    expect(await p.locator('#slot-licence canvas.thumb').evaluate((c) => (c as unknown as { width: number }).width)).toBeGreaterThan(0);

    // 自评分.
    await tab(p, '自评分');
    for (const [item, points] of Object.entries(EX.selfScore as Record<string, number>)) await p.locator(fid(`selfScore.${item}`)).fill(String(points));
    await save(p);

    // Nothing left to fix.
    await poll(() => p.locator('.summary').innerText()).toContain('没有错误');

    // 预览与生成: progress, then the links.
    await tab(p, '预览与生成');
    await poll(() => p.locator('ul.forms li').count()).toBeGreaterThan(3);
    await p.getByRole('button', { name: '生成全部材料' }).click();
    await poll(() => p.locator('ol.progress li').count()).toBeGreaterThan(0);
    await poll(() => p.locator('.result').innerText(), 60_000).toContain('已生成');
    const result = p.locator('.result');
    expect(await result.getByRole('link', { name: /申请表\.pdf/ }).count()).toBeGreaterThan(0);
    expect(await result.getByRole('link', { name: /第1份\.pdf/ }).count()).toBe(1);

    // The zip, downloaded, passes `shenbao verify`.
    const [download] = await Promise.all([p.waitForEvent('download'), result.getByRole('link', { name: '下载 zip' }).click()]);
    const zip = path.join(tempFolder('shenbao-web-dl-'), download.suggestedFilename());
    await download.saveAs(zip);
    expect(download.suggestedFilename()).toBe(`${inst.name}-${EX.brand.trade}.zip`);
    const v = shenbao(['verify', zip]);
    expect(v.stderr + v.stdout).not.toMatch(/✗/);
    expect(v.code).toBe(0);

    expect(w.errors).toEqual([]);
    await w.close();
  }, 150_000);

  crossCheck([CHROMIUM], 'the keyboard alone switches tabs, moves an attachment up and down, saves with Ctrl+S and switches to English — whose labels are English', async () => {
    const w = await page();
    const p = w.page;
    await p.goto(`${served.origin}/#/s/example`);
    await p.locator('.tabs').waitFor();
    const file = path.join(workspace, 'example', 'submission.yaml');
    const listed = () => (parse(readFileSync(file, 'utf8')) as { attachments: Record<string, string[]> }).attachments.employmentProofs;

    // 附件, by Tab then Enter.
    await tabTo(p, '[role="tab"]', '附件');
    await p.keyboard.press('Enter');
    await poll(() => p.locator('[role="tab"][aria-selected="true"]').innerText()).toBe('附件');
    await p.locator('#slot-employmentProofs li.file').first().waitFor();

    // 下移 of the first employment proof, by Tab then Enter: the slot then lists its files in that order.
    const [first, second, third] = scans('08-就业证明').map((f) => path.basename(f));
    await tabTo(p, 'button', `下移: ${first}`);
    await p.keyboard.press('Enter');
    await poll(listed).toEqual([second, first, third].map((n) => `材料/08-就业证明/${n}`));
    await poll(() => p.locator('#slot-employmentProofs .file .name').allInnerTexts()).toEqual([second, first, third]);
    // The focus went with the file, so the next key moves it on.
    expect(await focused(p)).toBe(`下移: ${first}`);
    await p.keyboard.press('Shift+Tab');
    expect(await focused(p)).toBe(`上移: ${first}`);
    await p.keyboard.press('Space');
    await poll(listed).toEqual([first, second, third].map((n) => `材料/08-就业证明/${n}`));
    expect(await focused(p)).toBe(`下移: ${first}`);

    // Back to the tabs with Shift+Tab: 绩效数字 by Space, a rate typed key by key (its decimals kept).
    await tabTo(p, '[role="tab"]', '绩效数字', 'Shift+Tab');
    await p.keyboard.press('Space');
    await poll(() => p.locator('[role="tab"][aria-selected="true"]').innerText()).toBe('绩效数字');
    await tabTo(p, '#f-claimed_orderShare');
    await p.keyboard.press('Control+A');
    await p.keyboard.type('45.25');
    expect(await p.locator('#f-claimed_orderShare').inputValue()).toBe('45.25');
    await p.keyboard.press('Control+A');
    await p.keyboard.type('45');

    // 基本信息, a field changed from the keyboard, then Ctrl+S saves both.
    await tabTo(p, '[role="tab"]', '基本信息', 'Shift+Tab');
    await p.keyboard.press('Enter');
    await poll(() => p.locator('[role="tab"][aria-selected="true"]').innerText()).toBe('基本信息');
    await tabTo(p, '#f-institution_contactPerson');
    await p.keyboard.press('Control+A');
    await p.keyboard.type('张秀英');
    await poll(() => p.locator('.savebar').innerText()).toContain('有 2 处修改尚未保存');
    await p.keyboard.press('Control+S');
    await poll(() => p.locator('.savebar').innerText()).toContain('已保存，已重新检查');
    const values = parse(readFileSync(file, 'utf8')) as { institution: { contactPerson: string }; claimed: { orderShare: number } };
    expect(values.institution.contactPerson).toBe('张秀英');
    expect(values.claimed.orderShare).toBe(45);
    // Its comment is kept: the file is edited, not rewritten.
    expect(readFileSync(file, 'utf8')).toContain('# 联系人（可不填）\n  contactPerson: 张秀英');

    // The language switch, from the keyboard.
    await tabTo(p, 'button.lang', 'English', 'Shift+Tab');
    await p.keyboard.press('Enter');
    await poll(() => p.locator('[role="tab"]').first().innerText()).toBe('Basics');
    expect(await p.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await p.locator('header nav').innerText()).toMatch(/Submissions\s+County review\s+Verify a disc/);
    expect(await p.locator('button.lang').innerText()).toBe('中文');
    await poll(() => p.locator('label[for="f-institution_name"]').innerText()).not.toMatch(HAN);
    // None of the page's own Chinese words is left, on any of its pages. (The names of the
    // materials and slots are the scheme's, in Chinese only: on 附件 only the page's words count.)
    const pages: [string, string[]][] = [
      ['#/s/example/basics', zhWords()],
      ['#/s/example/attachments', zhWords('attachments', 'remove', 'up', 'down', 'save')],
      ['#/', zhWords()],
      ['#/county', zhWords()],
      ['#/verify', zhWords()],
    ];
    for (const [where, words] of pages) {
      await p.evaluate((h) => (location.hash = h), where);
      await p.waitForLoadState('networkidle');
      const text = await p.locator('#app').innerText();
      expect(words.filter((z) => text.includes(z)), where).toEqual([]);
    }
    expect(await p.locator('#app').innerText()).toContain('Or upload a zip or ISO:');
    // And back, from the keyboard again.
    await p.locator('button.lang').focus();
    await p.keyboard.press('Space');
    await poll(() => p.locator('header nav').innerText()).toContain('申报材料');

    expect(w.errors).toEqual([]);
    await w.close();
  });

  crossCheck([CHROMIUM], 'partners added and removed before a save are saved as shown; a partner’s own problem shows in its box, and 打开 goes to it', async () => {
    copyExample('partners', workspace);
    const w = await page();
    const p = w.page;
    await p.goto(`${served.origin}/#/s/partners/partners`);
    const partners = p.locator('fieldset.partner');
    await poll(() => partners.count()).toBe(4);
    // Two added (shown at once), the second named, the first removed again: the second moves up.
    const add = p.getByRole('button', { name: '添加合作企业' });
    await add.click();
    await add.click();
    await poll(() => partners.count()).toBe(6);
    await p.locator(fid('partners[5].name')).fill('兴安盟新合作企业有限公司');
    await partners.nth(4).getByRole('button', { name: '移除这家企业' }).click();
    await poll(() => partners.count()).toBe(5);
    expect(await p.locator(fid('partners[4].name')).inputValue()).toBe('兴安盟新合作企业有限公司');
    // One of the file's removed, and the one after it renamed.
    await partners.nth(1).getByRole('button', { name: '移除这家企业' }).click();
    await p.locator(fid('partners[2].name')).fill('科尔沁右翼前旗阿尔山路宾馆有限公司');
    expect(await partners.locator('legend').allInnerTexts()).toEqual([
      `1. ${EX.partners[0].name}`,
      '2. 科尔沁右翼前旗阿尔山路宾馆有限公司',
      `3. ${EX.partners[3].name}`,
      '4. 兴安盟新合作企业有限公司',
    ]);
    await save(p);
    const saved = (parse(readFileSync(path.join(workspace, 'partners', 'submission.yaml'), 'utf8')) as { partners: { name: string; agreement?: string }[] }).partners;
    expect(saved.map((x) => x.name)).toEqual([EX.partners[0].name, '科尔沁右翼前旗阿尔山路宾馆有限公司', EX.partners[3].name, '兴安盟新合作企业有限公司']);
    // The renamed one keeps its files; the new one has none yet, and says so beside its field.
    expect(saved[1]!.agreement).toBe(EX.partners[2].agreement);
    await poll(() => partners.count()).toBe(4);
    await poll(() => partners.nth(3).locator('.problem.error').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/兴安盟新合作企业有限公司.*缺少/)]));
    expect(await partners.nth(2).locator('.problem.error').count()).toBe(0);
    // From another tab, the summary's 打开 goes to it.
    await tab(p, '基本信息');
    await p.locator('.summary .problem', { hasText: '兴安盟新合作企业有限公司' }).getByRole('button', { name: '打开' }).click();
    await poll(() => p.locator('[role="tab"][aria-selected="true"]').innerText()).toMatch(/^合作企业/);
    await poll(() => p.evaluate(() => document.activeElement?.id)).toBe('f-partners_3__name');
    expect(w.errors).toEqual([]);
    await w.close();
  });

  crossCheck([CHROMIUM], 'a file with a syntax error: 打开 puts the caret on its line in the file’s text; corrected there and saved, the fields come back', async () => {
    const dir = copyExample('broken', workspace);
    const file = path.join(dir, 'submission.yaml');
    const good = readFileSync(file, 'utf8');
    const broken = good.replace('kind: application\n', 'kind: application\n  bad: [x\n');
    writeFileSync(file, broken);
    const line = broken.split('\n').findIndex((l) => l === '  bad: [x') + 1;
    const w = await page();
    const p = w.page;
    await p.goto(`${served.origin}/#/s/broken`);
    await poll(() => p.locator('.summary').innerText()).toContain('YAML 格式错误');
    const first = p.locator('.summary .problem').first();
    // Where YAML finds it: the line written wrong, or the one it hangs from.
    const reported = Number(/submission\.yaml (\d+):\d+/.exec(await first.innerText())?.[1]);
    expect([line - 1, line]).toContain(reported);
    await first.getByRole('button', { name: '打开' }).click();
    const text = p.locator('#file-text');
    await poll(() => p.evaluate(() => document.activeElement?.id)).toBe('file-text');
    const caret = await text.evaluate((t) => (t as unknown as { value: string; selectionStart: number }).value.slice(0, (t as unknown as { selectionStart: number }).selectionStart).split('\n').length);
    expect(caret).toBe(reported);
    await text.fill(good);
    await p.getByRole('button', { name: '保存文本' }).click();
    await poll(() => p.locator(fid('institution.name')).inputValue()).toBe(EX.institution.name);
    expect(readFileSync(file, 'utf8')).toBe(good);
    expect(w.errors).toEqual([]);
    await w.close();
  });

  crossCheck([CHROMIUM], 'works offline: every request of the page goes to its own server', async () => {
    const requested = opened.flatMap((w) => w.requests);
    expect(requested.length).toBeGreaterThan(20);
    expect(elsewhere(requested, served.origin)).toEqual([]);
    // The libraries, pdf.js and the font come from the server too.
    for (const own of ['/vendor/preact.mjs', '/vendor/htm.mjs', '/vendor/pdf.mjs', '/vendor/pdf.worker.mjs', '/fonts/sans']) expect(requested).toContain(`${served.origin}${own}`);
  });
});

const HAN = /\p{Script=Han}/u;

const ZH = ((await import(new URL('../../web/i18n.js', import.meta.url).href)) as { WORDS: { zh: Record<string, unknown> } }).WORDS.zh;

/** The page's own Chinese words (web/i18n.js: every fixed string of two characters or more), or those under `keys`. */
function zhWords(...keys: string[]): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string' && HAN.test(v) && [...v].length >= 2) out.push(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(keys.length ? keys.map((k) => ZH[k]) : ZH);
  return out;
}

/** What the focused element is called: its aria-label, else its text. */
function focused(p: Page): Promise<string> {
  return p.evaluate(() => {
    const el = document.activeElement;
    return el?.getAttribute('aria-label') ?? el?.innerText?.trim() ?? '';
  });
}

/** Presses Tab (or Shift+Tab) until the focus is on `selector` (named `name`, if given): the control is reachable. */
async function tabTo(p: Page, selector: string, name?: string, key = 'Tab', max = 150): Promise<void> {
  for (let i = 0; i < max; i++) {
    await p.keyboard.press(key);
    const here = await p.evaluate(
      ([sel, want]) => {
        const el = document.activeElement;
        if (!el || !el.matches(sel!)) return false;
        if (!want) return true;
        const label = el.getAttribute('aria-label') ?? el.innerText.trim();
        return label === want || label.replace(/\s*\d+$/, '') === want;
      },
      [selector, name ?? ''],
    );
    if (here) return;
  }
  throw new Error(`${selector}${name ? ` “${name}”` : ''} is not reached with ${key} in ${max} presses (focus on: ${await focused(p)})`);
}
