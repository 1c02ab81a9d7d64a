/**
 * Drawing a print volume with pdf-lib from its plan: the filled forms' pages copied as they
 * are (moved 2 mm on left-hand pages so the binding margin is always on the spine side),
 * attachment pages and scans fitted onto A4 clear of the spine and the page number, blank
 * left-hand pages marked 此页无正文, and page numbers through the volume (not on the cover).
 */
import path from 'node:path';
import { degrees, PDFDocument, type PDFEmbeddedPage, type PDFFont, type PDFImage, type PDFPage, type PDFRef, rgb } from '#pdf-lib';
import '../core/pdf-lib-save.js';
import type { FileEntry } from '../core/bundle.js';
import { fail } from '../core/failure.js';
import { loadInPlace } from '../submission/pdf-in-place.js';
import { embedSourcedJpeg, openPdfInPlace, wholeOf } from './sourced.js';
import { markSources, pdfChunks, pdfLayout, swapSources } from './streamed-pdf.js';
import { drawXObject, embedPassThroughPng, passThroughPng } from './png.js';
import type { FontRole, FontSet } from '../render/fonts.js';
import { drawPageNumber, embedNumberFont, embedSubsetFont } from '../render/page-numbers.js';
import { withoutPageNumbers } from './form-pages.js';
import { PORTRAIT, PT_PER_MM } from '../paper/typography.js';
import type { VolumePlan } from './layout.js';
import type { PartSource, VolumeMaterial } from './parts.js';
import { fit, orientationOf, pageSize, placeImage, type Box, type Orientation } from '../paper/placement.js';

/**
 * A part made ready: its PDF (for forms and PDF attachments) or its scan. An attachment not
 * held in memory (files.ts KEEP_BYTES) is its file: a PDF is parsed when its pages are
 * drawn and let go after them, a JPEG is never read whole here (its stream is the file's
 * bytes, read as each copy is written).
 */
export type LoadedPart =
  | { kind: 'pdf'; doc: PDFDocument | FileEntry; pages: number; generated: boolean; caption?: string; numbered?: boolean; path?: string }
  | { kind: 'image'; bytes: Uint8Array | FileEntry; type: 'jpeg' | 'png'; pixels: { width: number; height: number }; orientation?: number; caption: string; path: string };

/** An attachment that passed the check but cannot be placed in the volume after all: the submission's problem (exit 1). */
const unusable = (path: string, detail: string) => fail('problems', 'attachment.unusable', { path, detail }, { file: path });

export interface VolumeMeta {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  date: Date;
}

const mm = (x: number) => x * PT_PER_MM;

/** What the parts are made from: the rendered forms and the submission's files as loaded (bytes and parsed PDFs, or the files). */
export interface PartSources {
  /** The forms' PDFs by form id, as rendered (their page numbers are left out here). */
  forms: ReadonlyMap<string, Uint8Array>;
  contents?: ReadonlyMap<string, Uint8Array | FileEntry>;
  pdfs?: ReadonlyMap<string, PDFDocument>;
}

/** Readies every part once; the same parts serve all copies. */
export async function loadParts(materials: readonly VolumeMaterial[], sources: PartSources): Promise<LoadedPart[][]> {
  const docs = new Map<string, Promise<PDFDocument>>();
  // A form's own page numbers are left out: the volume numbers its pages through.
  const open = (key: string, bytes: () => Uint8Array) => {
    let d = docs.get(key);
    if (!d) docs.set(key, (d = PDFDocument.load(bytes(), { updateMetadata: false }).then((doc) => (withoutPageNumbers(doc), doc))));
    return d;
  };
  return Promise.all(
    materials.map((m) =>
      Promise.all(
        m.parts.map(async (p: PartSource): Promise<LoadedPart> => {
          if (p.kind === 'form') {
            const bytes = sources.forms.get(p.formId);
            if (!bytes) throw new Error(`no rendered form ${p.formId}`);
            const doc = await open(`form:${p.formId}`, () => bytes);
            return { kind: 'pdf', doc, pages: doc.getPageCount(), generated: true, ...(p.numbered === false && { numbered: false }) };
          }
          if (p.fact.content === 'pdf') {
            const file = sources.contents?.get(p.fact.path);
            const doc = sources.pdfs?.get(p.fact.path) ?? (file && !(file instanceof Uint8Array) ? file : undefined);
            if (!doc || !p.fact.pdf) throw unusable(p.fact.path, 'not parsed');
            return { kind: 'pdf', doc, pages: p.fact.pdf.pages, generated: false, caption: p.caption, path: p.fact.path };
          }
          const bytes = sources.contents?.get(p.fact.path);
          if (!bytes) throw unusable(p.fact.path, 'not read');
          return { kind: 'image', bytes, type: p.fact.content as 'jpeg' | 'png', pixels: p.fact.pixels!, ...(p.fact.orientation && { orientation: p.fact.orientation }), caption: p.caption, path: p.fact.path };
        }),
      ),
    ),
  );
}

export function pageCounts(parts: readonly LoadedPart[][]): number[][] {
  return parts.map((ps) => ps.map((p) => (p.kind === 'pdf' ? p.pages : 1)));
}

/** A scan as an image of the document: JPEG as it is, PNG as it is where PDF can take it. */
type Scan = { kind: 'image'; image: PDFImage } | { kind: 'xobject'; ref: PDFRef };

/**
 * `read`: the bytes of a PNG not held in memory, read before this is called: a PNG that
 * passes through takes its object number at once, before its page's, as when it was held.
 */
async function embedScan(doc: PDFDocument, part: Extract<LoadedPart, { kind: 'image' }>, read?: Uint8Array): Promise<Scan> {
  try {
    if (part.type === 'jpeg') {
      if (part.bytes instanceof Uint8Array) return { kind: 'image', image: await doc.embedJpg(part.bytes) };
      return { kind: 'xobject', ref: await embedSourcedJpeg(doc, part.bytes) };
    }
    const bytes = part.bytes instanceof Uint8Array ? part.bytes : read!;
    const png = passThroughPng(bytes);
    return png ? { kind: 'xobject', ref: embedPassThroughPng(doc, png) } : { kind: 'image', image: await doc.embedPng(bytes) };
  } catch (e) {
    throw unusable(part.path, (e as Error).message);
  }
}

const isFile = (x: PDFDocument | FileEntry): x is FileEntry => (x as FileEntry).kind === 'file';

/** Mirrors a box drawn for an odd page onto an even one (the spine moves to the right). */
function mirrored(box: Box, page: { width: number }, even: boolean): Box {
  return even ? { ...box, x: page.width - box.x - box.width } : box;
}

/** Caption text, drawn run by run in the face that has each character. */
class Captioner {
  private readonly embedded = new Map<FontRole, Promise<PDFFont>>();
  /** `serif`: the volume's page-number font, the same bundled serif, reused for captions. */
  constructor(private readonly doc: PDFDocument, private readonly fonts: FontSet, serif: PDFFont) {
    this.embedded.set('serif', Promise.resolve(serif));
  }

  private face(role: FontRole): Promise<PDFFont> {
    let f = this.embedded.get(role);
    if (!f) {
      const tag = `SBCAP${'ABCDE'[['serif', 'kai', 'sans', 'serifBold', 'title'].indexOf(role)] ?? 'Z'}`;
      const face = this.fonts.faces[role];
      this.embedded.set(role, (f = embedSubsetFont(this.doc, face.bytes, tag, path.basename(face.source).replace(/\.\w+$/, ''))));
    }
    return f;
  }

  /** Draws `text` centred on `cx` at baseline `y` (points). */
  async draw(page: PDFPage, text: string, cx: number, y: number, size: number, color = rgb(0.25, 0.25, 0.25)): Promise<void> {
    const runs = await Promise.all(this.fonts.segment(text, 'serif').map(async (r) => ({ text: r.text, font: await this.face(r.face) })));
    const width = runs.reduce((a, r) => a + r.font.widthOfTextAtSize(r.text, size), 0);
    let x = cx - width / 2;
    for (const r of runs) {
      page.drawText(r.text, { x, y, size, font: r.font, color });
      x += r.font.widthOfTextAtSize(r.text, size);
    }
  }
}

/**
 * The volume drawn without its cover: `bytes` as saved, page 1 left empty for the copy's
 * cover (see withCover), so the body — every attachment decoded, every font embedded — is
 * drawn once for all copies. `sources`: the files whose streams are markers in `bytes`
 * (none when every attachment was held in memory).
 */
export interface VolumeBody {
  bytes: Uint8Array;
  sources: FileEntry[];
  /** The document the bytes were saved from: copies may be made from it in place (drawnCopy). */
  doc: PDFDocument;
  /** Its empty first page and its last object number as saved: what drawnCopy puts back. */
  saved: { first: PDFPage; largest: number };
}

export async function drawVolumeBody(plan: VolumePlan, parts: readonly LoadedPart[][], contents: PDFDocument, meta: VolumeMeta, fonts: FontSet): Promise<VolumeBody> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(meta.title);
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setKeywords([meta.keywords]);
  doc.setCreator('shenbao');
  doc.setProducer('shenbao');
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  const numberFont = await embedNumberFont(doc, fonts);
  const captions = new Captioner(doc, fonts, numberFont);
  const images = new Map<LoadedPart, Promise<Scan>>();
  const embedded = new Map<string, PDFEmbeddedPage>();

  // Pages of one source are copied in one go, so they share its fonts and images in the volume.
  const copied = new Map<PDFDocument, Promise<PDFPage[]>>();
  const pagesOf = (src: PDFDocument) => {
    let p = copied.get(src);
    if (!p) copied.set(src, (p = doc.copyPages(src, src.getPageIndices())));
    return p;
  };
  // An attachment PDF not held in memory is parsed for its pages, one at a time.
  let opened: { part: LoadedPart; doc: Promise<PDFDocument> } | undefined;
  const docOf = async (part: Extract<LoadedPart, { kind: 'pdf' }>): Promise<PDFDocument> => {
    if (isFile(part.doc)) {
      if (opened?.part !== part) {
        if (opened) copied.delete(await opened.doc);
        const file = part.doc;
        opened = { part, doc: openPdfInPlace(file).catch((e: Error) => Promise.reject(unusable(part.path ?? file.path, e.message))) };
      }
      return opened.doc;
    }
    return part.doc;
  };

  for (let i = 0; i < plan.pages.length; i++) {
    const planned = plan.pages[i]!;
    const n = i + 1;
    const even = n % 2 === 0;
    let page: PDFPage;
    // Covers carry no page number: the volume's own and a form's (申请表), whose foot lines sit where the number would.
    const of = planned.kind === 'part' ? parts[planned.material]![planned.part]! : undefined;
    const numbered = planned.kind !== 'cover' && !(of?.kind === 'pdf' && of.numbered === false);
    if (planned.kind === 'cover') page = doc.addPage([mm(pageSize('portrait').width), mm(pageSize('portrait').height)]);
    else if (planned.kind === 'contents') page = doc.addPage((await pagesOf(contents))[planned.index]!);
    else if (planned.kind === 'blank') {
      const size = pageSize('portrait');
      page = doc.addPage([mm(size.width), mm(size.height)]);
      await captions.draw(page, '此页无正文', page.getWidth() / 2, page.getHeight() / 2, 12, rgb(0.4, 0.4, 0.4));
    } else {
      const part = parts[planned.material]![planned.part]!;
      if (part.kind === 'pdf' && part.generated) {
        page = doc.addPage((await pagesOf(await docOf(part)))[planned.index]!);
        // Forms are set with the binding margin on the left; a left-hand page is bound on its right.
        if (even && page.getWidth() < page.getHeight()) page.translateContent(-mm(PORTRAIT.left - PORTRAIT.right), 0);
      } else if (part.kind === 'pdf') {
        const src = await docOf(part);
        const source = src.getPage(planned.index);
        if (source.getRotation().angle % 360 === 0) {
          page = doc.addPage((await pagesOf(src))[planned.index]!);
          fitCopiedPage(page, even);
        } else {
          // A turned page is drawn as a form, turned back upright (one without content stays blank).
          const key = `${planned.material}:${planned.part}:${planned.index}`;
          let emb = embedded.get(key);
          if (!emb && source.node.Contents()) embedded.set(key, (emb = await doc.embedPage(source)));
          if (emb) page = placePdfPage(doc, emb, source.getRotation().angle, even);
          else {
            const size = pageSize(orientationOf(turnedSize(source)));
            page = doc.addPage([mm(size.width), mm(size.height)]);
          }
        }
      } else {
        let img = images.get(part);
        if (!img) {
          const png = part.type === 'png' && !(part.bytes instanceof Uint8Array) ? await wholeOf(part.bytes).catch((e: Error) => Promise.reject(unusable(part.path, e.message))) : undefined;
          images.set(part, (img = embedScan(doc, part, png)));
        }
        const placed = placeImage(part.pixels);
        const size = pageSize(placed.orientation);
        page = doc.addPage([mm(size.width), mm(size.height)]);
        const box = mirrored(placed.box, size, even && placed.orientation === 'portrait');
        const at = { x: mm(box.x), y: mm(box.y), width: mm(box.width), height: mm(box.height) };
        const scan = await img;
        // Both kinds are drawn by their matrix, so a phone photo stands as it was taken (EXIF orientation).
        drawXObject(page, scan.kind === 'xobject' ? scan.ref : scan.image.ref, at, part.orientation);
        await captions.draw(page, `附：${part.caption}`, mm(box.x + box.width / 2), mm(box.y) - 14, 9);
      }
    }
    if (numbered) drawPageNumber(page, n, numberFont, { mirror: true });
  }
  const sources = markSources(doc);
  const bytes = await doc.save();
  return { bytes, sources, doc, saved: { first: doc.getPage(0), largest: doc.context.largestObjectNumber } };
}

/** One copy: the body as saved, loaded again, with this copy's cover (第k份 / 共N份) as page 1. */
export async function withCover(body: Uint8Array, cover: PDFDocument): Promise<Uint8Array> {
  return (await coveredDoc(body, cover)).save();
}

/** `inPlace`: the copy's streams are views into the body, which all copies then share. */
async function coveredDoc(body: Uint8Array, cover: PDFDocument, inPlace = false): Promise<PDFDocument> {
  return inCover(inPlace ? await loadInPlace(body, false) : await PDFDocument.load(body, { updateMetadata: false }), cover);
}

/** The body's empty first page replaced by the cover, in `doc` itself. */
async function inCover(doc: PDFDocument, cover: PDFDocument): Promise<PDFDocument> {
  const [page] = await doc.copyPages(cover, [0]);
  doc.removePage(0);
  doc.insertPage(0, page!);
  return doc;
}

/**
 * One copy from the body as drawn, without loading its saved bytes again: the same bytes as
 * withCover (a test compares them). Afterwards the document is put back as it was saved —
 * the cover's page and the objects it brought (numbered above the body's) out, the empty
 * first page back — so every copy is made from it, where loading the 3 MB body for each
 * copy and parsing it again was most of the copies' time.
 */
export async function drawnCopy(body: VolumeBody, cover: PDFDocument): Promise<Uint8Array> {
  const { doc, saved } = body;
  const bytes = await (await inCover(doc, cover)).save();
  doc.removePage(0);
  doc.insertPage(0, saved.first);
  const ctx = doc.context;
  for (const [ref] of ctx.enumerateIndirectObjects()) if (ref.objectNumber > saved.largest) ctx.delete(ref);
  // Saving numbered its object streams after the cover's objects: those numbers are free again too.
  ctx.largestObjectNumber = saved.largest;
  return bytes;
}

/**
 * A copy of a body whose scans stayed in their files: made as withCover makes it, its
 * markers then swapped for the files, laid out once and written whenever it is read — the
 * bytes withCover would have saved, never held whole.
 */
export async function streamedCopy(body: VolumeBody, cover: PDFDocument, file: string): Promise<FileEntry> {
  const doc = await coveredDoc(body.bytes, cover, true);
  swapSources(doc, body.sources);
  const layout = await pdfLayout(doc);
  return { kind: 'file', path: file, size: layout.size, open: () => pdfChunks(layout), scan: () => pdfChunks(layout, true) };
}

/**
 * An attachment page copied into the volume, resized to A4 of its orientation with its
 * content scaled into the attachment box (clear of the spine and the page number).
 */
function fitCopiedPage(page: PDFPage, even: boolean): void {
  const mb = page.getMediaBox();
  const placed = fit({ width: mb.width / PT_PER_MM, height: mb.height / PT_PER_MM }, false);
  const size = pageSize(placed.orientation);
  const box = mirrored(placed.box, size, even && placed.orientation === 'portrait');
  // Scale first, then move the (scaled) media box's corner to the box's corner.
  page.scaleContent(placed.scale, placed.scale);
  page.translateContent(mm(box.x) - mb.x * placed.scale, mm(box.y) - mb.y * placed.scale);
  const w = mm(size.width);
  const h = mm(size.height);
  page.setMediaBox(0, 0, w, h);
  page.setCropBox(0, 0, w, h);
  page.setBleedBox(0, 0, w, h);
  page.setTrimBox(0, 0, w, h);
  page.setArtBox(0, 0, w, h);
}

/** A page's size in mm as it is seen, after its /Rotate. */
function turnedSize(page: PDFPage): { width: number; height: number } {
  const turned = page.getRotation().angle % 180 !== 0;
  const w = page.getWidth() / PT_PER_MM;
  const h = page.getHeight() / PT_PER_MM;
  return turned ? { width: h, height: w } : { width: w, height: h };
}

/** An attachment page of any size, fitted onto an A4 page of its orientation (turned pages too). */
function placePdfPage(doc: PDFDocument, emb: PDFEmbeddedPage, rotation: number, even: boolean): PDFPage {
  const turned = rotation % 180 !== 0;
  const w = (turned ? emb.height : emb.width) / PT_PER_MM;
  const h = (turned ? emb.width : emb.height) / PT_PER_MM;
  const placed = fit({ width: w, height: h }, false);
  const orientation: Orientation = placed.orientation;
  const size = pageSize(orientation);
  const page = doc.addPage([mm(size.width), mm(size.height)]);
  const box = mirrored(placed.box, size, even && orientation === 'portrait');
  const r = ((rotation % 360) + 360) % 360;
  // drawPage rotates about the lower-left corner; move the origin so the turned page lands in the box.
  // (Turned clockwise by r, the page's lower-left corner ends at the box's upper-left (90),
  // upper-right (180) or lower-right (270) corner.)
  const x = mm(box.x) + (r === 180 || r === 270 ? mm(box.width) : 0);
  const y = mm(box.y) + (r === 90 || r === 180 ? mm(box.height) : 0);
  page.drawPage(emb, { x, y, xScale: placed.scale, yScale: placed.scale, rotate: degrees(-r) });
  return page;
}
