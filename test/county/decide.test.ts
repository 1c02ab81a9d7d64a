/**
 * The county's decisions as a pure function: which applicant gets a report, which package
 * goes on, and why not — from packages made of the example's checked data.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { decide, withBuilds, type DecideInput } from '../../src/county/decide.js';
import { reportParts } from '../../src/county/derived.js';
import { implausible, safeName } from '../../src/county/limits.js';
import { applicantFacts, type ApplicantFacts, type Intake } from '../../src/county/intake.js';
import { parseCountyFile } from '../../src/county/load.js';
import { messageOf } from '../../src/i18n/format.js';
import { loadExample } from '../helpers/example.js';
import { SCHEME } from '../helpers/fixture.js';

let facts: ApplicantFacts;

beforeAll(async () => {
  const ex = await loadExample();
  facts = applicantFacts({ loaded: ex.loaded, report: ex.report, scheme: SCHEME });
});

function intake(i: number, over: Partial<ApplicantFacts> = {}, rest: Partial<Intake> = {}): Intake {
  return {
    index: i,
    input: `收件/${i + 1}.zip`,
    form: 'zip',
    fixity: 'intact',
    verified: 38,
    payloadFiles: 38,
    algorithms: ['sha256', 'sha512'],
    problems: [],
    check: [],
    counts: { error: 0, warning: 0 },
    // Only the first package carries the example's trainees: the others are other people (see the shared-trainee tests).
    applicant: { ...facts, ...(i > 0 && { ids: [] }), ...over },
    ...rest,
  };
}

function countyFile(yaml: string) {
  const { loaded, diagnostics } = parseCountyFile(yaml, 'county.yaml');
  if (!loaded) throw new Error(JSON.stringify(diagnostics));
  return { ...loaded, bytes: new TextEncoder().encode(yaml) };
}

const input = (intakes: Intake[], yaml?: string): DecideInput => ({
  intakes,
  county: { name: '科尔沁右翼前旗', date: yaml ? countyFile(yaml).data.county.date : '2026-10-20' },
  file: yaml ? countyFile(yaml) : undefined,
  scheme: SCHEME,
});

const head = 'county:\n  name: 科尔沁右翼前旗\n  date: 2026-10-20\napplicants:\n';
const codes = (ds: { code: string }[]) => ds.map((d) => d.code);

describe('decide', () => {
  it('recommends an intact, eligible application the county says yes to, matching names despite spaces', () => {
    const plan = decide(input([intake(0)], `${head}  - institution: '科尔沁右翼前旗 天骄职业技能培训学校'\n    trade: 中式烹调师\n    recommend: true\n    practices: 好做法\n`));
    const [p] = plan.applicants;
    expect(p!.decision).toBe('recommend');
    expect(p!.forward).toBe(true);
    expect(p!.entry?.practices).toBe('好做法');
    expect(codes(p!.diagnostics)).toEqual([]);
  });

  it('refuses to recommend a damaged package, one with check errors, or one short of the thresholds', () => {
    const yes = (name: string) => `  - institution: ${name}\n    trade: 中式烹调师\n    recommend: true\n`;
    const short = { ...facts.eligibility!, eligible: false, rows: facts.eligibility!.rows.map((r) => (r.figure === 'trained' ? { ...r, actual: 180, meets: false } : r)) };
    const plan = decide(
      input(
        [
          intake(0, { institution: '甲校' }, { fixity: 'damaged', problems: [{ severity: 'error', code: 'verify.mismatch', params: { path: 'data/x', alg: 'SHA-256' }, location: {} }] }),
          intake(1, { institution: '乙校' }, { counts: { error: 2, warning: 0 } }),
          intake(2, { institution: '丙校', eligibility: short }),
        ],
        head + yes('甲校') + yes('乙校') + yes('丙校'),
      ),
    );
    expect(plan.applicants.map((p) => p.decision)).toEqual(['refused', 'refused', 'refused']);
    expect(plan.applicants.every((p) => !p.forward)).toBe(true);
    const refusals = plan.applicants.map((p) => p.diagnostics.find((d) => d.code === 'county.cannotRecommend')!);
    // The reasons are data; the sentence is made only when the diagnostic is shown.
    expect((refusals[0]!.params as { blockers: unknown[] }).blockers).toEqual([{ kind: 'damaged', problems: 1 }]);
    expect((refusals[1]!.params as { blockers: unknown[] }).blockers).toEqual([{ kind: 'errors', count: 2 }]);
    expect((refusals[2]!.params as { blockers: unknown[] }).blockers).toEqual([
      { kind: 'notEligible', level: { zh: '盟级', en: 'League' }, failing: [{ figure: 'trained', actual: '180', required: '≥ 200', unit: 'persons' }] },
    ]);
    expect(messageOf(refusals[2]!, 'zh')).toContain('未达到盟级认定条件（培训人数 180 人，要求 ≥ 200 人）');
    expect(messageOf(refusals[2]!, 'en')).toContain('below the League thresholds (trainees 180, required ≥ 200)');
    // The refusal points at the county's own line.
    expect(plan.applicants[2]!.diagnostics.find((d) => d.code === 'county.cannotRecommend')!.location.line).toBe(13);
  });

  it('flags two packages of the same brand on both and forwards neither', () => {
    const plan = decide(input([intake(0), intake(1, { institution: '科尔沁右翼前旗天骄职业技能培训学校 ' })], `${head}  - institution: 科尔沁右翼前旗天骄职业技能培训学校\n    trade: 中式烹调师\n    recommend: true\n`));
    for (const p of plan.applicants) {
      expect(codes(p.diagnostics)).toContain('county.duplicate');
      expect(p.forward).toBe(false);
    }
    expect(plan.applicants[0]!.duplicateOf).toBe(1);
  });

  it('takes the intact copy of a filing whose other copy broke on the way, and names the damaged one (issue #12)', () => {
    const yaml = `${head}  - institution: 科尔沁右翼前旗天骄职业技能培训学校\n    trade: 中式烹调师\n    recommend: true\n    practices: 好做法\n`;
    const plan = decide(input([intake(0, {}, { fixity: 'damaged', problems: [] }), intake(1)], yaml));
    const [damaged, intact] = plan.applicants;
    expect(codes(intact!.diagnostics)).not.toContain('county.duplicate');
    expect(intact!.decision).toBe('recommend');
    expect(intact!.forward).toBe(true);
    expect(codes(damaged!.diagnostics)).toContain('county.damagedCopy');
    expect(codes(damaged!.diagnostics)).not.toContain('county.duplicate');
    expect(damaged!.forward).toBe(false);
    expect(messageOf(damaged!.diagnostics.find((d) => d.code === 'county.damagedCopy')!, 'zh')).toContain('收件/2.zip');
    // Two intact copies are still a duplicate.
    expect(decide(input([intake(0), intake(1)], yaml)).applicants.every((p) => codes(p.diagnostics).includes('county.duplicate'))).toBe(true);
  });

  it('leaves undecided and declined applicants without a report, and says which entries match no package', () => {
    const plan = decide(
      input(
        [intake(0), intake(1, { institution: '乙校' }), intake(2, { institution: '丙校' })],
        `${head}  - institution: 科尔沁右翼前旗天骄职业技能培训学校\n    trade: 中式烹调师\n    recommend:\n  - institution: 乙校\n    trade: 中式烹调师\n    recommend: false\n  - institution: 丁校\n    trade: 电工\n`,
      ),
    );
    expect(plan.applicants.map((p) => p.decision)).toEqual(['undecided', 'decline', 'undecided']);
    expect(codes(plan.applicants[0]!.diagnostics)).toEqual(['county.undecided']);
    expect(codes(plan.applicants[2]!.diagnostics)).toEqual(['county.notInFile']);
    expect(codes(plan.diagnostics)).toEqual(['county.unknownApplicant']);
  });

  it('evaluates a review: the county score gives the grade, the data shows the grounds for removal', () => {
    const figures = { ...facts.figures!, subsidised: 0 };
    const plan = decide(input([intake(0, { kind: 'review', figures, partners: 0 })], `${head}  - institution: 科尔沁右翼前旗天骄职业技能培训学校\n    trade: 中式烹调师\n    score: 89.5\n`));
    const [p] = plan.applicants;
    expect(p!.decision).toBe('review');
    expect(p!.forward).toBe(true);
    expect(p!.countyGrade).toEqual({ zh: '良好', en: 'good' });
    // The grounds of 第十三条 the data shows, by their ids in the scheme; the messages quote the notice.
    expect(p!.removal).toEqual(['noSubsidisedTraining', 'noAgreements']);
    const grounds = p!.diagnostics.filter((d) => d.code === 'county.removal').map((d) => (d.params as { ground: string }).ground);
    expect(grounds[0]).toMatch(/补贴性职业技能培训/);
    expect(grounds[1]).toMatch(/培训就业协议/);
    expect(codes(p!.diagnostics).filter((c) => c === 'county.removal')).toHaveLength(2);
  });

  it('warns when the county reports after 31 October of the filing year', () => {
    const late = decide(input([intake(0)], 'county:\n  name: 科尔沁右翼前旗\n  date: 2026-11-02\n'));
    expect(codes(late.diagnostics)).toEqual(['county.late']);
    expect(late.diagnostics[0]!.location.line).toBe(3);
    expect(decide(input([intake(0)], 'county:\n  name: 科尔沁右翼前旗\n  date: 2026-10-31\n')).diagnostics).toEqual([]);
  });

  it('warns of an applicant from another county', () => {
    const plan = decide(input([intake(0, { county: '突泉县' })]));
    expect(codes(plan.applicants[0]!.diagnostics)).toContain('county.otherCounty');
  });

  it('asks for the county’s words only where the data gives the report nothing', () => {
    const plan = decide(input([intake(0)], `${head}  - institution: 科尔沁右翼前旗天骄职业技能培训学校\n    trade: 中式烹调师\n    recommend: true\n`));
    const d = plan.applicants[0]!.diagnostics.find((x) => x.code === 'county.noWords')!;
    expect((d.params as unknown as { sections: string[] }).sections).toEqual(['三、好的经验做法']);
  });
});

describe('the report’s derived sentences', () => {
  it('state the roster’s figures and key groups', () => {
    const t = Object.fromEntries(reportParts(facts, SCHEME).map((p) => [p.key, p.derived]));
    const f = facts.figures!;
    expect(t['results']).toContain(`培训 ${f.trained} 人，考核合格 ${f.passed} 人`);
    expect(t['keyGroups']).toContain(`高校毕业生 ${f.byKeyGroup['graduate']} 人`);
    expect(t['rural']).toContain('巩固脱贫攻坚助力乡村振兴');
  });
});

describe('the plan is a value', () => {
  it('comes back new after the builds of plain folders, the decided plan unchanged', () => {
    const decided = decide(input([intake(0, {}, { form: 'submission', fixity: 'unsealed', submissionDir: '/x' })], `${head}  - institution: 科尔沁右翼前旗天骄职业技能培训学校\n    trade: 中式烹调师\n    recommend: true\n    practices: 好做法\n`));
    const before = JSON.stringify(decided);
    const after = withBuilds(decided, new Map([[1, { ok: false as const, diagnostics: [] }]]));
    expect(JSON.stringify(decided)).toBe(before);
    expect(decided.applicants[0]).toMatchObject({ decision: 'recommend', forward: true });
    expect(after.applicants[0]).toMatchObject({ decision: 'refused', forward: false });
    expect(codes(after.applicants[0]!.diagnostics)).toContain('county.cannotRecommend');
    expect(withBuilds(decided, new Map([[1, { ok: true as const }]])).applicants[0]).toBe(decided.applicants[0]);
  });
});

describe('taking in a package', () => {
  it('accepts only names that stay inside the bag', () => {
    for (const ok of ['bagit.txt', 'data/表格/01-申请表.pdf']) expect(safeName(ok), ok).toBe(true);
    for (const bad of ['../x', 'data/../../x', '/etc/passwd', 'C:/x', 'data\\x', 'data//x', 'a/./b', 'x\u0000y', '']) expect(safeName(bad), bad).toBe(false);
  });

  it('refuses an archive bigger than any disc, or with too many entries, from its listing alone', () => {
    const files = (n: number, size: number) => ({ files: new Map(Array.from({ length: n }, (_, i) => [`data/${i}`, { size }])) });
    expect(implausible(files(3, 4e9))).toMatchObject({ why: 'tooLarge' });
    expect(implausible(files(20_001, 1))).toMatchObject({ why: 'tooMany' });
    expect(implausible(files(2, 1000))).toBeUndefined();
  });
});
