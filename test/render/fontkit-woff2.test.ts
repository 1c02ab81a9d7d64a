/**
 * fontkit's fast paths (render/fontkit-shared.ts) are for TrueType outlines and tables read in
 * place: a WOFF2 font — transformed glyf and loca, its data decompressed — must come out as
 * fontkit itself makes it, even as the first font of a process.
 */
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFont } from '../../src/render/fontkit-shared.js';
import { pristineFontkit } from '../helpers/fontkit.js';

const require = createRequire(import.meta.url);

interface Font {
  loca: { offsets: number[] };
  post: { version: number; italicAngle: number };
  glyphForCodePoint(cp: number): { id: number; advanceWidth: number; cbox: object };
  createSubset(): { includeGlyph(id: number): number; encode(): Uint8Array };
}


describe('a WOFF2 font through the shared fontkit', () => {
  it('has the boxes, advances, tables and subset fontkit gives it', () => {
    const dir = path.join(path.dirname(require.resolve('@fontsource/lxgw-wenkai/package.json')), 'files');
    const file = path.join(dir, readdirSync(dir).find((n) => n.endsWith('-latin-500-normal.woff2'))!);
    const bytes = readFileSync(file);
    const ours = createFont(Buffer.from(bytes)) as unknown as Font;
    const plain = pristineFontkit().create(Buffer.from(bytes)) as Font;
    const text = [...'Hinggan League 2025, ABC xyz'].map((c) => c.codePointAt(0)!);
    const look = (f: Font) => text.map((cp) => JSON.stringify([f.glyphForCodePoint(cp).advanceWidth, f.glyphForCodePoint(cp).cbox]));
    expect(look(ours)).toEqual(look(plain));
    expect(ours.loca.offsets.length).toBe(plain.loca.offsets.length);
    expect([ours.post.version, ours.post.italicAngle]).toEqual([plain.post.version, plain.post.italicAngle]);
    const subset = (f: Font) => {
      const s = f.createSubset();
      for (const cp of text) s.includeGlyph(f.glyphForCodePoint(cp).id);
      return Buffer.from(s.encode());
    };
    expect(subset(ours).equals(subset(plain))).toBe(true);
  });
});
