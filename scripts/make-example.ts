/**
 * Writes the bundled example submission, data/example/: a League-level application for the
 * brand trade 中式烹调师 from a fictional training school in 科尔沁右翼前旗. Everything in it is
 * invented: people, ID numbers, phone numbers, enterprises and documents.
 *
 *     npx tsx scripts/make-example.ts
 *
 * Deterministic: one seeded PRNG per concern, fixed document dates, fixed zip timestamps.
 * Running it twice gives byte-identical files (given the same pdfkit, exceljs and poppler).
 * The "scans" are generated PDF pages rasterised with poppler's pdftoppm at 150 dpi.
 *
 * The figures the submission claims are asserted against the roster before anything is
 * written, so the example cannot drift from its own numbers.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import PDFDocument from 'pdfkit';
import YAML from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'data', 'example');
const FIXED = new Date('2026-10-12T09:30:00+08:00');

// ───────────────────────────────────────────────────────────────────────────────────────
// Utilities
// ───────────────────────────────────────────────────────────────────────────────────────

function assert(cond: unknown, msg: string): asserts cond {
  if (!cond) throw new Error(`make-example: ${msg}`);
}

/** mulberry32: small, fast and good enough for fake data. */
class Rng {
  private a: number;
  constructor(seed: number) {
    this.a = seed >>> 0;
  }
  next(): number {
    this.a = (this.a + 0x6d2b79f5) >>> 0;
    let t = this.a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    assert(xs.length > 0, 'pick from empty list');
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    const total = pairs.reduce((a, [, w]) => a + w, 0);
    let r = this.next() * total;
    for (const [v, w] of pairs) {
      r -= w;
      if (r < 0) return v;
    }
    return pairs.at(-1)![0];
  }
  shuffle<T>(xs: readonly T[]): T[] {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    return a;
  }
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const CN_DIGITS = '〇一二三四五六七八九';
function cnNumber(n: number): string {
  if (n <= 10) return n === 10 ? '十' : CN_DIGITS[n]!;
  if (n < 20) return `十${CN_DIGITS[n % 10]}`;
  return `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : CN_DIGITS[n % 10]}`;
}
/** 二〇二五年一月十日 */
function cnDate(y: number, m: number, d?: number): string {
  const year = [...String(y)].map((c) => CN_DIGITS[Number(c)]).join('');
  return `${year}年${cnNumber(m)}月${d === undefined ? '' : `${cnNumber(d)}日`}`;
}
/** 2025年05月06日 */
const zhDate = (y: number, m: number, d: number) => `${y}年${pad2(m)}月${pad2(d)}日`;
const isoDate = (y: number, m: number, d: number) => `${y}-${pad2(m)}-${pad2(d)}`;
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** 字数 as Word/WPS count it (the same rule as src/check/brief.ts). */
const EAST_ASIAN = String.raw`\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2014\u2026\u00b7\u2027\u30fb`;
const TOKEN = new RegExp(`[${EAST_ASIAN}]|[^\\s${EAST_ASIAN}]+`, 'gu');
const countChars = (s: string) => s.match(TOKEN)?.length ?? 0;

// ───────────────────────────────────────────────────────────────────────────────────────
// Identifiers: resident ID (GB 11643), unified social credit code (GB 32100)
// ───────────────────────────────────────────────────────────────────────────────────────

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return '10X98765432'[sum % 11]!;
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
/** prefix: 2 chars (registration authority + type) + 6-digit area; body: 8 chars of the organisation code. */
function uscc(prefix: string, body: string): string {
  const val = (c: string) => (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55);
  const orgSum = [...body].reduce((a, c, i) => a + val(c) * ORG_WEIGHTS[i]!, 0);
  const c9 = 11 - (orgSum % 11);
  const first17 = prefix + body + (c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9));
  assert(first17.length === 17 && [...first17].every((c) => USCC_CHARS.includes(c)), `bad USCC body ${first17}`);
  const sum = [...first17].reduce((a, c, i) => a + USCC_CHARS.indexOf(c) * USCC_WEIGHTS[i]!, 0);
  return first17 + USCC_CHARS[(31 - (sum % 31)) % 31];
}

// ───────────────────────────────────────────────────────────────────────────────────────
// The cast: school, teachers, partner enterprises (all fictional)
// ───────────────────────────────────────────────────────────────────────────────────────

const YEAR = 2025;
const TRADE = '中式烹调师';
const COUNTY = '科尔沁右翼前旗';

const SCHOOL = {
  name: '科尔沁右翼前旗天骄职业技能培训学校',
  brand: '天骄蒙味厨师',
  founded: [2012, 4, 16] as const,
  legal: '白永胜',
  phone: '(0482)5612318',
  contact: '李秀云',
  address: '内蒙古自治区兴安盟科尔沁右翼前旗科尔沁镇天骄大街西段16号',
  licence: '152221-2012-0037',
  licenceIssuer: '科尔沁右翼前旗人力资源和社会保障局',
  registrar: '科尔沁右翼前旗民政局',
  uscc: uscc('52152221', 'MJ073106'),
};

interface Teacher {
  name: string;
  sex: '男' | '女';
  nation: string;
  level: string;
  years: number;
  teaches: string;
  kind: '专职' | '兼职';
}
const TEACHERS: Teacher[] = [
  { name: '韩立新', sex: '男', nation: '汉族', level: '中式烹调师一级/高级技师', years: 26, teaches: '热菜制作、宴席设计', kind: '专职' },
  { name: '包金花', sex: '女', nation: '蒙古族', level: '中式烹调师二级/技师', years: 15, teaches: '蒙餐特色菜、奶食制作', kind: '专职' },
  { name: '刘振海', sex: '男', nation: '汉族', level: '中式烹调师一级/高级技师', years: 21, teaches: '刀工勺工、冷菜制作', kind: '专职' },
  { name: '孙丽娟', sex: '女', nation: '汉族', level: '中式面点师二级/技师、讲师', years: 12, teaches: '烹饪原料、食品安全、面点基础', kind: '专职' },
  { name: '额尔敦毕力格', sex: '男', nation: '蒙古族', level: '中式烹调师一级/高级技师', years: 9, teaches: '烤羊排、手把肉（企业实训）', kind: '兼职' },
  { name: '赵志刚', sex: '男', nation: '汉族', level: '中式烹调师二级/技师', years: 7, teaches: '酒店后厨岗位实训', kind: '兼职' },
  { name: '王春艳', sex: '女', nation: '满族', level: '中式烹调师三级/高级工', years: 8, teaches: '家常菜、营养配餐', kind: '专职' },
];
interface Partner {
  name: string;
  short: string;
  legal: string;
  contact: string;
  contactTitle: string;
  phone: string;
  address: string;
  founded: readonly [number, number, number];
  capital: string;
  type: string;
  staff: number;
  cooks: number;
  scope: string;
  posts: string;
  agreement: readonly [number, number, number];
  quota: number;
  uscc: string;
  city: string;
}
const PARTNERS: Partner[] = [
  {
    name: '兴安盟蒙味源餐饮管理有限公司',
    short: '蒙味源',
    legal: '陈国栋',
    contact: '乌云其木格',
    contactTitle: '人力资源部经理',
    phone: '13904827316',
    address: '内蒙古自治区兴安盟乌兰浩特市兴安南大街68号',
    founded: [2016, 8, 22],
    capital: '500万元',
    type: '有限责任公司（自然人投资或控股）',
    staff: 126,
    cooks: 48,
    scope: '餐饮服务；餐饮管理；食品销售；集体用餐配送；中央厨房',
    posts: '热菜厨师、冷菜厨师、蒙餐厨师、厨师助理',
    agreement: [2024, 12, 18],
    quota: 30,
    uscc: uscc('91152201', 'MA0N4K73'),
    city: '乌兰浩特市',
  },
  {
    name: '乌兰浩特市草原人家酒店有限公司',
    short: '草原人家',
    legal: '王海峰',
    contact: '王海燕',
    contactTitle: '行政办公室主任',
    phone: '15247826630',
    address: '内蒙古自治区兴安盟乌兰浩特市五一北路219号',
    founded: [2013, 5, 10],
    capital: '800万元',
    type: '有限责任公司（自然人投资或控股）',
    staff: 168,
    cooks: 55,
    scope: '住宿服务；餐饮服务；会议及展览服务；食品销售',
    posts: '宴会厨师、热菜厨师、面点师、厨师助理',
    agreement: [2025, 1, 6],
    quota: 30,
    uscc: uscc('91152201', '08452697'),
    city: '乌兰浩特市',
  },
  {
    name: '科尔沁右翼前旗阿尔山路宾馆',
    short: '阿尔山路宾馆',
    legal: '吴宝山',
    contact: '吴宝山',
    contactTitle: '负责人',
    phone: '13614820917',
    address: '内蒙古自治区兴安盟科尔沁右翼前旗科尔沁镇阿尔山路27号',
    founded: [2015, 3, 28],
    capital: '200万元',
    type: '个人独资企业',
    staff: 58,
    cooks: 16,
    scope: '住宿服务；餐饮服务；预包装食品销售',
    posts: '热菜厨师、厨师助理',
    agreement: [2025, 2, 20],
    quota: 15,
    uscc: uscc('91152221', '33612598'),
    city: COUNTY,
  },
  {
    name: '兴安盟天骄农牧产品加工有限公司',
    short: '天骄农牧',
    legal: '赵立军',
    contact: '刘春梅',
    contactTitle: '综合部部长',
    phone: '18747265109',
    address: '内蒙古自治区兴安盟科尔沁右翼前旗科尔沁镇工业园区创业路9号',
    founded: [2018, 6, 12],
    capital: '2000万元',
    type: '有限责任公司（自然人投资或控股）',
    staff: 215,
    cooks: 36,
    scope: '牛羊肉屠宰分割加工；预制菜生产销售；农畜产品收购销售；集体用餐配送',
    posts: '预制菜研发厨师、中央厨房厨师、配餐员',
    agreement: [2025, 3, 3],
    quota: 20,
    uscc: uscc('91152221', 'MA0Q7R2B'),
    city: COUNTY,
  },
];

const OTHER_EMPLOYERS = [
  '乌兰浩特市福瑞祥酒楼',
  '科尔沁右翼前旗索伦镇福满楼饭店',
  '阿尔山市林海山庄酒店有限公司',
  '科尔沁右翼前旗居力很镇中心学校食堂',
  '乌兰浩特市金马蒙餐馆',
  '科尔沁右翼前旗大石寨镇鑫源饭店',
  '阿尔山市白狼镇林俗村民宿',
  '科尔沁右翼前旗察尔森镇湖畔农家乐',
];

// Training classes (期) of 2025: start and end dates, teacher.
type Ymd = readonly [number, number, number];
const CLASSES: { start: Ymd; end: Ymd; teacher: string }[] = [
  { start: [2025, 3, 10], end: [2025, 4, 8], teacher: '韩立新' },
  { start: [2025, 4, 14], end: [2025, 5, 13], teacher: '包金花' },
  { start: [2025, 5, 19], end: [2025, 6, 17], teacher: '刘振海' },
  { start: [2025, 6, 23], end: [2025, 7, 22], teacher: '孙丽娟' },
  { start: [2025, 7, 28], end: [2025, 8, 26], teacher: '包金花' },
  { start: [2025, 9, 1], end: [2025, 9, 30], teacher: '韩立新' },
  { start: [2025, 10, 9], end: [2025, 11, 7], teacher: '刘振海' },
  { start: [2025, 10, 20], end: [2025, 11, 18], teacher: '包金花' },
];
const PER_CLASS = 30;

// ───────────────────────────────────────────────────────────────────────────────────────
// The roster
// ───────────────────────────────────────────────────────────────────────────────────────

const KEY_GROUPS = ['农牧民工', '脱贫劳动力', '农村牧区低收入劳动力', '失业人员', '高校毕业生', '退役军人', '残疾人'] as const;
type KeyGroup = (typeof KEY_GROUPS)[number];
const KEY_GROUP_COUNTS: Record<KeyGroup, number> = { 农牧民工: 52, 脱贫劳动力: 34, 农村牧区低收入劳动力: 24, 失业人员: 22, 高校毕业生: 14, 退役军人: 6, 残疾人: 4 };

/** What the submission claims; the roster is built to these and then asserted. */
const TARGET = {
  trained: 240,
  passed: 222,
  employed: 180,
  flexible: 4, // employed without an employer (是否就业 = 是, 就业单位 empty)
  order: 108,
  subsidised: 236,
  keyGroup: 156,
  keyGroupSubsidised: 152,
  orderByPartner: [30, 32, 20, 26],
};

interface Row {
  seq: number;
  name: string;
  sex: '男' | '女';
  nation: string;
  id: string;
  trade: string;
  teacher: string;
  employer: string;
  address: string;
  phone: string;
  passed: boolean;
  keyGroup: KeyGroup | '';
  order: boolean;
  subsidised: boolean;
  employed: boolean;
  cls: number;
}

const HAN_SURNAMES: [string, number][] = [
  ['王', 9], ['李', 8], ['张', 8], ['刘', 7], ['赵', 5], ['杨', 4], ['孙', 4], ['陈', 4], ['于', 3], ['高', 3], ['徐', 3], ['马', 2],
  ['吴', 2], ['周', 2], ['郭', 2], ['韩', 2], ['宋', 2], ['朱', 2], ['董', 2], ['孟', 2], ['付', 2], ['曹', 1], ['田', 1], ['姜', 1],
  ['崔', 1], ['谭', 1], ['邢', 1], ['曲', 1], ['任', 1], ['段', 1], ['程', 1], ['贾', 1], ['闫', 1], ['庞', 1], ['苏', 1], ['林', 1],
];
const HAN_MALE = [...'伟强军磊勇杰涛明超斌鹏辉刚峰龙波海亮宇浩东林成建国志春文华俊博旭晨凯飞振立新永庆宏洪忠德富福学延天昊泽宁鑫金山家江'];
const HAN_FEMALE = [...'丽娟敏静燕艳红霞玲芳梅兰英秀慧萍洁颖琳雪婷晶佳欣悦月云丹莹倩璐蕾薇春凤桂淑玉翠荣美爽迪雅'];
const MONGOL_MALE = [
  '巴特尔', '阿拉坦仓', '宝音', '朝鲁', '额尔敦', '巴雅尔', '那顺', '乌力吉', '孟和', '吉日嘎拉', '哈斯', '布和', '图门', '苏和', '白音',
  '斯琴巴特尔', '额尔德尼', '乌云毕力格', '特木尔', '巴根', '吉雅图', '阿木古楞', '赛音', '毕力格', '那木吉拉', '朝克图', '宝力道',
  '敖日格勒', '满都拉', '青格勒', '呼和', '巴图', '胡日查', '哈斯朝鲁', '额尔敦巴雅尔', '德力格尔', '达来', '苏布道',
];
const MONGOL_FEMALE = [
  '苏日娜', '其其格', '乌日娜', '斯琴高娃', '那仁花', '萨仁', '格日勒', '乌兰', '托娅', '高娃', '其木格', '娜仁图雅', '塔娜', '阿拉坦其其格',
  '萨日娜', '乌云', '敖登', '吉木斯', '图雅', '达古拉', '苏日古嘎', '乌日汗', '斯琴', '阿茹娜', '格根塔娜', '诺敏', '萨如拉', '哈斯其其格',
];
const MONGOL_SURNAMES = ['包', '白', '韩', '吴', '陈', '鲍', '金', '王', '何', '宝'];

// Towns (镇/苏木/乡) of 科尔沁右翼前旗 and villages (嘎查/村) — the villages are invented.
const TOWNS: [string, string[]][] = [
  ['科尔沁镇', ['平安村', '保安村', '永丰村', '幸福村', '红光村']],
  ['索伦镇', ['索伦嘎查', '好田嘎查', '双榆树村', '新立屯村']],
  ['乌兰毛都苏木', ['乌兰哈达嘎查', '宝力根花嘎查', '白音塔拉嘎查']],
  ['大石寨镇', ['太平村', '前进村', '兴隆村', '德胜村']],
  ['归流河镇', ['民主村', '五一村', '三合村']],
  ['居力很镇', ['巴彦乌兰嘎查', '阿拉坦花嘎查', '东升村']],
  ['察尔森镇', ['察尔森嘎查', '联合村', '团结嘎查']],
  ['德伯斯镇', ['德伯斯嘎查', '哈日诺尔嘎查']],
  ['俄体镇', ['俄体村', '胜利村']],
  ['额尔格图镇', ['额很嘎查', '宝音图嘎查']],
  ['满族屯满族乡', ['满族屯村', '白辛村']],
  ['巴日嘎斯台乡', ['巴日嘎斯台嘎查', '哈达图嘎查']],
];
const TOWN_STREETS = ['天骄大街', '兴安大路', '阿尔山路', '科尔沁大街', '好腰苏木路', '乌兰大街'];
const TOWN_ESTATES = ['和谐家园', '天骄福苑', '阳光新城', '锦绣华庭', '富民小区', '安居苑'];
const ULH_STREETS: [string, string[]][] = [
  ['和平街道', ['兴安北大路', '罕山街']],
  ['都林街道', ['都林路', '五一南路']],
  ['爱国街道', ['爱国路', '新桥街']],
  ['胜利街道', ['胜利北路', '成吉思汗大街']],
];
const AREA_CODES: [string, number][] = [['152221', 70], ['152201', 11], ['152202', 3], ['152222', 7], ['152223', 5], ['152224', 4]];
const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '147', '150', '151', '152', '155', '156', '157', '158', '159', '166', '176', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '198', '199'];

interface Person {
  name: string;
  sex: '男' | '女';
  nation: string;
  kind: 'han' | 'mongol' | 'dot' | 'rare';
}

function makePeople(rng: Rng): Person[] {
  const used = new Set<string>();
  const uniq = (make: () => string): string => {
    for (let i = 0; i < 200; i++) {
      const n = make();
      if (!used.has(n)) {
        used.add(n);
        return n;
      }
    }
    throw new Error('make-example: could not make a unique name');
  };
  const hanGiven = (sex: '男' | '女') => {
    const pool = sex === '男' ? HAN_MALE : HAN_FEMALE;
    const a = rng.pick(pool);
    if (rng.chance(0.3)) return a;
    let b = rng.pick(pool);
    while (b === a) b = rng.pick(pool);
    return a + b;
  };
  const sexOf = (): '男' | '女' => (rng.chance(0.55) ? '女' : '男');
  const people: Person[] = [];

  // 4 names with characters outside GB2312 (𠮷 is in CJK Extension B).
  people.push({ name: '𠮷庆华', sex: '男', nation: '汉族', kind: 'rare' });
  people.push({ name: '王喆', sex: '男', nation: '汉族', kind: 'rare' });
  people.push({ name: '李堃', sex: '男', nation: '汉族', kind: 'rare' });
  people.push({ name: '张㛃', sex: '女', nation: '汉族', kind: 'rare' });
  for (const p of people) used.add(p.name);

  // 116 more Han-style names: mostly 汉族, some 蒙古族 (many Mongols here use Han names), a few others.
  const hanNations: string[] = [...Array(92).fill('汉族'), ...Array(14).fill('蒙古族'), '满族', '满族', '满族', '满族', '回族', '回族', '朝鲜族', '朝鲜族', '达斡尔族', '达斡尔族'];
  assert(hanNations.length === 116, 'han nations');
  const korean: [string, '男' | '女'][] = [['金美善', '女'], ['朴成哲', '男']];
  for (const nation of rng.shuffle(hanNations)) {
    if (nation === '朝鲜族') {
      const [name, sex] = korean.shift()!;
      used.add(name);
      people.push({ name, sex, nation, kind: 'han' });
      continue;
    }
    const sex = sexOf();
    const surname =
      nation === '满族' ? rng.pick(['关', '佟', '那', '傅', '赵']) : nation === '回族' ? rng.pick(['马', '丁', '白']) : nation === '达斡尔族' ? rng.pick(['敖', '郭', '鄂']) : rng.weighted(HAN_SURNAMES);
    people.push({ name: uniq(() => surname + hanGiven(sex)), sex, nation, kind: 'han' });
  }

  // 96 Mongolian names (40 %): a given name alone, or with a common surname.
  for (let i = 0; i < 96; i++) {
    const sex = sexOf();
    const name = uniq(() => {
      const given = rng.pick(sex === '男' ? MONGOL_MALE : MONGOL_FEMALE);
      return rng.chance(0.5) ? given : rng.pick(MONGOL_SURNAMES) + given;
    });
    people.push({ name, sex, nation: '蒙古族', kind: 'mongol' });
  }

  // 24 transliterated two-part names with a middle dot (10 %): own name · father's name.
  const fixedDot: [string, '男' | '女'][] = [['巴特尔·额尔敦', '男'], ['阿拉坦仓·斯琴巴特尔', '男'], ['其其格·乌力吉', '女'], ['乌云毕力格·额尔敦巴雅尔', '男']];
  for (const [name, sex] of fixedDot) {
    used.add(name);
    people.push({ name, sex, nation: '蒙古族', kind: 'dot' });
  }
  for (let i = 0; i < 20; i++) {
    const sex = sexOf();
    const name = uniq(() => `${rng.pick(sex === '男' ? MONGOL_MALE : MONGOL_FEMALE)}·${rng.pick(MONGOL_MALE)}`);
    people.push({ name, sex, nation: '蒙古族', kind: 'dot' });
  }
  assert(people.length === TARGET.trained, `people ${people.length}`);
  return rng.shuffle(people);
}

function makeRoster(): Row[] {
  const rng = new Rng(20251012);
  const people = makePeople(rng);
  const n = people.length;
  const all = [...Array(n).keys()];

  // Key groups, with the constraints that make them plausible.
  const keyGroup: (KeyGroup | '')[] = Array(n).fill('');
  const free = new Set(rng.shuffle(all));
  const take = (count: number, ok: (i: number) => boolean): number[] => {
    const got: number[] = [];
    for (const i of free) {
      if (got.length === count) break;
      if (ok(i)) got.push(i);
    }
    assert(got.length === count, 'not enough people for a key group');
    for (const i of got) free.delete(i);
    return got;
  };
  for (const g of ['退役军人', '高校毕业生', '残疾人', '失业人员', '脱贫劳动力', '农村牧区低收入劳动力', '农牧民工'] as const) {
    const ok = g === '退役军人' ? (i: number) => people[i]!.sex === '男' : () => true;
    for (const i of take(KEY_GROUP_COUNTS[g], ok)) keyGroup[i] = g;
  }

  // Birth dates: graduates are young, veterans are men of working age, the rest 1968–2004.
  const birth = all.map((i) => {
    const g = keyGroup[i];
    const y = g === '高校毕业生' ? rng.int(1999, 2003) : g === '退役军人' ? rng.int(1978, 1998) : rng.weighted(
      [...Array(37).keys()].map((k) => [1968 + k, k < 6 ? 1 : k < 12 ? 2 : k < 26 ? 4 : k < 32 ? 3 : 2] as const),
    );
    const m = rng.int(1, 12);
    return [y, m, rng.int(1, daysIn(y, m))] as const;
  });

  // Resident ID numbers: unique, sex parity in the 17th character, MOD 11-2 check character.
  const ids = new Set<string>();
  const areaOf: string[] = [];
  const id = all.map((i) => {
    const p = people[i]!;
    const [y, m, d] = birth[i]!;
    for (;;) {
      const area = rng.weighted(AREA_CODES);
      const parity = p.sex === '男' ? rng.pick([1, 3, 5, 7, 9]) : rng.pick([0, 2, 4, 6, 8]);
      const first17 = `${area}${y}${pad2(m)}${pad2(d)}${pad2(rng.int(0, 99))}${parity}`;
      const full = first17 + idCheckChar(first17);
      if (!ids.has(full)) {
        ids.add(full);
        areaOf[i] = area;
        return full;
      }
    }
  });

  // Outcomes. Employed ⊂ passed; order-directed ⊂ employed with an employer, placed with a partner.
  const passedSet = new Set(rng.shuffle(all).slice(0, TARGET.passed));
  const employedIdx = rng.shuffle([...passedSet]).slice(0, TARGET.employed);
  const flexibleIdx = employedIdx.slice(0, TARGET.flexible);
  const withEmployer = employedIdx.slice(TARGET.flexible);
  const orderIdx = withEmployer.slice(0, TARGET.order);
  const employer: string[] = Array(n).fill('');
  let k = 0;
  TARGET.orderByPartner.forEach((count, p) => {
    for (let j = 0; j < count; j++) employer[orderIdx[k++]!] = PARTNERS[p]!.name;
  });
  assert(k === TARGET.order, 'order split');
  for (const i of withEmployer.slice(TARGET.order)) {
    employer[i] = rng.chance(0.45) ? rng.weighted(PARTNERS.map((p, j) => [p.name, [3, 3, 2, 2][j]!] as const)) : rng.pick(OTHER_EMPLOYERS);
  }
  const orderSet = new Set(orderIdx);
  const employedSet = new Set(employedIdx);
  const flexibleSet = new Set(flexibleIdx);
  // Four key-group trainees had already drawn their subsidy for the year: not subsidised.
  const notSubsidised = new Set(rng.shuffle(all.filter((i) => keyGroup[i] === '农牧民工' || keyGroup[i] === '失业人员')).slice(0, TARGET.trained - TARGET.subsidised));

  // Addresses and phones.
  const address = all.map((i) => {
    const area = areaOf[i]!;
    if (area === '152201' && rng.chance(0.6)) {
      const [street, roads] = rng.pick(ULH_STREETS);
      return `内蒙古自治区兴安盟乌兰浩特市${street}${rng.pick(roads)}${rng.int(3, 188)}号${rng.pick(TOWN_ESTATES)}小区${rng.int(1, 18)}号楼${rng.int(1, 6)}单元${rng.int(1, 6)}0${rng.int(1, 4)}室`;
    }
    const [town, villages] = rng.weighted(TOWNS.map((t, j) => [t, j === 0 ? 4 : j < 4 ? 2 : 1] as const));
    const style = rng.next();
    if (town === '科尔沁镇' && style < 0.5) {
      return `内蒙古自治区兴安盟科尔沁右翼前旗科尔沁镇${rng.pick(TOWN_STREETS)}${rng.pick(['东段', '西段', '北侧', '南侧'])}${rng.pick(TOWN_ESTATES)}小区${rng.int(1, 24)}号楼${rng.int(1, 6)}单元${rng.int(1, 6)}0${rng.int(1, 4)}室`;
    }
    const village = rng.pick(villages);
    if (style < 0.55) return `内蒙古兴安盟科尔沁右翼前旗${town}${village}${rng.int(1, 9)}组`;
    if (style < 0.85) return `内蒙古自治区兴安盟科尔沁右翼前旗${town}${village}${rng.int(1, 9)}组${rng.int(1, 86)}号`;
    return `科尔沁右翼前旗${town}${village}`;
  });
  const phones = new Set<string>();
  const landlines = new Set(rng.shuffle(all).slice(0, 4));
  const phone = all.map((i) => {
    for (;;) {
      const p = landlines.has(i) ? `(0482)5${rng.int(610000, 689999)}` : `${rng.pick(MOBILE_PREFIXES)}${String(rng.int(0, 99999999)).padStart(8, '0')}`;
      if (!phones.has(p)) {
        phones.add(p);
        return p;
      }
    }
  });

  // Ethnic group written the short way (蒙古) on four rows, as clerks here do.
  const nation = all.map((i) => people[i]!.nation);
  for (const i of rng.shuffle(all.filter((i) => nation[i] === '蒙古族')).slice(0, 4)) nation[i] = '蒙古';

  // Classes: 8 of 30, in random order within each class.
  const order = rng.shuffle(all);
  const rows: Row[] = order.map((i, pos) => {
    const cls = Math.floor(pos / PER_CLASS);
    const emp = employedSet.has(i);
    return {
      seq: 0,
      name: people[i]!.name,
      sex: people[i]!.sex,
      nation: nation[i]!,
      id: id[i]!,
      trade: TRADE,
      teacher: CLASSES[cls]!.teacher,
      employer: employer[i]!,
      address: address[i]!,
      phone: phone[i]!,
      passed: passedSet.has(i),
      keyGroup: keyGroup[i]!,
      order: orderSet.has(i),
      subsidised: !notSubsidised.has(i),
      employed: emp || flexibleSet.has(i),
      cls,
    };
  });
  rows.forEach((r, j) => (r.seq = j + 1));
  return rows;
}

/** The totals as the checker derives them, recomputed from the rows as written. */
function rosterTotals(rows: readonly Row[]) {
  const employed = rows.filter((r) => r.employer !== '' || r.employed).length;
  const kg = rows.filter((r) => r.keyGroup !== '');
  return {
    trained: rows.length,
    passed: rows.filter((r) => r.passed).length,
    employed,
    employedWithEmployer: rows.filter((r) => r.employer !== '').length,
    flexible: rows.filter((r) => r.employer === '' && r.employed).length,
    order: rows.filter((r) => r.order).length,
    subsidised: rows.filter((r) => r.subsidised).length,
    keyGroup: kg.length,
    keyGroupSubsidised: kg.filter((r) => r.subsidised).length,
    byKeyGroup: Object.fromEntries(KEY_GROUPS.map((g) => [g, rows.filter((r) => r.keyGroup === g).length])) as Record<KeyGroup, number>,
    byPartner: PARTNERS.map((p) => rows.filter((r) => r.employer === p.name).length),
    orderByPartner: PARTNERS.map((p) => rows.filter((r) => r.order && r.employer === p.name).length),
    xCheck: rows.filter((r) => r.id.endsWith('X')).length,
    landlines: rows.filter((r) => r.phone.startsWith('(')).length,
    short: rows.filter((r) => r.nation === '蒙古').length,
    dot: rows.filter((r) => r.name.includes('·')).length,
    longAddress: rows.filter((r) => [...r.address].length >= 40).length,
    mongolian: rows.filter((r) => r.nation.startsWith('蒙古')).length,
  };
}
type Totals = ReturnType<typeof rosterTotals>;

function assertRoster(rows: readonly Row[]): Totals {
  const t = rosterTotals(rows);
  assert(t.trained === 240, `trained ${t.trained}`);
  assert(t.passed === 222 && t.passed * 1000 === 925 * t.trained, `passed ${t.passed}`);
  assert(t.employed === 180 && t.employed * 100 === 75 * t.trained, `employed ${t.employed}`);
  assert(t.flexible <= 6, `flexible ${t.flexible}`);
  assert(t.order === 108 && t.order * 100 === 45 * t.trained, `order ${t.order}`);
  assert(t.subsidised === 236, `subsidised ${t.subsidised}`);
  assert(t.keyGroup === 156 && t.keyGroupSubsidised === 152, `key group ${t.keyGroup}/${t.keyGroupSubsidised}`);
  assert(t.xCheck >= 3, `only ${t.xCheck} IDs end in X`);
  assert(t.landlines >= 3 && t.landlines <= 4, `landlines ${t.landlines}`);
  assert(t.short >= 3 && t.short <= 5, `蒙古 short form ${t.short}`);
  assert(t.longAddress >= 5, `long addresses ${t.longAddress}`);
  assert(t.byPartner.every((c, i) => c >= PARTNERS[i]!.quota), `partners hired fewer than agreed: ${t.byPartner}`);
  for (const r of rows) {
    assert(r.trade === TRADE, 'trade');
    assert(!(r.employer !== '' && !r.employed), 'employer without 是否就业');
    assert(/^\d{17}[\dX]$/.test(r.id) && idCheckChar(r.id.slice(0, 17)) === r.id[17], `bad id row ${r.seq}`);
    assert((Number(r.id[16]) % 2 === 1) === (r.sex === '男'), `sex parity row ${r.seq}`);
    const y = Number(r.id.slice(6, 10));
    assert(y >= 1968 && y <= 2004, `birth year row ${r.seq}`);
    assert(/^1[3-9]\d{9}$/.test(r.phone) || /^\(0482\)[2-9]\d{6}$/.test(r.phone), `phone row ${r.seq}`);
  }
  assert(new Set(rows.map((r) => r.id)).size === rows.length, 'duplicate IDs');
  for (const ch of ['𠮷', '喆', '堃', '㛃']) assert(rows.some((r) => r.name.includes(ch)), `no name with ${ch}`);
  return t;
}

const HEADER = ['序号', '姓名', '性别', '民族', '身份证号码', '工种', '授课教师', '就业单位', '住址', '联系电话', '是否合格', '就业重点群体', '订单定向', '享受补贴', '是否就业'];
const WIDTHS = [6, 16, 6, 9, 21, 12, 9, 30, 52, 15, 9, 19, 9, 9, 9];

/** exceljs stamps every zip entry with the current time; rewrite them with the fixed date. */
async function fixZipDates(buf: Uint8Array): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buf);
  zip.forEach((_, f) => {
    f.date = FIXED;
  });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

async function writeRoster(rows: readonly Row[], file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = SCHOOL.name;
  wb.lastModifiedBy = SCHOOL.name;
  wb.created = FIXED;
  wb.modified = FIXED;
  const ws = wb.addWorksheet('花名册', {
    views: [{ state: 'frozen', ySplit: 3, xSplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3', horizontalCentered: true },
  });
  const last = String.fromCharCode(64 + HEADER.length);
  ws.mergeCells(`A1:${last}1`);
  ws.mergeCells(`A2:${last}2`);
  const title = ws.getCell('A1');
  title.value = `${YEAR}年度职业技能培训学员花名册`;
  title.font = { name: '宋体', size: 18, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 32;
  const unit = ws.getCell('A2');
  unit.value = `填报单位名称：${SCHOOL.name}`;
  unit.font = { name: '宋体', size: 11 };
  unit.alignment = { horizontal: 'left', vertical: 'middle' };
  ws.getRow(2).height = 22;

  const thin = { style: 'thin' as const };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  const header = ws.getRow(3);
  HEADER.forEach((h, c) => {
    const cell = header.getCell(c + 1);
    cell.value = h;
    cell.font = { name: '宋体', size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = border;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c < 10 ? 'FFF2F2F2' : 'FFDDEBF7' } };
    ws.getColumn(c + 1).width = WIDTHS[c]!;
  });
  header.height = 24;
  const yn = (b: boolean) => (b ? '是' : '否');
  rows.forEach((r, j) => {
    const row = ws.getRow(4 + j);
    const values: (string | number | null)[] = [
      r.seq, r.name, r.sex, r.nation, r.id, r.trade, r.teacher, r.employer || null, r.address, r.phone,
      yn(r.passed), r.keyGroup || null, yn(r.order), yn(r.subsidised), yn(r.employed),
    ];
    values.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      cell.value = v;
      cell.font = { name: '宋体', size: 10 };
      cell.border = border;
      cell.alignment = { vertical: 'middle', horizontal: c === 7 || c === 8 ? 'left' : 'center' };
      if (c === 4 || c === 9) cell.numFmt = '@'; // ID and phone are text
    });
    row.height = 18;
  });
  const raw = await wb.xlsx.writeBuffer();
  writeFileSync(file, await fixZipDates(new Uint8Array(raw as ArrayBuffer)));
}

// ───────────────────────────────────────────────────────────────────────────────────────
// PDF drawing
// ───────────────────────────────────────────────────────────────────────────────────────

type Doc = PDFKit.PDFDocument;
const FONT_DIR = path.join(ROOT, 'node_modules', '@expo-google-fonts');
const FONTS = {
  serif: readFileSync(path.join(FONT_DIR, 'noto-serif-sc', '400Regular', 'NotoSerifSC_400Regular.ttf')),
  serifB: readFileSync(path.join(FONT_DIR, 'noto-serif-sc', '700Bold', 'NotoSerifSC_700Bold.ttf')),
  sans: readFileSync(path.join(FONT_DIR, 'noto-sans-sc', '400Regular', 'NotoSansSC_400Regular.ttf')),
  sansB: readFileSync(path.join(FONT_DIR, 'noto-sans-sc', '700Bold', 'NotoSansSC_700Bold.ttf')),
};
type FontName = keyof typeof FONTS;
const INK = '#1d1d1d';
const RED = '#d7263d';
const A4: [number, number] = [595.28, 841.89];

function newDoc(title: string, size: [number, number] = A4): Doc {
  const doc = new PDFDocument({
    size,
    margin: 0,
    bufferPages: true,
    info: { Title: title, Author: SCHOOL.name, Creator: 'shenbao scripts/make-example.ts', Producer: 'PDFKit', CreationDate: FIXED },
  });
  for (const [name, buf] of Object.entries(FONTS)) doc.registerFont(name, buf);
  doc.font('serif');
  // DEBUG_PAGES=1 shows where a page was added (a wrapped text running off the page adds one).
  if (process.env.DEBUG_PAGES) doc.on('pageAdded', () => console.log(title, new Error().stack?.split('\n').slice(2, 9).join('\n')));
  return doc;
}

async function savePdf(doc: Doc, file: string, pages?: [number, number]): Promise<void> {
  const count = doc.bufferedPageRange().count;
  if (pages) assert(count >= pages[0] && count <= pages[1], `${path.basename(file)} has ${count} pages, wanted ${pages.join('–')}`);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.end();
  await done;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, Buffer.concat(chunks));
}

interface TextOpts {
  size?: number;
  font?: FontName;
  color?: string;
  width?: number;
  align?: 'left' | 'center' | 'right' | 'justify';
  lineGap?: number;
  cs?: number;
  oblique?: number;
}
function style(doc: Doc, o: TextOpts): void {
  doc.font(o.font ?? 'serif').fontSize(o.size ?? 11).fillColor(o.color ?? INK);
}
/** Text at (x, y); wraps within `width` if given; returns the y below it. */
function text(doc: Doc, s: string, x: number, y: number, o: TextOpts = {}): number {
  style(doc, o);
  if (o.width === undefined) {
    doc.text(s, x, y, { lineBreak: false, characterSpacing: o.cs ?? 0, oblique: o.oblique ?? false });
    return y + doc.currentLineHeight(true);
  }
  doc.text(s, x, y, { width: o.width, align: o.align ?? 'left', lineGap: o.lineGap ?? 0, characterSpacing: o.cs ?? 0 });
  return doc.y;
}
/** One line centred on cx (no wrapping, so nothing can spill onto a new page). */
function center(doc: Doc, s: string, cx: number, y: number, o: TextOpts = {}): number {
  style(doc, o);
  const w = doc.widthOfString(s, { characterSpacing: o.cs ?? 0 }) - (o.cs ?? 0);
  return text(doc, s, cx - w / 2, y, o);
}
function right(doc: Doc, s: string, rx: number, y: number, o: TextOpts = {}): number {
  style(doc, o);
  return text(doc, s, rx - doc.widthOfString(s), y, o);
}
function heightOf(doc: Doc, s: string, width: number, o: TextOpts = {}): number {
  style(doc, o);
  return doc.heightOfString(s, { width, lineGap: o.lineGap ?? 0 });
}
/** A paragraph with a two-character first-line indent. */
function para(doc: Doc, s: string, x: number, y: number, width: number, o: TextOpts = {}): number {
  return text(doc, `\u3000\u3000${s}`, x, y, { lineGap: 5, ...o, width }) + (o.size ?? 11) * 0.45;
}

type Cell = string | { text: string; span?: number; bold?: boolean; align?: 'left' | 'center' | 'right'; fill?: string };
interface TableOpts {
  size?: number;
  pad?: number;
  minH?: number;
  headerFill?: string;
  headerRows?: number;
  font?: FontName;
  align?: ('left' | 'center' | 'right')[];
  lineGap?: number;
}
/** A ruled table; returns the y of its bottom edge. */
function table(doc: Doc, x: number, y: number, widths: number[], rows: Cell[][], o: TableOpts = {}): number {
  const size = o.size ?? 10;
  const pad = o.pad ?? 4;
  const headerRows = o.headerRows ?? 0;
  doc.lineWidth(0.7).strokeColor('#333333');
  rows.forEach((row, ri) => {
    const cells: { c: Exclude<Cell, string>; x: number; w: number; col: number }[] = [];
    let col = 0;
    let cx = x;
    for (const raw of row) {
      const c = typeof raw === 'string' ? { text: raw } : raw;
      const span = c.span ?? 1;
      const w = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
      cells.push({ c, x: cx, w, col });
      cx += w;
      col += span;
    }
    assert(col === widths.length, `table row ${ri} spans ${col} of ${widths.length} columns`);
    const isHead = ri < headerRows;
    const fontOf = (c: Exclude<Cell, string>): FontName => (c.bold || isHead ? 'serifB' : (o.font ?? 'serif'));
    const h = Math.max(o.minH ?? 0, ...cells.map(({ c, w }) => heightOf(doc, c.text, w - 2 * pad, { size, font: fontOf(c), lineGap: o.lineGap ?? 1.5 }) + 2 * pad));
    for (const { c, x: cx2, w, col: ci } of cells) {
      const fill = c.fill ?? (isHead ? o.headerFill : undefined);
      if (fill) doc.save().rect(cx2, y, w, h).fill(fill).restore();
      doc.lineWidth(0.7).strokeColor('#333333').rect(cx2, y, w, h).stroke();
      const th = heightOf(doc, c.text, w - 2 * pad, { size, font: fontOf(c), lineGap: o.lineGap ?? 1.5 });
      text(doc, c.text, cx2 + pad, y + (h - th) / 2, { size, font: fontOf(c), width: w - 2 * pad, align: c.align ?? (isHead ? 'center' : (o.align?.[ci] ?? 'left')), lineGap: o.lineGap ?? 1.5 });
    }
    y += h;
  });
  return y;
}

function starPath(doc: Doc, cx: number, cy: number, R: number): Doc {
  const pts: [number, number][] = [];
  for (let k = 0; k < 10; k++) {
    const a = -Math.PI / 2 + (k * Math.PI) / 5;
    const r = k % 2 === 0 ? R : R * 0.382;
    pts.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  return doc.polygon(...pts);
}

/** A red round seal: ring, star, the unit's name around the top, an optional word below. */
function seal(doc: Doc, cx: number, cy: number, r: number, name: string, rot: number, below = '', opacity = 0.85): void {
  doc.save();
  doc.translate(cx, cy).rotate(rot);
  doc.fillOpacity(opacity).strokeOpacity(opacity);
  doc.lineWidth(r * 0.065).strokeColor(RED).circle(0, 0, r * 0.965).stroke();
  starPath(doc, 0, below ? -r * 0.02 : r * 0.04, r * 0.27).fill(RED);
  // Seal lettering: condensed characters set radially around the top, as engravers cut them.
  const chars = [...name];
  const n = chars.length;
  const span = Math.min(270, 40 + n * 14);
  const step = n > 1 ? span / (n - 1) : 0;
  const inset = r * 0.12;
  const squeeze = 0.74;
  const fs = Math.min(r * 0.27, ((r - inset - r * 0.14) * ((step * Math.PI) / 180)) / (squeeze + 0.04));
  doc.font('serifB').fontSize(fs).fillColor(RED);
  chars.forEach((ch, i) => {
    doc.save();
    doc.rotate(-span / 2 + step * i);
    doc.scale(squeeze, 1);
    doc.text(ch, -fs / 2, -r + inset, { lineBreak: false });
    doc.restore();
  });
  if (below) {
    const bs = r * 0.19;
    doc.font('serifB').fontSize(bs);
    const w = doc.widthOfString(below);
    doc.text(below, -w / 2, r * 0.36, { lineBreak: false });
  }
  doc.restore();
}

/** Rectangular red stamp (年检合格 etc.). */
function boxStamp(doc: Doc, x: number, y: number, lines: string[], rot: number): void {
  doc.save();
  doc.translate(x, y).rotate(rot);
  doc.fillOpacity(0.85).strokeOpacity(0.85);
  const w = 92;
  const h = 16 + lines.length * 15;
  doc.lineWidth(1.6).strokeColor(RED).rect(-w / 2, -h / 2, w, h).stroke();
  lines.forEach((l, i) => {
    doc.font('serifB').fontSize(i === 0 ? 12 : 10).fillColor(RED);
    const lw = doc.widthOfString(l);
    doc.text(l, -lw / 2, -h / 2 + 7 + i * 15, { lineBreak: false });
  });
  doc.restore();
}

/** A fake QR code: three finder patterns and seeded modules. */
function qr(doc: Doc, x: number, y: number, size: number, rng: Rng): void {
  const n = 25;
  const m = size / n;
  const finder = (r: number, c: number) => {
    for (const [fr, fc] of [[0, 0], [0, n - 7], [n - 7, 0]] as const) {
      const dr = r - fr;
      const dc = c - fc;
      if (dr >= -1 && dr <= 7 && dc >= -1 && dc <= 7) {
        if (dr < 0 || dr > 6 || dc < 0 || dc > 6) return 0;
        const ring = Math.min(dr, dc, 6 - dr, 6 - dc);
        return ring === 1 ? 0 : 1;
      }
    }
    return -1;
  };
  doc.save().fillColor('#111111');
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      const f = finder(r, c);
      if (f === 1 || (f === -1 && rng.chance(0.48))) doc.rect(x + c * m, y + r * m, m + 0.05, m + 0.05).fill();
    }
  }
  doc.restore();
}

/** Paper under a flatbed scanner: slightly warm, a shadow at the lid's edge, a few specks. */
function scanPaper(doc: Doc, rng: Rng): void {
  const { width: w, height: h } = doc.page;
  doc.save();
  doc.rect(0, 0, w, h).fill('#f7f5ef');
  const g = doc.linearGradient(0, 0, 16, 0);
  g.stop(0, '#bdb9ae').stop(1, '#f7f5ef');
  doc.rect(0, 0, 16, h).fill(g);
  const g2 = doc.linearGradient(0, h - 10, 0, h);
  g2.stop(0, '#f7f5ef').stop(1, '#d2cec4');
  doc.rect(0, h - 10, w, 10).fill(g2);
  for (let i = 0; i < 26; i++) {
    doc.fillOpacity(0.25 + rng.next() * 0.4).circle(20 + rng.next() * (w - 40), 20 + rng.next() * (h - 40), 0.25 + rng.next() * 0.6).fill('#6f6b63');
  }
  doc.restore();
}
/** Draws page content tilted a little, as a page laid on a scanner by hand. */
function tilted(doc: Doc, rng: Rng, draw: () => void): void {
  const { width: w, height: h } = doc.page;
  doc.save();
  doc.rotate((rng.next() - 0.5) * 1.1, { origin: [w / 2, h / 2] });
  draw();
  doc.restore();
}

function pageNumbers(doc: Doc, y: number, o: TextOpts = {}): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    center(doc, `第 ${i + 1} 页  共 ${range.count} 页`, doc.page.width / 2, y, { size: 9, color: '#555555', ...o });
  }
}

let TMP = '';
function rasterise(pdf: string, out: string, format: 'jpeg' | 'png', dpi: number): void {
  const base = out.replace(/\.(jpg|png)$/, '');
  const args = format === 'jpeg' ? ['-jpeg', '-jpegopt', 'quality=70'] : ['-png'];
  execFileSync('pdftoppm', [...args, '-r', String(dpi), '-singlefile', pdf, base]);
}
/** Builds a one-page PDF in the temp folder and rasterises it into `out` as a scan. */
async function scan(out: string, title: string, size: [number, number], draw: (doc: Doc) => void): Promise<void> {
  const doc = newDoc(title, size);
  draw(doc);
  const pdf = path.join(TMP, `${path.basename(out)}.pdf`);
  await savePdf(doc, pdf, [1, 1]);
  mkdirSync(path.dirname(out), { recursive: true });
  rasterise(pdf, out, 'jpeg', 150);
}

const LANDSCAPE: [number, number] = [A4[1], A4[0]];

// ───────────────────────────────────────────────────────────────────────────────────────
// The documents
// ───────────────────────────────────────────────────────────────────────────────────────

function licencePage(doc: Doc, copy: '正本' | '副本', rng: Rng): void {
  const { width: W, height: H } = doc.page;
  doc.save().rect(0, 0, W, H).fill('#fbf8ef').restore();
  doc.lineWidth(3).strokeColor('#b08d3c').rect(28, 28, W - 56, H - 56).stroke();
  doc.lineWidth(0.8).rect(36, 36, W - 72, H - 72).stroke();
  // Corner ornaments.
  for (const [x, y] of [[36, 36], [W - 36, 36], [36, H - 36], [W - 36, H - 36]] as const) {
    doc.save().fillColor('#b08d3c').circle(x, y, 5).fill().restore();
  }
  center(doc, '民办学校办学许可证', W / 2, 92, { size: 28, font: 'serifB', cs: 4, color: '#7a1f1f' });
  center(doc, `（${copy}）`, W / 2, 140, { size: 16, font: 'serifB', color: '#7a1f1f' });
  center(doc, `编号：人社民 ${SCHOOL.licence} 号`, W / 2, 176, { size: 13 });
  const fields: [string, string][] = [
    ['学校名称', SCHOOL.name],
    ['学校地址', SCHOOL.address.replace('内蒙古自治区', '')],
    ['学校类型', '职业技能培训学校（民办非企业单位）'],
    ['举 办 者', SCHOOL.legal],
    ['校    长', SCHOOL.legal],
    ['办学内容', '中式烹调师、中式面点师、育婴员、家政服务员、养老护理员等职业（工种）的职业技能培训'],
    ['办学形式', '全日制、非全日制'],
    ['有效期限', '自 2024 年 4 月 16 日至 2028 年 4 月 15 日'],
  ];
  let y = copy === '正本' ? 236 : 210;
  const gap = copy === '正本' ? 16 : 6;
  for (const [k, v] of fields) {
    text(doc, `${k}：`, 92, y, { size: 13, font: 'serifB' });
    y = Math.max(y + 22, text(doc, v, 182, y, { size: 13, width: W - 182 - 88, lineGap: 4 })) + gap;
  }
  if (copy === '副本') {
    y += 6;
    center(doc, '年 度 检 查 记 录', W / 2, y, { size: 13, font: 'serifB' });
    y = table(doc, 92, y + 26, [70, 110, 160, 72], [
      ['年度', '检查结论', '检查机关', '日期'],
      ['2023', '合格', '科尔沁右翼前旗人社局', '2024.03'],
      ['2024', '合格', '科尔沁右翼前旗人社局', '2025.03'],
      ['2025', '合格', '科尔沁右翼前旗人社局', '2026.03'],
    ], { size: 10.5, headerRows: 1, align: ['center', 'center', 'center', 'center'], minH: 26 });
    boxStamp(doc, 452, y - 16, ['年检合格', '2026.03'], -6 + rng.next() * 4);
  }
  const sy = copy === '正本' ? H - 190 : Math.max(H - 180, y + 28);
  text(doc, '发证机关（盖章）', 320, sy, { size: 13 });
  text(doc, SCHOOL.licenceIssuer, 290, sy + 30, { size: 12 });
  text(doc, `发证日期：${cnDate(2024, 4, 16)}`, 300, sy + 58, { size: 12 });
  seal(doc, 400, sy + 30, 58, SCHOOL.licenceIssuer, -8 + rng.next() * 10, '', 0.8);
  center(doc, '中华人民共和国人力资源和社会保障部监制', W / 2, H - 72, { size: 9, color: '#7a6a4a' });
}

async function makeLicence(file: string): Promise<void> {
  const rng = new Rng(301);
  const doc = newDoc('办学许可证（正本、副本）');
  licencePage(doc, '正本', rng);
  doc.addPage();
  licencePage(doc, '副本', rng);
  await savePdf(doc, file, [2, 2]);
}

function signBlock(doc: Doc, y: number, rng: Rng, date: string): void {
  text(doc, `${SCHOOL.name}（盖章）`, 300, y, { size: 12 });
  text(doc, date, 360, y + 26, { size: 12 });
  seal(doc, 410, y + 8, 58, SCHOOL.name, -10 + rng.next() * 14);
}

async function makeFacilities(file: string): Promise<void> {
  const rng = new Rng(302);
  const doc = newDoc('场地设备建设说明');
  const X = 72;
  const Wd = A4[0] - 144;
  let y = 70;
  y = center(doc, '场地设备建设说明', A4[0] / 2, y, { size: 20, font: 'serifB', cs: 2 }) + 18;
  y = para(doc, `${SCHOOL.name}位于科尔沁右翼前旗科尔沁镇天骄大街西段16号，校舍为学校租用的独立三层楼房，租期至2032年12月，建筑面积2860平方米。学校按照职业技能培训机构设置标准和中式烹调师培训需要建设教学场地，理论教学区与实训区分层设置，消防设施于2021年通过验收，实训室均取得食品安全管理相关备案。`, X, y, Wd);
  y = text(doc, '一、教学场地', X, y + 4, { size: 12.5, font: 'serifB' }) + 6;
  y = table(doc, X, y, [140, 80, 60, 171], [
    ['场所名称', '面积（㎡）', '工位/座位', '主要用途'],
    ['中式烹调实训室（一）', '320', '24', '热菜、蒙餐特色菜实操教学'],
    ['中式烹调实训室（二）', '260', '20', '刀工、冷菜、宴席菜实操教学'],
    ['面点实训室', '180', '20', '面点基础、蒙古族奶食制作'],
    ['示教厨房', '90', '40', '教师示范，配摄像投屏设备'],
    ['多媒体理论教室（3间）', '360', '150', '理论教学、食品安全培训、考核'],
    ['原料库房及冷库', '120', '—', '原料验收、储存，生熟分开'],
    ['办公及学员服务区', '310', '—', '报名登记、档案管理、就业指导'],
  ], { headerRows: 1, headerFill: '#ececec', align: ['left', 'center', 'center', 'left'] });
  y = para(doc, '教学区与办公区分区设置，各实训室均设有独立的更衣洗手区、原料验收区和垃圾暂存区，符合餐饮服务食品安全操作规范要求；校内设有学员休息室和饮水点，来自苏木乡镇的学员可入住学校协调的周边宿舍，送教下乡教学点使用苏木乡镇便民服务中心场地并配备移动灶具。', X, y + 12, Wd);
  doc.addPage();
  y = 70;
  y = text(doc, '二、主要教学设备', X, y, { size: 12.5, font: 'serifB' }) + 6;
  y = table(doc, X, y, [150, 120, 50, 131], [
    ['设备名称', '规格', '数量', '备注'],
    ['双头燃气炒灶', '商用 2×28kW', '22台', '带熄火保护'],
    ['单头燃气炒灶', '商用 28kW', '2台', '示教用'],
    ['电蒸柜', '12盘', '4台', ''],
    ['万能蒸烤箱', '10层', '2台', '烤羊排、烤制菜品'],
    ['冷藏冷冻工作台/立柜', '1.8m / 双门', '10台', '生熟分开'],
    ['和面机、压面机、醒发箱', '商用', '各2台', '面点实训'],
    ['油烟净化一体机', '15000m³/h', '3套', '经环保检测'],
    ['餐具消毒柜', '商用 600L', '4台', ''],
    ['多媒体教学一体机', '86英寸', '4套', '含示教投屏'],
    ['视频监控及考勤系统', '—', '1套', '培训全过程留痕'],
  ], { headerRows: 1, headerFill: '#ececec', align: ['left', 'left', 'center', 'left'] });
  y = text(doc, '三、管理与维护', X, y + 16, { size: 12.5, font: 'serifB' }) + 6;
  y = para(doc, '实训设备由专人负责日常检查和维护保养，建立设备台账和使用登记；燃气管道每年由燃气公司检测，灭火器、灭火毯按工位配置；实训室执行“一餐一清、一周一消毒”制度。现有场地和设备可同时满足两个班次、每期60人的实操教学需要。', X, y, Wd);
  signBlock(doc, y + 30, rng, cnDate(2026, 9, 20));
  pageNumbers(doc, A4[1] - 40);
  await savePdf(doc, file, [1, 2]);
}

const MODULES: [string, number, number][] = [
  ['职业道德、食品安全与厨房安全', 8, 0],
  ['烹饪原料知识与初加工', 6, 6],
  ['刀工与勺工', 4, 20],
  ['冷菜制作', 4, 12],
  ['热菜制作（炒、爆、熘、烧、炖、蒸）', 10, 42],
  ['蒙餐特色菜（手把肉、烤羊排、奶茶奶食）', 4, 20],
  ['面点基础', 2, 10],
  ['营养配餐与成本核算', 4, 0],
  ['结业考核（理论、实操）', 2, 6],
];

async function makeTeachers(file: string): Promise<void> {
  const rng = new Rng(303);
  const doc = newDoc('师资队伍与课时标准说明');
  const X = 64;
  const Wd = A4[0] - 128;
  let y = 64;
  y = center(doc, '专业师资队伍建设和专业培训课时及标准化说明', A4[0] / 2, y, { size: 17, font: 'serifB' }) + 16;
  y = text(doc, '一、师资队伍', X, y, { size: 12.5, font: 'serifB' }) + 6;
  y = para(doc, `学校现有专兼职教师14名，其中中式烹调专业教师9名（专职7名、兼职2名），具有高级技师资格的3名、技师4名，专职教师均签订3年以上聘用合同。兼职教师由合作企业行政总厨、厨师长担任，负责企业岗位实训。中式烹调师专业主要教师情况如下：`, X, y, Wd, { size: 10.5 });
  y = table(doc, X, y, [28, 74, 28, 42, 130, 34, 95, 36], [
    ['序号', '姓名', '性别', '民族', '职业资格/技能等级', '教龄', '主要授课内容', '类别'],
    ...TEACHERS.map((t, i) => [String(i + 1), t.name, t.sex, t.nation, t.level, `${t.years}年`, t.teaches, t.kind]),
  ], { size: 9.5, headerRows: 1, headerFill: '#ececec', align: ['center', 'center', 'center', 'center', 'left', 'center', 'left', 'center'] });
  y = text(doc, '二、师资队伍建设措施', X, y + 14, { size: 12.5, font: 'serifB' }) + 6;
  y = para(doc, '每位专职教师每年到合作企业后厨跟岗实践不少于1个月；每学期开展集体备课和公开课评议；支持教师参加盟、旗两级师资培训和职业技能竞赛，取得更高技能等级的给予奖励；兼职教师实行年度考评，考评不合格的不再续聘。', X, y, Wd, { size: 10.5 });
  doc.addPage();
  y = 64;
  y = text(doc, '三、培训课时及标准', X, y, { size: 12.5, font: 'serifB' }) + 6;
  y = para(doc, '中式烹调师培训依据《中式烹调师国家职业技能标准（2018年版）》五级/初级工要求，结合本地蒙餐特色制定教学计划，每期20个教学日、160学时，其中理论44学时、实操116学时，实操比例72.5%。', X, y, Wd, { size: 10.5 });
  const th = MODULES.reduce((a, m) => a + m[1], 0);
  const ph = MODULES.reduce((a, m) => a + m[2], 0);
  assert(th === 44 && ph === 116, `course hours ${th}/${ph}`);
  y = table(doc, X, y, [30, 260, 62, 62, 53], [
    ['序号', '教学模块', '理论学时', '实操学时', '小计'],
    ...MODULES.map(([name, t, p], i) => [String(i + 1), name, String(t), String(p), String(t + p)]),
    [{ text: '合计', span: 2, align: 'center', bold: true }, String(th), String(ph), String(th + ph)],
  ], { size: 9.5, headerRows: 1, headerFill: '#ececec', align: ['center', 'left', 'center', 'center', 'center'] });
  y += 14;
  y = text(doc, '四、标准化管理', X, y, { size: 12.5, font: 'serifB' }) + 6;
  y = para(doc, '统一教学大纲：各期使用同一教学计划和课程表，调整须经教务会议讨论；统一教材：理论课使用人力资源社会保障部门推荐的中式烹调师培训教材，蒙餐模块使用学校编写的《蒙餐特色菜制作实训手册》；统一考核：结业考核由理论笔试（占30%）和实操考核（占70%）组成，实操由两名以上考评员和合作企业厨师长共同评分，60分及以上为合格。', X, y, Wd, { size: 10.5 });
  y = para(doc, '每期培训建立教学日志、签到表、实操记录和考核试卷档案，保存期不少于5年；学员结业后1个月、3个月、6个月分别回访，回访情况纳入下一期教学计划的修订。', X, y, Wd, { size: 10.5 });
  signBlock(doc, y + 30, rng, cnDate(2026, 9, 20));
  pageNumbers(doc, A4[1] - 40);
  await savePdf(doc, file, [1, 2]);
}

async function makeCreditReport(file: string): Promise<void> {
  const rng = new Rng(304);
  const doc = newDoc('法人和非法人组织公共信用信息报告');
  const X = 60;
  const Wd = A4[0] - 120;
  const head = () => {
    doc.save().rect(0, 0, A4[0], 44).fill('#1f4e8c').restore();
    text(doc, '信用兴安 · 公共信用信息报告', X, 14, { size: 12, font: 'sansB', color: '#ffffff' });
    right(doc, '报告编号：XYBG1522212026100900318', A4[0] - X, 16, { size: 9, font: 'sans', color: '#ffffff' });
  };
  head();
  let y = 78;
  y = center(doc, '法人和非法人组织公共信用信息报告', A4[0] / 2, y, { size: 20, font: 'serifB' }) + 6;
  y = center(doc, '（标准版）', A4[0] / 2, y, { size: 12 }) + 18;
  y = table(doc, X, y, [110, Wd - 110], [
    ['查询对象', SCHOOL.name],
    ['统一社会信用代码', SCHOOL.uscc],
    ['查询日期', '2026年10月09日 10:18'],
    ['报告出具机构', '兴安盟公共信用信息平台'],
  ], { size: 10.5, minH: 24 }) + 22;
  y = text(doc, '一、基本信息', X, y, { size: 13, font: 'serifB', color: '#1f4e8c' }) + 8;
  y = table(doc, X, y, [110, Wd - 110], [
    ['机构名称', SCHOOL.name],
    ['机构类型', '民办非企业单位（社会服务机构）'],
    ['法定代表人', SCHOOL.legal],
    ['成立日期', zhDate(...SCHOOL.founded)],
    ['登记机关', SCHOOL.registrar],
    ['业务主管单位', SCHOOL.licenceIssuer],
    ['住所', SCHOOL.address],
    ['业务范围', '中式烹调师、中式面点师、育婴员、家政服务员、养老护理员等职业技能培训'],
    ['登记状态', '正常'],
  ], { size: 10.5, minH: 24 }) + 22;
  y = text(doc, '二、信息概要', X, y, { size: 13, font: 'serifB', color: '#1f4e8c' }) + 8;
  const half = Wd / 4;
  y = table(doc, X, y, [half + 30, half - 30, half + 30, half - 30], [
    ['信息类别', '记录条数', '信息类别', '记录条数'],
    ['行政许可信息', '2', '行政处罚信息', '0'],
    ['守信激励信息', '2', '严重失信主体名单', '0'],
    ['信用承诺信息', '3', '经营异常名录', '0'],
    ['其他信息', '1', '失信被执行人', '0'],
  ], { size: 10.5, headerRows: 1, headerFill: '#e8eef7', align: ['left', 'center', 'left', 'center'], minH: 22 });

  doc.addPage();
  head();
  y = 62;
  const section = (t: string) => (y = text(doc, t, X, y, { size: 13, font: 'serifB', color: '#1f4e8c' }) + 8);
  section('三、行政许可信息');
  y = table(doc, X, y, [120, 120, 105, Wd - 345], [
    ['许可事项', '许可编号', '许可机关', '有效期'],
    ['民办学校办学许可（延续）', `人社民 ${SCHOOL.licence}`, '科尔沁右翼前旗人社局', '2024.04.16—2028.04.15'],
    ['民办非企业单位登记（变更）', SCHOOL.uscc, SCHOOL.registrar, '长期'],
  ], { size: 9.5, headerRows: 1, headerFill: '#e8eef7' }) + 10;
  section('四、行政处罚信息');
  y = text(doc, '截至查询日期，未查询到该主体的行政处罚信息。', X + 14, y, { size: 10.5 }) + 8;
  section('五、严重失信主体名单及失信被执行人信息');
  y = text(doc, '截至查询日期，未查询到该主体被列入严重失信主体名单或失信被执行人名单。', X + 14, y, { size: 10.5, width: Wd - 14 }) + 8;
  section('六、守信激励信息');
  y = table(doc, X, y, [190, 150, Wd - 340], [
    ['荣誉名称', '授予单位', '授予日期'],
    ['2024年度兴安盟职业技能培训先进单位', '兴安盟人力资源和社会保障局', '2025年01月'],
    ['科尔沁右翼前旗级职业技能培训品牌（中式烹调师）', '科尔沁右翼前旗人力资源和社会保障局', '2023年11月'],
  ], { size: 9.5, headerRows: 1, headerFill: '#e8eef7' }) + 10;
  section('七、信用承诺信息');
  y = table(doc, X, y, [200, 140, Wd - 340], [
    ['承诺事项', '承诺受理单位', '承诺日期'],
    ['职业技能培训补贴申领信用承诺', '科尔沁右翼前旗就业服务中心', '2025年03月'],
    ['民办学校年度检查信用承诺', SCHOOL.licenceIssuer, '2026年03月'],
    ['培训品牌申报信用承诺', SCHOOL.licenceIssuer, '2026年10月'],
  ], { size: 9.5, headerRows: 1, headerFill: '#e8eef7' }) + 12;
  section('报告说明');
  const notesTop = y;
  for (const s of [
    '1. 本报告信息来源于全国信用信息共享平台（内蒙古）及兴安盟公共信用信息平台归集的公共信用信息，反映截至查询日期的记录情况。',
    '2. 本报告仅供查询对象申报职业技能培训品牌使用，复制、转让无效。',
    '3. 可扫描右下角二维码或登录“信用兴安”网站输入报告编号核验真伪。',
  ]) y = text(doc, s, X + 14, y, { size: 9.5, width: Wd - 130, lineGap: 3, color: '#333333' }) + 4;
  qr(doc, A4[0] - X - 86, notesTop - 4, 86, rng);
  text(doc, '扫码核验', A4[0] - X - 64, notesTop + 86, { size: 8.5, color: '#555555' });
  text(doc, '出具单位：兴安盟公共信用信息中心', 240, y + 16, { size: 10.5 });
  text(doc, '出具日期：2026年10月09日', 240, y + 38, { size: 10.5 });
  seal(doc, 330, y + 26, 54, '兴安盟公共信用信息中心', -4 + rng.next() * 8, '信用报告专用章', 0.8);
  pageNumbers(doc, A4[1] - 36);
  await savePdf(doc, file, [2, 2]);
}

async function makeCourtScreenshot(file: string): Promise<void> {
  // 700 × 450 pt rendered at 288 dpi → 2800 × 1800 px, as a high-resolution screen captures it.
  const W = 700;
  const H = 450;
  const doc = newDoc('中国裁判文书网查询截图', [W, H]);
  const sans = (s: string, x: number, y: number, size: number, color = '#333333', bold = false) => text(doc, s, x, y, { size, font: bold ? 'sansB' : 'sans', color });
  doc.rect(0, 0, W, H).fill('#ffffff');
  // Browser: tab strip, toolbar.
  doc.rect(0, 0, W, 22).fill('#dee1e6');
  doc.roundedRect(8, 4, 190, 20, 5).fill('#ffffff');
  doc.circle(20, 14, 4.5).fill('#b71c1c');
  sans('中国裁判文书网', 30, 8, 7.5);
  sans('×', 186, 7.5, 8, '#666666');
  sans('信用中国', 216, 8, 7.5, '#555555');
  doc.rect(0, 22, W, 26).fill('#ffffff');
  doc.lineWidth(0.5).strokeColor('#d0d0d0').moveTo(0, 48).lineTo(W, 48).stroke();
  doc.lineWidth(1.2).strokeColor('#5f6368');
  doc.moveTo(18, 35).lineTo(12, 35).stroke().moveTo(15, 32).lineTo(12, 35).lineTo(15, 38).stroke();
  doc.moveTo(30, 35).lineTo(36, 35).stroke().moveTo(33, 32).lineTo(36, 35).lineTo(33, 38).stroke();
  doc.circle(51, 35, 4).stroke();
  doc.roundedRect(66, 27, 560, 16, 8).fill('#f1f3f4');
  doc.lineWidth(0.9).strokeColor('#5f6368').rect(75, 34, 6, 5).stroke().circle(78, 33, 2).stroke();
  sans('wenshu.court.gov.cn/website/wenshu/181217BMTKHNT2W0/index.html?pageId=7f3b1e&s21=科尔沁右翼前旗天骄职业技能培训学校', 88, 30.5, 7.5, '#202124');
  doc.circle(660, 35, 6).fill('#1a73e8');
  sans('L', 657.5, 30.5, 7, '#ffffff', true);
  // Site header.
  const g = doc.linearGradient(0, 48, 0, 100);
  g.stop(0, '#a8141b').stop(1, '#c62828');
  doc.rect(0, 48, W, 52).fill(g);
  doc.circle(58, 74, 17).fill('#f3c54b');
  starPath(doc, 58, 74, 9).fill('#c62828');
  sans('中国裁判文书网', 84, 58, 20, '#ffffff', true);
  sans('China Judgements Online', 86, 84, 7.5, '#ffe9b0');
  sans('首页', 470, 68, 9, '#ffffff');
  sans('高级检索', 510, 68, 9, '#ffffff');
  sans('用户中心', 566, 68, 9, '#ffffff');
  sans('退出', 628, 68, 9, '#ffffff');
  // Search bar.
  doc.rect(0, 100, W, 44).fill('#f5f5f5');
  doc.lineWidth(1).strokeColor('#c62828').rect(150, 110, 330, 24).stroke();
  doc.rect(150.5, 110.5, 329, 23).fill('#ffffff');
  sans('科尔沁右翼前旗天骄职业技能培训学校', 158, 115.5, 9.5, '#202124');
  doc.rect(480, 110, 62, 24).fill('#c62828');
  sans('搜索', 498, 115, 10, '#ffffff', true);
  sans('高级检索', 552, 116, 8.5, '#c62828');
  // Left: filters.
  doc.rect(16, 156, 150, 230).fill('#fafafa');
  doc.lineWidth(0.5).strokeColor('#e0e0e0').rect(16, 156, 150, 230).stroke();
  sans('筛选条件', 26, 164, 9.5, '#333333', true);
  let fy = 186;
  for (const s of ['关键字', '案由', '法院层级', '地域及法院', '裁判年份', '审判程序', '文书类型']) {
    sans(s, 26, fy, 8.5, '#666666');
    sans('（0）', 120, fy, 8.5, '#999999');
    fy += 26;
  }
  // Results.
  sans('全文：科尔沁右翼前旗天骄职业技能培训学校', 182, 158, 9, '#333333');
  doc.lineWidth(0.5).strokeColor('#e0e0e0').moveTo(182, 176).lineTo(684, 176).stroke();
  sans('共检索到', 182, 183, 9, '#333333');
  sans('0', 222, 183, 9, '#c62828', true);
  sans('篇文书', 230, 183, 9, '#333333');
  sans('法院层级  裁判日期  审判程序', 556, 183, 8.5, '#888888');
  doc.lineWidth(1.5).strokeColor('#c7c7c7').roundedRect(400, 236, 66, 52, 4).stroke();
  doc.moveTo(412, 252).lineTo(454, 252).stroke().moveTo(412, 263).lineTo(446, 263).stroke().moveTo(412, 274).lineTo(440, 274).stroke();
  center(doc, '没有检索到相关文书', 433, 302, { size: 10.5, font: 'sans', color: '#888888' });
  center(doc, '请修改检索条件后重新检索', 433, 322, { size: 8.5, font: 'sans', color: '#aaaaaa' });
  sans('主办单位：最高人民法院    地址：北京市东城区东交民巷27号    ICP备案号：京ICP备05023036号', 150, 396, 7, '#999999');
  // Taskbar.
  doc.rect(0, H - 24, W, 24).fill('#1f2a36');
  doc.rect(10, H - 18, 12, 12).fill('#4aa3f0');
  for (let i = 0; i < 4; i++) doc.roundedRect(40 + i * 28, H - 19, 20, 14, 3).fill(i === 1 ? '#6b7c8f' : '#3b4a5a');
  sans('10:26', W - 52, H - 21, 7.5, '#ffffff');
  sans('2026/10/10', W - 58, H - 12, 7, '#ffffff');
  const pdf = path.join(TMP, 'court.pdf');
  await savePdf(doc, pdf, [1, 1]);
  mkdirSync(path.dirname(file), { recursive: true });
  rasterise(pdf, file, 'png', 288);
}

function agreementClauses(p: Partner, t: Totals, i: number): string[] {
  const order = TARGET.orderByPartner[i]!;
  return [
    `第一条  合作内容。双方建立长期校企合作关系，围绕${TRADE}（${p.posts}）岗位开展订单、定岗、定向培训和就业安置合作。乙方是甲方${TRADE}培训品牌“${SCHOOL.brand}”的定点就业合作单位。`,
    `第二条  用工需求。乙方根据生产经营需要，每年向甲方提出岗位需求计划，${YEAR}年度订单培训需求不少于${order}人；乙方每年接收甲方培训合格学员不少于${p.quota}人，并优先录用就业重点群体学员。`,
    '第三条  甲方责任。（一）按照国家职业技能标准和乙方岗位要求制定教学计划，保证培训课时和质量；（二）组织学员参加结业考核，向乙方推荐培训合格、身体健康、符合岗位要求的学员；（三）学员上岗后6个月内开展跟踪回访，协助乙方做好学员思想稳定工作。',
    '第四条  乙方责任。（一）选派厨师长以上技术人员担任兼职实训指导教师，参与教学计划制定和实操考核；（二）为学员提供不少于5天的岗前跟岗实训；（三）与录用学员依法签订劳动合同，按时足额支付劳动报酬，依法缴纳社会保险，提供必要的劳动保护和食宿条件。',
    '第五条  学员待遇。学员试用期不超过2个月，试用期工资不低于本企业同岗位工资的80%且不低于当地最低工资标准；转正后工资按乙方薪酬制度执行，原则上不低于每月3500元。',
    '第六条  信息共享。双方定期交换学员就业、在岗和离职信息，甲方据此建立培训后就业台账；乙方同意甲方在申报培训补贴、培训品牌时使用本协议及学员就业证明材料。',
    '第七条  协议期限。本协议有效期三年，自签订之日起生效。期满前一个月双方协商续签事宜；任何一方不得无故单方终止协议。',
    '第八条  其他。本协议未尽事宜由双方协商解决，可签订补充协议，补充协议与本协议具有同等效力。本协议一式四份，甲乙双方各执两份。',
  ];
}

async function makeAgreement(p: Partner, i: number, t: Totals, file: string): Promise<void> {
  const rng = new Rng(400 + i);
  const doc = newDoc(`校企合作就业协议书（${p.short}）`);
  const X = 72;
  const Wd = A4[0] - 144;
  const [ay, am, ad] = p.agreement;
  let y = 72;
  right(doc, `协议编号：TJXQ-${ay}-${pad2(i + 1)}`, A4[0] - X, 40, { size: 9.5, color: '#444444' });
  y = center(doc, '校企合作就业协议书', A4[0] / 2, y, { size: 22, font: 'serifB', cs: 2 }) + 26;
  const party = (label: string, rows: [string, string][]) => {
    y = text(doc, label, X, y, { size: 12, font: 'serifB' }) + 4;
    for (const [k, v] of rows) y = text(doc, `${k}：${v}`, X + 24, y, { size: 11, width: Wd - 24, lineGap: 3 }) + 3;
    y += 8;
  };
  party('甲方（培训机构）：', [['名称', SCHOOL.name], ['法定代表人', SCHOOL.legal], ['地址', SCHOOL.address], ['联系电话', SCHOOL.phone]]);
  party('乙方（用人单位）：', [['名称', p.name], ['法定代表人（负责人）', p.legal], ['统一社会信用代码', p.uscc], ['地址', p.address], ['联系人及电话', `${p.contact}  ${p.phone}`]]);
  y = para(doc, `为贯彻落实就业优先政策和兴安盟职业技能培训品牌建设要求，发挥甲方培训资源优势和乙方用工岗位优势，促进培训与就业有效衔接，经双方平等协商，就${TRADE}培训学员就业合作事宜达成如下协议：`, X, y, Wd, { size: 11 });
  const clauses = agreementClauses(p, t, i);
  const bottom = A4[1] - 80;
  for (const c of clauses) {
    const h = heightOf(doc, c, Wd, { size: 11, lineGap: 5 });
    if (y + h > bottom) {
      doc.addPage();
      y = 72;
    }
    y = para(doc, c, X, y, Wd, { size: 11 });
  }
  if (y + 190 > bottom) {
    doc.addPage();
    y = 90;
  }
  y += 16;
  text(doc, '（以下无正文）', X, y, { size: 10.5, color: '#444444' });
  y += 40;
  text(doc, '甲方（盖章）：', X, y, { size: 12 });
  text(doc, '乙方（盖章）：', 320, y, { size: 12 });
  text(doc, '法定代表人（签字）：', X, y + 62, { size: 11 });
  text(doc, '法定代表人（签字）：', 320, y + 62, { size: 11 });
  text(doc, SCHOOL.legal, X + 112, y + 58, { size: 15, font: 'sans', color: '#1c2f6b', oblique: 12 });
  text(doc, p.legal, 432, y + 58, { size: 15, font: 'sans', color: '#1c2f6b', oblique: 12 });
  text(doc, zhDate(ay, am, ad), X + 20, y + 100, { size: 11 });
  text(doc, zhDate(ay, am, ad), 340, y + 100, { size: 11 });
  seal(doc, X + 90, y + 26, 56, SCHOOL.name, -12 + rng.next() * 10);
  seal(doc, 400, y + 30, 56, p.name, -4 + rng.next() * 12, p.type === '个人独资企业' ? '' : '合同专用章');
  if (i === 0 || i === 3) {
    doc.addPage();
    y = 72;
    y = text(doc, '附件', X, y, { size: 12, font: 'serifB' }) + 10;
    y = center(doc, `${YEAR}年度订单培训岗位需求表`, A4[0] / 2, y, { size: 16, font: 'serifB' }) + 18;
    const posts = p.posts.split('、');
    const split = posts.map((_, j) => Math.floor(TARGET.orderByPartner[i]! / posts.length) + (j < TARGET.orderByPartner[i]! % posts.length ? 1 : 0));
    y = table(doc, X, y, [36, 96, 56, 118, Wd - 306], [
      ['序号', '岗位', '需求人数', '技能要求', '薪酬待遇'],
      ...posts.map((post, j) => [String(j + 1), post, String(split[j]), `${TRADE}五级及以上，结业考核合格`, '试用期3000元/月，转正3500—5000元/月，缴纳五险']),
      [{ text: '合计', span: 2, align: 'center', bold: true }, String(TARGET.orderByPartner[i]), { text: '', span: 2 }],
    ], { size: 10, headerRows: 1, headerFill: '#ececec', align: ['center', 'left', 'center', 'left', 'left'], minH: 30 }) + 20;
    y = para(doc, `乙方可根据经营情况在每期开班前调整岗位和人数，调整情况以书面形式告知甲方。订单班学员结业考核合格后，由乙方安排岗前跟岗实训并签订劳动合同。`, X, y, Wd, { size: 11 });
    text(doc, '乙方（盖章）', 330, y + 30, { size: 12 });
    text(doc, zhDate(ay, am, ad), 330, y + 58, { size: 11 });
    seal(doc, 420, y + 36, 56, p.name, 6 + rng.next() * 8, p.type === '个人独资企业' ? '' : '合同专用章');
  }
  pageNumbers(doc, A4[1] - 40);
  await savePdf(doc, file, [2, 3]);
}

async function makeParticulars(p: Partner, i: number, t: Totals, file: string): Promise<void> {
  const rng = new Rng(500 + i);
  await scan(file, `${p.name}基本情况`, A4, (doc) => {
    scanPaper(doc, rng);
    tilted(doc, rng, () => {
      const X = 66;
      const Wd = A4[0] - 132;
      let y = 70;
      y = center(doc, '合作企业基本情况', A4[0] / 2, y, { size: 20, font: 'serifB', cs: 2 }) + 22;
      const hires = t.byPartner[i]!;
      const orders = t.orderByPartner[i]!;
      y = table(doc, X, y, [96, Wd / 2 - 96, 86, Wd / 2 - 86], [
        ['企业名称', { text: p.name, span: 3 }],
        ['统一社会信用代码', p.uscc, '法定代表人', p.legal],
        ['企业类型', p.type, '成立日期', zhDate(...p.founded)],
        ['注册资本', p.capital, '职工人数', `${p.staff}人`],
        ['注册地址', { text: p.address, span: 3 }],
        ['经营范围', { text: p.scope, span: 3 }],
        ['厨师岗位人数', `${p.cooks}人`, '年需求人数', `${p.quota}人以上`],
        ['主要用工岗位', { text: p.posts, span: 3 }],
        ['与培训学校合作情况', { text: `${zhDate(...p.agreement)}与${SCHOOL.name}签订校企合作就业协议，协议期三年。${YEAR}年接收该校${TRADE}培训合格学员${hires}人就业，其中订单定向培训学员${orders}人，均已签订劳动合同并缴纳社会保险。本企业选派技术骨干担任该校兼职实训指导教师。`, span: 3 }],
        ['联系人', `${p.contact}（${p.contactTitle}）`, '联系电话', p.phone],
      ], { size: 10.5, minH: 30, pad: 6, lineGap: 3 });
      y += 24;
      y = para(doc, '本企业承诺：以上情况真实、准确，如有不实，愿承担相应责任。', X, y, Wd, { size: 11 });
      text(doc, `${p.name}（盖章）`, 300, y + 40, { size: 12, width: 230 });
      text(doc, cnDate(2026, 9, 15 + i), 340, y + 96, { size: 12 });
      seal(doc, 400, y + 62, 56, p.name, -10 + rng.next() * 20);
    });
  });
}

async function makeContract(r: Row, p: Partner, n: number, file: string): Promise<void> {
  const rng = new Rng(600 + n);
  const end = CLASSES[r.cls]!.end;
  const start = new Date(Date.UTC(end[0], end[1] - 1, end[2] + 8 + n));
  const [sy, sm, sd] = [start.getUTCFullYear(), start.getUTCMonth() + 1, start.getUTCDate()];
  const endDay = new Date(Date.UTC(sy + 2, sm - 1, sd - 1));
  await scan(file, `劳动合同书（${p.short}）`, A4, (doc) => {
    scanPaper(doc, rng);
    tilted(doc, rng, () => {
      const X = 64;
      const Wd = A4[0] - 128;
      right(doc, `合同编号：${p.short === '蒙味源' ? 'MWY' : p.short === '草原人家' ? 'CYRJ' : p.short === '天骄农牧' ? 'TJNM' : 'AESL'}-LD-${sy}${pad2(sm)}-${String(17 + n * 11).padStart(3, '0')}`, A4[0] - X, 44, { size: 9.5, color: '#333333' });
      let y = center(doc, '劳 动 合 同 书', A4[0] / 2, 66, { size: 22, font: 'serifB' }) + 16;
      y = table(doc, X, y, [82, Wd / 2 - 82, 66, Wd / 2 - 66], [
        [{ text: '甲方（用人单位）', span: 4, bold: true, fill: '#f0efe9' }],
        ['名称', { text: p.name, span: 3 }],
        ['法定代表人', p.legal, '联系电话', p.phone],
        ['地址', { text: p.address, span: 3 }],
        [{ text: '乙方（劳动者）', span: 4, bold: true, fill: '#f0efe9' }],
        ['姓名', r.name, '性别', r.sex],
        ['民族', r.nation === '蒙古' ? '蒙古族' : r.nation, '联系电话', r.phone],
        ['身份证号码', { text: r.id, span: 3 }],
        ['住址', { text: r.address, span: 3 }],
      ], { size: 10, minH: 22 }) + 12;
      const items = [
        `一、合同期限：固定期限，自${zhDate(sy, sm, sd)}起至${zhDate(endDay.getUTCFullYear(), endDay.getUTCMonth() + 1, endDay.getUTCDate())}止，其中试用期1个月。`,
        `二、工作内容和地点：乙方在甲方${p.posts.split('、')[n % 2]}岗位从事${TRADE}工作，工作地点为${p.city}甲方经营场所。`,
        '三、工作时间和休息休假：执行标准工时制度，每日工作不超过8小时，每周至少休息1日；依法享受法定节假日、年休假等假期。',
        '四、劳动报酬：试用期工资3000元/月，试用期满后月工资不低于3600元，另按甲方制度发放绩效奖金；甲方于每月15日前以货币形式足额支付上月工资。',
        '五、社会保险和福利：甲方依法为乙方缴纳基本养老、医疗、失业、工伤、生育保险，提供工作餐和集体宿舍。',
        '六、劳动保护：甲方为乙方提供符合国家规定的劳动安全卫生条件和必要的劳动防护用品，组织健康检查，乙方应持健康证明上岗。',
        '七、合同的变更、解除和终止，以及双方其他权利义务，按照《中华人民共和国劳动合同法》及有关规定执行。本合同一式两份，双方各执一份。',
      ];
      for (const s of items) y = text(doc, s, X, y, { size: 10.5, width: Wd, lineGap: 4 }) + 5;
      y += 22;
      text(doc, '甲方（盖章）：', X, y, { size: 11.5 });
      text(doc, '乙方（签字）：', 330, y, { size: 11.5 });
      text(doc, r.name, 410, y - 6, { size: 17, font: 'sans', color: '#1c2f6b', oblique: 14 });
      const signed = doc.widthOfString(r.name);
      text(doc, '法定代表人或委托代理人（签字）：', X, y + 50, { size: 10.5 });
      text(doc, p.contact, X + 170, y + 45, { size: 15, font: 'sans', color: '#1c2f6b', oblique: 12 });
      text(doc, zhDate(sy, sm, sd), X + 30, y + 86, { size: 11 });
      text(doc, zhDate(sy, sm, sd), 350, y + 86, { size: 11 });
      // A thumbprint-red smudge over the worker's signature, as many contracts have.
      doc.save().fillOpacity(0.55).ellipse(Math.min(410 + signed + 16, A4[0] - 40), y + 4, 10, 13).fill('#c43a3a').restore();
      seal(doc, X + 92, y + 18, 56, p.name, -8 + rng.next() * 16, p.type === '个人独资企业' ? '' : '合同专用章');
    });
  });
}

async function makeAward(file: string): Promise<void> {
  const rng = new Rng(701);
  await scan(file, '荣誉证书', LANDSCAPE, (doc) => {
    scanPaper(doc, rng);
    tilted(doc, rng, () => {
      const [W, H] = LANDSCAPE;
      doc.save().rect(40, 40, W - 80, H - 80).fill('#fffdf6').restore();
      doc.lineWidth(6).strokeColor('#b3262b').rect(52, 52, W - 104, H - 104).stroke();
      doc.lineWidth(1.5).strokeColor('#c9a646').rect(64, 64, W - 128, H - 128).stroke();
      center(doc, '荣 誉 证 书', W / 2, 110, { size: 40, font: 'serifB', color: '#b3262b', cs: 6 });
      text(doc, `${SCHOOL.name}：`, 130, 210, { size: 20, font: 'serifB' });
      text(doc, `\u3000\u3000在${YEAR - 1}年度全盟职业技能培训工作中成绩突出，被评为“${YEAR - 1}年度兴安盟职业技能培训先进单位”。`, 130, 258, { size: 20, width: W - 260, lineGap: 14 });
      text(doc, '\u3000\u3000特发此证，以资鼓励。', 130, 350, { size: 20 });
      text(doc, '兴安盟人力资源和社会保障局', W - 420, 432, { size: 18 });
      text(doc, cnDate(YEAR, 1), W - 360, 470, { size: 18 });
      seal(doc, W - 290, 440, 60, '兴安盟人力资源和社会保障局', -6 + rng.next() * 10);
      text(doc, '证书编号：兴人社〔2025〕先字第017号', 130, H - 118, { size: 11, color: '#555555' });
    });
  });
}

async function makeTrainingCertificate(r: Row, file: string): Promise<void> {
  const rng = new Rng(702);
  const cls = CLASSES[r.cls]!;
  await scan(file, '职业技能培训合格证书', LANDSCAPE, (doc) => {
    scanPaper(doc, rng);
    tilted(doc, rng, () => {
      const [W, H] = LANDSCAPE;
      doc.save().rect(50, 50, W - 100, H - 100).fill('#fbfcf7').restore();
      doc.lineWidth(3).strokeColor('#2e6b45').rect(62, 62, W - 124, H - 124).stroke();
      doc.lineWidth(0.8).rect(70, 70, W - 140, H - 140).stroke();
      center(doc, '职业技能培训合格证书', W / 2, 100, { size: 30, font: 'serifB', color: '#2e6b45', cs: 3 });
      // Photo.
      doc.save().rect(120, 170, 100, 136).fill('#dfe6ee').restore();
      doc.save().fillColor('#9fb0c2').circle(170, 222, 24).fill().ellipse(170, 300, 42, 36).fill().restore();
      doc.save().rect(120, 296, 100, 10).fill('#dfe6ee').restore();
      doc.lineWidth(0.6).strokeColor('#888888').rect(120, 170, 100, 136).stroke();
      seal(doc, 214, 300, 38, SCHOOL.name, 18, '', 0.7);
      const x = 270;
      let y = 172;
      const line = (k: string, v: string) => {
        text(doc, `${k}：`, x, y, { size: 14, font: 'serifB' });
        text(doc, v, x + 86, y, { size: 14, width: W - x - 86 - 110 });
        y += 32;
      };
      line('姓    名', r.name);
      line('性    别', r.sex);
      line('身份证号', r.id);
      line('培训工种', `${TRADE}（五级/初级工）`);
      line('培训时间', `${zhDate(...cls.start)}至${zhDate(...cls.end)}`);
      line('培训学时', '160学时');
      line('考核结果', '合格');
      text(doc, `证书编号：TJ${YEAR}${pad2(r.cls + 1)}${String(r.seq).padStart(3, '0')}`, 120, H - 130, { size: 11, color: '#444444' });
      text(doc, `${SCHOOL.name}`, W - 400, H - 160, { size: 14 });
      text(doc, cnDate(...cls.end), W - 330, H - 130, { size: 14 });
      seal(doc, W - 270, H - 150, 56, SCHOOL.name, 4 + rng.next() * 8);
    });
  });
}

async function makeCompetitionAward(r: Row, file: string): Promise<void> {
  const rng = new Rng(703);
  await scan(file, '获奖证书', LANDSCAPE, (doc) => {
    scanPaper(doc, rng);
    tilted(doc, rng, () => {
      const [W, H] = LANDSCAPE;
      doc.save().rect(44, 44, W - 88, H - 88).fill('#fffaf0').restore();
      doc.lineWidth(4).strokeColor('#c9a646').rect(56, 56, W - 112, H - 112).stroke();
      doc.lineWidth(1).strokeColor('#b3262b').rect(66, 66, W - 132, H - 132).stroke();
      center(doc, '获 奖 证 书', W / 2, 112, { size: 38, font: 'serifB', color: '#b3262b', cs: 6 });
      text(doc, `${r.name}（${SCHOOL.name}选送）：`, 130, 210, { size: 19, font: 'serifB' });
      text(doc, `\u3000\u3000在${YEAR}年兴安盟职业技能大赛${TRADE}项目比赛中，表现优异，荣获个人赛三等奖。`, 130, 258, { size: 19, width: W - 260, lineGap: 14 });
      text(doc, '\u3000\u3000特发此证。', 130, 340, { size: 19 });
      text(doc, '兴安盟职业技能大赛组织委员会', W - 430, 430, { size: 17 });
      text(doc, cnDate(YEAR, 9, 26), W - 372, 466, { size: 17 });
      seal(doc, W - 300, 438, 60, '兴安盟职业技能大赛组织委员会', 6 + rng.next() * 8);
      text(doc, `证书编号：XAJS-${YEAR}-ZS-0312`, 130, H - 118, { size: 11, color: '#555555' });
    });
  });
}

// ───────────────────────────────────────────────────────────────────────────────────────
// submission.yaml
// ───────────────────────────────────────────────────────────────────────────────────────

const block = (s: string, indent: number) => `|\n${s.trim().split('\n').map((l) => (l === '' ? '' : ' '.repeat(indent) + l)).join('\n')}`;
const q = (s: string) => JSON.stringify(s);

function narrative(t: Totals) {
  const g = t.byKeyGroup;
  const hires = t.byPartner.reduce((a, b) => a + b, 0);
  const agro = t.byPartner[3]!;
  const hotels = t.byPartner[1]! + t.byPartner[2]! + t.byPartner[3]!;
  return {
    institution: {
      management: `学校建立了教学组织、学员考核、培训经费和后勤保障四项管理制度，实行校长负责、教务主管、班主任具体落实的三级管理。每期培训制定教学计划和课程表，每日两次签到；结业考核由理论笔试和实操考核组成，合作企业厨师长参与评分；培训补贴资金专账核算。学员结业后第1、3、6个月分别电话回访，跟踪就业稳定情况，回访结果作为修订课程的依据。`,
      teachers: `学校现有专兼职教师14名，其中烹饪专业教师9名，高级技师3名、技师4名，均有5年以上教学或后厨工作经历，专职教师全部签订3年以上聘用合同，队伍稳定。学校每年安排专职教师到合作企业跟岗实践不少于1个月，组织参加盟、旗两级师资培训和职业技能大赛；另聘请合作企业行政总厨、厨师长担任兼职实训指导教师，把企业新菜品和操作规范带进课堂。`,
      facilities: `学校校舍建筑面积2860平方米，设中式烹调实训室2个共580平方米、工位44个，面点实训室1个180平方米、工位20个，另有多媒体理论教室3间和示教厨房1个。实训室配备双头炒灶、蒸柜、蒸烤箱、冷藏冷冻设备和油烟净化系统，示教台配有摄像投屏设备，消防设施通过验收，可同时容纳两个班开展实操教学，满足年培训300人以上的需要。`,
      cooperation: `学校与${PARTNERS.map((p) => p.name).join('、')}四家企业签订了长期就业协议，采取“企业提需求、学校定课程、共同考核、定向输送”的订单培养模式。${YEAR}年开展订单定向培训${t.order}人，四家企业共接收培训合格学员${hires}人就业，均签订劳动合同；企业每期派厨师长到校指导实操教学并参与结业考核。`,
      realName: `学校严格落实就业技能培训信息实名制管理要求，学员报名时核验身份证件并录入就业培训信息系统，开班、教学、结业考核全过程留存签到表、教学日志、现场照片和考核试卷。培训时间、课时和内容均按备案的培训计划执行，培训补贴每人每年只申领一次，未出现虚报学员、缩减课时或冒领补贴等问题，历年接受人社部门检查均未发现问题。`,
    },
    keyFields: {
      keyIndustry: `中式烹调师是自治区重点产业职业培训需求目录中生活性服务业的紧缺工种，也是兴安盟文旅餐饮业用工需求最集中的岗位之一。学校${YEAR}年开展中式烹调师培训8期${t.trained}人，合格率92.5%，培训后就业${t.employed}人，就业率75%，学员主要进入盟内宾馆酒店、餐饮企业和农畜产品加工企业，缓解了本地餐饮行业厨师短缺问题。`,
      newOccupation: `中式烹调师不属于新职业。学校围绕餐饮业新业态调整教学内容，${YEAR}年在课程中增设预制菜制作、中央厨房标准化生产和外卖餐品包装等内容，并与兴安盟天骄农牧产品加工有限公司合作开展预制菜生产线岗位实训，共有${agro}名学员进入该企业预制菜和配送岗位就业，为今后开发新业态培训项目积累了经验。`,
      digital: `本品牌工种不属于数字技能类培训，本项不作申报。学校在教学中推广使用数字化手段：理论课采用多媒体课件和示教投屏，学员签到和考勤通过培训管理系统完成；另开设餐饮门店线上经营、短视频推介家乡菜的专题讲座，帮助有创业意向的学员掌握基本的网络营销技能。`,
      keyRegion: `本品牌工种未列入重点地区鼓励类产业目录，本项不作申报。培训内容紧扣兴安盟蒙餐特色餐饮和农畜产品加工产业链，学员就业单位多为乌兰浩特、阿尔山等地的旅游接待宾馆酒店和本地肉类加工企业，为当地文旅产业和农畜产品加工业提供了稳定的厨师来源。`,
      ruralRevitalisation: `学校把脱贫劳动力和农村牧区低收入劳动力作为重点招生对象，${YEAR}年培训脱贫劳动力${g['脱贫劳动力']}人、农村牧区低收入劳动力${g['农村牧区低收入劳动力']}人、农牧民工${g['农牧民工']}人。每年组织送教下乡，在索伦镇、乌兰毛都苏木等地开设教学点，学员结业后既可进城务工，也可在嘎查村开办农家乐、承办宴席，实现家门口增收，助力巩固拓展脱贫攻坚成果。`,
    },
    brandFit: {
      regionalEconomy: `兴安盟着力发展文化旅游和绿色农畜产品生产加工，科尔沁右翼前旗正在打造肉牛、肉羊全产业链。学校围绕这一布局，把牛羊肉菜品制作和农畜产品深加工作为教学重点，为旅游接待酒店和肉类加工企业培养后厨人才，${YEAR}年有${hotels}名学员进入合作的酒店、宾馆和加工企业就业。`,
      specialtyIndustry: `蒙餐是兴安盟最具辨识度的特色餐饮。学校将手把肉、烤羊排、蒙古族奶茶奶食等蒙餐菜品列为必修模块，由熟悉传统工艺的蒙古族教师包金花主讲，统一原料选用、刀工和火候标准，推动蒙餐制作规范化，为本地蒙餐馆、牧家乐和旅游景区餐饮培养了一批能做正宗蒙餐的厨师。`,
      employerDemand: `学校每期开班前走访合作企业，了解岗位数量和技能要求，据此确定订单班人数和课程重点；企业厨师长参与教学计划制定和结业考核，合格学员直接进入企业跟岗试岗。${YEAR}年订单定向培训${t.order}人，占培训总数的45%，四家合作企业全年共吸纳学员${hires}人，实现了培训内容与企业岗位的有效对接。`,
      labourMarket: `从兴安盟公共就业服务机构发布的岗位信息看，中式烹调师长期位居全盟住宿餐饮业招聘需求前列，旅游旺季厨师缺口尤为明显。学校按市场需求安排培训规模和开班时间，在旺季到来前集中开班，结业学员通过校园招聘会和人力资源市场推荐就业，${YEAR}年培训后就业率达到75%。`,
      traineeInterest: `学校招生时开展职业兴趣和就业意向摸底，对想进城务工的学员侧重酒店后厨岗位技能，对准备回乡创业的学员增加农家乐经营、宴席策划和成本核算内容；实训菜品尽量选用学员家乡常见食材，学员学习积极性高，${YEAR}年培训出勤率达到97%，考核合格率92.5%。`,
      ruralRevitalisation: `学校把培训课堂延伸到苏木乡镇和嘎查村，学员大多来自农村牧区。通过培训，不少学员在嘎查村承办宴席、开办农家乐和牧家乐，带动家庭增收；部分学员进入兴安盟天骄农牧产品加工有限公司从事牛羊肉预制菜生产，把本地农畜产品变成餐桌上的商品，助力乡村特色产业发展。`,
    },
    demonstration: `${YEAR}年品牌培训就业重点群体${t.keyGroup}人，占培训总数的65%，其中享受职业技能培训补贴的${t.keyGroupSubsidised}人；培训后就业${t.employed}人，就业率75%。学校以蒙餐特色厨师培养为抓手，学员分布在科尔沁右翼前旗、乌兰浩特市和阿尔山市的宾馆饭店，“${SCHOOL.brand}”在盟内餐饮行业已有一定知名度；周边旗县培训机构多次来校交流订单培训做法，品牌在巩固拓展脱贫攻坚成果和发展乡村特色餐饮方面发挥了示范带动作用。`,
    integrity: `学校依法办学、诚信经营。经信用中国（内蒙古兴安盟）和中国裁判文书网查询，学校及法定代表人无失信记录、无行政处罚和涉诉裁判文书，已按要求签署信用承诺书。近三年接受人社、财政部门培训补贴资金专项检查和审计，均未发现违规问题，无督察、巡视、审计发现问题需要整改的情况。`,
  };
}

function brief(t: Totals): string {
  const g = t.byKeyGroup;
  const partnersHired = t.byPartner.reduce((a, b) => a + b, 0);
  const others = t.employedWithEmployer - partnersHired;
  return `
一、机构概况
${SCHOOL.name}成立于2012年4月，是经科尔沁右翼前旗人力资源和社会保障局批准设立、在旗民政局登记的民办职业技能培训机构，办学许可证编号${SCHOOL.licence}。学校位于科尔沁镇天骄大街西段，校舍建筑面积2860平方米，设有中式烹调实训室2个、面点实训室1个、多媒体理论教室3间，实训工位64个。学校常年开设中式烹调师、中式面点师、育婴员、家政服务员等培训项目，是旗人社局确定的就业技能培训定点机构。中式烹调师是学校的主打工种，2023年以“${SCHOOL.brand}”为名被认定为科尔沁右翼前旗级职业技能培训品牌。

二、师资队伍
学校现有专兼职教师14名，其中烹饪专业教师9名，具有高级技师资格的3名、技师4名。学科带头人韩立新从厨三十余年，擅长蒙餐和东北菜；蒙古族教师包金花长期钻研蒙古族传统奶食和手把肉制作工艺；刘振海主攻刀工和冷菜；孙丽娟负责理论教学和食品安全课程。学校另聘请合作企业行政总厨、厨师长担任兼职实训指导教师，形成“专职教师讲理论、企业名厨带实操”的教学团队。学校每年安排专职教师到合作企业后厨跟岗实践不少于1个月，近三年有2名教师晋升为高级技师。

三、培训成果
${YEAR}年学校共开办中式烹调师培训班8期，培训学员${t.trained}人，考核合格${t.passed}人，合格率92.5%；培训后就业${t.employed}人，就业率75%；订单定向式培训${t.order}人，占培训总数的45%。培训就业重点群体${t.keyGroup}人，其中享受职业技能培训补贴的${t.keyGroupSubsidised}人；按类别分，农牧民工${g['农牧民工']}人、脱贫劳动力${g['脱贫劳动力']}人、农村牧区低收入劳动力${g['农村牧区低收入劳动力']}人、失业人员${g['失业人员']}人、高校毕业生${g['高校毕业生']}人、退役军人${g['退役军人']}人、残疾人${g['残疾人']}人。学员结业半年后在岗率达到86%，用人单位满意度调查满意率在95%以上。建校以来累计培训中式烹调学员3100余人次。

四、品牌特点
一是课程有特色。在国家职业技能标准规定内容之外，开设手把肉、烤羊排、蒙古族奶茶奶食等蒙餐特色模块，学员结业即能上灶。二是培养有方向。与合作企业按岗位需求共同制定订单班教学计划，企业厨师长参与实操考核，学员毕业即上岗。三是服务到基层。每年组织送教下乡，把课堂开到苏木乡镇和嘎查村，方便农牧民就近参训。四是考核有标准。结业考核由理论笔试和实操考核两部分组成，实操考核邀请企业厨师长共同评分，用企业的标准检验培训质量。

五、带动就业规模
${YEAR}年培训后就业的${t.employed}人中，在四家合作企业签订劳动合同就业${partnersHired}人，在其他宾馆饭店和单位食堂就业${others}人，灵活就业、自主开办小吃店${t.flexible}人，在合作企业就业的学员月工资普遍在3600元至5000元之间。据学校回访统计，往届学员自主创业开办的餐饮门店和农家乐有40余家，间接带动周边群众就业200余人。

六、表彰奖励
学校被兴安盟人力资源和社会保障局评为${YEAR - 1}年度兴安盟职业技能培训先进单位；“${SCHOOL.brand}”2023年被认定为科尔沁右翼前旗级职业技能培训品牌；学员在${YEAR}年兴安盟职业技能大赛中式烹调师项目中获得三等奖。

七、品牌保护措施
学校已就“${SCHOOL.brand}”文字及图形标识提交商标注册申请，统一使用品牌标识、教学大纲、实训教材和考核标准；严格执行就业技能培训实名制管理，学员信息、签到记录、考核成绩和就业去向全部建档留存；对合作企业和兼职教师实行年度评价，不以品牌名义开展转包、挂靠培训；结业证书统一编号，可通过学校公众号查询核验，防止他人冒用品牌名义，维护品牌信誉。

八、发展规划
2026年至2028年，学校计划新建蒙餐预制菜与中央厨房实训室1个，开发“蒙餐标准化制作”培训课程包，年培训中式烹调学员稳定在300人以上、就业率保持在75%以上；新增合作企业2家以上，向阿尔山旅游餐饮市场拓展就业渠道；持续提升品牌影响力，同时完善学员回访和就业服务，为结业学员提供持续的岗位推荐和技能提升服务，力争三年内创建自治区级职业技能培训品牌。
`;
}

const SELF_SCORE: [string, string, number, number][] = [
  ['1.1', '管理机制', 2, 2],
  ['1.2', '师资队伍', 3, 3],
  ['1.3', '稳定场所', 2, 2],
  ['1.4', '教学设施', 4, 3.5],
  ['1.5', '就业技能培训信息实名制管理', 3, 3],
  ['4.1', '是否属于重点产业职业培训需求目录及相关实施培训效果', 6, 5.5],
  ['4.2', '是否属于新职业工种及相关实施培训效果', 6, 0],
  ['4.3', '是否属于数字技能培训及相关实施培训效果', 6, 0],
  ['4.4', '是否属于重点地区鼓励类产业目录相关职业工种及相关实施培训效果', 6, 0],
  ['4.5', '是否属于聚焦巩固脱贫攻坚助力乡村振兴相关职业工种及实施培训效果', 6, 5.5],
  ['5.2', '强化师资队伍建设有效措施', 2, 2],
  ['5.3', '培训绩效评估', 6, 5],
  ['5.4', '后续跟踪服务能力建设（学员满意度调查、学员回访服务、组织学员积极参与求职活动等情况）', 5, 4.5],
];

const PROMPTS: Record<string, [string, string][]> = {
  institution: [
    ['management', '组织管理机制（教学组织管理、学员考核管理、培训经费管理、后勤保障管理）及培训效果跟踪反馈等制度建设情况'],
    ['teachers', '师资队伍建设（具备政治素质过硬、业务素质强、具有丰富教学和实践经验的、相对稳定的师资队伍建设情况）'],
    ['facilities', '场所和教学设施（满足培训相应需求的场所和教学设施情况）'],
    ['cooperation', '校企合作成效（建立校企合作模式及签订合作协议情况、校企合作促就业情况）'],
    ['realName', '在全面落实就业技能培训信息实名制管理要求，按照国家、自治区对就业技能培训的相关规定规范培训行为情况'],
  ],
  keyFields: [
    ['keyIndustry', '重点产业职业培训需求目录职业（工种）实施培训及效果情况'],
    ['newOccupation', '新业态、新职业（工种）实施培训及效果情况'],
    ['digital', '数字技能类培训实施培训及效果情况'],
    ['keyRegion', '重点地区鼓励类产业目录职业（工种）实施培训及效果情况'],
    ['ruralRevitalisation', '聚焦巩固脱贫攻坚助力乡村振兴职业（工种）实施培训及效果情况'],
  ],
  brandFit: [
    ['regionalEconomy', '品牌培训与地区经济发展项目紧密结合情况'],
    ['specialtyIndustry', '品牌培训与打造区域特色产业紧密结合情况'],
    ['employerDemand', '品牌培训与企业用人需求紧密结合情况'],
    ['labourMarket', '品牌培训与人力资源市场用工需求紧密结合情况'],
    ['traineeInterest', '品牌培训与培训学员的职业兴趣紧密结合情况'],
    ['ruralRevitalisation', '品牌培训与乡村振兴紧密结合情况'],
  ],
};
const SECTION_TITLES: Record<string, string> = { institution: '培训机构基本情况', keyFields: '重点领域关联度', brandFit: '推荐培训品牌工种（专业）情况' };

function submissionYaml(t: Totals): string {
  const nar = narrative(t);
  const all: string[] = [...Object.values(nar.institution), ...Object.values(nar.keyFields), ...Object.values(nar.brandFit), nar.demonstration, nar.integrity];
  for (const s of all) {
    const n = countChars(s);
    assert(n >= 80 && n <= 250, `narrative of ${n} 字: ${s.slice(0, 20)}…`);
  }
  const b = brief(t);
  const bn = countChars(b);
  assert(bn >= 1300 && bn <= 1800, `brief has ${bn} 字`);
  const total = 30 + 3 + 5 + SELF_SCORE.reduce((a, s) => a + s[3], 0);
  assert(total >= 70, `self-score total ${total}`);
  for (const [id, , max, v] of SELF_SCORE) assert(v <= max, `self-score ${id}`);

  const sections = (['institution', 'keyFields', 'brandFit'] as const)
    .map((sec) => {
      const texts = nar[sec] as Record<string, string>;
      return `  # ${SECTION_TITLES[sec]}\n  ${sec}:\n${PROMPTS[sec]!.map(([k, p], i) => `    # ${i + 1}. ${p}\n    ${k}: ${block(texts[k]!, 6)}`).join('\n')}`;
    })
    .join('\n');
  const partners = PARTNERS.map(
    (p, i) => `  # 合作企业名称
  - name: ${p.name}
    # 企业联系人（可不填）
    contact: ${p.contact}
    # 企业联系电话（可不填）
    phone: ${q(p.phone)}
    # 就业协议扫描件（PDF 或 JPEG/PNG）
    agreement: 材料/合作企业/企业${i + 1}-就业协议.pdf
    # 协议签订日期
    agreementDate: ${q(isoDate(...p.agreement))}
    # 加盖企业印章的企业基本情况
    particulars: 材料/合作企业/企业${i + 1}-基本情况.jpg`,
  ).join('\n');

  return `# ─────────────────────────────────────────────────────────────────────────────
# 兴安盟职业技能培训品牌认定评估（2023） · 认定申报
# 示例申报数据：一个虚构的盟级品牌认定申报。本文件夹由 scripts/make-example.ts 生成，
# 其中的机构、企业、人员、身份证号码和电话号码全部是虚构的。检查：
#     shenbao check data/example
#
# 填写说明：
#   · 井号 # 后面是说明，不影响内容；冒号后面要有一个空格；缩进只能用空格。
#   · 日期写成 2025-10-15 或 2025年10月15日；百分数写成 91.7 或 "91.7%"。
#   · 文件路径相对于本文件夹，可以写一个文件，也可以写一个文件夹（表示其中全部文件）。
# ─────────────────────────────────────────────────────────────────────────────

# 申报类型：application 认定申报 / review 复评（也可写“认定”“复评”）
kind: application
# 申报级别：county 旗县市级 / league 盟级 / region 自治区级
level: league
# 申请日期（申请表、推荐表的“填写时间”）
filingDate: "2026-10-12"
# 绩效年度，即“上年度”；不写则取申请日期的上一年
year: ${YEAR}

# 所在旗县市
county:
  # 旗县市名称：乌兰浩特市、阿尔山市、科尔沁右翼前旗、科尔沁右翼中旗、扎赉特旗、突泉县
  name: ${COUNTY}
  # 旗县市人口规模：atLeast200k（20万以上）/ below200k（不足20万）；申报旗县市级品牌时必填
  populationBand: atLeast200k

# 培训机构
institution:
  # 培训机构名称（与公章一致）
  name: ${SCHOOL.name}
  # 培训机构成立时间
  founded: ${q(isoDate(...SCHOOL.founded))}
  # 法人代表姓名
  legalRepresentative: ${SCHOOL.legal}
  # 联系方式（推荐表“联系方式”一栏），如 (0482)8238615 或 13912345678
  phone: ${q(SCHOOL.phone)}
  # 联系人（可不填）
  contactPerson: ${SCHOOL.contact}
  # 机构地址（可不填）
  address: ${SCHOOL.address}
  # 办学许可证（法人证书）
  licence:
    # 证书编号
    number: ${q(SCHOOL.licence)}
    # 发证机关（可不填）
    issuer: ${SCHOOL.licenceIssuer}

# 培训品牌
brand:
  # 品牌名称，即申请表的“项目名称”（不填时为“工种＋职业技能培训品牌”）
  name: 天骄蒙味厨师
  # 培训品牌工种（专业）名称，如 中式烹调师
  trade: ${TRADE}
  # 品牌工种（专业）开展培训时间及班期，如 2024年3月至11月，共8期
  period: ${YEAR}年3月至11月，共8期
  # 班期数（期）
  classes: ${CLASSES.length}
  # 是否属于重点产业、紧缺、新职业、数字技能、巩固脱贫攻坚助力乡村振兴技能工种（专业），可多选：
  #   keyIndustry 重点产业 / shortage 紧缺职业 / newOccupation 新职业 / digital 数字技能 /
  #   keyRegion 重点地区鼓励类产业 / ruralRevitalisation 巩固脱贫攻坚助力乡村振兴
  categories: [keyIndustry, shortage, ruralRevitalisation]
  # 就业覆盖地区
  coverage: 科尔沁右翼前旗、乌兰浩特市、阿尔山市
  # 重点扶持（方案三（三）3）：培训规模不大但培训后三个月内就业率达到 70% 以上的可申请放宽条件
  specialSupport:
    # 是否申请重点扶持：true 是 / false 否
    claimed: false
    # 属于哪种情形（可多选）：keyTechnique 重点产业关键技术环节 / recognised 有一定认可度和影响力 /
    #   heritage 非物质文化遗产或显著区域特色 / ruralLeading 乡村振兴区域主导产业 / innovation 创新发展模式或新技术
    grounds: []
    # 申请理由
    reason: ""

# 已获得的品牌认定（办法第五条：盟级品牌原则上从旗县市级品牌中产生）
recognition:
  # 旗县市级品牌认定文件的文号
  number: 科右前人社发〔2024〕17号
  # 认定时间
  date: "2024-06-20"

# 推荐表中填报的上年度品牌工种（专业）绩效。shenbao 会按花名册核对这些数字。
claimed:
  # 培训人数（人）
  trained: ${t.trained}
  # 培训合格率（%）
  passRate: ${(t.passed * 100) / t.trained}
  # 培训后就业人数（人）
  employed: ${t.employed}
  # 培训后就业率（%）
  employmentRate: ${(t.employed * 100) / t.trained}
  # 就业重点群体培训规模（人）；盟级、自治区级只计享受职业培训补贴的
  keyGroup: ${t.keyGroupSubsidised}
  # 订单定向式培训占总培训规模比例（%）
  orderShare: ${(t.order * 100) / t.trained}

# 推荐表的叙述部分。多行文字在冒号后写 | ，然后换行缩进书写。
narrative:
${sections}
  # 示范带动作用
  # 就业重点群体培训规模和就业效果，区域和周边地区的影响力及就业技能培训品牌培育情况，拓展脱贫攻坚成果情况、属于重点产业关键技术环节的职业、在行业和职业中的认可度和影响力、非物质文化遗产或具有显著区域特色、乡村振兴区域主导产业的职业、创新发展模式或实践新技术职业等情况。
  demonstration: ${block(nar.demonstration, 4)}
  # 诚信记录
  # 存在失信记录及提供信用承诺书情况；督察、巡视、审计发现问题及整改情况
  integrity: ${block(nar.integrity, 4)}

# 合作企业：至少 3 家签订就业协议的企业（方案三（五））
partners:
${partners}

# 培训机构及品牌简介（2000 字以内）：可以直接写在这里，也可以写成 file: 简介.txt
brief: ${block(b, 2)}

# 附件：把扫描件放进对应的文件夹即可（PDF、JPEG 或 PNG）。
attachments:
  # 办学许可证（法人证书）复印件
  licence: [材料/03-办学许可证/]
  # 场地设备建设说明
  facilities: [材料/03-场地设备/]
  # 专业师资队伍建设和专业培训课时及标准化说明
  teachers: [材料/03-师资与课时/]
  # 企业/机构信用报告
  creditReport: [材料/04-信用报告/]
  # 中国裁判文书网截图
  courtRecords: [材料/05-裁判文书网截图/]
  # 培训后就业证明材料（对口就业合同、协议、订单协议等）
  employmentProofs: [材料/08-就业证明/]
  # 培训品牌成果证明材料（表彰奖励、职业资格或培训证书）
  achievements: [材料/09-成果证明/]

# 花名册：Excel 工作簿（.xlsx）或 CSV；表头用 roster.xlsx 模板的列名
roster: 花名册.xlsx

# 自评分：按 附件1-5《职业技能培训品牌评价指标》给下列指标打分（其余指标由 shenbao 按数据计算）
# 本品牌不属于新职业、数字技能和重点地区鼓励类产业，4.2、4.3、4.4 自评 0 分。
selfScore:
${SELF_SCORE.map(([id, name, max, v]) => `  # ${name}（满分 ${max}）\n  "${id}": ${v}`).join('\n')}
`;
}

/** Parses what was written and compares the claims with the roster. */
function verifySubmission(textYaml: string, t: Totals): void {
  const s = YAML.parse(textYaml) as {
    claimed: Record<string, number>;
    partners: { name: string; agreement: string; particulars: string }[];
    narrative: Record<string, unknown>;
    brief: string;
  };
  const c = s.claimed;
  assert(c.trained === t.trained && c.employed === t.employed && c.keyGroup === t.keyGroupSubsidised, 'claimed counts');
  assert(c.passRate === 92.5 && c.employmentRate === 75 && c.orderShare === 45, 'claimed rates');
  for (const p of s.partners) {
    assert(PARTNERS.some((x) => x.name === p.name), `partner ${p.name}`);
    for (const f of [p.agreement, p.particulars]) assert(statSync(path.join(OUT, f)).size > 0, `missing ${f}`);
  }
  assert(countChars(s.brief) >= 1300, 'brief after parsing');
}

// ───────────────────────────────────────────────────────────────────────────────────────
// Main
// ───────────────────────────────────────────────────────────────────────────────────────

function listFiles(dir: string, base = ''): string[] {
  return readdirSync(path.join(dir, base), { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => (e.isDirectory() ? listFiles(dir, path.join(base, e.name)) : [path.join(base, e.name)]));
}

async function main(): Promise<void> {
  const rows = makeRoster();
  const t = assertRoster(rows);

  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  TMP = mkdtempSync(path.join(os.tmpdir(), 'shenbao-example-'));
  try {
    await writeRoster(rows, path.join(OUT, '花名册.xlsx'));
    const M = (...p: string[]) => path.join(OUT, '材料', ...p);
    await makeLicence(M('03-办学许可证', '办学许可证.pdf'));
    await makeFacilities(M('03-场地设备', '场地设备建设说明.pdf'));
    await makeTeachers(M('03-师资与课时', '师资队伍与课时标准说明.pdf'));
    await makeCreditReport(M('04-信用报告', '机构信用报告.pdf'));
    await makeCourtScreenshot(M('05-裁判文书网截图', '裁判文书网查询截图.png'));

    // Employment proofs: contracts of three order-directed trainees at three partners.
    const plain = (r: Row) => r.order && ![...r.name].some((ch) => (ch.codePointAt(0) ?? 0) > 0xffff) && r.nation !== '蒙古';
    const pickFor = (p: number, pred: (r: Row) => boolean): Row => {
      const at = rows.filter((r) => r.employer === PARTNERS[p]!.name && plain(r));
      const r = at.find(pred) ?? at[0];
      assert(r, `no order-directed trainee at ${PARTNERS[p]!.name}`);
      return r;
    };
    const contracted = [
      pickFor(0, (r) => r.nation === '蒙古族' && !r.name.includes('·')),
      pickFor(1, (r) => r.nation === '汉族'),
      pickFor(3, (r) => r.name.includes('·')),
    ];
    for (const [n, r] of contracted.entries()) {
      const p = PARTNERS.find((x) => x.name === r.employer)!;
      await makeContract(r, p, n, M('08-就业证明', `劳动合同-${pad2(n + 1)}-${p.short}.jpg`));
    }

    // Achievements.
    await makeAward(M('09-成果证明', '01-荣誉证书-2024年度兴安盟职业技能培训先进单位.jpg'));
    const certified = rows.find((r) => r.passed && r.cls === 1 && r.nation === '汉族' && r.name.length === 3 && !r.name.includes('·'))!;
    assert(certified, 'no trainee for the certificate');
    await makeTrainingCertificate(certified, M('09-成果证明', '02-职业技能培训合格证书.jpg'));
    const winner = rows.find((r) => r.passed && r.employer === PARTNERS[1]!.name && r.nation.startsWith('蒙古') && !r.name.includes('·') && r !== contracted[1])!;
    assert(winner, 'no trainee for the competition award');
    await makeCompetitionAward(winner, M('09-成果证明', '03-获奖证书-2025年兴安盟职业技能大赛.jpg'));

    // Partner enterprises.
    for (const [i, p] of PARTNERS.entries()) {
      await makeAgreement(p, i, t, M('合作企业', `企业${i + 1}-就业协议.pdf`));
      await makeParticulars(p, i, t, M('合作企业', `企业${i + 1}-基本情况.jpg`));
    }

    const yamlText = submissionYaml(t);
    writeFileSync(path.join(OUT, 'submission.yaml'), yamlText);
    verifySubmission(yamlText, t);
  } finally {
    rmSync(TMP, { recursive: true, force: true });
  }

  let total = 0;
  for (const f of listFiles(OUT)) {
    const size = statSync(path.join(OUT, f)).size;
    total += size;
    console.log(`${String(Math.round(size / 1024)).padStart(6)} KB  ${f}`);
  }
  console.log(`${String(Math.round(total / 1024)).padStart(6)} KB  total`);
  assert(total < 4.2 * 1024 * 1024, 'data/example is larger than about 4 MB');
  console.log(
    `roster: ${t.trained} trained, ${t.passed} passed, ${t.employed} employed (${t.flexible} without employer), ${t.order} order, ` +
      `${t.subsidised} subsidised, key group ${t.keyGroup} (${t.keyGroupSubsidised} subsidised), ${t.xCheck} IDs ending in X`,
  );
}

await main();
