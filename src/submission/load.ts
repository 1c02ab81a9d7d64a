/**
 * Reading a submission folder: the submission file, the roster, the brief, and facts about
 * every attachment. This is the only part of checking that touches the disk; everything it
 * returns is plain data for the pure checks in check/.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { error, type Diagnostic, type Location } from '../core/diagnostic.js';
import { locate, parseSource, type Source } from '../core/source.js';
import { zodDiagnostics } from '../core/zod-report.js';
import type { Lang } from '../i18n/lang.js';
import { readCsvRoster } from '../roster/read-csv.js';
import { readInlineRoster } from '../roster/read-inline.js';
import { readXlsxRoster } from '../roster/read-xlsx.js';
import type { RosterTable } from '../roster/types.js';
import type { Scheme } from '../scheme/schema.js';
import { FileInspector, type FileFact } from './files.js';
import { analyzeFiles } from './analyze.js';
import { submissionSchema, type Submission } from './schema.js';

export const SUBMISSION_NAMES = ['submission.yaml', 'submission.yml', 'submission.json'];

/** A failure to read that stops the check: exit code 3. */
export class ReadFailure extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super('read failure');
  }
}

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
  /** Every referenced file, for completeness checks and packaging. */
  files: FileFact[];
  diagnostics: Diagnostic[];
}

/** Finds the submission file: the path itself if it is a file, else a known name inside the folder. */
export function findSubmissionFile(target: string): { dir: string; file: string } {
  let st;
  try {
    st = statSync(target);
  } catch (e) {
    throw new ReadFailure([error('file.unreadable', { path: target, reason: reasonOf(e) }, { file: target })]);
  }
  if (st.isFile()) return { dir: path.dirname(path.resolve(target)), file: path.basename(target) };
  for (const name of SUBMISSION_NAMES) {
    if (existsSync(path.join(target, name))) return { dir: path.resolve(target), file: name };
  }
  throw new ReadFailure([error('submission.notFound', { dir: target, names: SUBMISSION_NAMES.join(' / ') }, { file: target })]);
}

export function reasonOf(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT': return '文件不存在 (ENOENT)';
    case 'EACCES': case 'EPERM': return '没有读取权限 (EACCES)';
    case 'EISDIR': return '这是一个文件夹，不是文件 (EISDIR)';
    default: return (e as Error).message;
  }
}

function readBytes(abs: string, shown: string): Uint8Array {
  try {
    return readFileSync(abs);
  } catch (e) {
    throw new ReadFailure([error('file.unreadable', { path: shown, reason: reasonOf(e) }, { file: shown })]);
  }
}

/** Parses and validates the submission file's text. Pure. */
export function parseSubmission(text: string, file: string, lang: Lang): { source?: Source; submission?: Submission; diagnostics: Diagnostic[] } {
  const { source, diagnostics } = parseSource(text, file, lang);
  if (!source) return { diagnostics };
  if (source.data === null || typeof source.data !== 'object' || Array.isArray(source.data)) {
    return { source, diagnostics: [error('syntax.notMapping', {}, { file, line: 1, column: 1 })] };
  }
  const parsed = submissionSchema.safeParse(source.data, { reportInput: true });
  if (!parsed.success) return { source, diagnostics: zodDiagnostics(parsed.error.issues, submissionSchema, source, lang) };
  return { source, submission: parsed.data, diagnostics: [] };
}

/**
 * Loads a submission folder (or file). The scheme is chosen once the submission is parsed,
 * because the submission may name it; `pickScheme` may throw to stop.
 */
export async function loadSubmission(
  target: string,
  lang: Lang,
  pickScheme: (named: string | undefined) => Scheme,
): Promise<{ loaded?: LoadedSubmission; scheme?: Scheme; diagnostics: Diagnostic[] }> {
  const { dir, file } = findSubmissionFile(target);
  const text = new TextDecoder('utf-8').decode(readBytes(path.join(dir, file), file));
  const parsed = parseSubmission(text, file, lang);
  if (!parsed.submission || !parsed.source) return { diagnostics: parsed.diagnostics };
  const { source, submission } = parsed;
  // A scheme named by path is relative to the submission folder; a bare id is a bundled scheme.
  const named = submission.scheme && /[/\\]/.test(submission.scheme) ? path.resolve(dir, submission.scheme) : submission.scheme;
  const scheme = pickScheme(named);
  const diagnostics: Diagnostic[] = [];
  const inspector = new FileInspector(dir);
  const files: FileFact[] = [];
  const inspect = (rel: string, fieldPath: PropertyKey[]) => {
    const facts = inspector.inspect(rel, locate(source, fieldPath));
    files.push(...facts);
    return facts;
  };
  const inspectFile = (rel: string, fieldPath: PropertyKey[]) => {
    const fact = inspector.file(rel, locate(source, fieldPath));
    files.push(fact);
    return fact;
  };

  // Attachments per slot; folders stand for their files.
  const attachments: Record<string, FileFact[]> = {};
  for (const [slot, paths] of Object.entries(submission.attachments)) {
    attachments[slot] = paths.flatMap((p, i) => {
      const facts = inspect(p, ['attachments', slot, i]);
      if (facts.length === 0) diagnostics.push(error('file.emptyFolder', { path: p }, locate(source, ['attachments', slot, i])));
      return facts;
    });
  }
  const partners: PartnerFiles[] = submission.partners.map((p, i) => ({
    agreement: p.agreement ? inspectFile(p.agreement, ['partners', i, 'agreement']) : undefined,
    particulars: p.particulars ? inspectFile(p.particulars, ['partners', i, 'particulars']) : undefined,
  }));

  // The brief: inline text or a UTF-8 text file.
  let brief: LoadedSubmission['brief'];
  if (typeof submission.brief === 'string') brief = { text: submission.brief, where: locate(source, ['brief']) };
  else if (submission.brief) {
    const fact = inspectFile(submission.brief.file, ['brief', 'file']);
    if (fact.status === 'ok') {
      brief = { text: new TextDecoder('utf-8').decode(readBytes(path.join(dir, fact.path), fact.path)), where: { file: fact.path } };
    }
  }

  // The roster: a spreadsheet file or inline rows.
  let roster: RosterTable | undefined;
  const rs = submission.roster;
  if (rs !== undefined) {
    if (typeof rs === 'object' && 'rows' in rs) roster = readInlineRoster(rs.rows, source, scheme);
    else {
      const rel = typeof rs === 'string' ? rs : rs.file;
      const sheet = typeof rs === 'string' ? undefined : rs.sheet;
      const fieldPath = typeof rs === 'string' ? ['roster'] : ['roster', 'file'];
      const fact = inspectFile(rel, fieldPath);
      if (fact.status === 'ok') {
        const bytes = readBytes(path.join(dir, fact.path), fact.path);
        roster = await readRosterFile(bytes, fact.path, scheme, sheet);
      } else if (fact.status === 'missing' || fact.status === 'unreadable' || fact.status === 'notFile') {
        // Without its roster a submission cannot be checked at all.
        const reason = fact.status === 'missing' ? reasonOf({ code: 'ENOENT' }) : fact.status === 'notFile' ? reasonOf({ code: 'EISDIR' }) : reasonOf({ code: 'EACCES' });
        throw new ReadFailure([error('file.unreadable', { path: fact.path, reason }, fact.where)]);
      }
      // outside / empty files are reported by the completeness check.
    }
  }

  await analyzeFiles(dir, files);
  return { loaded: { dir, file, source, submission, roster, brief, attachments, partners, files, diagnostics }, scheme, diagnostics: [] };
}

export async function readRosterFile(bytes: Uint8Array, file: string, scheme: Scheme, sheet?: string): Promise<RosterTable> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') return readCsvRoster(bytes, file, scheme);
  if (ext === '.xls' || ext === '.et' || ext === '.ods' || ext === '.numbers') {
    return { file, columns: new Set(), rows: [], diagnostics: [error('roster.unsupported', { path: file }, { file })] };
  }
  return readXlsxRoster(bytes, file, scheme, sheet);
}
