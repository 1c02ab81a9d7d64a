/**
 * The README's pictures of `shenbao serve` (docs/images/serve-*.png), taken in Chromium at
 * 1366×768 from a workspace made here: the example, a copy with a missing field, a new
 * submission, and an inbox with two good packages and a damaged one. Needs Chromium
 * (/usr/bin/chromium) and dist/ (`npm run build`). `npx tsx scripts/serve-images.ts`
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { buildZip, copyExample, damagedCopy, launch, openPage, removeAll, ROOT, serve, tempFolder } from '../test/web/harness.js';

// What the functions run in the page see (the project's TypeScript has no DOM library).
declare const window: { scrollBy(x: number, y: number): void; scrollTo(x: number, y: number): void };

const OUT = path.join(ROOT, 'docs', 'images');

async function main(): Promise<void> {
  const workspace = tempFolder('shenbao-images-');
  copyExample('天骄学校-中式烹调师', workspace);
  // A second submission with one required field left empty: its error shows beside the field.
  copyExample('草原学校-中式烹调师', workspace, (doc) => {
    doc.setIn(['institution', 'name'], '科尔沁右翼前旗草原职业技能培训学校');
    doc.setIn(['county', 'name'], '');
  });
  // The inbox: the example's package, another institution's, and a copy damaged on the way.
  const other = copyExample('草原', undefined, (doc) => doc.setIn(['institution', 'name'], '科尔沁右翼前旗草原职业技能培训学校'));
  const [good, otherZip] = await Promise.all([buildZip(path.join(ROOT, 'data/example')), buildZip(other)]);
  const inbox = path.join(workspace, '收件');
  mkdirSync(inbox);
  copyFileSync(good, path.join(inbox, '01-天骄.zip'));
  copyFileSync(otherZip, path.join(inbox, '02-草原.zip'));
  const damaged = damagedCopy(good, path.join(inbox, '03-损坏.zip'));

  const [browser, served] = await Promise.all([launch(), serve(workspace)]);
  try {
    const { page: p, errors, close } = await openPage(browser);
    const shot = async (name: string) => {
      await p.waitForLoadState('networkidle');
      await p.screenshot({ path: path.join(OUT, `${name}.png`) });
      process.stdout.write(`docs/images/${name}.png\n`);
    };
    const scrollTo = (selector: string, block: 'start' | 'center' = 'start') =>
      p.locator(selector).first().evaluate((el, b) => {
        (el as unknown as { scrollIntoView(o: object): void }).scrollIntoView({ block: b });
        // Below the sticky header and save bar.
        if (b === 'start') window.scrollBy(0, -130);
      }, block);

    // A new submission, made on the page's list.
    await p.goto(`${served.origin}/`);
    await p.getByRole('button', { name: '新建申报' }).click();
    await p.getByLabel('文件夹名称').fill('新申报-育婴员');
    await p.getByLabel('所在旗县市').selectOption('乌兰浩特市');
    await p.getByRole('button', { name: '建立' }).click();
    await p.locator('.tabs').waitFor();

    // The example, built on its 预览与生成 tab.
    await p.goto(`${served.origin}/#/s/${encodeURIComponent('天骄学校-中式烹调师')}/build`);
    await p.getByRole('button', { name: '生成全部材料' }).click();
    await p.locator('.result').waitFor({ timeout: 120_000 });
    await scrollTo('.result');
    await shot('serve-build');

    await p.goto(`${served.origin}/#/s/${encodeURIComponent('天骄学校-中式烹调师')}/roster`);
    await p.locator('table.roster').waitFor();
    await scrollTo('table.figures');
    await shot('serve-roster');

    await p.goto(`${served.origin}/#/s/${encodeURIComponent('天骄学校-中式烹调师')}/attachments`);
    await p.evaluate(() => window.scrollTo(0, 0));
    await p.locator('#slot-licence canvas.thumb[data-rendered]').waitFor();
    await p.locator('#slot-facilities canvas.thumb[data-rendered]').waitFor();
    await shot('serve-attachments');

    await p.goto(`${served.origin}/#/`);
    await p.locator('table.list tr:nth-child(3)').waitFor();
    await shot('serve-list');

    await p.goto(`${served.origin}/#/s/${encodeURIComponent('草原学校-中式烹调师')}/basics`);
    await p.locator('[data-field="county.name"] .problem.error').waitFor();
    await shot('serve-fields');

    await p.goto(`${served.origin}/#/county`);
    await p.getByRole('button', { name: '核验并检查全部材料包' }).click();
    await p.locator('table.intake tbody tr:nth-child(5)').waitFor({ timeout: 120_000 });
    await scrollTo('table.intake');
    await shot('serve-county');

    await p.goto(`${served.origin}/#/verify`);
    await choose(p, damaged);
    await p.locator('.summary.bad').waitFor({ timeout: 60_000 });
    await shot('serve-verify');

    if (errors.length) throw new Error(`the page logged errors: ${errors.join('\n')}`);
    await close();
  } finally {
    await browser.close();
    await served.close();
    removeAll();
  }
}

async function choose(p: Page, file: string): Promise<void> {
  const [chooser] = await Promise.all([p.waitForEvent('filechooser'), p.getByRole('button', { name: '选择文件', exact: true }).click()]);
  await chooser.setFiles(file);
}

await main();
