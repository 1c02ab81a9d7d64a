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
import { drawVolumeBody, firstCopy, pageCounts, streamedCopy, withCover, type CoverJoiner, type LoadedPart, type VolumeMeta } from './volume.js';

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
  /** Another thread that joins covers to the body: it makes every copy but the first. */
  joinCover?: CoverJoiner;
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
  // Copy 1 is the drawn body itself given its cover (firstCopy); every other copy loads the
  // saved body and saves it again with its cover. The helper, if there is one, makes about
  // half of the others (from the body in shared memory: sent as it is, it would be copied
  // once per copy) while this thread makes copy 1 and the rest. A body with scans is not
  // shared out: copies in the making at once would hold it several times over. A body whose
  // scans stayed in their files (drawn.sources) gives copies written on demand.
  const streamed = drawn.sources.length > 0;
  const helper = !streamed && input.copies > 1 && drawn.bytes.byteLength <= SHARED_BODY_MAX ? input.joinCover : undefined;
  const body = helper ? shared(drawn.bytes) : drawn.bytes;
  const covers: { file: string; bytes: Uint8Array; doc: PDFDocument }[] = [];
  for (let copy = 1; copy <= input.copies; copy++) {
    const file = `print/第${copy}份.pdf`;
    input.onCopy?.(copy, file);
    const bytes = await draw(input.cover, { copy, copies: input.copies });
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    // A cover that runs onto a second page (a name far too long) would lose its end: say so rather than print it.
    if (doc.getPageCount() !== 1) throw fail('problems', 'print.coverOverflow', { form: input.cover, pages: doc.getPageCount() }, { field: 'institution.name' });
    covers.push({ file, bytes, doc });
  }
  const byHelper = (copy: number) => helper !== undefined && copy >= 2 && copy <= 1 + Math.ceil((input.copies - 1) / 2);
  const helped = covers.map((c, i) => (byHelper(i + 1) ? helper!(body, c.bytes) : undefined));
  // Awaited below; a helper's failure must not go unhandled while this thread works.
  for (const h of helped) h?.catch(() => {});
  const made: Entry[] = [];
  for (const [i, c] of covers.entries()) {
    if (!helped[i]) made[i] = await (streamed ? streamedCopy(drawn, c.doc, c.file) : i === 0 ? firstCopy(drawn, c.doc) : withCover(body, c.doc));
  }
  const pages = plan.pages.length;
  const spine = { pages, sheetThickness: input.spine.sheetThickness };
  // Drawn while the helper may still be making its copies.
  const spineBytes = await drawSpine(spine, input.spine.text, { note: input.spine.note, title: `${meta.title} 书脊`, author: meta.author, date: meta.date }, fonts);
  for (const [i, h] of helped.entries()) if (h) made[i] = await h;
  made.forEach((copy, i) => bundle.set(`print/第${i + 1}份.pdf`, copy));
  bundle.set('print/书脊.pdf', spineBytes);
  return { bundle, pages, spineMm: spineWidth(spine) };
}

/** The largest body made into copies on two threads at once (the example's is 3 MB). */
const SHARED_BODY_MAX = 32 * 1024 * 1024;

function shared(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
  out.set(bytes);
  return out;
}
