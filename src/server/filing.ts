/**
 * One submission of the workspace as the page sees it: its file's text and version, its
 * values as written, the fields to draw, the check, its attachments by slot and its roster.
 * Saving applies the page's field edits to the file's own text (comments and order kept)
 * and writes it atomically — unless the file changed on disk since the page read it.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { claimsFromFigures } from '../check/claims.js';
import { fileDiagnostics } from '../check/materials.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { Failure } from '../core/failure.js';
import { diagnosticJson } from '../i18n/format.js';
import type { Lang } from '../i18n/lang.js';
import { placeImage } from '../paper/placement.js';
import { prepare, type Checked } from '../pipeline/prepare.js';
import { schemePicker } from '../pipeline/scheme.js';
import { checkJson } from '../report/json.js';
import { maskId, maskPhone } from '../roster/mask.js';
import { cellPlace } from '../roster/place.js';
import type { Kind, Scheme } from '../scheme/schema.js';
import { editSubmission, formatOf, rawValues, type FieldEdit } from '../submission/edit.js';
import type { FileFact } from '../submission/files.js';
import { formSpec } from '../submission/form-spec.js';
import type { World } from '../world/world.js';
import { refuse } from './refusal.js';
import { writeAtomic, type Workspace } from './workspace.js';

export const versionOf = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex').slice(0, 20);

/** Serialises work on one file: two saves of one submission never interleave. */
export class Locks {
  private readonly tails = new Map<string, Promise<unknown>>();

  async with<T>(key: string, work: () => Promise<T>): Promise<T> {
    const before = this.tails.get(key) ?? Promise.resolve();
    const run = before.then(work, work);
    const tail = run.catch(() => undefined);
    this.tails.set(key, tail);
    try {
      return await run;
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}

export interface FilingRef {
  id: string;
  dir: string;
  file: string;
}

/** The submission folder named `id` (a folder of the workspace, or "." for the workspace itself). */
export async function findFiling(ws: Workspace, id: string): Promise<FilingRef> {
  const all = await ws.submissions();
  const hit = all.find((s) => s.id === id);
  if (!hit) throw refuse(404, 'server.notFound', { what: id.slice(0, 100) });
  return hit;
}

const json = (lang: Lang, list: readonly Diagnostic[]) => list.map((d) => diagnosticJson(d, lang));

/** The check (load and check, as `shenbao check` does), or what stops it. */
export async function checkFiling(world: World, ws: Workspace, ref: FilingRef): Promise<{ checked?: Checked; diagnostics: Diagnostic[] }> {
  try {
    const prepared = await prepare(world, { dir: ref.dir, cwd: ws.root });
    if (!prepared.ok) return { diagnostics: prepared.diagnostics };
    return { checked: prepared, diagnostics: prepared.report.diagnostics };
  } catch (e) {
    // A roster that cannot be read, a scheme that is wrong: the page shows why, as the CLI would.
    if (e instanceof Failure) return { diagnostics: e.diagnostics };
    throw e;
  }
}

function attachmentFile(f: FileFact, accepted: Scheme['slots'][string]['types'] | undefined, lang: Lang) {
  return {
    path: f.path,
    name: path.posix.basename(f.path),
    size: f.size,
    content: f.content,
    pages: f.pdf?.pages ?? (f.pixels ? 1 : null),
    dpi: f.pixels ? Math.round(placeImage(f.pixels).dpi) : null,
    problems: json(lang, fileDiagnostics(f, accepted)),
  };
}

/** Each slot the kind's materials ask for, with the files now in it. */
function slotsView(checked: Checked, lang: Lang) {
  const { scheme, loaded } = checked;
  const kind = loaded.submission.kind;
  return scheme.materials[kind].flatMap((m, i) =>
    m.slots.map((id) => {
      const slot = scheme.slots[id]!;
      const named = loaded.submission.attachments[id];
      return {
        id,
        name: slot.name,
        material: { number: i + 1, id: m.id, name: m.name },
        folder: slot.folder,
        types: slot.types,
        /** What submission.yaml lists for the slot (a folder, or files in their order). */
        listed: named ?? [],
        files: (loaded.attachments[id] ?? []).map((f) => attachmentFile(f, slot.types, lang)),
      };
    }),
  );
}

/** The roster's rows as the page's table shows them: ID numbers and phones masked, as in every message. */
function rosterView(checked: Checked, lang: Lang) {
  const r = checked.report.roster;
  if (!r) return null;
  const byRow = new Map<number, Diagnostic[]>();
  for (const d of checked.report.diagnostics) {
    if (d.location.row !== undefined && d.location.file === r.file) byRow.set(d.location.row, [...(byRow.get(d.location.row) ?? []), d]);
  }
  const columns = checked.scheme.roster.columns.map((c) => ({ id: c.id, name: c.name, printed: c.printed }));
  // A key group as the roster names it (农牧民工), not by its id (migrantWorker).
  const keyGroupName = new Map(checked.scheme.keyGroups.map((g) => [g.id, g.name]));
  return {
    file: r.file,
    columns,
    rows: r.trainees.map((t) => ({
      row: t.row,
      cells: Object.fromEntries(columns.flatMap((c) => { const at = cellPlace(r, t, c.id); return at ? [[c.id, at.cell ?? null]] : []; })),
      values: {
        seq: t.seq, name: t.name, sex: t.sex, ethnicity: t.ethnicity, idNumber: maskId(t.idNumber), trade: t.trade, teacher: t.teacher,
        employer: t.employer, address: t.address, phone: maskPhone(t.phone), passed: t.passed, keyGroup: t.keyGroup ? (keyGroupName.get(t.keyGroup) ?? t.keyGroup) : t.keyGroup, order: t.order, subsidised: t.subsidised, employed: t.employed,
      },
      counted: t.brandTrade,
      problems: json(lang, byRow.get(t.row) ?? []),
    })),
    /** Problems of rows that are not trainees (left out), and of the roster as a whole. */
    other: json(lang, checked.report.diagnostics.filter((d) => d.location.file === r.file && (d.location.row === undefined || !r.trainees.some((t) => t.row === d.location.row)))),
  };
}

export interface FilingText {
  text: string;
  version: string;
}

export async function readFilingText(ref: FilingRef): Promise<FilingText> {
  const bytes = await readFile(path.join(ref.dir, ref.file));
  return { text: new TextDecoder('utf-8').decode(bytes), version: versionOf(bytes) };
}

/** The scheme the page draws the fields from: the submission's, or the default when the file cannot say. */
async function schemeFor(world: World, ws: Workspace, checked: Checked | undefined, values: unknown): Promise<Scheme> {
  if (checked) return checked.scheme;
  const named = values && typeof values === 'object' && typeof (values as { scheme?: unknown }).scheme === 'string' ? (values as { scheme: string }).scheme : undefined;
  try {
    return await schemePicker(world, undefined, ws.root)(named);
  } catch {
    return schemePicker(world, undefined, ws.root)(undefined);
  }
}

const KIND_WORDS: Record<string, Kind> = { application: 'application', review: 'review', 认定: 'application', 复评: 'review' };

/** Everything the page shows of one submission. */
export async function filingView(world: World, ws: Workspace, ref: FilingRef, lang: Lang) {
  const { text, version } = await readFilingText(ref);
  const format = formatOf(ref.file);
  const raw = rawValues(text, format);
  const { checked, diagnostics } = await checkFiling(world, ws, ref);
  const scheme = await schemeFor(world, ws, checked, raw.value);
  const rawKind = raw.value && typeof raw.value === 'object' ? (raw.value as { kind?: unknown }).kind : undefined;
  const kind: Kind = checked?.loaded.submission.kind ?? (Object.hasOwn(KIND_WORDS, String(rawKind)) ? KIND_WORDS[String(rawKind)] : undefined) ?? 'application';
  return {
    id: ref.id,
    file: ref.file,
    format,
    version,
    text,
    syntaxOk: raw.syntaxOk,
    values: raw.value ?? null,
    spec: formSpec(scheme, kind),
    check: checkJson(lang, checked?.report, diagnostics, false),
    slots: checked ? slotsView(checked, lang) : [],
    roster: checked ? rosterView(checked, lang) : null,
    claimsFromRoster: checked?.report.figures && checked.report.figures.trained > 0 ? claimsFromFigures(checked.report.figures) : null,
    thresholds: checked?.report.eligibility ?? null,
  };
}

/**
 * Saves field edits (or, for a file with syntax errors, its whole text) if the file is still
 * the version the page read. Returns the new version. The caller holds the file's lock.
 */
export async function saveFilingLocked(ref: FilingRef, version: string, change: { edits: readonly FieldEdit[] } | { text: string }): Promise<string> {
  const current = await readFilingText(ref);
  if (current.version !== version) throw refuse(409, 'server.changedOnDisk', { file: ref.file }, { file: ref.file });
  let next: string;
  if ('text' in change) next = change.text;
  else {
    const format = formatOf(ref.file);
    if (!rawValues(current.text, format).syntaxOk) throw refuse(409, 'server.syntax', { file: ref.file }, { file: ref.file });
    try {
      next = editSubmission(current.text, format, change.edits);
    } catch (e) {
      // An edit the file's shape cannot take (county.name where county is one word): refused, the file untouched.
      throw refuse(409, 'server.badRequest', { detail: (e as Error).message.slice(0, 200) }, { file: ref.file });
    }
  }
  await writeAtomic(path.join(ref.dir, ref.file), next);
  return versionOf(next);
}

/** saveFilingLocked under the submission's lock: two saves of one submission never interleave. */
export function saveFiling(ref: FilingRef, locks: Locks, version: string, change: { edits: readonly FieldEdit[] } | { text: string }): Promise<string> {
  return locks.with(path.join(ref.dir, ref.file), () => saveFilingLocked(ref, version, change));
}
