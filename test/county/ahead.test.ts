/**
 * The county's documents rendered ahead, each as its package comes in (county/ahead.ts): the
 * files are byte for byte those rendered after every package is in, and a document rendered
 * for words the whole run no longer has is not used — the officer gets what the run decided.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderAhead } from '../../src/county/ahead.js';
import { decide, type CountyPlan } from '../../src/county/decide.js';
import { fillCountyDocuments, renderCountyDocuments, type RenderedDocument } from '../../src/county/documents.js';
import { applicantFacts, type ApplicantFacts, type Intake } from '../../src/county/intake.js';
import { parseCountyFile, type LoadedCountyFile } from '../../src/county/load.js';
import { silent } from '../../src/core/progress.js';
import type { FontSet } from '../../src/render/fonts.js';
import { loadExample, reviewExampleDir } from '../helpers/example.js';
import { SCHEME } from '../helpers/fixture.js';
import { pdfText } from '../helpers/pdf.js';

const SCHOOL = '科尔沁右翼前旗天骄职业技能培训学校';
const REVIEW = '科尔沁右翼前旗草原职业培训学校';
const COUNTY = { name: '科尔沁右翼前旗', bureau: '科尔沁右翼前旗人力资源和社会保障局', contact: '王海涛', phone: '(0482)5812345', date: '2026-10-20' };

let app: ApplicantFacts;
let rev: ApplicantFacts;
let fonts: FontSet;

beforeAll(async () => {
  const ex = await loadExample();
  const rv = await loadExample(await reviewExampleDir());
  app = applicantFacts({ loaded: ex.loaded, report: ex.report, scheme: SCHEME });
  rev = { ...applicantFacts({ loaded: rv.loaded, report: rv.report, scheme: SCHEME }), institution: REVIEW };
  fonts = ex.fonts;
});

const intake = (i: number, a: ApplicantFacts): Intake => ({ index: i, input: `收件/${i + 1}.zip`, form: 'zip', fixity: 'intact', verified: 38, payloadFiles: 38, algorithms: ['sha256'], problems: [], check: [], counts: { error: 0, warning: 0 }, applicant: a });

function countyFile(practices: string): LoadedCountyFile {
  const yaml = `county:\n  name: 科尔沁右翼前旗\n  contact: 王海涛\n  phone: (0482)5812345\n  date: 2026-10-20\napplicants:\n  - institution: ${SCHOOL}\n    trade: 中式烹调师\n    recommend: true\n    practices: ${practices}\n  - institution: ${REVIEW}\n    trade: 中式烹调师\n    score: 86\n`;
  const { loaded } = parseCountyFile(yaml, 'county.yaml');
  return { ...loaded!, bytes: new TextEncoder().encode(yaml) };
}

const RENDER = { date: new Date('2026-10-20T04:00:00Z'), author: COUNTY.bureau, keywords: SCHEME.notice };
const plan = (intakes: Intake[], file: LoadedCountyFile): CountyPlan => decide({ intakes, county: { name: COUNTY.name, date: COUNTY.date }, file, scheme: SCHEME });
const render = (p: CountyPlan, ready?: Map<string, RenderedDocument>) => renderCountyDocuments(fillCountyDocuments(COUNTY, p, SCHEME).slice(1), { ...RENDER, fonts, progress: silent, ready });

async function ahead(intakes: Intake[], file: LoadedCountyFile): Promise<Map<string, RenderedDocument>> {
  const ready = new Map<string, RenderedDocument>();
  for (const it of intakes) for (const [base, d] of await renderAhead(it, { county: COUNTY, file, scheme: SCHEME, render: { ...RENDER, fonts } })) ready.set(base, d);
  return ready;
}

describe('documents rendered ahead', () => {
  it('are the bytes the whole run renders: the report, the pledge copy, the evaluation report', async () => {
    const intakes = [intake(0, app), intake(1, rev)];
    const file = countyFile('订单培训。');
    const early = await ahead(intakes, file);
    expect([...early.keys()].sort()).toEqual(['信用承诺书/01-科尔沁右翼前旗天骄职业技能培训学校-中式烹调师', '推荐报告/01-科尔沁右翼前旗天骄职业技能培训学校-中式烹调师', '评价结果报告/02-科尔沁右翼前旗草原职业培训学校-中式烹调师']);
    const after = await render(plan(intakes, file));
    expect([...after.bundle.keys()].sort()).toHaveLength(5);
    for (const [path, bytes] of after.bundle) {
      const base = path.replace(/^documents\//, '').replace(/\.\w+$/, '');
      const format = path.slice(path.lastIndexOf('.') + 1) as 'pdf' | 'docx';
      expect(Buffer.from(early.get(base)!.files[format]!).equals(Buffer.from(bytes as Uint8Array)), path).toBe(true);
    }
  }, 120_000);

  it('are not used where the whole run fills the form otherwise: the report says what the run decided', async () => {
    const intakes = [intake(0, app)];
    const early = await ahead(intakes, countyFile('旧的说法。'));
    const { bundle } = await render(plan(intakes, countyFile('新的说法。')), early);
    const text = (await pdfText(bundle.get('documents/推荐报告/01-科尔沁右翼前旗天骄职业技能培训学校-中式烹调师.pdf') as Uint8Array)).replace(/\s+/g, '');
    expect(text).toContain('新的说法');
    expect(text).not.toContain('旧的说法');
  }, 120_000);

  it('are not made for an applicant the whole run refuses: a second copy of one brand is a duplicate', async () => {
    const intakes = [intake(0, app), intake(1, app)];
    const file = countyFile('订单培训。');
    const early = await ahead(intakes.slice(1), file);
    expect(early.size).toBe(2);
    const { bundle } = await render(plan(intakes, file), early);
    expect([...bundle.keys()]).toEqual([]);
  }, 120_000);
});
