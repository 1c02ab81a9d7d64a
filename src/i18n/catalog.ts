/**
 * Every message shenbao can say, in Chinese (the default) and English, with a hint that
 * tells the user how to fix it. The codes and their parameters are listed once, in
 * core/codes.ts; this catalogue is checked against that list by the compiler, so every
 * code has both sentences and every sentence reads only parameters its code carries.
 *
 * Parameters arrive raw (paths, counts, lists, terms in both languages); turning them into
 * words of one language happens only here.
 */
import type { Code, ParamsOf } from '../core/codes.js';
import type { Lang } from './lang.js';
import { blockersText, contentName, dateText, figureLabel, ioReasonText, listOf, notPackageName, schemeThing } from './terms.js';

type Render<P> = (p: P) => string;
interface MessageDef<P> {
  zh: Render<P>;
  en: Render<P>;
  hint?: { zh: Render<P>; en: Render<P> };
}

export type Catalog = { [C in Code]: MessageDef<ParamsOf<C>> };

const sizeText = (bytes: number) =>
  bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(2)} GB` : bytes >= 1024 ** 2 ? `${(bytes / 1024 ** 2).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;

/** zod's type names in words a clerk knows. */
const TYPE_WORDS: Record<string, Record<Lang, string>> = {
  string: { zh: '文字', en: 'text' },
  number: { zh: '数字', en: 'a number' },
  int: { zh: '整数', en: 'a whole number' },
  boolean: { zh: '是/否（true 或 false）', en: 'true or false' },
  array: { zh: '列表（每项一行，以 - 开头）', en: 'a list' },
  object: { zh: '“键: 值”结构', en: 'a mapping of keys to values' },
  record: { zh: '“键: 值”结构', en: 'a mapping of keys to values' },
  null: { zh: '空值', en: 'empty' },
  undefined: { zh: '空', en: 'nothing' },
  date: { zh: '日期', en: 'a date' },
};
const typeWord = (t: string, lang: Lang) => TYPE_WORDS[t]?.[lang] ?? t;
const named = contentName;
const treeZh = (t: 'primary' | 'joliet') => (t === 'joliet' ? ' Joliet 目录树' : ' ISO 9660 目录树');
const treeEn = (t: 'primary' | 'joliet') => (t === 'joliet' ? 'Joliet tree' : 'ISO 9660 tree');
/** A space before a Latin word that follows Chinese (是 PDF 文档). */
const spaced = (s: string) => (/^[A-Za-z]/.test(s) ? ` ${s}` : s);
/** Score points as printed: 86.5, 86. */
const points = (v: number) => (Math.round(v * 10) / 10).toFixed(1).replace(/\.0$/, '');

/** Chinese wording of the yaml library's error codes that clerks actually meet. */
const YAML_REASONS_ZH: Record<string, string> = {
  BAD_INDENT: '缩进不对齐',
  TAB_AS_INDENT: '用了 Tab 缩进（只能用空格）',
  DUPLICATE_KEY: '同一个键写了两次',
  MISSING_CHAR: '缺少必要的符号（如引号或括号没有闭合）',
  MULTILINE_IMPLICIT_KEY: '键不能跨行（可能是冒号后缺空格或缩进错误）',
  BLOCK_AS_IMPLICIT_KEY: '缩进或冒号位置不对',
  UNEXPECTED_TOKEN: '出现了不该出现的符号',
  BAD_SCALAR_START: '值的开头符号不合法（以 @、` 或 % 开头的值要加引号）',
  MISSING_ANCHOR: '引用了不存在的锚点',
  BAD_DQ_ESCAPE: '双引号中的转义写法不对',
  IMPLICIT_KEY_TOO_LONG: '键太长（可能缺少换行或冒号）',
  BLOCK_IN_FLOW: '方括号/花括号中不能换行写列表',
  ALIAS_COUNT: '别名（*…）展开的次数太多，文件可能是恶意构造的',
  MULTIPLE_DOCS: '文件中有不止一份 YAML 文档（出现了第二个 ---）',
  FULLWIDTH_COLON: '键后面用了中文冒号“：”',
  UNCLOSED_BRACKET: '这里开始的方括号 [ 或花括号 { 没有闭合',
  MULTILINE_PLAIN: '这一项的文字换行写到了下一行',
};

/** What to do about a YAML error whose cause is known; others get the general advice. */
const YAML_HINTS: Record<string, { zh: string; en: string }> = {
  MULTIPLE_DOCS: { zh: '一个文件只写一份申报：删去第二个 --- 及其后的内容，或分成两个文件夹。', en: 'One filing per file: remove the second --- and what follows, or use two folders.' },
  FULLWIDTH_COLON: { zh: '把“：”改成英文冒号“:”，并在后面加一个空格。', en: 'Replace “：” with an ASCII colon “:” followed by a space.' },
  UNCLOSED_BRACKET: { zh: '在这一项末尾补上 ] 或 }；若文字本身以 [ 开头，请给整段文字加上引号。', en: 'Close it with ] or } at the end of the entry; if the text itself starts with [, put it in quotes.' },
  MULTILINE_PLAIN: { zh: '多行文字要在冒号后写 | ，换行后每一行都比键多缩进两个空格，例如：\n    management: |\n      第一段……\n      第二段……', en: 'For text of several lines write | after the colon and indent every line two spaces more than the key.' },
};

/** Chinese wording of jsonc-parser's error codes. */
const JSON_REASONS_ZH: Record<string, string> = {
  empty: '文件是空的',
  InvalidSymbol: '出现了无效的符号（文字要放在双引号中）',
  InvalidNumberFormat: '数字格式不对',
  PropertyNameExpected: '缺少键名（键名要放在双引号中）',
  ValueExpected: '缺少值',
  ColonExpected: '缺少冒号',
  CommaExpected: '缺少逗号',
  CloseBraceExpected: '缺少右花括号 }',
  CloseBracketExpected: '缺少右方括号 ]',
  EndOfFileExpected: '文件结尾有多余的内容',
  InvalidCommentToken: 'JSON 不允许注释',
  UnexpectedEndOfComment: 'JSON 不允许注释',
  UnexpectedEndOfString: '字符串没有结束（缺少双引号）',
  UnexpectedEndOfNumber: '数字没有写完',
  InvalidUnicode: 'Unicode 转义写法不对',
  InvalidEscapeCharacter: '转义字符写法不对',
  InvalidCharacter: '字符串中有不允许的字符（如换行）',
  DuplicateKey: '同一个键写了两次',
};

/** Shared resident IDs named in the message itself; the summary and the audit record list them all. */
const SHARED_SHOWN = 5;

export const catalog: Catalog = {
  // ── reading files ────────────────────────────────────────────────────────────
  'file.unreadable': {
    zh: (p) => `无法读取文件 ${p.path}：${ioReasonText(p.reason, p.detail, 'zh')}`,
    en: (p) => `Cannot read ${p.path}: ${ioReasonText(p.reason, p.detail, 'en')}`,
    hint: {
      zh: () => '确认文件存在、不是文件夹，并且当前用户有读取权限。',
      en: () => 'Make sure the file exists, is not a folder, and is readable.',
    },
  },
  'file.unwritable': {
    zh: (p) => `无法写入 ${p.path}：${ioReasonText(p.reason, p.detail, 'zh')}`,
    en: (p) => `Cannot write ${p.path}: ${ioReasonText(p.reason, p.detail, 'en')}`,
    hint: {
      zh: () => '检查输出文件夹（--out）是否存在、可写，磁盘是否已满；原有的输出没有被改动。',
      en: () => 'Check that the output folder (--out) is writable and the disk is not full; any earlier output is untouched.',
    },
  },
  'file.tooLarge': {
    zh: (p) => `文件 ${p.path} 有 ${sizeText(p.size)}，超过 ${sizeText(p.max)} 的上限`,
    en: (p) => `File ${p.path} is ${sizeText(p.size)}, over the limit of ${sizeText(p.max)}`,
    hint: {
      zh: () => '扫描件用 150–300 dpi 重新扫描或压缩后再放入；一个附件不会这么大。',
      en: () => 'Scan it again at 150–300 dpi or compress it; no attachment needs to be this large.',
    },
  },
  'submission.severalFiles': {
    zh: (p) => `${p.dir} 中同时有 ${listOf(p.files, 'zh')}，不知道用哪一个`,
    en: (p) => `${p.dir} holds both ${listOf(p.files, 'en')}; which one is the filing?`,
    hint: {
      zh: (p) => `只留下填好的那一个：把另一个删去或改名（例如改成 ${p.files[1]}.bak），或在命令中写出文件，如 shenbao check ${p.dir}/${p.files[0]}。`,
      en: (p) => `Keep only the one filled in: delete or rename the other (e.g. ${p.files[1]}.bak), or name the file, as in shenbao check ${p.dir}/${p.files[0]}.`,
    },
  },
  'submission.notFound': {
    zh: (p) => `在 ${p.dir} 中找不到申报文件（${p.names.join(' / ')}）`,
    en: (p) => `No submission file (${p.names.join(' / ')}) in ${p.dir}`,
    hint: {
      zh: () => '先运行 shenbao init <文件夹> 生成 submission.yaml，或在命令中写出申报文件夹的路径。',
      en: () => 'Run `shenbao init <dir>` to create submission.yaml, or give the path of the submission folder.',
    },
  },
  'submission.isFile': {
    zh: (p) => `${p.path} 是一个文件，这里要给出申报文件夹`,
    en: (p) => `${p.path} is a file; give the submission folder here`,
    hint: {
      zh: () => '写出含有 submission.yaml 的文件夹，例如 shenbao check 我的申报。',
      en: () => 'Give the folder that holds submission.yaml, e.g. shenbao check my-submission.',
    },
  },
  'syntax.yaml': {
    zh: (p) => `YAML 格式错误：${YAML_REASONS_ZH[p.code] ?? p.detail}`,
    en: (p) => `YAML syntax error: ${p.detail}`,
    hint: {
      zh: (p) => YAML_HINTS[p.code]?.zh ?? '检查该行的缩进（只能用空格，不能用 Tab）、冒号后的空格和引号是否成对。',
      en: (p) => YAML_HINTS[p.code]?.en ?? 'Check the indentation (spaces, not tabs), the space after each colon and matching quotes.',
    },
  },
  'syntax.tooLarge': {
    zh: (p) => `文件有 ${p.chars} 个字符，不像是一份申报数据（最多 ${p.max} 个）`,
    en: (p) => `The file has ${p.chars} characters, too many for filing data (at most ${p.max})`,
    hint: { zh: () => '多半是粘贴进了别的内容或选错了文件：按 shenbao init 生成的模板填写。', en: () => 'Most likely something else was pasted in or the wrong file chosen: fill in the template from shenbao init.' },
  },
  'syntax.backslash': {
    zh: (p) => `双引号中的反斜杠 \\ 是转义符，这里变成了控制字符 ${p.code}`,
    en: (p) => `A backslash \\ in double quotes is an escape; here it made the control character ${p.code}`,
    hint: {
      zh: () => '路径中的 \\ 请改成 /（例如 材料/03-花名册.xlsx），或把双引号改成单引号。',
      en: () => 'Write / instead of \\ in paths (材料/03-花名册.xlsx), or use single quotes.',
    },
  },
  'text.control': {
    zh: (p) => `文字中有看不见的控制字符 ${p.code}（多半是从别处复制来的）`,
    en: (p) => `The text holds the invisible control character ${p.code} (often from copying)`,
    hint: {
      zh: () => '删去这段文字重新输入，或粘贴为纯文本；Word 和 WPS 打不开含有控制字符的文档。',
      en: () => 'Retype the text or paste it as plain text; Word and WPS refuse documents holding control characters.',
    },
  },
  'syntax.json': {
    zh: (p) => `JSON 格式错误：${JSON_REASONS_ZH[p.code] ?? p.code}`,
    en: (p) => `JSON syntax error: ${p.code === 'empty' ? 'the file is empty' : p.code}`,
    hint: {
      zh: (p) => (p.code === 'DuplicateKey' ? '同一层里每个键只能写一次：删去多余的一项（否则只有最后一项算数）。' : '检查逗号、括号和引号是否成对；JSON 不允许注释和末尾多余的逗号。'),
      en: (p) => (p.code === 'DuplicateKey' ? 'Each key only once at each level: remove the extra one (else only the last would count).' : 'Check commas, brackets and quotes; JSON allows no comments and no trailing commas.'),
    },
  },
  'syntax.notMapping': {
    zh: () => '文件的最外层应当是“键: 值”的结构',
    en: () => 'The top level of the file must be a mapping of keys to values',
  },

  // ── schema (submission and scheme) ───────────────────────────────────────────
  'schema.required': {
    zh: (p) => `缺少必填项 ${p.label.zh}（${p.field}）`,
    en: (p) => `Missing required field ${p.field} (${p.label.en})`,
    hint: { zh: () => '按 shenbao init 生成的模板补上这一项。', en: () => 'Add it as in the template written by `shenbao init`.' },
  },
  'schema.invalidType': {
    zh: (p) => `${p.label.zh}（${p.field}）应为${typeWord(p.expected, 'zh')}，实际是${typeWord(p.received, 'zh')}`,
    en: (p) => `${p.field} (${p.label.en}) must be ${typeWord(p.expected, 'en')}, not ${typeWord(p.received, 'en')}`,
  },
  'schema.notFinite': {
    zh: (p) => `${p.label.zh}（${p.field}）应为一个具体的数字，这里读出来是 ${p.given}（.nan、.inf 或过大的数，如 1e400）`,
    en: (p) => `${p.field} (${p.label.en}) must be an actual number; it reads as ${p.given} (.nan, .inf or a number too large, such as 1e400)`,
    hint: { zh: () => '写出实际的数字，例如 240。', en: () => 'Write the actual number, e.g. 240.' },
  },
  'schema.numberWithUnit': {
    zh: (p) => `${p.label.zh}（${p.field}）只写数字，不带“${p.unit}”`,
    en: (p) => `${p.field} (${p.label.en}) takes the number alone, without "${p.unit}"`,
    hint: { zh: (p) => `把 “${p.given}” 改成 ${p.number}。`, en: (p) => `Write ${p.number} instead of "${p.given}".` },
  },
  'schema.unknownKey': {
    zh: (p) => `不认识的项 “${p.key}”${p.at ? `（在 ${p.at} 下）` : ''}${p.suggestion ? `，是不是想写 “${p.suggestion}”？` : ''}`,
    en: (p) => `Unknown key "${p.key}"${p.at ? ` under ${p.at}` : ''}${p.suggestion ? `; did you mean "${p.suggestion}"?` : ''}`,
    hint: {
      zh: () => '拼错的项会被忽略而导致漏填，所以这里按错误处理：改正拼写或删除这一项。',
      en: () => 'A misspelt key would be silently ignored, so it is an error: fix the spelling or remove it.',
    },
  },
  'schema.enum': {
    zh: (p) => `${p.label.zh}（${p.field}）不能是 “${p.value}”，只能是：${listOf(p.options, 'zh')}`,
    en: (p) => `${p.field} (${p.label.en}) cannot be "${p.value}"; allowed: ${listOf(p.options, 'en')}`,
  },
  'schema.tooSmall': {
    zh: (p) => `${p.label.zh}（${p.field}）不能小于 ${p.minimum}`,
    en: (p) => `${p.field} (${p.label.en}) must be at least ${p.minimum}`,
  },
  'schema.tooBig': {
    zh: (p) => `${p.label.zh}（${p.field}）不能大于 ${p.maximum}`,
    en: (p) => `${p.field} (${p.label.en}) must be at most ${p.maximum}`,
  },
  'schema.textTooLong': {
    zh: (p) => `${p.label.zh}（${p.field}）有 ${p.length} 个字，最多 ${p.max} 个字`,
    en: (p) => `${p.field} (${p.label.en}) has ${p.length} characters; at most ${p.max}`,
    hint: { zh: () => '多半是粘贴时多带了别的内容：只保留这一项要填的文字。', en: () => 'Most likely more was pasted than meant: keep only the text of this field.' },
  },
  'schema.emptyText': {
    zh: (p) => `${p.label.zh}（${p.field}）不能为空`,
    en: (p) => `${p.field} (${p.label.en}) must not be empty`,
  },
  'schema.tooFewItems': {
    zh: (p) => `${p.label.zh}（${p.field}）至少要有 ${p.minimum} 项`,
    en: (p) => `${p.field} (${p.label.en}) needs at least ${p.minimum} item(s)`,
  },
  'schema.invalid': {
    zh: (p) => `${p.label.zh}（${p.field}）填写有误：${p.detail}`,
    en: (p) => `${p.field} (${p.label.en}) is invalid: ${p.detail}`,
  },
  'schema.date': {
    zh: (p) => `${p.label.zh}（${p.field}）“${p.value}” 不是有效日期`,
    en: (p) => `${p.field} (${p.label.en}): "${p.value}" is not a valid date`,
    hint: {
      zh: () => '日期写成 2025-10-15、2025/10/15 或 2025年10月15日。',
      en: () => 'Write dates as 2025-10-15, 2025/10/15 or 2025年10月15日.',
    },
  },
  'schema.percent': {
    zh: (p) => `${p.label.zh}（${p.field}）“${p.value}” 不是 0 到 100 之间的百分数`,
    en: (p) => `${p.field} (${p.label.en}): "${p.value}" is not a percentage between 0 and 100`,
    hint: { zh: () => '写成 91.7 或 "91.7%"。', en: () => 'Write 91.7 or "91.7%".' },
  },
  'schema.absolutePath': {
    zh: (p) => `${p.label.zh}（${p.field}）的路径 “${p.value}” 是绝对路径`,
    en: (p) => `${p.field} (${p.label.en}): "${p.value}" is an absolute path`,
    hint: {
      zh: () => '附件要放进申报文件夹，并写相对于申报文件夹的路径，如 材料/信用报告/报告.pdf。',
      en: () => 'Put attachments inside the submission folder and give paths relative to it.',
    },
  },
  'scheme.notFound': {
    zh: (p) => `找不到评价方案文件夹 ${p.dir}（其中应有 scheme.yaml）`,
    en: (p) => `Scheme folder ${p.dir} not found (it must contain scheme.yaml)`,
  },
  'scheme.rubricTotal': {
    zh: (p) => `评分标准 ${p.rubric} 的总分是 ${points(p.total)}，应当正好是 100 分`,
    en: (p) => `Rubric ${p.rubric} totals ${points(p.total)}; it must total exactly 100`,
    hint: {
      zh: () => '补齐缺少的指标（并在 assumed 中注明哪些是补的），或改正分值。',
      en: () => 'Add the missing items (mark completed ones as assumed) or correct the points.',
    },
  },
  'scheme.groupTotal': {
    zh: (p) => `评分标准 ${p.rubric} 的 “${p.group}” 写明 ${points(p.declared)} 分，但各项合计 ${points(p.sum)} 分`,
    en: (p) => `Rubric ${p.rubric}, group "${p.group}": declares ${points(p.declared)} points but its items sum to ${points(p.sum)}`,
  },
  'scheme.thresholdMissing': {
    zh: (p) => `缺少${p.level.zh}${p.band ? `（${p.band.zh}）` : ''}的绩效标准`,
    en: (p) => `No thresholds for ${p.level.en}${p.band ? ` (${p.band.en})` : ''}`,
  },
  'scheme.thresholdDuplicate': {
    zh: (p) => `${p.level.zh}${p.band ? `（${p.band.zh}）` : ''}的绩效标准写了不止一行`,
    en: (p) => `More than one threshold row for ${p.level.en}${p.band ? ` (${p.band.en})` : ''}`,
  },
  'scheme.gradeOrder': {
    zh: (p) => `等级划分有误：“${p.grade}”的下限 ${p.min} 不低于上一等级的 ${p.previous}`,
    en: (p) => `Grade bands are wrong: the floor of "${p.grade}", ${p.min}, is not below the grade above it (${p.previous})`,
  },
  'scheme.gradeFloor': {
    zh: () => '等级划分有误：最低等级的下限必须是 0',
    en: () => 'Grade bands are wrong: the lowest grade must start at 0',
  },
  'scheme.duplicateId': {
    zh: (p) => `${p.within ? `${p.within} 中` : ''}${schemeThing(p.what, 'zh')}的编号 “${p.id}” 重复`,
    en: (p) => `Duplicate ${schemeThing(p.what, 'en')} id "${p.id}"${p.within ? ` in ${p.within}` : ''}`,
  },
  'scheme.unknownRef': {
    zh: (p) => `引用了不存在的${schemeThing(p.what, 'zh')} “${p.id}”`,
    en: (p) => `Reference to an unknown ${schemeThing(p.what, 'en')} "${p.id}"`,
  },
  'scheme.rosterColumns': {
    zh: (p) => `花名册列定义缺少：${listOf(p.missing, 'zh')}`,
    en: (p) => `The roster column list lacks: ${listOf(p.missing, 'en')}`,
  },
  'scheme.formNoTable': {
    zh: (p) => `表格模板 ${p.form} 要生成 XLSX，但其中没有表格（table）`,
    en: (p) => `Form template ${p.form} is written as XLSX but has no table block`,
    hint: {
      zh: () => '在模板的 blocks 中加入 table，或不要把这个表格标为 bigTable。',
      en: () => 'Add a table block to the template, or do not mark it as bigTable.',
    },
  },

  // ── scheme ───────────────────────────────────────────────────────────────────
  'scheme.invalid': {
    zh: (p) => `评价方案 ${p.dir} 有 ${p.count} 处错误，无法使用`,
    en: (p) => `Scheme ${p.dir} has ${p.count} error(s) and cannot be used`,
  },

  // ── roster: file level ───────────────────────────────────────────────────────
  'roster.missing': {
    zh: () => '没有指定花名册（roster）',
    en: () => 'No roster given',
    hint: {
      zh: () => '在 submission.yaml 中写 roster: 花名册.xlsx，或把学员逐行写在 roster.rows 下。',
      en: () => 'Add `roster: roster.xlsx` to submission.yaml, or list trainees under roster.rows.',
    },
  },
  'roster.unsupported': {
    zh: (p) => `花名册 ${p.path} 的格式不支持`,
    en: (p) => `Roster ${p.path}: unsupported format`,
    hint: {
      zh: () => '花名册请用 Excel 工作簿（.xlsx）或 CSV（.csv）；旧版 .xls 请在 Excel 中“另存为” .xlsx。',
      en: () => 'Use an Excel workbook (.xlsx) or a CSV file; save old .xls files as .xlsx in Excel.',
    },
  },
  'roster.notSpreadsheet': {
    zh: (p) => `花名册 ${p.path} 不是 Excel 工作簿（文件内容是${named(p.actual, 'zh')}）`,
    en: (p) => `Roster ${p.path} is not an Excel workbook (the file holds ${named(p.actual, 'en')})`,
    hint: {
      zh: () => '在 Excel 或 WPS 中打开花名册，另存为“Excel 工作簿（*.xlsx）”。',
      en: () => 'Open the roster in Excel or WPS and save it as "Excel Workbook (*.xlsx)".',
    },
  },
  'roster.brokenWorkbook': {
    zh: (p) => `花名册 ${p.path} 已损坏，无法打开：${p.detail}`,
    en: (p) => `Roster ${p.path} is damaged and cannot be opened: ${p.detail}`,
    hint: { zh: () => '用 Excel 打开并重新保存，或重新导出。', en: () => 'Open it in Excel and save it again, or export it again.' },
  },
  'roster.empty': {
    zh: (p) => `花名册 ${p.path} 是空的`,
    en: (p) => `Roster ${p.path} is empty`,
  },
  'roster.encoding': {
    zh: (p) => `无法识别 ${p.path} 的文字编码（既不是 UTF-8，也不是 GB18030/GBK）`,
    en: (p) => `Cannot tell the text encoding of ${p.path} (neither UTF-8 nor GB18030/GBK)`,
    hint: { zh: () => '在 Excel 中另存为“CSV UTF-8（逗号分隔）”或 .xlsx。', en: () => 'Save it from Excel as "CSV UTF-8" or as .xlsx.' },
  },
  'roster.sheetNotFound': {
    zh: (p) => `花名册 ${p.path} 中没有名为 “${p.sheet}” 的工作表（现有：${listOf(p.sheets, 'zh')}）`,
    en: (p) => `Roster ${p.path} has no sheet "${p.sheet}" (it has: ${listOf(p.sheets, 'en')})`,
  },
  'roster.headerNotFound': {
    zh: (p) => `在花名册 ${p.path} 的前 20 行里找不到表头（应包含 ${listOf(p.columns, 'zh')}）`,
    en: (p) => `No header row in the first 20 rows of ${p.path} (it must contain ${listOf(p.columns, 'en')})`,
    hint: {
      zh: () => '表头使用花名册模板的列名（shenbao init 会生成模板），列的顺序不限。',
      en: () => 'Use the column names of the roster template (written by `shenbao init`), in any order.',
    },
  },
  'roster.columnMissing': {
    zh: (p) => `花名册 ${p.path} 缺少列：${listOf(p.columns, 'zh')}`,
    en: (p) => `Roster ${p.path} lacks the column(s): ${listOf(p.columns, 'en')}`,
    hint: {
      zh: () => '在表头行中加上这些列；这些列用于计算合格率、就业率、重点群体和订单定向比例。',
      en: () => 'Add these columns to the header row; they are needed for the rates, key groups and order share.',
    },
  },
  'roster.columnDuplicate': {
    zh: (p) => `表头中 “${p.column}” 出现了多次（${p.cells.join(', ')}）`,
    en: (p) => `The header has "${p.column}" more than once (${p.cells.join(', ')})`,
  },
  'roster.textsTooLarge': {
    zh: (p) => `花名册 ${p.path} 中的文字解压后超过 ${p.maxMb} MB，不像是一份花名册，没有读取`,
    en: (p) => `The texts of roster ${p.path} unpack to more than ${p.maxMb} MB, too much for a roster; not read`,
    hint: { zh: () => '多半是某个单元格粘贴进了大量内容：在 Excel 中找到并删去它，或把花名册另存一份只含学员信息的表。', en: () => 'Most likely a cell holds a huge paste: find and delete it in Excel, or save a copy with the trainee rows only.' },
  },
  'roster.csvQuote': {
    zh: (p) => `花名册 ${p.path} 这一行有一个双引号 " 没有配对，其后的内容都读乱了`,
    en: (p) => `Roster ${p.path}: a double quote " on this line has no partner, so everything after it is misread`,
    hint: { zh: () => '删去这个多余的引号（或在 Excel 中打开后另存为 CSV，Excel 会自动处理）。', en: () => 'Delete the stray quote (or open the file in Excel and save it as CSV again).' },
  },
  'roster.tooManyRows': {
    zh: (p) => `花名册 ${p.path} 超过 ${p.max.toLocaleString('en-US')} 行，已停止读取`,
    en: (p) => `Roster ${p.path} has more than ${p.max.toLocaleString('en-US')} rows; reading stopped`,
    hint: {
      zh: () => '花名册只应包含品牌工种上一年度的补贴性培训学员；请确认没有把其他工种或多年的数据放进来。',
      en: () => "The roster lists only last year's subsidised trainees of the brand trade; remove other trades and years.",
    },
  },
  'roster.noRows': {
    zh: (p) => `花名册 ${p.path} 只有表头，没有学员`,
    en: (p) => `Roster ${p.path} has a header but no trainees`,
  },
  'roster.subsidisedAssumed': {
    zh: () => '花名册没有“享受补贴”列，按申报要求视为全部是补贴性培训学员',
    en: () => 'The roster has no "享受补贴" column; every trainee is taken as subsidised, as the notice requires',
  },

  // ── roster: cells ────────────────────────────────────────────────────────────
  'roster.cellEmpty': {
    zh: (p) => `“${p.column}” 没有填写`,
    en: (p) => `"${p.column}" is empty`,
  },
  'roster.id.numeric': {
    zh: () => '身份证号码被 Excel 存成了数字，后几位已经丢失',
    en: () => 'The ID number was stored by Excel as a number; its last digits are lost',
    hint: {
      zh: () => '把“身份证号码”列设为“文本”格式后重新录入（或在号码前加英文单引号 \'）。',
      en: () => "Format the ID column as Text and enter the numbers again (or prefix them with ').",
    },
  },
  'roster.cellTooLong': {
    zh: (p) => `“${p.column}” 有 ${p.length} 个字，一个单元格最多 ${p.max} 个字`,
    en: (p) => `"${p.column}" holds ${p.length} characters; a cell takes at most ${p.max}`,
    hint: { zh: () => '多半是粘贴时带进了别的内容：只保留这一格要填的文字。', en: () => 'Most likely more was pasted than meant: keep only what belongs in this cell.' },
  },
  'roster.id.cut': {
    zh: (p) => `身份证号码 ${p.value} 的最后三位是 000，校验不通过：号码曾被 Excel 当成数字，只保留了前 15 位`,
    en: (p) => `ID number ${p.value} ends in 000 and fails its check: Excel once held it as a number and kept only 15 digits`,
    hint: {
      zh: () => '后三位已经丢失，无法从表格中恢复：把“身份证号码”列设为“文本”格式，按身份证原件重新录入这些号码（或在号码前加英文单引号 \'）。',
      en: () => "The last digits are lost and cannot be recovered from the sheet: format the ID column as Text and enter these numbers again from the ID cards (or prefix them with ').",
    },
  },
  'roster.id.length': {
    zh: (p) => `身份证号码 ${p.value} 有 ${p.length} 位，应为 18 位`,
    en: (p) => `ID number ${p.value} has ${p.length} characters; it must have 18`,
    hint: {
      zh: () => '核对身份证原件；15 位的一代身份证已停止使用，请填写 18 位号码。',
      en: () => 'Check against the ID card; old 15-digit numbers are no longer valid.',
    },
  },
  'roster.id.format': {
    zh: (p) => `身份证号码 ${p.value} 含有不该有的字符（前 17 位只能是数字，最后一位是数字或 X）`,
    en: (p) => `ID number ${p.value} has invalid characters (17 digits, then a digit or X)`,
  },
  'roster.id.area': {
    zh: (p) => `身份证号码 ${p.value} 的前 6 位不是有效的行政区划代码`,
    en: (p) => `ID number ${p.value} does not start with a valid area code`,
  },
  'roster.id.date': {
    zh: (p) => `身份证号码 ${p.value} 中的出生日期 ${p.date} 不存在`,
    en: (p) => `ID number ${p.value}: birth date ${p.date} does not exist`,
    hint: { zh: () => '第 7–14 位是出生年月日，核对身份证原件。', en: () => 'Characters 7–14 are the birth date; check the ID card.' },
  },
  'roster.id.future': {
    zh: (p) => `身份证号码 ${p.value} 中的出生日期 ${p.date} 晚于今天`,
    en: (p) => `ID number ${p.value}: birth date ${p.date} is in the future`,
  },
  'roster.id.tooOld': {
    zh: (p) => `身份证号码 ${p.value} 中的出生日期 ${p.date} 早于 1900 年`,
    en: (p) => `ID number ${p.value}: birth date ${p.date} is before 1900`,
  },
  'roster.id.checksum': {
    zh: (p) => `身份证号码 ${p.value} 的校验位是 ${p.actual}，按前 17 位算应为 ${p.expected}`,
    en: (p) => `ID number ${p.value}: check character is ${p.actual}, the first 17 digits give ${p.expected}`,
    hint: {
      zh: () => '多半是某一位录错了，核对身份证原件。',
      en: () => 'Most likely one digit was mistyped; check against the ID card.',
    },
  },
  'roster.sex.invalid': {
    zh: (p) => `性别 “${p.value}” 应为 男 或 女`,
    en: (p) => `Sex "${p.value}" must be 男 or 女`,
  },
  'roster.sex.mismatch': {
    zh: (p) => `性别填的是 “${p.value}”，但身份证号码（第 17 位）表示 “${p.expected}”`,
    en: (p) => `Sex is "${p.value}" but the ID number (17th digit) says "${p.expected}"`,
    hint: { zh: () => '核对性别或身份证号码，两者必有一处录错。', en: () => 'One of the two is mistyped.' },
  },
  'roster.ethnicity.unknown': {
    zh: (p) => `民族 “${p.value}” 不在 56 个民族名称（GB/T 3304）中${p.suggestion ? `，是不是 “${p.suggestion}”？` : ''}`,
    en: (p) => `Ethnic group "${p.value}" is not one of the 56 names of GB/T 3304${p.suggestion ? `; did you mean "${p.suggestion}"?` : ''}`,
    hint: { zh: () => '填写全称，如 汉族、蒙古族、满族。', en: () => 'Write the full name, e.g. 汉族, 蒙古族, 满族.' },
  },
  'roster.trade.mismatch': {
    zh: (p) => `工种 “${p.value}” 与品牌工种 “${p.trade}” 不一致，该行不计入绩效`,
    en: (p) => `Trade "${p.value}" differs from the brand trade "${p.trade}"; the row is not counted`,
    hint: {
      zh: () => '花名册只统计品牌工种的补贴性培训学员，其他专业不在申报范围内（办法第七条）。',
      en: () => 'Only trainees of the brand trade count; other trades are outside the application (Measures art. 7).',
    },
  },
  'roster.phone.invalid': {
    zh: (p) => `联系电话 ${p.value} 既不是 11 位手机号，也不是带区号的固定电话`,
    en: (p) => `Phone ${p.value} is neither an 11-digit mobile number nor a landline with area code`,
    hint: {
      zh: () => '手机写 11 位数字；固定电话带区号，如 (0482)8238615 或 0482-8238615。',
      en: () => 'Mobiles have 11 digits; landlines need the area code, e.g. (0482)8238615.',
    },
  },
  'roster.duplicate': {
    zh: (p) => `身份证号码 ${p.value} 与 ${p.firstCell ?? `第 ${p.firstRow} 行`} 重复：同一人只能出现一次`,
    en: (p) => `ID number ${p.value} repeats ${p.firstCell ?? `row ${p.firstRow}`}: each person may appear only once`,
  },
  'roster.flag.invalid': {
    zh: (p) => `“${p.column}” 填的是 “${p.value}”，应为 是 或 否`,
    en: (p) => `"${p.column}" is "${p.value}"; it must be 是 (yes) or 否 (no)`,
  },
  'roster.keyGroup.unknown': {
    zh: (p) => `就业重点群体 “${p.value}” 不认识，可填：${listOf(p.options, 'zh')}（不属于则留空）`,
    en: (p) => `Unknown key group "${p.value}"; use one of: ${listOf(p.options, 'en')} (or leave empty)`,
  },
  'roster.employed.conflict': {
    zh: () => '填了就业单位，但“是否就业”写的是否；按已就业统计',
    en: () => 'An employer is given but "是否就业" says no; counted as employed',
  },
  'figures.claimMismatch': {
    zh: (p) => `推荐表填报的${figureLabel(p.figure, 'zh')}是 ${p.claimed}，按花名册计算是 ${p.derived}`,
    en: (p) => `The form claims ${figureLabel(p.figure, 'en')} ${p.claimed}; the roster gives ${p.derived}`,
    hint: {
      zh: () => '表中数字必须与花名册一致：改正 submission.yaml 中 claimed 下的数字，或核对花名册。',
      en: () => 'The form must match the roster: correct `claimed` in submission.yaml or the roster.',
    },
  },
  'threshold.fail': {
    zh: (p) => `${figureLabel(p.figure, 'zh')} ${p.actual}，未达到${p.level.zh}标准（${p.required}，${p.ref}）`,
    en: (p) => `${figureLabel(p.figure, 'en')} ${p.actual} is below the ${p.level.en} threshold (${p.required}, ${p.ref})`,
  },
  'threshold.relaxed': {
    zh: (p) =>
      `${figureLabel(p.figure, 'zh')} ${p.actual}，未达到${p.level.zh}标准（${p.required}）；因申请重点扶持且培训后就业率 ${p.employmentRate} 不低于 ${p.minRate}，按${p.ref}可适当放宽，由评审确定`,
    en: (p) =>
      `${figureLabel(p.figure, 'en')} ${p.actual} is below the ${p.level.en} threshold (${p.required}); relaxed under special support (${p.ref}) because the employment rate ${p.employmentRate} is at least ${p.minRate}; the reviewers decide`,
  },
  'specialSupport.rateTooLow': {
    zh: (p) => `申请了重点扶持，但培训后就业率 ${p.employmentRate} 低于 ${p.minRate}，不能放宽标准（${p.ref}）`,
    en: (p) => `Special support is claimed but the employment rate ${p.employmentRate} is below ${p.minRate}; no relaxation (${p.ref})`,
  },
  'specialSupport.noGrounds': {
    zh: () => '申请了重点扶持，但没有写明属于哪种情形（brand.specialSupport.grounds）',
    en: () => 'Special support is claimed without grounds (brand.specialSupport.grounds)',
  },
  'specialSupport.unknownGround': {
    zh: (p) => `重点扶持情形 “${p.value}” 不认识，可用：${listOf(p.options, 'zh')}`,
    en: (p) => `Unknown special-support ground "${p.value}"; use one of: ${listOf(p.options, 'en')}`,
  },
  'category.unknown': {
    zh: (p) => `所属领域 “${p.value}” 不认识，可用：${listOf(p.options.map((o) => `${o.id}（${o.name}）`), 'zh')}`,
    en: (p) => `Unknown brand category "${p.value}"; use one of: ${listOf(p.options.map((o) => `${o.id} (${o.name})`), 'en')}`,
  },
  'figures.noTrainees': {
    zh: () => '花名册中没有可统计的品牌工种学员，无法计算绩效',
    en: () => 'The roster has no trainees of the brand trade; no figures can be computed',
  },
  'county.unknown': {
    zh: (p) => `旗县市 “${p.value}” 不在本方案的名单中（${listOf(p.options, 'zh')}）`,
    en: (p) => `County "${p.value}" is not in this scheme's list (${listOf(p.options, 'en')})`,
  },

  // ── figures and thresholds ───────────────────────────────────────────────────
  'county.bandRequired': {
    zh: () => '申报旗县市级品牌时必须写明人口规模（20万以上 或 不足20万）',
    en: () => 'A county-level application must state the population band (atLeast200k or below200k)',
  },

  // ── partners, brief, narrative ───────────────────────────────────────────────
  'partners.tooFew': {
    zh: (p) => `签订就业协议的合作企业只有 ${p.count} 家，至少需要 ${p.min} 家`,
    en: (p) => `Only ${p.count} partner enterprise(s) with an agreement; at least ${p.min} are required`,
    hint: {
      zh: () => '实施方案三（五）：每个培训品牌至少与三家以上企业签订就业协议；在 partners 下列出企业及协议文件。',
      en: () => 'Plan III(5): every brand needs employment agreements with at least three enterprises; list them under partners.',
    },
  },
  'partners.particularsMissing': {
    zh: (p) => `合作企业 “${p.name}” 缺少盖章的企业基本情况（particulars）`,
    en: (p) => `Partner "${p.name}" lacks its stamped particulars (particulars)`,
    hint: {
      zh: () => '办法第七条（一）③：与其建立稳定合作关系的企业基本情况需加盖合作企业印章认可；扫描后在 partners 下的 particulars 写出文件路径。',
      en: () => "Measures art. 7(1)③: each partner's particulars must carry its seal; scan them and give the path under particulars.",
    },
  },
  'partners.duplicate': {
    zh: (p) => `合作企业 “${p.name}” 写了两次，只计一次`,
    en: (p) => `Partner "${p.name}" is listed twice and counts once`,
  },
  'brief.tooLong': {
    zh: (p) => `培训机构及品牌简介共 ${p.count.toLocaleString('en-US')} 字，超过 ${p.max.toLocaleString('en-US')} 字的上限`,
    en: (p) => `The brief has ${p.count.toLocaleString('en-US')} characters, over the limit of ${p.max.toLocaleString('en-US')}`,
    hint: {
      zh: () => '字数按 Word/WPS 的“字数”统计：每个汉字和中文标点算 1 字，每个英文单词或一串数字算 1 字，空格和换行不计。',
      en: () => 'Counted like Word/WPS 字数: each Chinese character or punctuation mark is 1, each Latin word or number is 1; spaces do not count.',
    },
  },
  'brief.missing': {
    zh: () => '缺少培训机构及品牌简介（brief）',
    en: () => 'The institution and brand brief is missing',
  },
  'narrative.missing': {
    zh: (p) => `“${p.section}” 中 “${p.number ? `${p.number}. ` : ''}${p.prompt}” 还没有填写`,
    en: (p) => `"${p.section}": ${p.number ? `prompt ${p.number}, ` : ''}"${p.prompt}" is not written yet`,
  },
  'narrative.unknown': {
    zh: (p) => `叙述部分中不认识 “${p.key}”，可用：${listOf(p.options, 'zh')}`,
    en: (p) => `Unknown narrative part "${p.key}"; use: ${listOf(p.options, 'en')}`,
  },
  'narrative.notForKind': {
    zh: (p) => `“${p.key}” 不属于${p.kind.zh}的表格，不会被打印`,
    en: (p) => `"${p.key}" is not part of the ${p.kind.en} form and will not be printed`,
  },
  'material.missing': {
    zh: (p) => `材料 “${p.material}” 缺少 ${p.slot}（attachments.${p.slotId}）`,
    en: (p) => `Material "${p.material}" lacks ${p.slot} (attachments.${p.slotId})`,
  },
  'attachment.unknownSlot': {
    zh: (p) => `附件类别 “${p.key}” 不认识，可用：${listOf(p.options, 'zh')}`,
    en: (p) => `Unknown attachment slot "${p.key}"; use one of: ${listOf(p.options, 'en')}`,
  },

  // ── materials and files ──────────────────────────────────────────────────────
  'attachment.notForKind': {
    zh: (p) => `附件类别 “${p.key}” 不是${p.kind.zh}所需的材料，不会被装订`,
    en: (p) => `Attachment slot "${p.key}" is not a material of a ${p.kind.en} and will not be bound`,
  },
  'specialSupport.levelNotAllowed': {
    zh: (p) => `${p.level.zh}的标准不能按重点扶持放宽（${p.ref}）：重点扶持只放宽盟里制定的旗县市级、盟级标准`,
    en: (p) => `The ${p.level.en} thresholds cannot be relaxed for special support (${p.ref}): special support relaxes only the county and League thresholds the League sets`,
    hint: {
      zh: () => '按所申报级别的标准核对绩效；达不到时，可改为申报盟级品牌。',
      en: () => 'Check the figures against the thresholds of the level applied for; if they fall short, consider applying at League level.',
    },
  },
  'employment.none': {
    zh: () => '花名册中没有培训后就业的学员：培训后就业花名册（材料⑦）无法生成',
    en: () => 'No trainee of the roster was employed after training: the employment roster (material 7) cannot be made',
    hint: {
      zh: () => '在花名册的“就业单位”列填写每个已就业学员的单位（或在“是否就业”列填“是”）。',
      en: () => 'Fill in 就业单位 (the employer) for every trainee employed after training (or 是 under 是否就业).',
    },
  },
  'recognition.missing': {
    zh: (p) => (p.review ? `没有填写盟级品牌的认定文件（${p.ref}：复评对象是已认定的盟级品牌，现场勘验查阅相关认定文件）` : `没有填写已获得的${p.held.zh}品牌认定（${p.ref}：上一等级原则上从下一等级品牌中产生）`),
    en: (p) => (p.review ? `No recognition of the League brand is given (${p.ref}: a review is of a recognised League brand, whose recognition documents are checked on site)` : `No recognition as a ${p.held.en} brand is given (${p.ref}: a level's brands normally come from the level below)`),
    hint: {
      zh: (p) => `在 recognition 下填写认定文件的文号和时间（可附扫描件 file）。${p.review ? '' : '特别优秀、经评审小组一致同意直接认定晋升的，可不填，但需在材料中说明。'}`,
      en: (p) => `Give the document's number and date under recognition (a scan as file, if you have one).${p.review ? '' : ' A brand put up directly by the panel’s unanimous decision may leave it out, but should say so.'}`,
    },
  },
  'file.missing': {
    zh: (p) => `文件 ${p.path} 不存在`,
    en: (p) => `File ${p.path} does not exist`,
    hint: {
      zh: () => '核对文件名（包括扩展名）和文件夹；路径相对于申报文件夹。',
      en: () => 'Check the file name (with its extension) and folder; paths are relative to the submission folder.',
    },
  },
  'file.outside': {
    zh: (p) => `文件 ${p.path} 在申报文件夹之外（路径或快捷方式/链接指向了外面）`,
    en: (p) => `File ${p.path} lies outside the submission folder (through its path or a link)`,
    hint: {
      zh: () => '把文件复制到申报文件夹里，再写相对路径；这样刻盘和打包时不会漏掉。',
      en: () => 'Copy the file into the submission folder and refer to it there, so the package holds it.',
    },
  },
  'file.empty': {
    zh: (p) => `文件 ${p.path} 是空的（0 字节）`,
    en: (p) => `File ${p.path} is empty (0 bytes)`,
  },
  'file.notFile': {
    zh: (p) => `${p.path} 不是普通文件`,
    en: (p) => `${p.path} is not a regular file`,
  },
  'file.emptyFolder': {
    zh: (p) => `文件夹 ${p.path} 里没有文件`,
    en: (p) => `Folder ${p.path} holds no files`,
  },
  'file.wrongType': {
    zh: (p) => `文件 ${p.path} 的内容是${named(p.actual, 'zh')}，这里只接受${p.expected.map((c) => named(c, 'zh')).join('、')}`,
    en: (p) => `File ${p.path} holds ${named(p.actual, 'en')}; only ${p.expected.map((c) => named(c, 'en')).join(', ')} is accepted here`,
    hint: {
      zh: () => '扫描件请存为 PDF、JPEG 或 PNG；只改扩展名不会改变文件内容。',
      en: () => 'Save scans as PDF, JPEG or PNG; renaming a file does not change its content.',
    },
  },
  'file.extensionMismatch': {
    zh: (p) => `文件 ${p.path} 的扩展名与内容不符（内容是${named(p.actual, 'zh')}）`,
    en: (p) => `File ${p.path}: the extension does not match its content (${named(p.actual, 'en')})`,
  },

  'pdf.encrypted': {
    zh: (p) => `PDF 文件 ${p.path} 设置了密码或加密，无法装订进打印册`,
    en: (p) => `PDF ${p.path} is encrypted and cannot be bound into the print volume`,
    hint: {
      zh: () => '用原来的软件去掉密码后重新保存，或打印后重新扫描成 PDF。',
      en: () => 'Remove the password in the program that made it, or print and scan it again.',
    },
  },
  'pdf.broken': {
    zh: (p) => `PDF 文件 ${p.path} 已损坏或不完整，无法打开`,
    en: (p) => `PDF ${p.path} is damaged or incomplete and cannot be opened`,
    hint: {
      zh: () => '文件可能没有下载或复制完整；从原处重新获取或重新扫描。',
      en: () => 'It may not have been downloaded or copied in full; get it again or scan it again.',
    },
  },
  'pdf.noPages': {
    zh: (p) => `PDF 文件 ${p.path} 没有任何页`,
    en: (p) => `PDF ${p.path} has no pages`,
  },
  'image.broken': {
    zh: (p) => `图片 ${p.path} 已损坏，读不出尺寸`,
    en: (p) => `Image ${p.path} is damaged; its size cannot be read`,
  },
  'image.lowResolution': {
    zh: (p) => `扫描件 ${p.path} 印在 A4 上只有约 ${p.dpi} dpi（低于 ${p.min} dpi），打印出来可能模糊`,
    en: (p) => `Scan ${p.path} prints at about ${p.dpi} dpi on A4 (under ${p.min} dpi) and may look blurred`,
    hint: {
      zh: () => '用 200–300 dpi 重新扫描，或用手机拍照时离近一些、用原图而不是聊天软件压缩过的图片。',
      en: () => 'Scan again at 200–300 dpi, or use the original photo rather than one a chat app compressed.',
    },
  },
  'file.caseClash': {
    zh: (p) => `${p.path} 与 ${p.other} 只差字母大小写；在 Windows 上它们是同一个文件，复制光盘时后一个会覆盖前一个`,
    en: (p) => `${p.path} and ${p.other} differ only in letter case; on Windows they are one file, and copying the disc would overwrite one with the other`,
    hint: { zh: () => '给其中一个改名（例如加上 -2），并改正 submission.yaml 中的路径。', en: () => 'Rename one of them (add -2, say) and correct its path in submission.yaml.' },
  },
  'file.discName': {
    zh: (p) =>
      `${p.path} 的名称不能用在光盘上：${
        p.problem === 'control' ? `含有控制字符（${p.char}，如换行）`
        : p.problem === 'reserved' ? `含有光盘或 Windows 不允许的字符 “${p.char}”`
        : p.problem === 'tooLong' ? `有 ${p.length} 个字符，光盘（Joliet）最多 ${p.max} 个`
        : p.problem === 'trailing' ? '以句点或空格结尾（Windows 会去掉它）'
        : '是 Windows 的保留名称'
      }`,
    en: (p) =>
      `${p.path}: the name cannot go on a disc: ${
        p.problem === 'control' ? `it holds a control character (${p.char}, such as a line break)`
        : p.problem === 'reserved' ? `it holds "${p.char}", which discs or Windows do not allow`
        : p.problem === 'tooLong' ? `it has ${p.length} characters; a disc (Joliet) takes at most ${p.max}`
        : p.problem === 'trailing' ? 'it ends in a dot or a space (Windows drops them)'
        : 'it is a name Windows reserves'
      }`,
    hint: {
      zh: (p) => `把它改名，例如改为 “${p.suggestion}”，并改正 submission.yaml 中相应的路径（附件是文件夹时不用改）。`,
      en: (p) => `Rename it, for example to "${p.suggestion}", and change its path in submission.yaml (not needed when the attachment is a folder).`,
    },
  },

  'attachment.unusable': {
    zh: (p) => `附件 ${p.path} 无法放进打印册：${p.detail}；没有生成任何文件`,
    en: (p) => `Attachment ${p.path} cannot be placed in the print volume: ${p.detail}; nothing was written`,
    hint: {
      zh: () => '用看图或 PDF 软件打开这个文件并另存一份，或重新扫描后再运行。',
      en: () => 'Open the file in an image or PDF program and save it again, or scan it again.',
    },
  },
  'print.tooThick': {
    zh: (p) => `每份打印册 ${p.pages} 页，书脊约 ${p.spine} mm，超过一次胶装的 ${p.max} mm`,
    en: (p) => `Each volume has ${p.pages} pages, a spine of about ${p.spine} mm, over the ${p.max} mm one perfect binding takes`,
    hint: {
      zh: () => '请印刷厂分成两册装订，或减少附件页数（如双面扫描、去掉重复页）。',
      en: () => 'Have the print shop bind it as two volumes, or reduce the attachment pages.',
    },
  },
  'print.coverOverflow': {
    zh: (p) => `封面（${p.form}）排不下一页，需要 ${p.pages} 页：机构名称或品牌名称太长`,
    en: (p) => `The cover (${p.form}) does not fit on one page (it needs ${p.pages}): the institution's or brand's name is too long`,
    hint: {
      zh: () => '按营业执照或办学许可证上的名称填写，不要加说明文字。',
      en: () => 'Write the name as on the licence, without explanations.',
    },
  },

  'disc.fits': {
    zh: (p) => `光盘镜像共 ${sizeText(p.size)}，可刻录到一张 ${p.disc}`,
    en: (p) => `The disc image is ${sizeText(p.size)} and fits on one ${p.disc}`,
  },
  'disc.tooLarge': {
    zh: (p) => `光盘镜像共 ${sizeText(p.size)}，一张 DVD-R DL（8.5 GB）也装不下`,
    en: (p) => `The disc image is ${sizeText(p.size)}; it fits on no single disc, not even a DVD-R DL (8.5 GB)`,
    hint: {
      zh: () => '减小扫描件的大小（如 150–200 dpi、黑白或灰度扫描），或分成多张光盘报送。',
      en: () => 'Make the scans smaller (150–200 dpi, grey scale) or file the package on several discs.',
    },
  },
  'build.notVerified': {
    zh: (p) => `写出的 ${p.part} 核验未通过（${p.errors} 处问题，见下），没有生成任何文件，原有的输出保持不变`,
    en: (p) => `The ${p.part} just written does not verify (${p.errors} problems, below); nothing was written and any earlier output is as it was`,
    hint: {
      zh: () => '多半是磁盘已满或损坏、或有其他程序同时改动了输出文件夹；检查磁盘后重新运行。',
      en: () => 'Most likely the disk is full or failing, or another program changed the output folder meanwhile; check the disk and run again.',
    },
  },

  // ── verify ───────────────────────────────────────────────────────────────────
  'verify.notBag': {
    zh: () => '这里没有 bagit.txt，不是 shenbao 生成的光盘目录或归档包',
    en: () => 'There is no bagit.txt: this is not a disc tree or archive made by shenbao',
    hint: {
      zh: () => '核验 output/<名称>/disc 文件夹、<名称>.zip 或 <名称>.iso。',
      en: () => 'Verify output/<name>/disc, <name>.zip or <name>.iso.',
    },
  },
  'verify.badDeclaration': {
    zh: () => 'bagit.txt 的内容不对（应有 BagIt-Version 和 Tag-File-Character-Encoding）',
    en: () => 'bagit.txt is malformed (it needs BagIt-Version and Tag-File-Character-Encoding)',
  },
  'verify.noManifest': {
    zh: () => '找不到 manifest-sha256.txt 等校验清单',
    en: () => 'No manifest (manifest-sha256.txt …) was found',
  },
  'verify.unsupported': {
    zh: (p) => `不认识的校验算法清单 ${p.name}，已跳过`,
    en: (p) => `Unknown checksum algorithm in ${p.name}; skipped`,
  },
  'verify.badLine': {
    zh: (p) => `校验清单中有一行格式不对：${p.line}`,
    en: (p) => `A manifest line is malformed: ${p.line}`,
  },
  'verify.missing': {
    zh: (p) => `缺少文件 ${p.path}（校验清单中有，实际没有）`,
    en: (p) => `Missing ${p.path} (listed in the manifest, not present)`,
  },
  'verify.mismatch': {
    zh: (p) => `文件 ${p.path} 的 ${p.alg} 校验值与清单不符：内容已被改动或损坏`,
    en: (p) => `${p.path}: ${p.alg} checksum differs from the manifest; the content was changed or damaged`,
  },
  'verify.notInManifest': {
    zh: (p) => `文件 ${p.path} 不在 ${p.manifest} 中`,
    en: (p) => `${p.path} is not in ${p.manifest}`,
  },
  'verify.extra': {
    zh: (p) => `多出文件 ${p.path}（任何校验清单中都没有）`,
    en: (p) => `Extra file ${p.path} (in no manifest)`,
  },
  'verify.oversized': {
    zh: (p) => `${p.path} 解压后有 ${p.size.toLocaleString('en-US')} 字节，比整个材料包声明的内容（${p.declared.toLocaleString('en-US')} 字节）还大，不可能是原来的文件；没有解压它`,
    en: (p) => `${p.path} unpacks to ${p.size.toLocaleString('en-US')} bytes, more than the whole package declares (${p.declared.toLocaleString('en-US')} bytes): it cannot be the file listed, and was not unpacked`,
    hint: { zh: () => '材料包被改动过：请申报单位重新提供。', en: () => 'The package was altered: ask the applicant for a new copy.' },
  },
  'verify.oxum': {
    zh: (p) => `bag-info.txt 中的 Payload-Oxum 是 ${p.declared}（字节数.文件数），实际是 ${p.actual}`,
    en: (p) => `Payload-Oxum in bag-info.txt is ${p.declared} (bytes.files); the payload is ${p.actual}`,
  },
  'verify.unsafeEntry': {
    zh: (p) => `归档中的条目 “${p.name}” 指向包外（如 ../ 或绝对路径），没有读取`,
    en: (p) => `Archive entry "${p.name}" points outside the package (../ or an absolute path); not read`,
  },
  'verify.link': {
    zh: (p) => `${p.name} 是链接（快捷方式），没有跟随`,
    en: (p) => `${p.name} is a link; not followed`,
  },
  'verify.broken': {
    zh: (p) => `归档已损坏或不完整：${p.detail}`,
    en: (p) => `The archive is damaged or incomplete: ${p.detail}`,
  },
  'verify.manifestWrong': {
    zh: (p) => `校验清单 ${p.manifest} 已被改动或损坏：其中 ${p.path} 的 ${p.alg} 校验值不对（文件本身与其他校验清单一致）`,
    en: (p) => `${p.manifest} was changed or damaged: its ${p.alg} checksum of ${p.path} is wrong (the file itself matches the other manifests)`,
    hint: {
      zh: () => '文件完好，坏的是这份清单：从原始光盘或 shenbao build 的输出重新拷贝整个光盘目录。',
      en: () => 'The file is intact; the manifest is not. Copy the whole disc tree again from the original disc or build output.',
    },
  },
  'verify.isoRecord': {
    zh: (p) => `光盘镜像的${treeZh(p.tree)}中 ${p.path} 的目录记录已损坏（记录中同一数值的两份副本不一致）`,
    en: (p) => `The image's ${treeEn(p.tree)}: the directory record of ${p.path} is damaged (the two copies of one of its numbers disagree)`,
    hint: {
      zh: () => '光盘镜像的目录结构已损坏：不带 Joliet 的读取程序会看到错误的文件。请用 shenbao build 的输出重新刻录或拷贝镜像。',
      en: () => "The image's directory structure is damaged: readers without Joliet would see wrong files. Burn or copy the image again from the build output.",
    },
  },
  'verify.isoPathTable': {
    zh: (p) => `光盘镜像${treeZh(p.tree)}的路径表（${p.table === 'L' ? '小端序 L' : '大端序 M'}）与目录不符`,
    en: (p) => `The image's ${treeEn(p.tree)}: its path table (${p.table === 'L' ? 'little-endian L' : 'big-endian M'}) does not match its directories`,
    hint: {
      zh: () => '光盘镜像的目录结构已损坏：不带 Joliet 的读取程序会看到错误的文件。请用 shenbao build 的输出重新刻录或拷贝镜像。',
      en: () => "The image's directory structure is damaged: readers without Joliet would see wrong files. Burn or copy the image again from the build output.",
    },
  },
  'verify.isoTreesDiffer': {
    zh: (p) => `光盘镜像的 ISO 9660 目录树与 Joliet 目录树不一致：${p.path}`,
    en: (p) => `The image's ISO 9660 tree and Joliet tree differ: ${p.path}`,
    hint: {
      zh: () => '光盘镜像的目录结构已损坏：不带 Joliet 的读取程序会看到错误的文件。请用 shenbao build 的输出重新刻录或拷贝镜像。',
      en: () => "The image's directory structure is damaged: readers without Joliet would see wrong files. Burn or copy the image again from the build output.",
    },
  },
  'verify.isoTreeBroken': {
    zh: (p) => `光盘镜像的${treeZh(p.tree)}无法读取：${p.detail}`,
    en: (p) => `The image's ${treeEn(p.tree)} cannot be read: ${p.detail}`,
    hint: {
      zh: () => '光盘镜像的目录结构已损坏：不带 Joliet 的读取程序会看到错误的文件。请用 shenbao build 的输出重新刻录或拷贝镜像。',
      en: () => "The image's directory structure is damaged: readers without Joliet would see wrong files. Burn or copy the image again from the build output.",
    },
  },
  'verify.fingerprint': {
    zh: (p) => `bag-info.txt 中记录的光盘指纹是 ${p.declared.slice(0, 16)}…，按 manifest-sha256.txt 计算是 ${p.actual.slice(0, 16)}…：校验清单在光盘生成后被改过`,
    en: (p) => `bag-info.txt records the disc fingerprint ${p.declared.slice(0, 16)}…; manifest-sha256.txt gives ${p.actual.slice(0, 16)}…: the manifest was changed after the disc was made`,
    hint: {
      zh: () => '这张光盘与印着原指纹的纸质材料不是同一份；请用原始光盘或 shenbao build 的输出核对。',
      en: () => 'This disc is not the one the paper with the original fingerprint names; check against the original disc or build output.',
    },
  },
  'county.notPackage': {
    zh: (p) => `${p.path} 不是申报材料包：它是${spaced(notPackageName(p.what, 'zh'))}`,
    en: (p) => `${p.path} is not an applicant package: it is ${notPackageName(p.what, 'en')}`,
    hint: {
      zh: () => '材料包是 shenbao build 生成的输出文件夹（含 disc/）、.zip 或 .iso，或含 submission.yaml 的申报文件夹。',
      en: () => 'A package is an output folder of shenbao build (with disc/), its .zip or .iso, or a folder with submission.yaml.',
    },
  },
  'county.unreadable': {
    zh: (p) => `无法打开材料包 ${p.path}：${p.detail}`,
    en: (p) => `Cannot open the package ${p.path}: ${p.detail}`,
    hint: {
      zh: () => '文件可能在拷贝或下载时被截断、损坏。请申报单位重新拷贝，或用 shenbao build 重新生成后再提供。',
      en: () => 'The file was probably cut short or damaged in copying. Ask the applicant for a fresh copy or a new build.',
    },
  },

  // ── county ───────────────────────────────────────────────────────────────────
  'county.moreProblems': {
    zh: (p) => `……另有 ${p.count} 处同类问题未列出`,
    en: (p) => `… and ${p.count} more of the kind`,
  },
  'county.tooLarge': {
    zh: (p) => `材料包 ${p.path} ${p.what === 'tooMany' ? `含 ${p.limit} 个以上文件` : `解压后超过 ${(p.limit / 1e9).toFixed(1)} GB（最大一张光盘的容量）`}，不像申报材料，疑似“压缩炸弹”，拒绝解压`,
    en: (p) => `The package ${p.path} ${p.what === 'tooMany' ? `holds more than ${p.limit} files` : `would unpack to more than ${(p.limit / 1e9).toFixed(1)} GB (the largest disc)`}: not a plausible package (a zip bomb?); not unpacked`,
    hint: {
      zh: () => '请申报单位提供 shenbao build 生成的材料包。',
      en: () => 'Ask the applicant for the package that shenbao build made.',
    },
  },
  'county.noSubmission': {
    zh: (p) => `材料包 ${p.path} 中没有 ${p.dir}/submission.yaml，无法重新检查`,
    en: (p) => `The package ${p.path} has no ${p.dir}/submission.yaml; it cannot be checked again`,
    hint: {
      zh: () => '这不是 shenbao build 生成的材料包，或已被改动。请申报单位重新生成。',
      en: () => 'It was not made by shenbao build, or was changed. Ask the applicant for a new build.',
    },
  },
  'county.damagedCopy': {
    zh: (p) => `这是 ${p.institution}“${p.trade}”的一份损坏的副本；报送的是完好的 ${p.kept}`,
    en: (p) => `A damaged copy of ${p.institution} "${p.trade}"; the intact ${p.kept} is the one forwarded`,
    hint: { zh: () => '损坏的副本不报送；可以把它从收件文件夹中移走。', en: () => 'The damaged copy is not forwarded; it may be removed from the inbox.' },
  },
  'county.duplicate': {
    zh: (p) => `${p.institution} 的“${p.trade}”重复报送：与 ${p.other} 是同一单位的同一品牌工种`,
    en: (p) => `${p.institution}, ${p.trade}, was handed in twice: ${p.other} is the same institution and trade`,
    hint: {
      zh: () => '同一品牌只报送一份材料包：确认哪一份是最终版本，去掉另一份后重新运行。',
      en: () => 'File one package per brand: keep the final one, remove the other and run again.',
    },
  },
  'county.otherCounty': {
    zh: (p) => `申报材料写的所在旗县市是“${p.own}”，不是“${p.county}”`,
    en: (p) => `The submission names its county as "${p.own}", not "${p.county}"`,
    hint: {
      zh: () => '按属地原则，由品牌所在地旗县市初审推荐（办法第七条（二））。请核实。',
      en: () => 'The county where the brand is located reviews and recommends it (第七条（二）). Please confirm.',
    },
  },
  'county.bandMismatch': {
    zh: (p) => `申报材料中的人口规模是“${p.own.zh}”，county.yaml 中是“${p.county.zh}”；旗县市级标准按申报材料计算`,
    en: (p) => `The submission gives the population band "${p.own.en}", county.yaml "${p.county.en}"; the county-level thresholds follow the submission`,
  },
  'county.late': {
    zh: (p) => `推荐日期 ${dateText(p.date, 'zh')} 晚于 ${dateText(p.deadline, 'zh')}（${p.ref}）`,
    en: (p) => `The county's date ${dateText(p.date, 'en')} is after the deadline ${dateText(p.deadline, 'en')} (${p.ref})`,
    hint: {
      zh: () => '核对 county.yaml 中 county.date；逾期报送须与接收单位联系。',
      en: () => 'Check county.date in county.yaml; a late package needs the receiving office\'s agreement.',
    },
  },
  'county.notInFile': {
    zh: (p) => `county.yaml 中没有 ${p.institution}（${p.trade}），尚未决定是否推荐`,
    en: (p) => `county.yaml has no entry for ${p.institution} (${p.trade}): no decision yet`,
    hint: {
      zh: () => '运行 shenbao county init <材料包…> 生成包含全部申报单位的 county.yaml，或在 applicants 下补上这一项。',
      en: () => 'Run shenbao county init <packages…> to write a county.yaml listing every applicant, or add an entry under applicants.',
    },
  },
  'county.unknownApplicant': {
    zh: (p) => `county.yaml 中的 ${p.institution}（${p.trade}）没有对应的材料包`,
    en: (p) => `county.yaml names ${p.institution} (${p.trade}), but no package of it was given`,
    hint: {
      zh: () => '核对单位名称和工种是否与申报材料一致，或把它的材料包加到命令中。',
      en: () => 'Check the names against the submission, or add its package to the command.',
    },
  },
  'county.undecided': {
    zh: (p) => `${p.institution}（${p.trade}）尚未决定是否推荐（recommend 未填写），没有写推荐报告`,
    en: (p) => `${p.institution} (${p.trade}): no decision yet (recommend is empty); no report was written`,
    hint: {
      zh: () => '在 county.yaml 中这一项下写 recommend: true（推荐）或 recommend: false（不推荐）。',
      en: () => 'Write recommend: true or recommend: false for it in county.yaml.',
    },
  },
  'county.cannotRecommend': {
    zh: (p) => `${p.institution} 不能推荐：${blockersText(p.blockers, 'zh')}；推荐报告没有写，材料包没有放入报送材料`,
    en: (p) => `${p.institution} cannot be recommended: ${blockersText(p.blockers, 'en')}; no report was written and its package was not forwarded`,
    hint: {
      zh: () => '请申报单位改正后重新提交材料包，再运行 shenbao county。',
      en: () => 'Ask the applicant to correct it and hand in a new package, then run shenbao county again.',
    },
  },
  'county.notForwarded': {
    zh: (p) => `${p.institution} 的复评材料不能报送：${blockersText(p.blockers, 'zh')}`,
    en: (p) => `${p.institution}'s review package cannot be forwarded: ${blockersText(p.blockers, 'en')}`,
    hint: {
      zh: () => '请申报单位重新提供完好的材料包，再运行 shenbao county。',
      en: () => 'Ask the applicant for an intact package, then run shenbao county again.',
    },
  },
  'county.noWords': {
    zh: (p) => `${p.institution} 的推荐报告中以下部分既没有旗县市的文字，也没有可由申报数据得出的内容：${p.sections.join('；')}；空的部分不能付印，推荐报告没有写，材料包没有放入报送材料`,
    en: (p) => `${p.institution}: these parts of the recommendation report have neither the county's words nor anything from the applicant's data: ${p.sections.join('; ')}; an empty part cannot go to print, so no report was written and the package was not forwarded`,
    hint: {
      zh: (p) => `在 county.yaml 中这一项下的 ${p.key} 写上旗县市的文字；确实没有可写的，写 ${p.key}: ${p.none}。`,
      en: (p) => `Write the county's words under ${p.key} for it in county.yaml, or ${p.key}: ${p.none} if there is truly nothing to say.`,
    },
  },
  'county.noScore': {
    zh: (p) => `${p.institution} 的复评没有旗县市评估得分（county.yaml 的 scores 或 score），评价结果报告中得分和等级留空`,
    en: (p) => `${p.institution}: no county score for the review (scores or score in county.yaml); the report leaves score and grade blank`,
    hint: {
      zh: () => '评估领导小组评分后，在 county.yaml 中这一项下的 scores 写出每个一级指标的得分（总分由它们相加；只有总分时写 score: 分数），重新运行。',
      en: () => 'Once scored, write each rubric group’s points under scores for it in county.yaml (they add up to the total; with a total only, write score: N), and run again.',
    },
  },
  'county.removal': {
    zh: (p) => `${p.institution}：数据显示存在直接取消资格的情形（${p.ref}）：${p.ground}`,
    en: (p) => `${p.institution}: the data shows a ground for removal (${p.ref}): ${p.ground}`,
  },
  'county.scoreIgnored': {
    zh: (p) =>
      p.field === 'score'
        ? `${p.institution} 是认定申报，county.yaml 中的 score（旗县市评估得分）只用于复评，已忽略`
        : `${p.institution} 是复评，county.yaml 中的 recommend（是否推荐）只用于认定申报，已忽略`,
    en: (p) =>
      p.field === 'score'
        ? `${p.institution} is an application; score in county.yaml is for reviews only and was ignored`
        : `${p.institution} is a review; recommend in county.yaml is for applications only and was ignored`,
  },
  'county.scoreGroupsNone': {
    zh: (p) => `${p.institution} 的复评只有旗县市评估总分（score），没有按一级指标的得分（scores）；评价结果报告中各一级指标的旗县市得分空缺`,
    en: (p) => `${p.institution}: the review has the county's total (score) but no score per rubric group (scores); the report leaves the groups' county scores blank`,
    hint: {
      zh: (p) => `在 county.yaml 中这一项下按评分标准的一级指标写 scores（${p.groups.join('、')}），各项之和即总分。`,
      en: (p) => `Write scores for it in county.yaml, one per rubric group (${p.groups.join(', ')}); they add up to the total.`,
    },
  },
  'county.scoreGroupUnknown': {
    zh: (p) => `${p.institution} 的 scores 中“${p.group}”不是评分标准的一级指标（可用：${listOf(p.options, 'zh')}）`,
    en: (p) => `${p.institution}: "${p.group}" in scores is not a group of the rubric (use: ${listOf(p.options, 'en')})`,
  },
  'county.scoreGroupOver': {
    zh: (p) => `${p.institution} 的一级指标 ${p.group} 旗县市评估 ${points(p.given)} 分，超过该项分值 ${points(p.max)} 分`,
    en: (p) => `${p.institution}: the county's ${points(p.given)} for ${p.group} exceeds its ${points(p.max)} points`,
  },
  'county.scoreGroupsMissing': {
    zh: (p) => `${p.institution} 的 scores 缺少一级指标：${p.missing.join('、')}；旗县市评估得分没有计算`,
    en: (p) => `${p.institution}: scores lacks the groups ${p.missing.join(', ')}; the county's score was not computed`,
    hint: {
      zh: () => '每个一级指标都要写得分（没有得分的写 0）。',
      en: () => 'Give every group a score (0 where none is earned).',
    },
  },
  'county.scoreSum': {
    zh: (p) => `${p.institution} 的 score 是 ${points(p.score)} 分，而 scores 各项之和是 ${points(p.sum)} 分`,
    en: (p) => `${p.institution}: score is ${points(p.score)}, but the groups in scores add up to ${points(p.sum)}`,
    hint: {
      zh: () => '核对各一级指标的得分，或删去 score（总分按各项之和计算）。',
      en: () => 'Check the group scores, or remove score (the total is their sum).',
    },
  },
  'county.entryForBoth': {
    zh: (p) => `county.yaml 中 ${p.institution}（${p.trade}）这一项同时用于认定申报和复评两个材料包`,
    en: (p) => `The county.yaml entry for ${p.institution} (${p.trade}) serves both its application and its review`,
    hint: {
      zh: () => '两个材料包各写一项，并分别写上 kind: 认定 和 kind: 复评。',
      en: () => 'Write one entry for each package, with kind: application and kind: review.',
    },
  },
  'county.sharedTrainee': {
    zh: (p) =>
      `${p.ids.length} 个身份证号同时出现在 ${p.packages.length} 个单位的花名册中（${p.packages.map((x) => `[${String(x.number).padStart(2, '0')}] ${x.institution}`).join('、')}）：` +
      p.ids.slice(0, SHARED_SHOWN).map((t) => `${t.id}（第 ${[...new Set(t.rows)].join('、')} 行）`).join('；') +
      (p.ids.length > SHARED_SHOWN ? `；……共 ${p.ids.length} 个，全部列在汇总表和审核记录中` : ''),
    en: (p) =>
      `${p.ids.length} ID number(s) are in the rosters of ${p.packages.length} institutions (${p.packages.map((x) => `[${String(x.number).padStart(2, '0')}] ${x.institution}`).join(', ')}): ` +
      p.ids.slice(0, SHARED_SHOWN).map((t) => `${t.id} (rows ${[...new Set(t.rows)].join(', ')})`).join('; ') +
      (p.ids.length > SHARED_SHOWN ? `; … ${p.ids.length} in all, every one listed in the summary and the audit record` : ''),
    hint: {
      zh: (p) => `同一人在不同单位参加补贴性培训，可能重复享受补贴（${p.ref}（二））；请逐人核实，结果写入 county.yaml 中相应单位的 findings 或审核意见。汇总表列出每个身份证号（隐去中间数字）。`,
      en: (p) => `One person in subsidised training at two institutions may have drawn the subsidy twice (${p.ref} (2)); check each and note the result under the institution's findings in county.yaml. The summary lists every ID (masked).`,
    },
  },
  'county.noPackages': {
    zh: () => '没有找到任何申报材料包，没有生成任何文件',
    en: () => 'No applicant package was found; nothing was written',
    hint: {
      zh: () => '给出 shenbao build 生成的输出文件夹、.zip、.iso 或申报文件夹，或放着它们的文件夹。',
      en: () => 'Give output folders of shenbao build, .zip or .iso files, submission folders, or a folder holding them.',
    },
  },
  'score.unknownItem': {
    zh: (p) => `自评分中的指标 “${p.item}” 不在评分标准中（可用：${listOf(p.options, 'zh')}）`,
    en: (p) => `Self-score item "${p.item}" is not in the rubric (use: ${listOf(p.options, 'en')})`,
  },
  'score.overMax': {
    zh: (p) => `指标 ${p.item} 自评 ${points(p.given)} 分，超过该项满分 ${points(p.max)} 分`,
    en: (p) => `Item ${p.item}: self-score ${points(p.given)} exceeds its maximum of ${points(p.max)}`,
  },
  'score.derivedGiven': {
    zh: (p) => `指标 ${p.item} 由数据计算（${points(p.derived)} 分），自评分被忽略`,
    en: (p) => `Item ${p.item} is computed from the data (${points(p.derived)}); the self-score is ignored`,
  },
  'score.notScored': {
    zh: (p) => `以下指标尚未自评，按 0 分计：${p.items.join(', ')}`,
    en: (p) => `Not self-scored yet, counted as 0: ${p.items.join(', ')}`,
    hint: {
      zh: () => '在 submission.yaml 的 selfScore 下给这些指标打分。',
      en: () => 'Score these items under selfScore in submission.yaml.',
    },
  },
  'score.assumedRubric': {
    zh: (p) => `评分标准 ${p.rubric} 在通知原文中不完整，以下指标是补齐的假设：${p.items.join(', ')}（${p.note}）`,
    en: (p) => `Rubric ${p.rubric} is incomplete in the notice; these items are assumed: ${p.items.join(', ')} (${p.note})`,
  },
  'score.categoryMismatch': {
    zh: (p) => `指标 ${p.item} 自评有分，但品牌的所属领域（brand.categories）中没有 “${p.category}”`,
    en: (p) => `Item ${p.item} is self-scored, but brand.categories does not include "${p.category}"`,
  },
  'score.gated': {
    zh: (p) => `${listOf(p.groups, 'zh')}属于定性指标，不符合则不予评价；自评分仅供参考`,
    en: (p) => `${listOf(p.groups, 'en')}: qualitative gate(s) not met, which means no evaluation; the self-score is for reference only`,
  },
  'glyph.missing': {
    zh: (p) => `${p.column ? `花名册“${p.column}”` : (p.what?.zh ?? '')}中的 “${p.char}”（${p.code}）没有任何可用字体能显示，打印出来会是空框`,
    en: (p) => `"${p.char}" (${p.code}) in ${p.column ? `the roster's column "${p.column}"` : (p.what?.en ?? 'the text')} is in none of the available fonts and would print as an empty box`,
    hint: {
      zh: () => '核对这个字是否录入有误；若确实如此，在 submission.yaml 的 fonts（或 shenbao.config.yaml）中指定一个包含这个字的字体文件。',
      en: () => 'Check the character; if it is right, name a font file that has it under fonts in submission.yaml or shenbao.config.yaml.',
    },
  },
  'font.unreadable': {
    zh: (p) => `无法使用字体文件 ${p.path}：${p.detail}`,
    en: (p) => `Cannot use the font file ${p.path}: ${p.detail}`,
    hint: {
      zh: () => '字体文件应为 TrueType（.ttf）、OpenType（.otf）、.ttc 或 WOFF；检查路径是否正确。',
      en: () => 'Use a TrueType (.ttf), OpenType (.otf), .ttc or WOFF font file; check the path.',
    },
  },
  'usage.invalid': {
    zh: (p) => p.detail,
    en: (p) => p.detail,
    hint: { zh: (p) => `运行 shenbao ${p.command ? `${p.command} ` : ''}--help 查看用法。`, en: (p) => `Run shenbao ${p.command ? `${p.command} ` : ''}--help for usage.` },
  },
  'usage.unknownOption': {
    zh: (p) => `没有 ${p.name} 这个选项${p.suggestion ? `，是不是 ${p.suggestion}？` : ''}`,
    en: (p) => `There is no option ${p.name}${p.suggestion ? `; did you mean ${p.suggestion}?` : ''}`,
    hint: { zh: (p) => `可用的选项：${listOf(p.options, 'zh')}。`, en: (p) => `Options: ${listOf(p.options, 'en')}.` },
  },
  'usage.missingValue': {
    zh: (p) => `${p.option} 后面缺少值`,
    en: (p) => `${p.option} needs a value`,
    hint: { zh: (p) => `写成 ${p.option} 值，例如 ${p.option === '--out' ? '--out 输出' : `${p.option} …`}。`, en: (p) => `Write ${p.option} VALUE${p.option === '--out' ? ', e.g. --out output' : ''}.` },
  },
  'usage.badNumber': {
    zh: (p) => `${p.option} 应为${p.max ? ` ${p.min} 到 ${p.max} 之间的` : `不小于 ${p.min} 的`}整数，给的是 “${p.given}”`,
    en: (p) => `${p.option} must be a whole number ${p.max ? `from ${p.min} to ${p.max}` : `of at least ${p.min}`}; got "${p.given}"`,
    hint: { zh: (p) => `改成例如 ${p.option} ${Math.max(p.min, 1)}，或不写这个选项用默认值。`, en: (p) => `Use e.g. ${p.option} ${Math.max(p.min, 1)}, or leave the option out for the default.` },
  },
  'usage.unknownCommand': {
    zh: (p) => `不认识的命令 “${p.name}”${p.suggestion ? `，是不是 “${p.suggestion}”？` : '。'}可用的命令：${listOf(p.commands, 'zh')}`,
    en: (p) => `Unknown command "${p.name}"${p.suggestion ? `; did you mean "${p.suggestion}"?` : '.'} Commands: ${listOf(p.commands, 'en')}`,
    hint: { zh: () => '运行 shenbao --help 查看用法。', en: () => 'Run shenbao --help for usage.' },
  },
  'usage.exists': {
    zh: (p) => `${listOf(p.paths, 'zh')} 已经存在，没有写入任何文件`,
    en: (p) => `${listOf(p.paths, 'en')} already exist(s); nothing was written`,
    hint: { zh: () => '要覆盖请加 --force（原有内容会丢失）。', en: () => 'Add --force to overwrite (their content will be lost).' },
  },
  'usage.noCounty': {
    zh: () => '不知道是哪个旗县市',
    en: () => 'Which county is this?',
    hint: {
      zh: (p) => `加上 --county 旗县市名称，或用 shenbao county init 生成 ${p.file}。`,
      en: (p) => `Add --county NAME, or write ${p.file} with shenbao county init.`,
    },
  },
  'server.badHost': {
    zh: (p) => `拒绝了发往 ${p.host} 的请求：这不是本服务的地址`,
    en: (p) => `Refused a request for ${p.host}: that is not this server's address`,
    hint: {
      zh: () => '请用 shenbao serve 启动时显示的地址打开页面。',
      en: () => 'Open the page at the address shenbao serve printed when it started.',
    },
  },
  'server.badOrigin': {
    zh: (p) => `拒绝了来自 ${p.origin} 的请求：只接受本页面发出的请求`,
    en: (p) => `Refused a request from ${p.origin}: only this page may send requests`,
    hint: {
      zh: () => '其他网站不能操作您电脑上的申报材料。请直接在 shenbao 的页面中操作。',
      en: () => 'Other websites cannot act on the files on your computer. Use the shenbao page itself.',
    },
  },
  'server.token': {
    zh: () => '需要访问口令',
    en: () => 'An access token is needed',
    hint: {
      zh: () => '请用 shenbao serve 启动时显示的完整地址（含 token=…）打开页面。',
      en: () => 'Open the full address shenbao serve printed at start-up (with token=…).',
    },
  },
  'server.notFound': {
    zh: (p) => `没有找到：${p.what}`,
    en: (p) => `Not found: ${p.what}`,
    hint: { zh: () => '刷新页面再试；文件可能已被移动或删除。', en: () => 'Reload the page; the file may have been moved or removed.' },
  },
  'server.badPath': {
    zh: (p) => `不能使用路径 ${p.path}：只能是工作文件夹之内的文件`,
    en: (p) => `Cannot use the path ${p.path}: only files inside the workspace folder`,
    hint: {
      zh: () => '路径中不能有 ..、盘符、绝对路径或指向文件夹之外的链接。',
      en: () => 'A path may not contain .., a drive letter, an absolute path or a link that leads outside.',
    },
  },
  'server.tooLarge': {
    zh: (p) => `上传的内容太大（上限 ${sizeText(p.max)}）`,
    en: (p) => `The upload is too large (limit ${sizeText(p.max)})`,
    hint: {
      zh: () => '扫描件请用 300 dpi 以下的分辨率；确需更大时，启动时加 --max-upload 指定上限（MB）。',
      en: () => 'Scan at 300 dpi or less; if a file really is larger, start with --max-upload (MB).',
    },
  },
  'server.badRequest': {
    zh: (p) => `请求无法处理：${p.detail}`,
    en: (p) => `The request cannot be handled: ${p.detail}`,
    hint: { zh: () => '刷新页面再试。', en: () => 'Reload the page and try again.' },
  },
  'server.changedOnDisk': {
    zh: (p) => `${p.file} 在页面打开之后被修改过（可能是在别的窗口或编辑器中），没有保存，以免覆盖那些修改`,
    en: (p) => `${p.file} was changed since the page loaded it (in another window or editor); nothing was saved, so those changes are not overwritten`,
    hint: {
      zh: () => '点“重新载入”看到文件现在的内容，再把您的修改填上。',
      en: () => 'Choose “Reload” to see the file as it is now, then make your changes again.',
    },
  },
  'server.busy': {
    zh: (p) => `${p.what} 正在进行中`,
    en: (p) => `${p.what} is already running`,
    hint: { zh: () => '等它完成后再试。', en: () => 'Wait for it to finish, then try again.' },
  },
  'server.exists': {
    zh: (p) => `${p.path} 已经存在`,
    en: (p) => `${p.path} already exists`,
    hint: { zh: () => '换一个名称。', en: () => 'Choose another name.' },
  },
  'server.syntax': {
    zh: (p) => `${p.file} 有格式错误，不能按字段修改`,
    en: (p) => `${p.file} has syntax errors, so its fields cannot be edited`,
    hint: {
      zh: () => '在下面的文本中按提示的行号改正，保存后即可按字段填写。',
      en: () => 'Correct the text below at the lines shown; once saved, the fields can be edited again.',
    },
  },
  'server.badUpload': {
    zh: (p) => `不能接收文件 ${p.name}`,
    en: (p) => `Cannot accept the file ${p.name}`,
    hint: {
      zh: () => '上传的内容必须是文件（multipart/form-data）。',
      en: () => 'The upload must be files (multipart/form-data).',
    },
  },
  'server.cutShort': {
    zh: () => '上传没有完成：传来的内容不完整（连接中断，或内容被截断）',
    en: () => 'The upload did not complete: what arrived is incomplete (the connection dropped, or the content was cut short)',
    hint: { zh: () => '什么也没有保存。请再上传一次。', en: () => 'Nothing was kept. Please upload it again.' },
  },
  'server.noPackage': {
    zh: (p) => `${p.name} 不是材料包：只接收 .zip、.iso 或 shenbao build 的输出文件夹`,
    en: (p) => `${p.name} is not a package: only .zip, .iso or an output folder of shenbao build`,
    hint: {
      zh: () => '把申报单位报送的 zip 或 ISO 文件拖到这里。',
      en: () => 'Drop the zip or ISO files the applicants handed in here.',
    },
  },
  'internal.bug': {
    zh: (p) => `shenbao 内部错误：${p.detail}`,
    en: (p) => `Internal error in shenbao: ${p.detail}`,
    hint: {
      zh: () => '这是程序的问题，不是您的材料的问题。请把命令和这段信息报告给开发者（设置 SHENBAO_DEBUG=1 可看到详细信息）。',
      en: () => 'This is a bug, not a problem with your files. Please report the command and this message (SHENBAO_DEBUG=1 shows details).',
    },
  },

  // ── score ────────────────────────────────────────────────────────────────────

  // ── fonts ────────────────────────────────────────────────────────────────────

  // ── internal ─────────────────────────────────────────────────────────────────
};
