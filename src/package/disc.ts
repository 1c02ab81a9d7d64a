/**
 * The disc tree (光盘): a BagIt bag whose payload (data/) holds the documents (PDF/A with their
 * DOCX/XLSX), the print volumes, and the submission exactly as given (submission.yaml, the
 * roster, every attachment, byte for byte) so the package can be rebuilt; beside it 说明.txt
 * and index.html, which opens from the disc in any browser. Every payload file is hashed once
 * (SHA-256 and SHA-512 in one read); the tag manifest covers the bag's own files.
 */
import Handlebars from 'handlebars';
import { volumeMaterials } from '../assemble/parts.js';
import { showFigure } from '../check/eligibility.js';
import type { Bundle, Entry, FileEntry } from '../core/bundle.js';
import type { CheckReport } from '../check/run.js';
import { chinaDate } from '../core/clock.js';
import { VERSION } from '../core/version.js';
import { cnDate } from '../forms/cn.js';
import { formatInt, formatPoints } from '../core/number.js';
import type { Scheme } from '../scheme/schema.js';
import type { LoadedSubmission } from '../submission/load.js';
import { makeBag, payloadDigests } from './bag.js';
import type { Digest } from './digest.js';
import { discRenames } from '../core/disc-names.js';
import { FINGERPRINT_EXCLUDES_FIELD, FINGERPRINT_FIELD, fingerprintOf, fingerprintWords, type Fingerprint } from './fingerprint.js';

export const DIR = { documents: 'data/表格', print: 'data/打印册', sources: 'data/申报数据' } as const;
export const README = '说明.txt';
export const INDEX = 'index.html';

export interface DiscInput {
  loaded: LoadedSubmission;
  scheme: Scheme;
  report: CheckReport;
  /** The build's documents/… and print/… entries. */
  outputs: Bundle;
  /** The documents made for each form id, in the order of the plan (NN-name.ext). */
  documentsByForm: ReadonlyMap<string, string[]>;
  date: Date;
  /** Payload digests computed before (for the fingerprint the volumes print), by path on the disc. */
  known?: ReadonlyMap<string, Digest>;
}

/** The disc tree as a bag (paths relative to the disc's root). */
export type Disc = import('./bag.js').Bag;

export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${formatInt(Math.ceil(bytes / 1024))} KB`;
}

/** A relative link that a browser resolves on any disc: every path segment percent-encoded. */
export const href = (p: string) => p.split('/').map(encodeURIComponent).join('/');

/** Text for Windows Notepad, which reads UTF-8 with a byte-order mark and CRLF line ends reliably. */
export function notepadText(text: string): Uint8Array {
  return Buffer.from(`\ufeff${text.replace(/\r?\n/g, '\r\n')}`, 'utf8');
}

/** The tag files beside data/: 说明.txt and index.html. */
export function discTags(readme: string, html: string): Map<string, Uint8Array> {
  const tags = new Map<string, Uint8Array>();
  tags.set(README, notepadText(readme));
  tags.set(INDEX, Buffer.from(html, 'utf8'));
  return tags;
}

/**
 * The payload with its names decided for the disc, once: a name no disc can hold (only in a
 * build forced past check's refusal) gets its disc name here, and the folder, the zip and the
 * ISO all take the tree as it is. Returns the renamed payload and original → disc path.
 */
export function discPayload(payload: ReadonlyMap<string, Entry>): { payload: Map<string, Entry>; renames: Map<string, string> } {
  const renames = discRenames(payload.keys());
  if (renames.size === 0) return { payload: new Map(payload), renames };
  return { payload: new Map([...payload].map(([p, e]) => [renames.get(p) ?? p, e])), renames };
}

/** The submission's own files, byte for byte as loaded: the submission file, the roster, the brief, every attachment (in memory or read again from its file). */
function sourceFiles(loaded: LoadedSubmission): Map<string, Uint8Array | FileEntry> {
  const out = new Map<string, Uint8Array | FileEntry>();
  out.set(loaded.file, loaded.contents.get(loaded.file)!);
  for (const f of loaded.files) {
    const bytes = loaded.contents.get(f.path);
    if (f.status === 'ok' && bytes) out.set(f.path, bytes);
  }
  return out;
}

/** A template of the scheme's disc/ folder (.txt.hbs unescaped, .html.hbs HTML-escaped). */
export const discTemplate = (scheme: Scheme, name: string) =>
  Handlebars.compile(scheme.templates.disc[name] ?? '', { noEscape: name.endsWith('.txt.hbs'), strict: false });

/**
 * The disc's payload from a build's outputs (documents/…, print/…) and the submission's own
 * files, its names decided for the disc. Called once before the print volumes exist — for the
 * fingerprint they print — and once for the whole disc: the names come out the same.
 */
export function payloadOf(loaded: LoadedSubmission, outputs: Bundle): { payload: Map<string, Entry>; renames: Map<string, string>; sources: Map<string, Uint8Array | FileEntry> } {
  const payload = new Map<string, Entry>();
  for (const [p, e] of outputs) {
    if (p.startsWith('documents/')) payload.set(`${DIR.documents}/${p.slice('documents/'.length)}`, e);
    else if (p.startsWith('print/')) payload.set(`${DIR.print}/${p.slice('print/'.length)}`, e);
  }
  const sources = sourceFiles(loaded);
  for (const [rel, e] of sources) payload.set(`${DIR.sources}/${rel}`, e);
  return { ...discPayload(payload), sources };
}

/** The fingerprint of a disc whose payload is `digests` (by path on the disc): everything but the print volumes. */
export const discFingerprint = (digests: ReadonlyMap<string, Digest>) => fingerprintOf(digests, `${DIR.print}/`);

/** What the print volumes print before the disc is made: the fingerprint of the documents and the submission's files. */
export async function fingerprintBeforePrint(loaded: LoadedSubmission, documents: Bundle): Promise<{ fingerprint: Fingerprint; digests: Map<string, Digest> }> {
  const { payload } = payloadOf(loaded, new Map([...documents].filter(([p]) => p.startsWith('documents/'))));
  const digests = await payloadDigests(payload);
  return { fingerprint: discFingerprint(digests), digests };
}

export async function buildDisc(input: DiscInput): Promise<Disc & { fingerprint: Fingerprint }> {
  const { loaded, scheme, report } = input;
  const s = loaded.submission;
  const { payload, renames, sources } = payloadOf(loaded, input.outputs);
  /** A payload path as it is on the disc. */
  const onDisc = (p: string) => renames.get(p) ?? p;

  const digests = await payloadDigests(payload, input.known);
  const payloadBytes = [...digests.values()].reduce((a, d) => a + d.size, 0);
  const sized = (p: string) => sizeText(digests.get(onDisc(p))!.size);
  const link = (p: string) => href(onDisc(p));
  const fingerprint = discFingerprint(digests);

  const level = scheme.levels[s.level];
  const kindName = scheme.kinds[s.kind].package;
  const title = `${level.formTitle}${kindName}`;
  const e = report.eligibility;
  const counts = { errors: report.diagnostics.filter((d) => d.severity === 'error').length, warnings: report.diagnostics.filter((d) => d.severity === 'warning').length };
  const common = {
    title,
    institution: s.institution.name,
    trade: s.brand.trade,
    levelName: level.name,
    county: s.county.name,
    filingDate: cnDate(s.filingDate),
    kindName,
    notice: scheme.notice,
    generated: `${chinaDate(input.date)}`,
    version: VERSION,
    copies: s.print.copies,
    fileCount: digests.size,
    payloadSize: sizeText(payloadBytes),
    ...fingerprintWords(fingerprint),
  };

  const docLinks = (formId: string) =>
    (input.documentsByForm.get(formId) ?? []).map((f) => ({ href: link(`${DIR.documents}/${f}`), label: f, size: sized(`${DIR.documents}/${f}`) }));
  const materials = volumeMaterials(loaded, scheme).map((m) => ({
    number: m.number,
    name: m.name,
    files: m.parts.flatMap((p) =>
      p.kind === 'form'
        ? docLinks(p.formId)
        : [{ href: link(`${DIR.sources}/${p.fact.path}`), label: p.caption, size: sized(`${DIR.sources}/${p.fact.path}`) }],
    ),
  }));
  const figures = (e?.rows ?? []).map((r) => ({
    label: scheme.figureNames[r.figure],
    actual: showFigure(r.figure, r.actual),
    required: `≥ ${showFigure(r.figure, r.required)}`,
    result: r.meets ? scheme.results.meets : r.relaxed ? scheme.results.relaxed : scheme.results.fails,
    cls: r.meets ? 'ok' : r.relaxed ? 'warn' : 'bad',
  }));
  const html = discTemplate(scheme, 'index.html.hbs')({
    ...common,
    counts,
    checkClass: counts.errors ? 'bad' : counts.warnings ? 'warn' : 'ok',
    figures,
    partners: report.partners,
    minPartners: scheme.minPartners,
    partnersResult: report.partners >= scheme.minPartners ? scheme.results.meets : scheme.results.fails,
    partnersCls: report.partners >= scheme.minPartners ? 'ok' : 'bad',
    score: formatPoints(report.score.total),
    grade: report.score.grade.zh,
    materials,
    volumes: [...payload.keys()].filter((p) => p.startsWith(`${DIR.print}/`)).sort().map((p) => ({ href: link(p), label: p.slice(DIR.print.length + 1), size: sized(p) })),
    sources: [loaded.file, ...[...sources.keys()].filter((k) => k !== loaded.file && !k.startsWith('材料/'))].map((k) => ({ href: link(`${DIR.sources}/${k}`), label: k, size: sized(`${DIR.sources}/${k}`) })),
    readmeHref: href(README),
  });
  const readme = discTemplate(scheme, 'readme.txt.hbs')({ ...common, renamed: [...renames].map(([a, b]) => `${a} → ${b}`) });

  const tags = discTags(readme, html);
  const bag = await makeBag(payload, digests, tags, [
    ['Source-Organization', s.institution.name],
    ...(s.institution.address ? ([['Organization-Address', s.institution.address]] as [string, string][]) : []),
    ['Contact-Name', s.institution.contactPerson || s.institution.legalRepresentative],
    ['Contact-Phone', s.institution.phone],
    ['External-Description', `${title}：${s.institution.name} · ${s.brand.trade} · ${s.county.name}`],
    ['External-Identifier', `${scheme.id}/${s.kind}/${s.level}/${s.filingDate}/${s.brand.trade}`],
    ['Bagging-Date', chinaDate(input.date)],
    ['Bag-Software-Agent', `shenbao ${VERSION}`],
    ['Bag-Size', sizeText(payloadBytes)],
    ['Filing-Notice', scheme.notice],
    ['Filing-Kind', kindName],
    ['Filing-Level', level.name],
    ['Filing-County', s.county.name],
    ['Filing-Date', s.filingDate],
    ['Brand-Trade', s.brand.trade],
    [FINGERPRINT_FIELD, fingerprint.sha256],
    [FINGERPRINT_EXCLUDES_FIELD, fingerprint.excludes],
  ]);
  return { ...bag, fingerprint };
}
