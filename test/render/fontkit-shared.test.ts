/**
 * Each font file is parsed once per process (issue #13): pdfkit, for every PDF it makes, asks
 * the same fontkit we measure with, and gets the font already parsed.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createFont } from '../../src/render/fontkit-shared.js';
import '../../src/render/pdf-grid.js';
import { WORLD } from '../helpers/fixture.js';
import { pristineFontkit } from '../helpers/fontkit.js';

const require = createRequire(import.meta.url);

describe('fonts parsed once', () => {
  it('pdfkit’s fontkit is ours, and a second create of the same bytes is the same font', async () => {
    const pdfkitFontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(b: Uint8Array): unknown };
    const bytes = await WORLD.fonts.read(WORLD.fonts.bundled.serif);
    const a = createFont(bytes);
    // Compared as booleans: a failing toBe would have vitest print two parsed 15 MB fonts.
    expect(pdfkitFontkit.create(bytes) === a).toBe(true);
    expect(createFont(bytes) === a).toBe(true);
    // A copy of the bytes is another file as far as the cache knows: parsed anew.
    expect(createFont(new Uint8Array(bytes)) === a).toBe(false);
  });
});

describe('fontkit’s glyph boxes and subsets, read straight from the bytes', () => {
  interface Font {
    numGlyphs: number;
    getGlyph(id: number): { cbox: { minX: number; minY: number; maxX: number; maxY: number }; advanceWidth: number; _getCBox(): object };
    createSubset(): { includeGlyph(id: number): number; encode(): Uint8Array };
  }

  it('gives the boxes, advances and subset bytes fontkit’s own code gives', async () => {
    const theirs = pristineFontkit();
    for (const role of ['serif', 'kai'] as const) {
      const bytes = Buffer.from(await WORLD.fonts.read(WORLD.fonts.bundled[role]));
      const ours = createFont(bytes) as unknown as Font;
      const plain = theirs.create(Buffer.from(bytes)) as Font;
      expect(Object.getPrototypeOf(ours.getGlyph(1))._getCBox === Object.getPrototypeOf(plain.getGlyph(1))._getCBox).toBe(false);
      const ids = Array.from({ length: 3000 }, (_, i) => (i * 7919) % ours.numGlyphs);
      const box = (f: Font, id: number) => {
        const g = f.getGlyph(id);
        return [g._getCBox(), g.advanceWidth].map((x) => JSON.stringify(x)).join();
      };
      expect(ids.map((id) => box(ours, id))).toEqual(ids.map((id) => box(plain, id)));
      const subset = (f: Font) => {
        const s = f.createSubset();
        for (const id of ids.slice(0, 800)) s.includeGlyph(id);
        return Buffer.from(s.encode());
      };
      const [a, b] = [subset(ours), subset(plain)];
      expect(a.length).toBeGreaterThan(10_000);
      expect(a.equals(b)).toBe(true);
    }
  });

  it('reads a version 2 post table’s header itself and fontkit’s glyph names when asked', async () => {
    const theirs = pristineFontkit();
    // The bundled kai font names its glyphs (post version 2); the Noto fonts do not (version 3).
    const bytes = Buffer.from(await WORLD.fonts.read(WORLD.fonts.bundled.kai));
    const ours = createFont(bytes) as unknown as { post: Record<string, unknown>; getGlyph(id: number): { name: string } };
    const plain = theirs.create(Buffer.from(bytes)) as typeof ours;
    expect(plain.post.version).toBe(2);
    const header = ['version', 'italicAngle', 'underlinePosition', 'underlineThickness', 'isFixedPitch', 'minMemType42', 'maxMemType42', 'minMemType1', 'maxMemType1'];
    const pick = (p: Record<string, unknown>) => Object.fromEntries(header.map((k) => [k, p[k]]));
    expect(pick(ours.post)).toEqual(pick(plain.post));
    const ids = [0, 1, 2, 100, 5000, 12000];
    expect(ids.map((id) => ours.getGlyph(id).name)).toEqual(ids.map((id) => plain.getGlyph(id).name));
    expect(ours.post.numberOfGlyphs).toBe(plain.post.numberOfGlyphs);
    expect((ours.post.names as string[]).length).toBeGreaterThan(1000);
  });

  it('reads each bundled font’s loca table as fontkit decodes it', async () => {
    const theirs = pristineFontkit();
    for (const file of new Set(Object.values(WORLD.fonts.bundled))) {
      const bytes = Buffer.from(await WORLD.fonts.read(file));
      const ours = createFont(bytes) as unknown as { loca: { version: number; offsets: number[] } };
      const plain = theirs.create(Buffer.from(bytes)) as typeof ours;
      expect(ours.loca.version).toBe(plain.loca.version);
      expect(ours.loca.offsets.length).toBeGreaterThan(10_000);
      expect(ours.loca.offsets.length).toBe(plain.loca.offsets.length);
      expect(ours.loca.offsets.every((o, i) => o === plain.loca.offsets[i])).toBe(true);
    }
  });
});

