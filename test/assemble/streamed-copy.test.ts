/**
 * A print copy of a submission whose scans are not held in memory is written on demand,
 * its scans read from their files as it is written. It must be byte for byte the copy that
 * holding every attachment gives (the bytes a clerk prints, and the manifest lists).
 */
import { createHash } from 'node:crypto';
import { degrees, PDFDocument, PDFName, PDFRawStream, StandardFonts } from '#pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { planVolume } from '../../src/assemble/layout.js';
import { volumeMaterials, type VolumeMaterial } from '../../src/assemble/parts.js';
import { pdfChunks, pdfLayout, SourcedStream } from '../../src/assemble/streamed-pdf.js';
import { drawVolumeBody, loadParts, pageCounts, streamedCopy, withCover } from '../../src/assemble/volume.js';
import type { FileEntry } from '../../src/core/bundle.js';
import type { FileFact } from '../../src/submission/files.js';
import { loadExample, type Example } from '../helpers/example.js';
import { pdfPageText } from '../helpers/pdf.js';
import { SCHEME } from '../helpers/fixture.js';

/** A file entry over bytes, read in small chunks (some with a range read, some without). */
function asFile(path: string, bytes: Uint8Array, range: boolean): FileEntry {
  return {
    kind: 'file',
    path,
    size: bytes.byteLength,
    async *open() {
      for (let i = 0; i < bytes.length; i += 7000) yield bytes.slice(i, i + 7000);
    },
    ...(range && { range: async (offset: number, length: number) => bytes.slice(offset, offset + length) }),
  };
}

async function sha256Of(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const h = createHash('sha256');
  for await (const c of chunks) h.update(c);
  return h.digest('hex');
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const c of chunks) parts.push(Uint8Array.from(c));
  return Buffer.concat(parts);
}

let ex: Example;
let materials: VolumeMaterial[];
beforeAll(async () => {
  ex = await loadExample();
  // The attachments alone: what is held or not is theirs (the forms are always in memory).
  materials = volumeMaterials(ex.loaded, SCHEME)
    .map((m) => ({ ...m, parts: m.parts.filter((p) => p.kind === 'file') }))
    .filter((m) => m.parts.length > 0);
});

const meta = { title: '测试册', author: '单位', subject: 's', keywords: 'k', date: new Date('2026-10-12T00:00:00Z') };

async function body(contents: ReadonlyMap<string, Uint8Array | FileEntry>, pdfs: ReadonlyMap<string, PDFDocument>) {
  const parts = await loadParts(materials, { forms: new Map(), contents, pdfs });
  const plan = planVolume(materials, pageCounts(parts), 1);
  const toc = await PDFDocument.create();
  toc.addPage([595.28, 841.89]);
  return drawVolumeBody(plan, parts, toc, meta, ex.fonts);
}

/** A cover with a font of its own, as a copy's cover brings one; `copy` is written on it. */
async function coverDoc(copy = 1): Promise<PDFDocument> {
  const cover = await PDFDocument.create({ updateMetadata: false });
  const page = cover.addPage([595.28, 841.89]);
  page.drawRectangle({ x: 100, y: 100, width: 50, height: 50 });
  page.drawText(`copy ${copy}`, { x: 100, y: 700, size: 20, font: await cover.embedFont(StandardFonts.Helvetica) });
  return PDFDocument.load(await cover.save(), { updateMetadata: false });
}

describe('a print copy written on demand', () => {
  it('is byte for byte the copy made with every attachment in memory, its scans read from their files', async () => {
    const held = await body(ex.loaded.contents, ex.loaded.pdfs);
    expect(held.sources).toEqual([]);
    // Every attachment a file: JPEGs streamed, PDFs parsed when drawn, PNGs read when drawn.
    let i = 0;
    const files = new Map([...ex.loaded.contents].map(([p, b]) => [p, asFile(p, b as Uint8Array, i++ % 2 === 0)]));
    const streamed = await body(files, new Map());
    const jpegs = materials.flatMap((m) => m.parts).filter((p) => p.kind === 'file' && p.fact.content === 'jpeg');
    expect(jpegs.length).toBeGreaterThan(5);
    expect(streamed.sources.length).toBe(jpegs.length);
    const scanBytes = jpegs.reduce((a, p) => a + (p.kind === 'file' ? p.fact.size : 0), 0);
    expect(held.bytes.byteLength - streamed.bytes.byteLength).toBeGreaterThan(scanBytes * 0.95);

    const cover = await coverDoc();
    const inMemory = await withCover(held.bytes, cover);
    const entry = await streamedCopy(streamed, cover, 'print/第1份.pdf');
    expect(entry.size).toBe(inMemory.byteLength);
    const written = await collect(entry.open());
    expect(Buffer.compare(written, inMemory)).toBe(0);
    // Read through one reused buffer (hashing), the same bytes in the same order.
    expect(await sha256Of(entry.scan!())).toBe(createHash('sha256').update(inMemory).digest('hex'));
    // And it is a PDF whose scans are the files' bytes.
    const doc = await PDFDocument.load(written, { updateMetadata: false });
    const images = doc.context.enumerateIndirectObjects().filter(([, o]) => o instanceof PDFRawStream && o.dict.get(PDFName.of('Filter')) === PDFName.of('DCTDecode'));
    const first = jpegs[0]!.kind === 'file' ? jpegs[0]!.fact.path : '';
    expect(images.some(([, o]) => Buffer.compare((o as PDFRawStream).contents, ex.loaded.contents.get(first) as Uint8Array) === 0)).toBe(true);
  });

  it('leaves the page images of a scanned PDF in its file, upright and turned pages alike, with the same bytes', async () => {
    const scan = ex.loaded.contents.get('材料/09-成果证明/02-职业技能培训合格证书.jpg') as Uint8Array;
    const src = await PDFDocument.create({ updateMetadata: false });
    for (let i = 0; i < 3; i++) {
      // Each page its own image, as a scanner writes them (padded past its end, as a 300 dpi scan is large).
      const img = await src.embedJpg(Buffer.concat([scan, Buffer.alloc(100_000 + i, i)]));
      const page = src.addPage([595.28, 841.89]);
      page.drawImage(img, { x: 0, y: 0, width: 595.28, height: 841.89 });
      if (i === 1) page.setRotation(degrees(90));
    }
    const bytes = await src.save();
    const fact = { path: '扫描件.pdf', where: {}, status: 'ok', size: bytes.length, content: 'pdf', pdf: { pages: 3, sizes: [] } } as unknown as FileFact;
    const mats: VolumeMaterial[] = [{ number: 1, name: '成果', parts: [{ kind: 'file', fact, caption: '扫描件' }] }];
    const draw = async (contents: ReadonlyMap<string, Uint8Array | FileEntry>, pdfs: ReadonlyMap<string, PDFDocument>) => {
      const parts = await loadParts(mats, { forms: new Map(), contents, pdfs });
      const toc = await PDFDocument.create();
      toc.addPage([595.28, 841.89]);
      return drawVolumeBody(planVolume(mats, pageCounts(parts), 1), parts, toc, meta, ex.fonts);
    };
    const held = await draw(new Map([[fact.path, bytes]]), new Map([[fact.path, await PDFDocument.load(bytes, { updateMetadata: false })]]));
    const streamed = await draw(new Map([[fact.path, asFile(fact.path, bytes, true)]]), new Map());
    // Three images, the turned page's twice: its pages are copied whole, and it is drawn as a form.
    expect(streamed.sources.length).toBe(4);
    expect(held.bytes.byteLength - streamed.bytes.byteLength).toBeGreaterThan(4 * 100_000);
    const cover = await coverDoc();
    const inMemory = await withCover(held.bytes, cover);
    expect(Buffer.compare(await collect((await streamedCopy(streamed, cover, 'print/第2份.pdf')).open()), inMemory)).toBe(0);
  });

  it('stops with the file named when a scan changed since the check, rather than write a broken PDF', async () => {
    const doc = await PDFDocument.create({ updateMetadata: false });
    const page = doc.addPage([100, 100]);
    const ref = doc.context.nextRef();
    const shrunk: FileEntry = { kind: 'file', path: '/in/扫描-001.jpg', size: 10, async *open() { yield new Uint8Array(6); } };
    doc.context.assign(ref, new SourcedStream(doc.context.obj({ Type: 'XObject' }), shrunk));
    page.node.newXObject('Im', ref);
    await expect(collect(pdfChunks(await pdfLayout(doc)))).rejects.toThrow(/扫描-001\.jpg changed/);
  });
});

describe('copies made from the drawn body in place', () => {
  it('are byte for byte the copies made by loading the saved body again, one after another', async () => {
    const { drawnCopy } = await import('../../src/assemble/volume.js');
    const drawn = await body(ex.loaded.contents, ex.loaded.pdfs);
    const covers = [await coverDoc(1), await coverDoc(2), await coverDoc(3)];
    for (const cover of covers) {
      const loadedAgain = await withCover(drawn.bytes, cover);
      const inPlace = await drawnCopy(drawn, cover);
      expect(inPlace.byteLength).toBeGreaterThan(100_000);
      expect(Buffer.compare(Buffer.from(inPlace), Buffer.from(loadedAgain))).toBe(0);
    }
    // Each copy's own cover: the copies are not all the first.
    const marks: string[] = [];
    for (const c of covers) marks.push((await pdfPageText(await drawnCopy(drawn, c), 1)).trim());
    expect(marks).toEqual(['copy 1', 'copy 2', 'copy 3']);
  });
});
