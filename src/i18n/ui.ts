/**
 * Every fixed word of the front ends — report headings, progress lines, what each command
 * prints, the help — in Chinese and English. The compiler keeps the two in step: English
 * must say everything Chinese says.
 */
import type { StageId, StageSummary } from '../core/progress.js';
import type { Lang } from './lang.js';
import { formatInt } from '../core/number.js';

const sizeText = (bytes: number) =>
  bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(2)} GB` : bytes >= 1024 ** 2 ? `${(bytes / 1024 ** 2).toFixed(1)} MB` : `${Math.ceil(bytes / 1024).toLocaleString('en-US')} KB`;

const zh = {
  // ── the check report ─────────────────────────────────────────────────────────
  reportTitle: '申报材料检查报告',
  /** Punctuation differs too: “培训机构：…” / “Institution: …”. */
  colon: '：',
  dash: ' —— ',
  comma: '，',
  semicolon: '；',
  paren: (s: string) => `（${s}）`,
  levelOf: (t: { name: string; en: string }) => t.name,
  kind: { application: '认定申报', review: '复评' },
  institution: '培训机构',
  trade: '品牌工种',
  countyWord: '旗县市',
  level: '申报级别',
  file: '申报文件',
  materials: (n: number) => `材料（${n} 项）`,
  generated: '由 shenbao 按数据填写',
  filesCount: (n: number) => `${n} 个文件`,
  chars: (n: string) => `${n} 字`,
  problems: (n: number) => `${n} 处问题`,
  figures: (level: string, ref: string) => `上年度绩效（按花名册计算，对照${level}标准，${ref}）`,
  figuresNone: '上年度绩效：花名册无法读取，未计算',
  colFigure: '项目',
  colRoster: '花名册',
  colClaimed: '表中填报',
  colRequired: '标准',
  colResult: '结果',
  partners: '合作企业（签订就业协议）',
  excluded: (other: number, dup: number) =>
    [other ? `${other} 行工种不符未计入` : '', dup ? `${dup} 行身份证号码重复未计入` : ''].filter(Boolean).join('；'),
  eligible: (level: string) => `结论：达到${level}标准`,
  eligibleRelaxed: (level: string) => `结论：未达到${level}标准，申请重点扶持，需评审认定`,
  notEligible: (level: string) => `结论：未达到${level}标准`,
  keyGroupSubsidised: '（享受补贴）',
  score: (title: string, ref: string) => `自评分（${ref} ${title}）`,
  total: '合计',
  points: '分',
  gated: (names: string) => `注意：${names}属于定性指标，不符合则不予评价`,
  assumedMark: '（补齐的假设项）',
  issues: (e: number, w: number) => `问题：${e} 个错误，${w} 个警告`,
  noIssues: '没有发现问题',
  infos: '提示',
  summaryOk: '检查通过：材料齐全。',
  summaryOkWarnings: (w: number) => `检查通过，但有 ${w} 个警告，请逐条确认。`,
  summaryErrors: (e: number) => `有 ${e} 个错误需要改正后再申报。`,
  strictFail: (w: number) => `--strict：${w} 个警告按错误处理。`,
  list: (items: readonly string[]) => items.join('、'),

  // ── progress ─────────────────────────────────────────────────────────────────
  stage: {
    check: '检查', fill: '填表', documents: '文档', print: '打印册', disc: '光盘', write: '写入', verify: '核验',
    intake: '核验和检查材料包', buildUnsealed: '生成未封装单位的材料包', countyDocuments: '旗县市文书',
  } satisfies Record<StageId, string>,
  stageDone: (id: StageId, s: StageSummary): string => {
    switch (id) {
      case 'check': return s.errors === undefined ? '' : `${s.errors} 个错误，${s.warnings ?? 0} 个警告`;
      case 'fill': return `${s.forms ?? 0} 份表格`;
      case 'documents': return `${s.files ?? 0} 份`;
      case 'print': return s.spineMm === undefined ? `${s.copies} 份，每份 ${s.pages} 页` : `${s.copies} 份，每份 ${s.pages} 页，书脊 ${s.spineMm} mm`;
      case 'disc': return s.bytes === undefined ? `${s.files ?? 0} 个文件` : `${s.files ?? 0} 个文件，${sizeText(s.bytes)}`;
      case 'intake': case 'buildUnsealed': return `${s.packages ?? 0} 个`;
      case 'countyDocuments': return `${s.documents ?? 0} 份`;
      default: return '';
    }
  },

  // ── build ────────────────────────────────────────────────────────────────────
  build: {
    unreadable: '申报文件有错误，未生成任何文件。',
    refused: (e: number) => `有 ${e} 个错误，未生成任何文件。改正后再运行（shenbao check 可查看完整报告），或加 --force 仍然生成。`,
    forced: (e: number) => `--force：尽管有 ${e} 个错误，仍然生成。`,
    written: (where: string) => `已生成 → ${where}`,
    discLine: (files: number, bytes: number) => `光盘目录：${files} 个文件，${sizeText(bytes)}，BagIt 校验清单；光盘目录、zip 和 ISO 写出后已核验`,
    volumes: (pages: number, spine: number) => `打印册每份 ${pages} 页（双面 ${Math.ceil(pages / 2)} 张），书脊约 ${spine} mm。`,
  },

  // ── init ─────────────────────────────────────────────────────────────────────
  init: {
    created: (what: string) => `已生成 ${what}`,
    folders: (n: number) => `已建立 ${n} 个附件文件夹（材料/…）`,
    next: (dir: string) => `\n下一步：填写 submission.yaml 和花名册，把扫描件放进对应文件夹，然后运行\n    shenbao check ${dir}\n`,
  },

  // ── verify ───────────────────────────────────────────────────────────────────
  verify: {
    kinds: { folder: '文件夹', zip: 'zip 归档', iso: '光盘镜像' },
    verifying: (target: string, kind: string) => `核验 ${target}（${kind}）`,
    ok: (n: number, algs: string) => `✓ 核验通过：${n} 个文件的 ${algs} 校验值全部一致，没有缺少或多出的文件。`,
    failed: (errors: number, verified: number, files: number) => `✗ 发现 ${errors} 处问题（${verified}/${files} 个文件一致）。`,
    fingerprint: (short: string, files: number, bytes: number, excludes: string) =>
      `光盘指纹 ${short} · ${formatInt(files)} 个文件 · ${formatInt(bytes)} 字节（与打印册目录页、书脊上印的对照；SHA-256${excludes ? `，不含 ${excludes}` : ''}）`,
  },

  // ── the page (shenbao serve) ────────────────────────────────────────────────
  page: {
    draft: '草稿',
    draftLine: (errors: number) => `草稿：检查还有 ${errors} 个错误，改正之前不能作为正式材料报送`,
    started: (url: string) => `shenbao 已启动：${url}`,
    workspace: (dir: string) => `工作文件夹：${dir}`,
    token: '从其他电脑打开时需要带上这个地址中的口令（token）；不要把它告诉无关的人。',
    stop: '关闭这个窗口或按 Ctrl+C 停止。',
    noBrowser: '没能自动打开浏览器，请手动打开上面的地址。',
    portBusy: (port: number) => `端口 ${port} 已被占用，改用其他端口`,
  },

  // ── county ───────────────────────────────────────────────────────────────────
  county: {
    forms: { folder: '文件夹', zip: 'zip 归档', iso: '光盘镜像', submission: '申报文件夹（未封装）' },
    unrecognised: '无法识别',
    decisions: { recommend: '推荐', decline: '不推荐', undecided: '未定', refused: '不能推荐', review: '复评，报送', unusable: '不能使用' },
    kinds: { application: '认定', review: '复评' },
    label: { package: '材料包', check: '检查', materials: '材料', figures: '绩效', score: '自评分', removal: '取消情形', decision: '决定' },
    intact: (form: string, n: number, algs: string) => `完好（${form}）：${n} 个文件的 ${algs} 校验值全部一致`,
    damaged: (form: string, v: number, n: number, p: number) => `已损坏（${form}）：${v}/${n} 个文件一致，${p} 处问题`,
    unsealed: (form: string) => `${form}：没有校验清单，按原样检查`,
    unreadable: (form: string) => `无法读取（${form}）`,
    errors: (n: number) => `${n} 个错误`,
    noErrors: '无错误',
    warnings: (n: number) => `，${n} 个警告`,
    complete: (n: number) => `${n} 项齐全`,
    incomplete: (n: number, list: string) => `${n} 项缺少或有误：${list}`,
    meets: (level: string) => `符合${level}条件`,
    below: (level: string) => `未达到${level}条件`,
    countyScore: (score: string, grade: string) => `；旗县市评估 ${score}（${grade}）`,
    more: (n: number) => `……另有 ${n} 处检查问题未列出（在申报文件夹运行 shenbao check 查看全部）`,
    recordTitle: (title: string) => `${title} —— 审核记录`,
    recordHead: (bureau: string, date: string, generated: string) => `推荐单位：${bureau}    推荐日期：${date}    生成：${generated}`,
    recordBasis: (notice: string, refs: string) => `依据：${notice}，${refs}`,
    written: (where: string) => `已生成 → ${where}`,
    summaryLine: (n: number) => `汇总表.pdf、汇总表.xlsx  documents/，${n} 个单位`,
    reportsLine: (r: number, e: number) => `推荐报告 ${r} 份，评价结果报告 ${e} 份（PDF、DOCX）`,
    printLine: (pages: number, forwarded: number, folder: string) => `print/  旗县市材料一式三份，每份 ${pages} 页；${folder}/ 下是 ${forwarded} 个报送单位的打印册`,
    discLine: (name: string, files: number, bytes: number, disc?: string) => `disc/、${name}.zip、${name}.iso  ${files} 个文件，${sizeText(bytes)}${disc ? `，可刻录到一张 ${disc}` : '，一张光盘装不下'}`,
    recordLine: '审核记录.txt',
    blocking: '有材料包不能使用或不能推荐，见上面各单位的说明。',
    initCreated: (file: string, n: number) => `已生成 ${file}：${n} 个申报单位`,
    initUnreadable: (input: string, why: string) => `${input}：无法读取申报数据，未列入${why ? `（${why}）` : ''}`,
    recordShared: (n: number) => `同时出现在不同单位花名册中的身份证号（隐去中间数字），共 ${n} 个：`,
    initDamaged: (input: string, problems: number) => `${input}：材料包已损坏（${problems} 处与校验清单不符），不能报送；请申报单位重新提供`,
    initNoCounty: '请在 county.name 中填写旗县市名称',
    initNext: (file: string, command: string) => `\n下一步：在 ${file} 中填写联系人、每个单位是否推荐和报告文字，然后运行\n    shenbao county ${command}\n`,
    summaryFixity: { intact: '材料包完好', damaged: '材料包已损坏', unsealed: '申报文件夹（未封装）', unreadable: '材料包无法读取' },
    summaryUnusable: (unreadable: boolean) => `材料包无法使用：${unreadable ? '无法读取' : '申报数据无法读取'}`,
    summaryErrors: (n: number) => (n ? `检查 ${n} 个错误` : '检查无错误'),
    summaryFigures: (trained: string, pass: string, employment: string) => `培训 ${trained} 人，合格率 ${pass}，就业率 ${employment}`,
    summaryScore: (score: string) => `自评 ${score} 分`,
    packagesPlaceholder: '<材料包…>',
  },

  // ── the command line ─────────────────────────────────────────────────────────
  usageHint: '运行 shenbao --help 查看用法。',
  internal: '内部错误',
  help: {
    usage: '$0 <命令> [选项]\n\n兴安盟职业技能培训品牌申报材料：检查、填表、装订、归档。',
    lang: '输出语言',
    scheme: '评价方案文件夹（默认 templates/xam-2023）',
    config: '配置文件（默认当前目录的 shenbao.config.yaml）',
    json: '输出 JSON',
    quiet: '不显示进度',
    out: '输出文件夹',
    init: '新建申报文件夹：submission.yaml 模板、花名册模板和附件文件夹',
    initDir: '要建立的文件夹',
    initKind: '申报类型：application 认定申报 / review 复评',
    initLevel: '申报级别：county 旗县市级 / league 盟级 / region 自治区级',
    initForce: '覆盖已有的 submission.yaml 和花名册',
    exampleDir: '我的申报',
    exampleReview: '复评2026',
    exampleOut: 'D:/申报材料',
    exampleIso: 'output/我的机构-中式烹调师/我的机构-中式烹调师.iso',
    exampleInbox: '收件/',
    initExample1: '在“我的申报”文件夹中建立盟级认定申报',
    initExample2: '建立复评材料',
    check: '检查申报材料：材料是否齐全、花名册、绩效是否达标、自评分',
    dir: '申报文件夹（或 submission.yaml）',
    strict: '有警告也按不通过处理（退出码 1）',
    checkExample1: '检查示例申报',
    checkExample2: '输出 JSON，供其他程序读取',
    build: '生成全部表格：PDF、DOCX，花名册另有 XLSX（先检查，有错误时不生成）',
    buildForce: '即使检查有错误也生成',
    buildExample1: '生成示例申报的全部材料，写入 output/',
    buildExample2: '写入指定文件夹',
    verify: '核验光盘目录、zip 或 ISO：文件是否齐全、校验值是否一致',
    verifyTarget: 'disc 文件夹、输出文件夹、.zip 或 .iso',
    verifyExample1: '核验光盘镜像',
    verifyExample2: '核验放入光驱的光盘',
    county: '旗县市初审：核验和检查各单位的材料包，写推荐报告、评价结果报告和汇总表，生成报送盟里的打印册和光盘。\n先用 “shenbao county init <材料包…>” 生成 county.yaml',
    countyPackages: '材料包：build 的输出文件夹、.zip、.iso，或申报文件夹；也可以是放着多个材料包的文件夹',
    countyName: '旗县市名称（默认取 county.yaml 中的）',
    countyFile: '旗县市数据文件（默认当前目录的 county.yaml）',
    countyJobs: '同时处理的材料包数（默认为 CPU 核数）',
    countyForce: '覆盖已有的 county.yaml',
    countyInitUsage: '$0 county init [材料包…] [选项]\n\n读取各单位的材料包，生成 county.yaml（每个单位一项，填写是否推荐和报告文字）。',
    countyExample1: '读取“收件”文件夹中的全部材料包，生成 county.yaml',
    countyExample2: '按 county.yaml 生成推荐材料，写入 output/',
    countyExample3: '不用 county.yaml，只核验、检查并出汇总表',
    serve: '在浏览器中填写、检查、生成（本机网页，不需要命令行）',
    serveDir: '工作文件夹：放各份申报的文件夹（默认当前文件夹）',
    servePort: '端口（默认 8765，被占用时自动换一个）',
    serveHost: '监听的地址（默认 127.0.0.1，只有本机能打开；给局域网用时会要求口令）',
    serveOpen: '启动后打开浏览器（--no-open 不打开）',
    serveMaxUpload: '单个上传文件的上限（MB，默认 200）',
    serveExample1: '在当前文件夹启动，并打开浏览器',
    serveExample2: '以 D:/申报 为工作文件夹，不自动打开浏览器',
    demandCommand: '请给出一个命令，例如 shenbao check data/example',
    epilog: '退出码：0 通过（可有警告）；1 材料有错误（--strict 时含警告）；2 用法错误；3 文件无法读取；4 内部错误。\n文档：README.md',
  },
};

type Ui = typeof zh;

const en: Ui = {
  reportTitle: 'Submission check report',
  colon: ': ',
  dash: ' — ',
  comma: ', ',
  semicolon: '; ',
  paren: (s) => ` (${s})`,
  levelOf: (t) => t.en,
  kind: { application: 'application', review: 'review' },
  institution: 'Institution',
  trade: 'Brand trade',
  countyWord: 'County',
  level: 'Level',
  file: 'Submission file',
  materials: (n) => `Materials (${n})`,
  generated: 'filled in by shenbao from the data',
  filesCount: (n) => `${n} file(s)`,
  chars: (n) => `${n} characters`,
  problems: (n) => `${n} problem(s)`,
  figures: (level, ref) => `Last year's figures (from the roster, against the ${level} thresholds, ${ref})`,
  figuresNone: "Last year's figures: the roster could not be read",
  colFigure: 'Figure',
  colRoster: 'Roster',
  colClaimed: 'Claimed',
  colRequired: 'Required',
  colResult: 'Result',
  partners: 'Partner enterprises with agreements',
  excluded: (other, dup) =>
    [other ? `${other} row(s) of another trade not counted` : '', dup ? `${dup} repeated ID number(s) not counted` : ''].filter(Boolean).join('; '),
  eligible: (level) => `Result: meets the ${level} thresholds`,
  eligibleRelaxed: (level) => `Result: below the ${level} thresholds; special support is claimed, which the reviewers decide`,
  notEligible: (level) => `Result: below the ${level} thresholds`,
  keyGroupSubsidised: ' (subsidised)',
  score: (title, ref) => `Self-score (${ref} ${title})`,
  total: 'Total',
  points: 'pts',
  gated: (names) => `Note: ${names}: qualitative gate(s); failing them means no evaluation`,
  assumedMark: ' (assumed item)',
  issues: (e, w) => `Problems: ${e} error(s), ${w} warning(s)`,
  noIssues: 'No problems found',
  infos: 'Notes',
  summaryOk: 'Check passed: the submission is complete.',
  summaryOkWarnings: (w) => `Check passed with ${w} warning(s); please review each.`,
  summaryErrors: (e) => `${e} error(s) must be fixed before filing.`,
  strictFail: (w) => `--strict: ${w} warning(s) count as errors.`,
  list: (items) => items.join(', '),

  stage: {
    check: 'check', fill: 'fill', documents: 'documents', print: 'print volumes', disc: 'disc', write: 'write', verify: 'verify',
    intake: 'verify and check packages', buildUnsealed: 'build unsealed submissions', countyDocuments: 'county documents',
  },
  stageDone: (id, s) => {
    switch (id) {
      case 'check': return s.errors === undefined ? '' : `${s.errors} error(s), ${s.warnings ?? 0} warning(s)`;
      case 'fill': return `${s.forms ?? 0} forms`;
      case 'documents': return `${s.files ?? 0} file(s)`;
      case 'print': return s.spineMm === undefined ? `${s.copies} copies of ${s.pages} pages` : `${s.copies} copies of ${s.pages} pages, spine ${s.spineMm} mm`;
      case 'disc': return s.bytes === undefined ? `${s.files ?? 0} files` : `${s.files ?? 0} files, ${sizeText(s.bytes)}`;
      case 'intake': case 'buildUnsealed': return `${s.packages ?? 0}`;
      case 'countyDocuments': return `${s.documents ?? 0} document(s)`;
      default: return '';
    }
  },

  build: {
    unreadable: 'The submission file has errors; nothing was written.',
    refused: (e) => `${e} error(s): nothing was written. Fix them (see shenbao check) or add --force to build anyway.`,
    forced: (e) => `--force: building despite ${e} error(s).`,
    written: (where) => `Written → ${where}`,
    discLine: (files, bytes) => `disc tree: ${files} files, ${sizeText(bytes)}, BagIt manifests; the disc tree, zip and ISO verified as written`,
    volumes: (pages, spine) => `Each print volume: ${pages} pages (${Math.ceil(pages / 2)} sheets double-sided), spine about ${spine} mm.`,
  },

  init: {
    created: (what) => `Created ${what}`,
    folders: (n) => `Created ${n} attachment folders (材料/…)`,
    next: (dir) => `\nNext: fill in submission.yaml and the roster, put the scans into their folders, then run\n    shenbao check ${dir}\n`,
  },

  verify: {
    kinds: { folder: 'folder', zip: 'zip', iso: 'disc image' },
    verifying: (target, kind) => `Verifying ${target} (${kind})`,
    ok: (n, algs) => `✓ Verified: ${n} files match their ${algs} checksums; nothing missing, nothing extra.`,
    failed: (errors, verified, files) => `✗ ${errors} problem(s) (${verified}/${files} files match).`,
    fingerprint: (short, files, bytes, excludes) =>
      `Disc fingerprint ${short} · ${formatInt(files)} files · ${formatInt(bytes)} bytes (compare with the volumes' contents page and spine; SHA-256${excludes ? `, without ${excludes}` : ''})`,
  },

  page: {
    draft: 'DRAFT',
    draftLine: (errors) => `Draft: the check still finds ${errors} error(s); not to be filed until they are corrected`,
    started: (url) => `shenbao is running at ${url}`,
    workspace: (dir) => `Workspace: ${dir}`,
    token: 'Opening it from another computer needs the token in this address; keep it to yourself.',
    stop: 'Close this window or press Ctrl+C to stop.',
    noBrowser: 'Could not open a browser; open the address above yourself.',
    portBusy: (port) => `Port ${port} is taken; using another`,
  },

  county: {
    forms: { folder: 'folder', zip: 'zip', iso: 'disc image', submission: 'submission folder (unsealed)' },
    unrecognised: 'unrecognised',
    decisions: { recommend: 'recommended', decline: 'not recommended', undecided: 'undecided', refused: 'cannot be recommended', review: 'review, forwarded', unusable: 'unusable' },
    kinds: { application: 'application', review: 'review' },
    label: { package: 'package', check: 'check', materials: 'materials', figures: 'figures', score: 'self-score', removal: 'removal', decision: 'decision' },
    intact: (form, n, algs) => `intact (${form}): ${n} files match their ${algs} checksums`,
    damaged: (form, v, n, p) => `damaged (${form}): ${v}/${n} files match, ${p} problem(s)`,
    unsealed: (form) => `${form}: no manifests; checked as it is`,
    unreadable: (form) => `unreadable (${form})`,
    errors: (n) => `${n} error(s)`,
    noErrors: 'no errors',
    warnings: (n) => `, ${n} warning(s)`,
    complete: (n) => `all ${n} complete`,
    incomplete: (n, list) => `${n} missing or faulty: ${list}`,
    meets: (level) => `meets the ${level} thresholds`,
    below: (level) => `below the ${level} thresholds`,
    countyScore: (score, grade) => `; county ${score} (${grade})`,
    more: (n) => `… ${n} more check problem(s) (run shenbao check on the submission to see all)`,
    recordTitle: (title) => `${title} — audit record`,
    recordHead: (bureau, date, generated) => `Recommending unit: ${bureau}    Date: ${date}    Generated: ${generated}`,
    recordBasis: (notice, refs) => `Basis: ${notice}, ${refs}`,
    written: (where) => `Written → ${where}`,
    summaryLine: (n) => `summary (PDF, XLSX) in documents/, ${n} applicant(s)`,
    reportsLine: (r, e) => `${r} recommendation report(s), ${e} evaluation report(s) (PDF, DOCX)`,
    printLine: (pages, forwarded, folder) => `print/  county volume ×3, ${pages} pages each; ${forwarded} applicant volume set(s) under ${folder}/`,
    discLine: (name, files, bytes, disc) => `disc/, ${name}.zip, ${name}.iso  ${files} files, ${sizeText(bytes)}${disc ? `, fits one ${disc}` : ', fits no single disc'}`,
    recordLine: '审核记录.txt (audit record)',
    blocking: 'Some packages cannot be used or recommended; see above.',
    initCreated: (file, n) => `Created ${file}: ${n} applicant(s)`,
    initUnreadable: (input, why) => `${input}: its data could not be read; not listed${why ? ` (${why})` : ''}`,
    recordShared: (n) => `Resident IDs in the rosters of more than one institution (masked), ${n} in all:`,
    initDamaged: (input, problems) => `${input}: the package is damaged (${problems} problem(s) against its manifest) and cannot be forwarded; ask the applicant for a new copy`,
    initNoCounty: 'Fill in county.name',
    initNext: (file, command) => `\nNext: fill in the contact, each decision and the report texts in ${file}, then run\n    shenbao county ${command}\n`,
    summaryFixity: { intact: 'package intact', damaged: 'package damaged', unsealed: 'submission folder (unsealed)', unreadable: 'package unreadable' },
    summaryUnusable: (unreadable) => `package unusable: ${unreadable ? 'cannot be read' : 'its data cannot be read'}`,
    summaryErrors: (n) => (n ? `check: ${n} error(s)` : 'check: no errors'),
    summaryFigures: (trained, pass, employment) => `${trained} trained, pass rate ${pass}, employment rate ${employment}`,
    summaryScore: (score) => `self-score ${score}`,
    packagesPlaceholder: '<packages…>',
  },

  usageHint: 'Run shenbao --help for usage.',
  internal: 'internal error',
  help: {
    usage: '$0 <command> [options]\n\nTraining-brand filing for Hinggan League: check, fill, bind, archive.',
    lang: 'language of the output',
    scheme: 'scheme folder (default templates/xam-2023)',
    config: 'config file (default ./shenbao.config.yaml)',
    json: 'print JSON',
    quiet: 'no progress output',
    out: 'output folder',
    init: 'create a submission folder: submission.yaml skeleton, roster template, attachment folders',
    initDir: 'folder to create',
    initKind: 'application or review',
    initLevel: 'level applied for: county, league or region',
    initForce: 'overwrite an existing submission.yaml and roster',
    exampleDir: 'my-submission',
    exampleReview: 'review-2026',
    exampleOut: 'D:/filings',
    exampleIso: 'output/my-school-cook/my-school-cook.iso',
    exampleInbox: 'inbox/',
    initExample1: 'a League-level application in the folder my-submission',
    initExample2: 'a review',
    check: 'check a submission: materials, roster, figures against thresholds, self-score',
    dir: 'submission folder (or its submission.yaml)',
    strict: 'treat warnings as errors (exit 1)',
    checkExample1: 'check the bundled example',
    checkExample2: 'JSON for other programs',
    build: 'fill every form as PDF and DOCX (roster also XLSX), bind the volumes, make the disc; checks first and refuses on errors',
    buildForce: 'build even if the check finds errors',
    buildExample1: 'build the example into output/',
    buildExample2: 'write elsewhere',
    verify: 'verify a disc tree, zip or ISO: every file present and unchanged',
    verifyTarget: 'disc folder, output folder, .zip or .iso',
    verifyExample1: 'verify the disc image',
    verifyExample2: 'verify the disc in drive E:',
    county: 'county review: verify and check applicant packages, write the recommendation and evaluation reports and the summary, make the print set and disc for the League.\nStart with "shenbao county init <packages…>" to write county.yaml',
    countyPackages: 'packages: build output folders, .zip, .iso or submission folders; or a folder of packages',
    countyName: 'county name (default: from county.yaml)',
    countyFile: 'county file (default ./county.yaml)',
    countyJobs: 'packages processed at once (default: CPU cores)',
    countyForce: 'overwrite county.yaml',
    countyInitUsage: '$0 county init [packages…] [options]\n\nRead the applicants\' packages and write county.yaml (one entry each, for the decision and the report texts).',
    countyExample1: 'write county.yaml for every package in the folder inbox',
    countyExample2: 'make the county package into output/',
    countyExample3: 'without county.yaml: verify, check and summarise',
    serve: 'fill in, check and build in a browser (a page on this computer, no terminal needed)',
    serveDir: 'workspace: the folder holding the submission folders (default: this folder)',
    servePort: 'port (default 8765; another one when it is taken)',
    serveHost: 'address to listen on (default 127.0.0.1: this computer only; any other asks for a token)',
    serveOpen: 'open the browser once started (--no-open: do not)',
    serveMaxUpload: 'largest file one upload may be (MB, default 200)',
    serveExample1: 'start in this folder and open the browser',
    serveExample2: 'use D:/申报 as the workspace, without opening a browser',
    demandCommand: 'Give a command, e.g. shenbao check data/example',
    epilog: 'Exit codes: 0 ok (warnings allowed); 1 the submission has errors (or warnings with --strict); 2 wrong usage; 3 a file could not be read; 4 internal error.\nDocs: README.md',
  },
};

export function ui(lang: Lang): Ui {
  return lang === 'zh' ? zh : en;
}
