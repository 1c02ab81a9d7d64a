/**
 * A set of printed volumes from its materials: the page plan (with the contents, whose own
 * length moves every first page), the body drawn once, each copy given its own cover
 * (第k份 / 共N份), and the spine label. Shared by an applicant's and a county's print set.
 */
import { PDFDocument } from '#pdf-lib';
import type { Bundle, Entry } from '../core/bundle.js';
import { fail } from '../core/failure.js';
import { fillForm } from '../forms/fill.js';
import type { FontSet } from '../render/fonts.js';
import { renderPdf } from '../render/render.js';
import { FIXED_FORMS, type Scheme } from '../scheme/schema.js';
import type { Submission } from '../submission/schema.js';
import { planVolume } from './layout.js';
import type { VolumeMaterial } from './parts.js';
import { drawSpine, spineWidth } from './spine.js';
import { drawVolumeBody, drawnCopy, pageCounts, streamedCopy, type LoadedPart, type VolumeMeta } from './volume.js';

export interface VolumeSetInput {
  materials: readonly VolumeMaterial[];
  parts: LoadedPart[][];
  meta: VolumeMeta;
  scheme: Scheme;
  fonts: FontSet;
  /** What the contents and cover templates see (a copy's number and the count are added). */
  ctx: object;
  submission?: Submission;
  /** The cover's form id. */
  cover: string;
  copies: number;
  /** `note`: a short line set along the spine's foot (the disc's fingerprint). */
  spine: { text: string; sheetThickness: number; note?: string };
  /** What the contents page says of the disc (its fingerprint words), when the set has one. */
  disc?: object;
  /** Called as each copy is made (progress), with the copy's file. */
  onCopy?(copy: number, file: string): void;
}

export interface VolumeSet {
  /** print/第k份.pdf and print/书脊.pdf */
  bundle: Bundle;
  pages: number;
  spineMm: number;
}

export async function assembleVolumes(input: VolumeSetInput): Promise<VolumeSet> {
  const { materials, parts, meta, scheme, fonts } = input;
  const draw = (formId: string, extra: object) => {
    const form = fillForm({ template: scheme.forms[formId]!, ctx: { ...input.ctx, ...extra }, submission: input.submission, scheme });
    return renderPdf(form, fonts, meta);
  };
  const render = async (formId: string, extra: object) => PDFDocument.load(await draw(formId, extra), { updateMetadata: false });
  const counts = pageCounts(parts);

  // The contents list the first page of each material, which depends on how long the contents are.
  let contentsPages = 1;
  let plan = planVolume(materials, counts, contentsPages);
  const disc = input.disc ? { disc: input.disc } : {};
  let contents = await render(FIXED_FORMS.volumeContents, { contents: plan.contents, ...disc });
  for (let tries = 0; contents.getPageCount() !== contentsPages && tries < 3; tries++) {
    contentsPages = contents.getPageCount();
    plan = planVolume(materials, counts, contentsPages);
    contents = await render(FIXED_FORMS.volumeContents, { contents: plan.contents, ...disc });
  }

  const bundle: Bundle = new Map();
  const drawn = await drawVolumeBody(plan, parts, contents, meta, fonts);
  // Each copy is the drawn body given its cover and saved (drawnCopy: about 15 ms a copy of
  // the example, where loading the saved body again and saving it was about 100). A body whose
  // scans stayed in their files (drawn.sources) gives copies written on demand.
  const streamed = drawn.sources.length > 0;
  const covers: { file: string; doc: PDFDocument }[] = [];
  for (let copy = 1; copy <= input.copies; copy++) {
    const file = `print/第${copy}份.pdf`;
    input.onCopy?.(copy, file);
    const bytes = await draw(input.cover, { copy, copies: input.copies });
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    // A cover that runs onto a second page (a name far too long) would lose its end: say so rather than print it.
    if (doc.getPageCount() !== 1) throw fail('problems', 'print.coverOverflow', { form: input.cover, pages: doc.getPageCount() }, { field: 'institution.name' });
    covers.push({ file, doc });
  }
  const made: Entry[] = [];
  for (const c of covers) made.push(await (streamed ? streamedCopy(drawn, c.doc, c.file) : drawnCopy(drawn, c.doc)));
  const pages = plan.pages.length;
  const spine = { pages, sheetThickness: input.spine.sheetThickness };
  const spineBytes = await drawSpine(spine, input.spine.text, { note: input.spine.note, title: `${meta.title} 书脊`, author: meta.author, date: meta.date }, fonts);
  made.forEach((copy, i) => bundle.set(`print/第${i + 1}份.pdf`, copy));
  bundle.set('print/书脊.pdf', spineBytes);
  return { bundle, pages, spineMm: spineWidth(spine) };
}
