/**
 * Everything `shenbao build` makes from a checked submission, as one bundle: the documents,
 * the print set and the electronic archive. Shared by `build` and by `county`, which builds
 * the package of an applicant that handed in a plain submission folder.
 */
import type { CheckReport } from '../check/run.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { FontSet } from '../render/fonts.js';
import type { Scheme } from '../scheme/schema.js';
import type { LoadedSubmission } from '../submission/load.js';
import { buildArchive, type Archive } from './archive.js';
import type { Bundle } from './bundle.js';
import { fillDocuments, renderDocuments } from './documents.js';
import { collectGarbage } from './memory.js';
import { buildPrintSet, type PrintSet } from './print.js';
import type { Progress } from './progress.js';
import { outputName } from './write.js';

export interface PackageInput {
  loaded: LoadedSubmission;
  scheme: Scheme;
  fonts: FontSet;
  report: CheckReport;
  date: Date;
  progress: Progress;
  lang: 'zh' | 'en';
}

export interface Package {
  /** The output folder's name: 机构-工种[-复评]. */
  name: string;
  bundle: Bundle;
  forms: number;
  print: PrintSet;
  archive: Archive;
  diagnostics: Diagnostic[];
}

/** May throw AttachmentFailure when an attachment cannot be put into the print volume. */
export async function makePackage(input: PackageInput): Promise<Package> {
  const { loaded, scheme, fonts, report, date, progress, lang } = input;
  const zh = lang === 'zh';
  const filling = progress.stage(zh ? '填表' : 'fill');
  const docs = fillDocuments(loaded, scheme, report);
  filling.done(zh ? `${docs.length} 份表格` : `${docs.length} forms`);

  const s = loaded.submission;
  const kindName = s.kind === 'application' ? '认定申报材料' : '复评材料';
  const { bundle, bare } = await renderDocuments(docs, {
    fonts,
    date,
    author: s.institution.name,
    subject: `${scheme.levels[s.level].formTitle}${kindName} · ${s.brand.trade}`,
    keywords: `${scheme.notice}; ${s.county.name}; ${s.brand.trade}`,
    progress,
    count: (n) => (zh ? `${n} 份` : `${n} file(s)`),
  });

  const print = await buildPrintSet({ loaded, scheme, report, fonts, forms: bare, date, progress, lang });
  for (const [k, v] of print.bundle) bundle.set(k, v);
  collectGarbage();

  const name = outputName(s.institution.name, s.brand.trade, s.kind);
  const documentsByForm = new Map(docs.map((d) => [d.plan.formId, d.formats.map((f) => `${d.base}.${f}`)]));
  const archive = await buildArchive({ loaded, scheme, report, outputs: bundle, documentsByForm, date, name, progress, lang });
  for (const [k, v] of archive.bundle) bundle.set(k, v);
  return { name, bundle, forms: docs.length, print, archive, diagnostics: [...print.diagnostics, ...archive.diagnostics] };
}
