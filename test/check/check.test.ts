import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { countChars } from '../../src/check/brief.js';
import { rateMatches } from '../../src/check/claims.js';
import { messageOf } from '../../src/i18n/format.js';
import { ENCRYPTED_PDF, BASE_FILES, baseSubmission, checkDir, claimedFor, cleanup, codes, JPEG, LEAGUE_OK, PDF, png, rosterRows, writeFixture, type RosterSpec } from '../helpers/fixture.js';

afterAll(cleanup);

type Sub = ReturnType<typeof baseSubmission>;
const edit = (f: (s: Sub & Record<string, any>) => void) => {
  const s = baseSubmission() as Sub & Record<string, any>;
  f(s);
  return s;
};

describe('a complete League-level application', () => {
  it('passes with the figures it claims', async () => {
    const { report } = await checkDir(writeFixture(baseSubmission()));
    expect(codes(report!.diagnostics, 'error')).toEqual([]);
    expect(report!.figures).toMatchObject({ trained: 210, passed: 190, employed: 140, keyGroup: 110, order: 90 });
    expect(report!.eligibility!.eligible).toBe(true);
    expect(report!.materials.every((m) => m.status === 'ok')).toBe(true);
  });
});

describe('figures against claims', () => {
  it('shows both numbers when a claimed count differs from the roster', async () => {
    const s = edit((s) => (s.claimed.trained = 215));
    const { diagnostics } = await checkDir(writeFixture(s));
    const d = diagnostics.find((x) => x.code === 'figures.claimMismatch')!;
    expect(d.location.field).toBe('claimed.trained');
    expect(messageOf(d, 'zh')).toBe('推荐表填报的培训人数是 215，按花名册计算是 210');
  });

  it('accepts a rate written to its own precision and rejects one that is not', () => {
    expect(rateMatches(90.5, 90.476)).toBe(true);
    expect(rateMatches(90, 90.476)).toBe(true);
    expect(rateMatches(90.4, 90.476)).toBe(false);
    expect(rateMatches(91, 90.476)).toBe(false);
  });
});

describe('thresholds of the level applied for', () => {
  const shortOf = (spec: RosterSpec) => edit((s) => {
    s.roster = { rows: rosterRows(spec) };
    s.claimed = claimedFor(spec);
  });

  it('reports each threshold the figures miss', async () => {
    const spec = { ...LEAGUE_OK, passed: 170, order: 80 }; // 81% < 85%, 38.1% < 40%
    const { report } = await checkDir(writeFixture(shortOf(spec)));
    const fails = report!.diagnostics.filter((d) => d.code === 'threshold.fail');
    expect(fails.map((d) => d.location.field)).toEqual(['claimed.passRate', 'claimed.orderShare']);
    expect(messageOf(fails[0]!, 'zh')).toContain('≥ 85%');
    expect(report!.eligibility!.eligible).toBe(false);
  });

  it('counts only subsidised key-group trainees at League level', async () => {
    const s = baseSubmission() as Sub & Record<string, any>;
    const rows = rosterRows(LEAGUE_OK);
    for (let i = 0; i < 20; i++) rows[i]!.享受补贴 = '否';
    s.roster = { rows };
    const { report } = await checkDir(writeFixture(s));
    expect(report!.figures!.keyGroup).toBe(90);
    expect(report!.figures!.keyGroupAll).toBe(110);
    expect(codes(report!.diagnostics)).toContain('threshold.fail');
  });

  it('uses the county rows by population band', async () => {
    const spec = { n: 120, passed: 100, employed: 70, keyGroup: 65, order: 32 };
    const small = edit((s) => {
      s.level = 'county';
      s.county.populationBand = 'below200k';
      s.roster = { rows: rosterRows(spec) };
      s.claimed = claimedFor(spec);
    });
    expect((await checkDir(writeFixture(small))).report!.eligibility!.eligible).toBe(true);
    const big = { ...small, county: { name: '科尔沁右翼前旗', populationBand: 'atLeast200k' } };
    const r = (await checkDir(writeFixture(big))).report!;
    expect(r.eligibility!.rows.filter((x) => !x.meets).map((x) => x.figure)).toEqual(['trained', 'keyGroup', 'orderShare']);
    const noBand = { ...small, county: { name: '科尔沁右翼前旗' } };
    expect(codes((await checkDir(writeFixture(noBand))).diagnostics)).toContain('county.bandRequired');
  });

  it('turns failures into warnings under a valid special-support claim, saying why', async () => {
    const spec = { n: 150, passed: 140, employed: 110, keyGroup: 80, order: 70 }; // employment 73.3%
    const s = shortOf(spec);
    s.brand.specialSupport = { claimed: true, grounds: ['heritage'], reason: '非遗项目' };
    const { report } = await checkDir(writeFixture(s));
    expect(codes(report!.diagnostics, 'error')).toEqual([]);
    const relaxed = report!.diagnostics.filter((d) => d.code === 'threshold.relaxed');
    expect(relaxed.map((d) => d.location.field)).toEqual(['claimed.trained', 'claimed.keyGroup']);
    expect(messageOf(relaxed[0]!, 'zh')).toContain('重点扶持');
    expect(messageOf(relaxed[0]!, 'zh')).toContain('73.3%');
    expect(report!.eligibility).toMatchObject({ eligible: true, specialSupport: { claimed: true, applies: true } });
  });

  it('keeps failures as errors when the special-support condition does not hold', async () => {
    const spec = { n: 150, passed: 140, employed: 95, keyGroup: 80, order: 70 }; // employment 63.3% < 70%
    const s = shortOf(spec);
    s.brand.specialSupport = { claimed: true, grounds: ['heritage'], reason: '非遗项目' };
    const { report } = await checkDir(writeFixture(s));
    expect(codes(report!.diagnostics, 'error')).toContain('threshold.fail');
    expect(codes(report!.diagnostics, 'warning')).toContain('specialSupport.rateTooLow');
  });
});

describe('partners, brief and narrative', () => {
  it('needs three partners with agreements on file', async () => {
    const s = edit((s) => delete s.partners[2].agreement);
    const { diagnostics } = await checkDir(writeFixture(s));
    expect(diagnostics.filter((d) => d.code === 'partners.tooFew').map((d) => d.params)).toEqual([{ count: 2, min: 3 }]);
  });

  it('counts the brief like a word processor and reports the count when over 2,000', async () => {
    expect(countChars('本校成立于2012年，培训合格率达到92.5%。')).toBe(17); // 15 characters and punctuation, 2 numbers
    expect(countChars('巴特尔·额尔敦 and Nimble training')).toBe(10);
    expect(countChars('𠮷 𪚥\n\n  ')).toBe(2);
    const s = edit((s) => (s.brief = '职'.repeat(2001)));
    const { diagnostics } = await checkDir(writeFixture(s));
    const d = diagnostics.find((x) => x.code === 'brief.tooLong')!;
    expect(messageOf(d, 'zh')).toContain('2,001');
    const ok = edit((s) => (s.brief = '职'.repeat(2000)));
    expect(codes((await checkDir(writeFixture(ok))).diagnostics)).not.toContain('brief.tooLong');
  });

  it('names an unwritten prompt of the recommendation form', async () => {
    const s = edit((s) => (s.narrative.brandFit.labourMarket = ''));
    const { diagnostics } = await checkDir(writeFixture(s));
    const d = diagnostics.find((x) => x.code === 'narrative.missing')!;
    expect(d.location.field).toBe('narrative.brandFit.labourMarket');
    expect(messageOf(d, 'zh')).toContain('4. 品牌培训与人力资源市场用工需求');
  });
});

describe('completeness and files', () => {
  it('reports a material with no file', async () => {
    const s = edit((s) => delete s.attachments.creditReport);
    const { report } = await checkDir(writeFixture(s));
    const m = report!.materials.find((x) => x.id === 'credit-report')!;
    expect(m.status).toBe('error');
    expect(codes(m.problems)).toEqual(['material.missing']);
  });

  it('judges a file by its bytes, not its name', async () => {
    const files = { ...BASE_FILES, '材料/许可证.pdf': Buffer.from('PK\u0003\u0004word/document.xml') };
    const { diagnostics } = await checkDir(writeFixture(baseSubmission(), files));
    const d = diagnostics.find((x) => x.code === 'file.wrongType')!;
    expect(d.params).toMatchObject({ path: '材料/许可证.pdf', actual: 'zip' });
  });

  it('warns when the extension promises something else than an accepted content', async () => {
    const files = { ...BASE_FILES, '材料/成果.jpg': Buffer.from(PDF) };
    const { diagnostics } = await checkDir(writeFixture(baseSubmission(), files));
    expect(diagnostics.filter((d) => d.code === 'file.extensionMismatch').map((d) => d.severity)).toEqual(['warning']);
  });

  it('reports missing and empty files with their paths and YAML positions', async () => {
    const files: Record<string, string | Buffer> = { ...BASE_FILES, '材料/场地.pdf': '' };
    delete files['材料/师资.pdf'];
    const { diagnostics } = await checkDir(writeFixture(baseSubmission(), files));
    expect(diagnostics.find((d) => d.code === 'file.empty')!.params).toEqual({ path: '材料/场地.pdf' });
    const missing = diagnostics.find((d) => d.code === 'file.missing')!;
    expect(missing.location).toMatchObject({ file: 'submission.yaml', field: 'attachments.teachers[0]' });
    expect(missing.location.line).toBeGreaterThan(1);
  });

  it('refuses paths and links that leave the submission folder', async () => {
    const s = edit((s) => (s.attachments.facilities = ['../outside.pdf']));
    const dir = writeFixture(s);
    writeFileSync(path.join(dir, '..', 'outside.pdf'), PDF);
    symlinkSync('/etc/hostname', path.join(dir, '材料', '信用', '链接.pdf'));
    const { diagnostics } = await checkDir(dir);
    expect(diagnostics.filter((d) => d.code === 'file.outside').map((d) => d.params)).toEqual([{ path: '../outside.pdf' }, { path: '材料/信用/链接.pdf' }]);
  });

  it('lists a folder as its files, skipping hidden and system files', async () => {
    const dir = writeFixture(baseSubmission());
    mkdirSync(path.join(dir, '材料/就业/第二批'));
    writeFileSync(path.join(dir, '材料/就业/第二批/合同3.jpg'), JPEG);
    writeFileSync(path.join(dir, '材料/就业/Thumbs.db'), 'x');
    writeFileSync(path.join(dir, '材料/就业/.DS_Store'), 'x');
    const { report } = await checkDir(dir);
    expect(report!.materials.find((m) => m.id === 'employment')!.files).toBe(3 + 3); // 3 scans + 3 agreements
    expect(codes(report!.diagnostics, 'error')).toEqual([]);
  });

  it('needs the training ledger for a review', async () => {
    const s = edit((s) => {
      s.kind = 'review';
      delete s.narrative.brandFit;
      s.narrative.policy = '落实培训补贴政策。';
    });
    const { report } = await checkDir(writeFixture(s));
    const ledger = report!.materials.find((m) => m.id === 'ledger')!;
    expect(ledger.status).toBe('error');
    expect(ledger.problems.map((d) => { const p = d.params as { slot: string; slotId: string }; return `${p.slot}（attachments.${p.slotId}）`; })).toEqual([
      '培训方案（attachments.ledgerPlans）', '签到表（attachments.ledgerSignIn）', '现场照片（attachments.ledgerPhotos）', '反馈表（attachments.ledgerFeedback）',
    ]);
  });
});

describe('self-score', () => {
  it('computes data items, takes self-scored ones, totals and grades', async () => {
    const { report } = await checkDir(writeFixture(baseSubmission()));
    const sc = report!.score;
    const item = (id: string) => sc.items.find((i) => i.id === id)!;
    expect(item('2.1')).toMatchObject({ source: 'derived', points: 5 });
    expect(item('3.1')).toMatchObject({ source: 'derived', points: 0 });
    expect(item('5.1')).toMatchObject({ source: 'derived', points: 3 });
    expect(item('6.1')).toMatchObject({ source: 'derived', points: 5 });
    expect(item('1.1')).toMatchObject({ source: 'self', points: 2 });
    expect(item('4.2')).toMatchObject({ source: 'none', points: 0 });
    // 14 (group 1) + 30 + 0 + 6 + (3 + 2 + 5 + 4) + 5
    expect(sc.total).toBe(69);
    expect(sc.grade.zh).toBe('合格');
  });

  it('scores a figure below its target in proportion, and gates the grade', async () => {
    const spec = { ...LEAGUE_OK, order: 63 }; // 30% of a 40% target
    const s = edit((s) => {
      s.roster = { rows: rosterRows(spec) };
      s.claimed = claimedFor(spec);
    });
    const { report } = await checkDir(writeFixture(s));
    expect(report!.score.items.find((i) => i.id === '2.5')!.points).toBe(4.5);
    expect(report!.score.gatesFailed).toEqual(['培训绩效']);
  });

  it('rejects a self-score above the item maximum and unknown items', async () => {
    const s = edit((s) => Object.assign(s.selfScore, { '1.4': 5, '9.9': 1 }));
    const { diagnostics } = await checkDir(writeFixture(s));
    expect(codes(diagnostics, 'error')).toEqual(expect.arrayContaining(['score.overMax', 'score.unknownItem']));
  });
});

describe('attachments the print volume will contain', () => {
  it('refuses an encrypted PDF, naming it', async () => {
    expect(ENCRYPTED_PDF.includes('/Encrypt')).toBe(true);
    const dir = writeFixture(baseSubmission(), { ...BASE_FILES, '材料/许可证.pdf': ENCRYPTED_PDF });
    const { diagnostics } = await checkDir(dir);
    expect(diagnostics.filter((d) => d.code === 'pdf.encrypted').map((d) => d.params)).toEqual([{ path: '材料/许可证.pdf' }]);
  });

  it('refuses a truncated PDF and a damaged image', async () => {
    const files = { ...BASE_FILES, '材料/许可证.pdf': PDF.subarray(0, Math.floor(PDF.length / 2)), '材料/成果.jpg': JPEG.subarray(0, 8) };
    const { diagnostics } = await checkDir(writeFixture(baseSubmission(), files));
    expect(codes(diagnostics, 'error')).toEqual(expect.arrayContaining(['pdf.broken', 'image.broken']));
  });

  it('warns about a scan that would print under 150 dpi, with its resolution', async () => {
    const files = { ...BASE_FILES, '材料/截图.png': png(900, 600) };
    const { diagnostics } = await checkDir(writeFixture(baseSubmission(), files));
    const d = diagnostics.find((x) => x.code === 'image.lowResolution')!;
    expect(d.severity).toBe('warning');
    expect(d.params).toMatchObject({ path: '材料/截图.png', min: 150 });
    expect((d.params as { dpi: number }).dpi).toBeLessThan(100);
  });
});
