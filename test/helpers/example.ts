/** The bundled example, loaded and checked once per test file, for the stages after check. */
import path from 'node:path';
import { fillDocuments, type FilledDocument } from '../../src/build/documents.js';
import { checkSubmission, type CheckReport } from '../../src/check/run.js';
import { loadFontSet, type FontSet } from '../../src/render/fonts.js';
import { loadSubmission, type LoadedSubmission } from '../../src/submission/load.js';
import { ROOT } from './cli.js';
import { SCHEME, TODAY, WORLD } from './fixture.js';

export const EXAMPLE_DIR = path.join(ROOT, 'data/example');

export interface Example {
  loaded: LoadedSubmission;
  report: CheckReport;
  docs: FilledDocument[];
  fonts: FontSet;
}

export async function loadExample(dir = EXAMPLE_DIR): Promise<Example> {
  const { loaded } = await loadSubmission(WORLD, dir, async () => SCHEME);
  if (!loaded) throw new Error(`cannot load ${dir}`);
  const fonts = await loadFontSet(WORLD.fonts);
  const report = checkSubmission(loaded, SCHEME, TODAY, fonts);
  return { loaded, report, docs: fillDocuments(loaded, SCHEME, report), fonts };
}

export function doc(ex: Example, formId: string): FilledDocument {
  const d = ex.docs.find((x) => x.plan.formId === formId);
  if (!d) throw new Error(`no document ${formId}`);
  return d;
}

/** A review (复评) made from the example: 政策落实 instead of 推荐培训品牌工种情况, and the training ledger. */
export async function reviewExampleDir(): Promise<string> {
  const { cpSync, mkdirSync, readFileSync, writeFileSync, copyFileSync } = await import('node:fs');
  const { parseDocument } = await import('yaml');
  const { tempDir } = await import('./fixture.js');
  const dir = path.join(tempDir('review-'), 'review');
  cpSync(EXAMPLE_DIR, dir, { recursive: true });
  const file = path.join(dir, 'submission.yaml');
  const doc = parseDocument(readFileSync(file, 'utf8'));
  doc.set('kind', 'review');
  doc.deleteIn(['narrative', 'brandFit']);
  doc.setIn(['narrative', 'policy'], '学校全面落实职业技能培训补贴政策，2025年享受补贴学员236人，组织农牧民工、脱贫劳动力等重点群体参加培训152人。');
  mkdirSync(path.join(dir, '材料/10-培训台账'), { recursive: true });
  copyFileSync(path.join(dir, '材料/09-成果证明/02-职业技能培训合格证书.jpg'), path.join(dir, '材料/10-培训台账/签到表.jpg'));
  for (const slot of ['ledgerPlans', 'ledgerSignIn', 'ledgerPhotos', 'ledgerFeedback']) doc.setIn(['attachments', slot], ['材料/10-培训台账/']);
  writeFileSync(file, doc.toString());
  return dir;
}
