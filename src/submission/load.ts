/**
 * Reading a submission folder through the World: the submission file, the roster, the
 * brief, and facts about every attachment — each file read once, its bytes kept for the
 * stages after (the volume, the archive) while they are small (files.ts KEEP_BYTES). This is the only part of checking that reads;
 * everything it returns is plain data for the pure checks in check/.
 */
import path from 'node:path';
import type { PDFDocument } from '#pdf-lib';
import type { FileEntry } from '../core/bundle.js';
import { error, type Diagnostic, type Location } from '../core/diagnostic.js';
import { fail, ioFailure } from '../core/failure.js';
import { IoError } from '../core/io.js';
import { locate, parseSource, type Source } from '../core/source.js';
import { controlIn } from '../core/text.js';
import { zodDiagnostics } from '../core/zod-report.js';
import { readInlineRoster } from '../roster/read-inline.js';
import { readRosterFile } from '../roster/read.js';
import type { RosterTable } from '../roster/types.js';
import type { Scheme } from '../scheme/schema.js';
import type { World } from '../world/world.js';
import { fileDiagnostics } from './file-problems.js';
import { chinaDate } from '../core/clock.js';
import { interpretRoster } from '../roster/interpret.js';
import { FileInspector, type FileFact } from './files.js';
import { submissionSchema, type RosterSource, type Submission } from './schema.js';

export const SUBMISSION_NAMES = ['submission.yaml', 'submission.yml', 'submission.json'];

export interface PartnerFiles {
  agreement?: FileFact;
  particulars?: FileFact;
}

export interface LoadedSubmission {
  /** Absolute path of the submission folder. */
  dir: string;
  /** Name of the submission file inside the folder (as shown in messages). */
  file: string;
  source: Source;
  submission: Submission;
  roster?: RosterTable;
  /** The brief's text and where it came from. */
  brief?: { text: string; where: Location };
  /** Files per attachment slot (folders expanded). */
  attachments: Record<string, FileFact[]>;
  partners: PartnerFiles[];
  /** The scan of the recognition the brand already holds, when the submission names one. */
  recognition?: FileFact;
  /** Every referenced file, for completeness checks and packaging. */
  files: FileFact[];
  /**
   * The submission file and every file read, by path relative to the folder: its bytes while
   * the kept files are small (files.ts KEEP_BYTES), else the file, read again when needed.
   */
  contents: ReadonlyMap<string, Uint8Array | FileEntry>;
  /** Attachment PDFs as parsed while loading (those whose bytes are kept), by path: the volume copies their pages. */
  pdfs: ReadonlyMap<string, PDFDocument>;
  diagnostics: Diagnostic[];
}

/**
 * Finds the submission file: a submission.yaml given by name, else a known name inside the
 * folder. `target` is as the user wrote it (messages show it so); `cwd` is what it is relative to.
 */
export async function findSubmissionFile(world: World, target: string, cwd: string): Promise<{ dir: string; file: string }> {
  const abs = path.resolve(cwd, target);
  let st;
  try {
    st = await world.stat(abs);
  } catch (e) {
    throw ioFailure(e instanceof IoError ? new IoError(target, e.reason, e.detail) : (e as IoError));
  }
  if (!st) throw fail('io', 'file.unreadable', { path: target, reason: 'missing' }, { file: target });
  if (st.kind === 'file') {
    if (SUBMISSION_NAMES.includes(path.basename(abs).toLowerCase())) return { dir: path.dirname(abs), file: path.basename(abs) };
    throw fail('usage', 'submission.isFile', { path: target }, { file: target });
  }
  const found: string[] = [];
  for (const name of SUBMISSION_NAMES) if ((await world.stat(path.join(abs, name)))?.kind === 'file') found.push(name);
  if (found.length === 0) throw fail('io', 'submission.notFound', { dir: target, names: SUBMISSION_NAMES }, { file: target });
  // Two submission files: whichever one were taken, the clerk may have edited the other.
  if (found.length > 1) throw fail('problems', 'submission.severalFiles', { dir: target, files: found }, { file: target });
  return { dir: abs, file: found[0]! };
}

/** Parses and validates the submission file's text. Pure. */
export function parseSubmission(text: string, file: string): { source?: Source; submission?: Submission; diagnostics: Diagnostic[] } {
  const { source, diagnostics } = parseSource(text, file);
  if (!source) return { diagnostics };
  if (source.data === null || typeof source.data !== 'object' || Array.isArray(source.data)) {
    return { source, diagnostics: [error('syntax.notMapping', {}, { file, line: 1, column: 1 })] };
  }
  const parsed = submissionSchema.safeParse(source.data, { reportInput: true });
  if (!parsed.success) return { source, diagnostics: zodDiagnostics(parsed.error.issues, submissionSchema, source) };
  return { source, submission: parsed.data, diagnostics: [] };
}

/**
 * Loads a submission folder (or its file). The scheme is chosen once the submission is
 * parsed, because the submission may name it; `pickScheme` may throw a Failure to stop.
 * Unreadable folders and files throw a Failure (exit 3); problems with the data come back
 * as diagnostics.
 */
export async function loadSubmission(
  world: World,
  target: string,
  pickScheme: (named: string | undefined) => Promise<Scheme>,
  cwd = '/',
): Promise<{ loaded?: LoadedSubmission; scheme?: Scheme; diagnostics: Diagnostic[] }> {
  const { dir, file } = await findSubmissionFile(world, target, cwd);
  let raw: Uint8Array;
  try {
    raw = await world.read(path.join(dir, file));
  } catch (e) {
    throw ioFailure(e instanceof IoError ? new IoError(file, e.reason, e.detail) : (e as IoError));
  }
  const parsed = parseSubmission(new TextDecoder('utf-8').decode(raw), file);
  if (!parsed.source) return { diagnostics: parsed.diagnostics };
  if (!parsed.submission) {
    // One pass shows all it can: besides the fields that do not fit, what the roster and the
    // attachments say, as far as their own fields can be read.
    const more = await partialPass(world, dir, file, raw, parsed.source, parsed.diagnostics, pickScheme);
    return { diagnostics: [...parsed.diagnostics, ...more] };
  }
  const { source, submission } = parsed;
  // A scheme named by path is relative to the submission folder; a bare id is a bundled scheme.
  const named = submission.scheme && /[/\\]/.test(submission.scheme) ? path.resolve(dir, submission.scheme) : submission.scheme;
  const scheme = await pickScheme(named);
  const diagnostics: Diagnostic[] = [];
  const inspector = new FileInspector(world, dir);
  inspector.contents.set(file, raw);
  const files: FileFact[] = [];
  const inspectFile = async (rel: string, fieldPath: PropertyKey[]) => {
    const fact = await inspector.file(rel, locate(source, fieldPath));
    files.push(fact);
    return fact;
  };

  const attachments = await inspectAttachments(inspector, source, submission.attachments, diagnostics);
  files.push(...Object.values(attachments).flat());
  const partners: PartnerFiles[] = [];
  for (const [i, p] of submission.partners.entries()) {
    partners.push({
      agreement: p.agreement ? await inspectFile(p.agreement, ['partners', i, 'agreement']) : undefined,
      particulars: p.particulars ? await inspectFile(p.particulars, ['partners', i, 'particulars']) : undefined,
    });
  }

  const recognition = submission.recognition?.file ? await inspectFile(submission.recognition.file, ['recognition', 'file']) : undefined;

  // The brief: inline text or a UTF-8 text file.
  let brief: LoadedSubmission['brief'];
  if (typeof submission.brief === 'string') brief = { text: submission.brief, where: locate(source, ['brief']) };
  else if (submission.brief) {
    const fact = await inspector.file(submission.brief.file, locate(source, ['brief', 'file']), true);
    files.push(fact);
    if (fact.status === 'ok') brief = { text: new TextDecoder('utf-8').decode(inspector.bytes(fact.path)), where: { file: fact.path } };
  }
  // The brief goes into a DOCX, which Word will not open with a control character in it.
  const bad = brief ? controlIn(brief.text) : undefined;
  if (brief && bad) {
    const before = brief.text.slice(0, bad.index).split('\n');
    const where = typeof submission.brief === 'string' ? brief.where : { file: brief.where.file, line: before.length, column: before.at(-1)!.length + 1 };
    diagnostics.push(error('text.control', { code: bad.code }, where));
  }

  // The roster: a spreadsheet file or inline rows.
  const read = submission.roster !== undefined ? await readRoster(inspector, source, submission.roster, scheme) : {};
  const roster = read.table;
  if (read.fact) {
    const fact = read.fact;
    files.push(fact);
    if (fact.status === 'missing' || fact.status === 'unreadable' || fact.status === 'notFile') {
      // Without its roster a submission cannot be checked at all.
      const reason = fact.status === 'missing' ? 'missing' : fact.status === 'notFile' ? 'isDir' : (fact.reason ?? 'denied');
      throw fail('io', 'file.unreadable', { path: fact.path, reason }, fact.where);
    }
    // outside / empty / too large files are reported by the completeness check.
  }

  return {
    loaded: { dir, file, source, submission, roster, brief, attachments, partners, ...(recognition && { recognition }), files, contents: inspector.contents, pdfs: inspector.pdfs, diagnostics },
    scheme,
    diagnostics: [],
  };
}

/** Attachments per slot (folders stand for their files); a named folder that holds nothing is said where it is named. */
async function inspectAttachments(inspector: FileInspector, source: Source, named: Record<string, string[]>, diagnostics: Diagnostic[]): Promise<Record<string, FileFact[]>> {
  const out: Record<string, FileFact[]> = {};
  for (const [slot, paths] of Object.entries(named)) {
    const facts: FileFact[] = [];
    for (const [i, p] of paths.entries()) {
      const found = await inspector.inspect(p, locate(source, ['attachments', slot, i]));
      if (found.length === 0) diagnostics.push(error('file.emptyFolder', { path: p }, locate(source, ['attachments', slot, i])));
      facts.push(...found);
    }
    out[slot] = facts;
  }
  return out;
}

/** The roster as its source names it: inline rows, or a spreadsheet file (with the file's facts, read or not). */
async function readRoster(inspector: FileInspector, source: Source, rs: RosterSource, scheme: Scheme): Promise<{ table?: RosterTable; fact?: FileFact }> {
  if (typeof rs === 'object' && 'rows' in rs) return { table: readInlineRoster(rs.rows, source, scheme) };
  const fact = await inspector.file(typeof rs === 'string' ? rs : rs.file, locate(source, typeof rs === 'string' ? ['roster'] : ['roster', 'file']), true);
  if (fact.status !== 'ok') return { fact };
  return { fact, table: await readRosterFile(inspector.bytes(fact.path), fact.path, scheme, typeof rs === 'string' ? undefined : rs.sheet) };
}

/**
 * The roster's rows and the attachments' files checked while other fields of the submission
 * are wrong, so a clerk sees every problem in one pass. Only parts whose own fields are
 * valid (and that no schema problem already names) are looked at; none of this is
 * a full check: thresholds and materials wait for a valid submission.
 */
async function partialPass(
  world: World,
  dir: string,
  file: string,
  raw: Uint8Array,
  source: Source,
  already: readonly Diagnostic[],
  pickScheme: (named: string | undefined) => Promise<Scheme>,
): Promise<Diagnostic[]> {
  const data = source.data as Record<string, unknown>;
  const field = (d: Diagnostic) => d.location.field ?? '';
  const named = (key: string) => already.some((d) => field(d) === key || field(d).startsWith(`${key}.`) || field(d).startsWith(`${key}[`));
  let scheme: Scheme;
  try {
    scheme = await pickScheme(typeof data.scheme === 'string' && !/[/\\]/.test(data.scheme) ? data.scheme : undefined);
  } catch {
    return [];
  }
  const out: Diagnostic[] = [];
  const inspector = new FileInspector(world, dir);
  inspector.contents.set(file, raw);

  const attachments = submissionSchema.shape.attachments.safeParse(data.attachments);
  if (attachments.success && !named('attachments')) {
    const bySlot = await inspectAttachments(inspector, source, attachments.data, out);
    for (const [slot, facts] of Object.entries(bySlot)) for (const fact of facts) out.push(...fileDiagnostics(fact, scheme.slots[slot]?.types));
  }

  const brand = data.brand as { trade?: unknown } | undefined;
  const roster = submissionSchema.shape.roster.safeParse(data.roster);
  if (roster.success && roster.data !== undefined && typeof brand?.trade === 'string' && !named('roster')) {
    const { table, fact } = await readRoster(inspector, source, roster.data, scheme);
    if (fact && fact.status !== 'ok') out.push(...fileDiagnostics(fact));
    if (table) out.push(...interpretRoster(table, { scheme, brandTrade: brand.trade.trim(), today: chinaDate(world.clock.now) }).diagnostics);
  }
  return out;
}
