/** The bundled example, loaded and checked once per test file, for the stages after check. */
import path from 'node:path';
import { checkSubmission, type CheckReport } from '../../src/check/run.js';
import { fillDocuments, type FilledDocument } from '../../src/build/documents.js';
import { fontSet, type FontSet } from '../../src/render/fonts.js';
import { loadSubmission, type LoadedSubmission } from '../../src/submission/load.js';
import { ROOT } from './cli.js';
import { SCHEME, TODAY } from './fixture.js';

export const EXAMPLE_DIR = path.join(ROOT, 'data/example');

export interface Example {
  loaded: LoadedSubmission;
  report: CheckReport;
  docs: FilledDocument[];
  fonts: FontSet;
}

export async function loadExample(dir = EXAMPLE_DIR): Promise<Example> {
  const { loaded } = await loadSubmission(dir, 'zh', () => SCHEME);
  if (!loaded) throw new Error(`cannot load ${dir}`);
  const fonts = fontSet();
  const report = checkSubmission(loaded, SCHEME, TODAY, fonts);
  return { loaded, report, docs: fillDocuments(loaded, SCHEME, report), fonts };
}

export function doc(ex: Example, formId: string): FilledDocument {
  const d = ex.docs.find((x) => x.plan.formId === formId);
  if (!d) throw new Error(`no document ${formId}`);
  return d;
}
