/**
 * `shenbao init <dir>`: a submission.yaml skeleton with a Chinese comment on every field,
 * a roster.xlsx template, and the attachment folders of the scheme. Refuses to overwrite
 * any file without --force, and then writes nothing at all.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { chinaDate, type Clock } from '../core/clock.js';
import type { Lang } from '../i18n/lang.js';
import { rosterTemplate } from '../roster/template.js';
import type { Kind, Level, Scheme } from '../scheme/schema.js';
import { EXIT, UsageError } from './exit.js';
import { paint, type Out } from './terminal.js';

export interface InitOptions {
  dir: string;
  kind: Kind;
  level: Level;
  force: boolean;
  lang: Lang;
}

export const ROSTER_FILE = '花名册.xlsx';

/** The skeleton text for a kind and level: pure, so tests can parse it against the schema. */
export function skeletonText(scheme: Scheme, kind: Kind, level: Level, today: string, dir: string): string {
  const src = readFileSync(path.join(scheme.dir, 'skeleton', 'submission.yaml.hbs'), 'utf8');
  const template = Handlebars.compile(src, { noEscape: true, strict: true });
  const rubric = scheme.rubrics[scheme.rubricFor[kind]]!;
  const slotIds = [...new Set(scheme.materials[kind].flatMap((m) => m.slots))];
  return template({
    title: `${scheme.title} · ${kind === 'application' ? '认定申报' : '复评'}`,
    dir,
    kind,
    level,
    today,
    year: Number(today.slice(0, 4)) - 1,
    isApplication: kind === 'application',
    formName: kind === 'application' ? '推荐表' : '复评表',
    sections: scheme.sectionsFor[kind].map((id) => {
      const s = scheme.sections[id]!;
      const single = s.prompts.length === 1;
      return { id, title: s.title, single, prompt: s.prompts[0]!.text, prompts: s.prompts.map((p, i) => ({ ...p, number: i + 1 })) };
    }),
    partnerSlots: Array.from({ length: scheme.minPartners }, (_, i) => i + 1),
    slots: slotIds.map((id) => ({ id, ...scheme.slots[id]! })),
    rubricRef: rubric.ref,
    rubricTitle: rubric.title,
    selfScored: rubric.groups.flatMap((g) => g.items.filter((i) => !i.derive)),
  });
}

/** Writes through a temporary name, so an interrupted init leaves no half-written file. */
function writeAtomic(file: string, data: string | Uint8Array): void {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

export async function runInit(opts: InitOptions, scheme: Scheme, clock: Clock, out: Out): Promise<number> {
  const dir = path.resolve(opts.dir);
  const files = ['submission.yaml', ROSTER_FILE].map((f) => path.join(dir, f));
  const existing = files.filter((f) => existsSync(f));
  if (existing.length > 0 && !opts.force) {
    const list = existing.map((f) => path.relative(process.cwd(), f) || f).join(opts.lang === 'zh' ? '、' : ', ');
    throw new UsageError(
      opts.lang === 'zh'
        ? `${list} 已经存在，没有写入任何文件。要覆盖请加 --force（原有内容会丢失）。`
        : `${list} already exist(s); nothing was written. Add --force to overwrite (their content will be lost).`,
    );
  }
  const today = chinaDate(clock.now);
  const text = skeletonText(scheme, opts.kind, opts.level, today, opts.dir);
  const roster = await rosterTemplate(scheme, '', clock.now);

  const folders = new Set<string>();
  for (const m of scheme.materials[opts.kind]) for (const s of m.slots) folders.add(scheme.slots[s]!.folder);
  folders.add('材料/合作企业');

  mkdirSync(dir, { recursive: true });
  for (const f of [...folders].sort()) mkdirSync(path.join(dir, f), { recursive: true });
  writeAtomic(files[0]!, text);
  writeAtomic(files[1]!, roster);

  const zh = opts.lang === 'zh';
  out.write(`${paint(out, 'green', '✓')} ${zh ? '已生成' : 'Created'} ${path.join(opts.dir, 'submission.yaml')}\n`);
  out.write(`${paint(out, 'green', '✓')} ${zh ? '已生成' : 'Created'} ${path.join(opts.dir, ROSTER_FILE)}\n`);
  out.write(`${paint(out, 'green', '✓')} ${zh ? `已建立 ${folders.size} 个附件文件夹（材料/…）` : `Created ${folders.size} attachment folders (材料/…)`}\n`);
  out.write(zh ? `\n下一步：填写 submission.yaml 和花名册，把扫描件放进对应文件夹，然后运行\n    shenbao check ${opts.dir}\n` : `\nNext: fill in submission.yaml and the roster, put the scans into their folders, then run\n    shenbao check ${opts.dir}\n`);
  return EXIT.ok;
}
