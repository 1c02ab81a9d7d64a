/**
 * The two places that deflate with Node's zlib instead of a JavaScript port: the Office
 * package re-zipped (render/zip.ts) and pdf-lib's streams (core/pdf-lib-save.ts). What a user
 * would notice: a DOCX that Word or a zip reader refuses, a part with other contents, a date
 * that moves with the clock, or a PDF page whose drawing is lost.
 */
import { inflateSync } from 'node:zlib';
import { zipSync } from 'fflate';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { PDFDocument, PDFName, PDFRawStream, pushGraphicsState, popGraphicsState, rgb } from '#pdf-lib';
import '../../src/core/pdf-lib-save.js';
import { normalizeOfficeZip } from '../../src/render/zip.js';

const date = new Date(Date.UTC(2025, 9, 9, 8, 53, 20));

describe('an Office package re-zipped', () => {
  const parts: Record<string, string> = {
    'word/document.xml': `<w:document>${'<w:p><w:r><w:t>培训学员花名册</w:t></w:r></w:p>'.repeat(500)}</w:document>`,
    '[Content_Types].xml': '<Types/>',
    '_rels/.rels': '<Relationships/>',
    'word/media/说明.txt': '非 ASCII 的名字',
  };
  const asWritten = zipSync(Object.fromEntries(Object.entries(parts).map(([n, t]) => [n, [new TextEncoder().encode(t), { mtime: new Date(2031, 1, 3) }]])));
  const out = normalizeOfficeZip(asWritten, date);

  it('reads back with every part the same, CRC-checked, [Content_Types].xml first', async () => {
    const zip = await JSZip.loadAsync(out, { checkCRC32: true });
    const names = Object.keys(zip.files);
    expect(names).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/media/说明.txt']);
    for (const [name, text] of Object.entries(parts)) expect(await zip.file(name)!.async('string')).toBe(text);
  });

  it('is deflated, dated by the run (UTC), and flags the non-ASCII name as UTF-8', () => {
    const b = Buffer.from(out);
    const doc = b.indexOf('word/document.xml');
    const local = doc - 30;
    expect(b.readUInt32LE(local)).toBe(0x04034b50);
    expect(b.readUInt16LE(local + 8)).toBe(8);
    expect(b.readUInt32LE(local + 18)).toBeLessThan(b.readUInt32LE(local + 22) / 10);
    // 08:53:20 and 2025-10-09 as DOS words.
    expect(b.readUInt16LE(local + 10)).toBe((8 << 11) | (53 << 5) | 10);
    expect(b.readUInt16LE(local + 12)).toBe((45 << 9) | (10 << 5) | 9);
    const media = b.indexOf(Buffer.from('word/media/说明.txt')) - 30;
    expect(b.readUInt16LE(media + 6) & 0x800).toBe(0x800);
    expect(b.readUInt16LE(local + 6) & 0x800).toBe(0);
  });

  it('gives the same bytes for the same parts whatever times they were written with', () => {
    const later = zipSync(Object.fromEntries(Object.entries(parts).map(([n, t]) => [n, [new TextEncoder().encode(t), { mtime: new Date(2040, 5, 6) }]])));
    expect(Buffer.from(normalizeOfficeZip(later, date)).equals(Buffer.from(out))).toBe(true);
  });
});

describe("pdf-lib's streams, deflated by zlib", () => {
  it('keep what was drawn on a page', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([200, 200]);
    page.drawRectangle({ x: 10, y: 10, width: 50, height: 50, color: rgb(1, 0, 0) });
    page.pushOperators(pushGraphicsState(), popGraphicsState());
    page.drawRectangle({ x: 100, y: 100, width: 20, height: 20, color: rgb(0, 0, 1) });
    const again = await PDFDocument.load(await doc.save());
    const contents = again.getPage(0).node.Contents()!;
    const refs = 'asArray' in contents ? contents.asArray() : [contents];
    const text = refs
      .map((r) => again.context.lookup(r as never) as PDFRawStream)
      .map((s) => {
        expect(s.dict.get(PDFName.of('Filter'))).toBe(PDFName.of('FlateDecode'));
        return inflateSync(s.contents).toString('latin1');
      })
      .join('\n');
    expect(text).toMatch(/^1 0 0 rg$/m);
    expect(text).toMatch(/^0 0 1 rg$/m);
  });

  it('embed a stream made by flateStream that inflates to its contents', async () => {
    const doc = await PDFDocument.create();
    const ref = doc.context.register(doc.context.flateStream('BT /F1 12 Tf (shenbao) Tj ET'));
    const again = await PDFDocument.load(await doc.save());
    const s = again.context.lookup(ref) as PDFRawStream;
    expect(inflateSync(s.contents).toString('latin1')).toBe('BT /F1 12 Tf (shenbao) Tj ET');
  });
});
