/**
 * The words messages use for the program's own vocabulary — figures, kinds of filing, file
 * contents, why a file could not be read — in both languages. The scheme's terms (levels,
 * materials, sections) are data and come with the diagnostic.
 */
import type { Blocker, FailingFigure, NotPackage, SchemeThing } from '../core/codes.js';
import type { IoReason } from '../core/io.js';
import type { ContentType } from '../core/sniff.js';
import type { Term } from '../core/term.js';
import type { Lang } from './lang.js';

export const FIGURE_LABELS: Record<string, Term> = {
  trained: { zh: '培训人数', en: 'trainees' },
  passRate: { zh: '培训合格率', en: 'pass rate' },
  employed: { zh: '培训后就业人数', en: 'employed after training' },
  employmentRate: { zh: '培训后就业率', en: 'employment rate' },
  keyGroup: { zh: '就业重点群体培训规模', en: 'key-group trainees' },
  orderShare: { zh: '订单定向式培训占比', en: 'order/directed share' },
};

export const figureLabel = (figure: string, lang: Lang) => FIGURE_LABELS[figure]?.[lang] ?? figure;

export const KIND_NAMES: Record<'application' | 'review', Term> = {
  application: { zh: '认定申报', en: 'application' },
  review: { zh: '复评', en: 'review' },
};

export const CONTENT_NAMES: Record<ContentType, Term> = {
  pdf: { zh: 'PDF 文档', en: 'a PDF document' },
  jpeg: { zh: 'JPEG 图片', en: 'a JPEG image' },
  png: { zh: 'PNG 图片', en: 'a PNG image' },
  gif: { zh: 'GIF 图片', en: 'a GIF image' },
  bmp: { zh: 'BMP 图片', en: 'a BMP image' },
  tiff: { zh: 'TIFF 图片', en: 'a TIFF image' },
  webp: { zh: 'WebP 图片', en: 'a WebP image' },
  heic: { zh: 'HEIC 照片（苹果手机格式）', en: 'a HEIC photo (iPhone format)' },
  zip: { zh: 'ZIP 压缩包或 Office 文档', en: 'a ZIP archive or Office document' },
  ole2: { zh: '旧版 Office 文件（.xls/.doc）', en: 'an old Office file (.xls/.doc)' },
  html: { zh: 'HTML 网页', en: 'an HTML page' },
  text: { zh: '纯文本', en: 'plain text' },
  empty: { zh: '空文件', en: 'nothing (empty)' },
  unknown: { zh: '无法识别的内容', en: 'unrecognised content' },
};

export const contentName = (c: ContentType, lang: Lang) => CONTENT_NAMES[c][lang];

const NOT_PACKAGE: Record<'folder' | 'special', Term> = {
  folder: { zh: '一个普通文件夹', en: 'an ordinary folder' },
  special: { zh: '特殊文件（设备或管道）', en: 'a special file (device or pipe)' },
};

export const notPackageName = (w: NotPackage, lang: Lang) => (w === 'folder' || w === 'special' ? NOT_PACKAGE[w][lang] : contentName(w, lang));

const IO_REASONS: Record<IoReason, Term> = {
  missing: { zh: '文件不存在', en: 'no such file' },
  denied: { zh: '没有权限', en: 'permission denied' },
  isDir: { zh: '这是一个文件夹，不是文件', en: 'it is a folder, not a file' },
  notDir: { zh: '路径中有一段不是文件夹', en: 'part of the path is not a folder' },
  exists: { zh: '已经存在', en: 'it already exists' },
  full: { zh: '磁盘已满', en: 'the disk is full' },
  other: { zh: '读写失败', en: 'input/output error' },
};

/** “文件不存在 (ENOENT)” / “no such file (ENOENT)”. */
export function ioReasonText(reason: IoReason, detail: string | undefined, lang: Lang): string {
  const words = IO_REASONS[reason][lang];
  // A known reason says it all (the system's ENOENT adds nothing a clerk can use); only an
  // unexpected one carries the system's own words.
  return reason === 'other' && detail ? `${words}: ${detail}` : words;
}

const SCHEME_THINGS: Record<SchemeThing, Term> = {
  rubric: { zh: '评分标准', en: 'rubric' },
  rubricItem: { zh: '评分指标', en: 'rubric item' },
  rubricGroup: { zh: '评分组', en: 'rubric group' },
  category: { zh: '领域类别', en: 'brand category' },
  slot: { zh: '附件类别', en: 'attachment slot' },
  section: { zh: '叙述部分', en: 'narrative section' },
  material: { zh: '材料', en: 'material' },
  rosterColumn: { zh: '花名册列', en: 'roster column' },
  keyGroup: { zh: '就业重点群体', en: 'key group' },
  formTemplate: { zh: '表格模板', en: 'form template' },
  discTemplate: { zh: '光盘模板', en: 'disc template' },
  skeletonTemplate: { zh: '申报模板', en: 'skeleton template' },
  removalGround: { zh: '取消资格情形', en: 'ground for removal' },
};

export const schemeThing = (w: SchemeThing, lang: Lang) => SCHEME_THINGS[w][lang];

export const listOf = (items: readonly string[], lang: Lang) => items.join(lang === 'zh' ? '、' : ', ');

/** “培训人数 180 人，要求 ≥ 200 人” / “trainees 180, required ≥ 200”. */
export function failingText(f: FailingFigure, lang: Lang): string {
  const unit = f.unit === 'persons' ? (lang === 'zh' ? ' 人' : '') : '';
  return lang === 'zh'
    ? `${figureLabel(f.figure, lang)} ${f.actual}${unit}，要求 ${f.required}${unit}`
    : `${figureLabel(f.figure, lang)} ${f.actual}, required ${f.required}`;
}

export function blockerText(b: Blocker, lang: Lang): string {
  const zh = lang === 'zh';
  switch (b.kind) {
    case 'damaged': return zh ? `材料包已损坏（${b.problems} 处问题）` : `the package is damaged (${b.problems} problem(s))`;
    case 'unreadable': return zh ? '材料包无法读取' : 'the package cannot be read';
    case 'duplicate': return zh ? '重复报送' : 'handed in twice';
    case 'errors': return zh ? `检查发现 ${b.count} 个错误` : `the check found ${b.count} error(s)`;
    case 'notEligible': {
      const failing = b.failing.map((f) => failingText(f, lang)).join(zh ? '；' : '; ');
      return zh ? `未达到${b.level.zh}认定条件（${failing}）` : `below the ${b.level.en} thresholds (${failing})`;
    }
    case 'notBuilt': return zh ? `材料包无法生成${b.detail ? `（${b.detail}）` : ''}` : `its package could not be built${b.detail ? ` (${b.detail})` : ''}`;
  }
}

export const blockersText = (list: readonly Blocker[], lang: Lang) => list.map((b) => blockerText(b, lang)).join(lang === 'zh' ? '；' : '; ');

/** 2026-10-31 → 2026年10月31日 / 2026-10-31. */
export const dateText = (iso: string, lang: Lang) => {
  if (lang === 'en') return iso;
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};
