/**
 * Fixture folders written inline: a valid League-level application with an inline roster
 * whose figures are known, real (tiny) PDF/JPEG/PNG bytes, and helpers to load and check.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { deflateSync } from 'node:zlib';
import { PDFDocument } from '#pdf-lib';
import { checkSubmission } from '../../src/check/run.js';
import { checkCharacter } from '../../src/roster/resident-id.js';
import { loadScheme, TEMPLATES_DIR } from '../../src/scheme/load.js';
import type { Scheme } from '../../src/scheme/schema.js';
import { loadSubmission } from '../../src/submission/load.js';
import { nodeWorld } from '../../src/world/node.js';

/** The Node World the tests read fixtures through (its clock fixed, so dates never drift). */
export const WORLD = nodeWorld({ clock: { now: new Date('2026-10-20T04:00:00Z'), fixed: true } });

export const SCHEME: Scheme = await (async () => {
  const { scheme, diagnostics } = await loadScheme(WORLD, path.join(TEMPLATES_DIR, 'xam-2023'));
  if (!scheme) throw new Error(JSON.stringify(diagnostics));
  return scheme;
})();

export const TODAY = '2026-10-20';

/** A valid resident ID: area code, birth date YYYYMMDD, 3-digit sequence (odd = man). */
export function validId(area: string, birth: string, seq: number): string {
  const first17 = `${area}${birth}${String(seq).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

/** A real one-page A4 PDF. */
export const PDF = Buffer.from(
  await (async () => {
    const d = await PDFDocument.create();
    d.addPage([595.28, 841.89]).drawRectangle({ x: 100, y: 100, width: 200, height: 100 });
    return d.save({ useObjectStreams: false });
  })(),
);

/** A real password-protected PDF (AES-256, as Acrobat writes it), made with pdfkit: no qpdf needed. */
export const ENCRYPTED_PDF: Buffer = await (async () => {
  const { default: PDFKit } = await import('pdfkit');
  const doc = new PDFKit({ pdfVersion: '1.7ext3', userPassword: 'user', ownerPassword: 'owner', size: 'A4' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => doc.on('end', r));
  doc.text('licence');
  doc.end();
  await done;
  return Buffer.concat(chunks);
})();

/**
 * A JPEG's structure (SOI, JFIF, SOF0 2480×3508 — an A4 page at 300 dpi, a one-byte scan, EOI):
 * enough for sizes and for the check that a scan is whole (submission/image-integrity.ts).
 */
export const JPEG = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
  0xff, 0xc0, 0x00, 0x0b, 0x08, 0x0d, 0xb4, 0x09, 0xb0, 0x01, 0x01, 0x11, 0x00,
  0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0x00,
  0xff, 0xd9,
]);

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** A real white grayscale PNG of the given size. */
export function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // grayscale
  const row = Buffer.alloc(width + 1, 0xff);
  row[0] = 0;
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

export const PNG = png(2400, 1600);

export interface RosterSpec {
  n: number;
  passed: number;
  employed: number;
  keyGroup: number;
  order: number;
}

export const LEAGUE_OK: RosterSpec = { n: 210, passed: 190, employed: 140, keyGroup: 110, order: 90 };

/** Inline roster rows with exactly the given counts (first rows carry each flag). */
export function rosterRows(spec: RosterSpec): Record<string, string>[] {
  return Array.from({ length: spec.n }, (_, i) => {
    const man = i % 2 === 0;
    const seq = 100 + (i % 400) * 2 + (man ? 1 : 0);
    const birth = `19${70 + (i % 30)}0${1 + (i % 9)}1${i % 10}`;
    return {
      序号: String(i + 1),
      姓名: i === 0 ? '𠮷庆华' : i === 1 ? '巴特尔·额尔敦' : `学员${i + 1}`,
      性别: man ? '男' : '女',
      民族: i % 3 === 0 ? '蒙古族' : '汉族',
      身份证号码: validId(i % 5 === 0 ? "152201" : "152221", birth, seq),
      工种: '中式烹调师',
      授课教师: '王立军',
      就业单位: i < spec.employed ? '兴安盟蒙味源餐饮管理有限公司' : '',
      住址: '内蒙古兴安盟科尔沁右翼前旗索伦镇',
      联系电话: `139${String(10000000 + i).padStart(8, '0')}`,
      是否合格: i < spec.passed ? '是' : '否',
      就业重点群体: i < spec.keyGroup ? '农牧民工' : '',
      订单定向: i < spec.order ? '是' : '否',
      享受补贴: '是',
    };
  });
}

export function claimedFor(spec: RosterSpec) {
  const pct = (x: number) => Math.round((x * 1000) / spec.n) / 10;
  return {
    trained: spec.n,
    passRate: pct(spec.passed),
    employed: spec.employed,
    employmentRate: pct(spec.employed),
    keyGroup: spec.keyGroup,
    orderShare: pct(spec.order),
  };
}

const text = (s: string) => `${s}情况良好，制度健全，执行有力。`;

/** A complete valid submission (as plain data) with an inline roster. */
export function baseSubmission(spec: RosterSpec = LEAGUE_OK): Record<string, unknown> {
  const sections = (keys: string[]) => Object.fromEntries(keys.map((k) => [k, text(k)]));
  return {
    kind: 'application',
    level: 'league',
    filingDate: '2026-10-12',
    year: 2025,
    county: { name: '科尔沁右翼前旗', populationBand: 'atLeast200k' },
    institution: {
      name: '科尔沁右翼前旗测试职业技能培训学校',
      founded: '2012-06-18',
      legalRepresentative: '张建国',
      phone: '(0482)5612345',
      licence: { number: '152221-2012-0037' },
    },
    brand: { trade: '中式烹调师', period: '2025年3月至11月', classes: 8, categories: ['keyIndustry'], coverage: '兴安盟' },
    recognition: { number: '科右前人社发〔2024〕1号', date: '2024-06-20' },
    claimed: claimedFor(spec),
    narrative: {
      institution: sections(['management', 'teachers', 'facilities', 'cooperation', 'realName']),
      keyFields: sections(['keyIndustry', 'newOccupation', 'digital', 'keyRegion', 'ruralRevitalisation']),
      brandFit: sections(['regionalEconomy', 'specialtyIndustry', 'employerDemand', 'labourMarket', 'traineeInterest', 'ruralRevitalisation']),
      demonstration: text('示范带动'),
      integrity: text('诚信'),
    },
    partners: [1, 2, 3].map((i) => ({
      name: `合作企业${i}有限公司`,
      agreement: `材料/合作企业/企业${i}-就业协议.pdf`,
      particulars: `材料/合作企业/企业${i}-基本情况.jpg`,
    })),
    brief: '本校成立于2012年，是一所以中式烹调师培训为主的职业技能培训学校。',
    attachments: {
      licence: ['材料/许可证.pdf'],
      facilities: ['材料/场地.pdf'],
      teachers: ['材料/师资.pdf'],
      creditReport: ['材料/信用/'],
      courtRecords: ['材料/截图.png'],
      employmentProofs: ['材料/就业/'],
      achievements: ['材料/成果.jpg'],
    },
    roster: { rows: rosterRows(spec) },
    selfScore: { '1.1': 2, '1.2': 3, '1.3': 2, '1.4': 4, '1.5': 3, '4.1': 6, '5.2': 2, '5.3': 5, '5.4': 4 },
  };
}

export const BASE_FILES: Record<string, string | Buffer> = {
  '材料/许可证.pdf': PDF,
  '材料/场地.pdf': PDF,
  '材料/师资.pdf': PDF,
  '材料/信用/信用报告.pdf': PDF,
  '材料/截图.png': PNG,
  '材料/就业/合同1.jpg': JPEG,
  '材料/就业/合同2.pdf': PDF,
  '材料/成果.jpg': JPEG,
  '材料/合作企业/企业1-就业协议.pdf': PDF,
  '材料/合作企业/企业2-就业协议.pdf': PDF,
  '材料/合作企业/企业3-就业协议.pdf': PDF,
  '材料/合作企业/企业1-基本情况.jpg': JPEG,
  '材料/合作企业/企业2-基本情况.jpg': JPEG,
  '材料/合作企业/企业3-基本情况.jpg': JPEG,
};

const made: string[] = [];

export function tempDir(prefix = 'shenbao-'): string {
  const d = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(d);
  return d;
}

export function cleanup(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** Writes a submission folder; `submission` may be data (written as YAML) or raw text. */
export function writeFixture(
  submission: Record<string, unknown> | string,
  files: Record<string, string | Buffer> = BASE_FILES,
  name = 'submission.yaml',
): string {
  const dir = tempDir();
  const body = typeof submission === 'string' ? submission : name.endsWith('.json') ? JSON.stringify(submission, null, 2) : stringify(submission);
  writeFileSync(path.join(dir, name), body);
  for (const [rel, data] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), data);
  }
  return dir;
}

export async function checkDir(dir: string, today = TODAY) {
  const { loaded, scheme, diagnostics } = await loadSubmission(WORLD, dir, async () => SCHEME);
  if (!loaded || !scheme) return { report: undefined, diagnostics };
  const report = checkSubmission(loaded, scheme, today);
  return { report, diagnostics: report.diagnostics };
}

export const codes = (ds: readonly { code: string; severity: string }[], severity?: string) =>
  ds.filter((d) => !severity || d.severity === severity).map((d) => d.code);
