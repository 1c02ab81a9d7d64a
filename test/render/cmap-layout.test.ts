/**
 * A form's runs of Chinese text and punctuation are laid out from the cmap, not shaped
 * (pdfkit-cmap-layout.ts): that must be exactly what fontkit's shaping gives in every
 * bundled font, and a form's PDF must come out the same as when every run is shaped.
 */
// First: pdfkit must find the shared fontkit when it loads, as the renderers have it.
import { createFont } from '../../src/render/fontkit-shared.js';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { FONT_ROLES, loadFontSet } from '../../src/render/fonts.js';
import { SHAPING_FREE, useCmapLayout } from '../../src/render/pdfkit-cmap-layout.js';
import { renderPdf } from '../../src/render/render.js';
import type { FontSource } from '../../src/world/world.js';
import { doc, loadExample } from '../helpers/example.js';
import { WORLD } from '../helpers/fixture.js';
import { readPdf } from '../helpers/pdf.js';

interface Font {
  layout(s: string): { glyphs: { id: number }[]; positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[] };
  glyphForCodePoint(cp: number): { id: number; advanceWidth: number };
  hasGlyphForCodePoint(cp: number): boolean;
}

/** Whether fontkit's shaping of `s` is one glyph per character, from the cmap, at its advance. */
function asCmap(font: Font, s: string): boolean {
  const run = font.layout(s);
  const cps = [...s].map((c) => c.codePointAt(0)!);
  if (run.glyphs.length !== cps.length) return false;
  return cps.every((cp, i) => {
    const g = font.glyphForCodePoint(cp);
    const p = run.positions[i]!;
    return run.glyphs[i]!.id === g.id && p.xAdvance === g.advanceWidth && !p.xOffset && !p.yOffset && !p.yAdvance;
  });
}

describe('cmap layout where shaping changes nothing', () => {
  it('holds for every shaping-free character of each bundled font, alone, beside punctuation and in runs of Han', async () => {
    const safe: number[] = [];
    for (let cp = 0x20; cp < 0x10000; cp++) if (SHAPING_FREE.test(String.fromCodePoint(cp))) safe.push(cp);
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (const file of new Set(Object.values(WORLD.fonts.bundled))) {
      const font = createFont(await WORLD.fonts.read(file)) as unknown as Font;
      const present = safe.filter((cp) => font.hasGlyphForCodePoint(cp));
      const punct = present.filter((cp) => !/\p{Script=Han}/u.test(String.fromCodePoint(cp)));
      const differ: string[] = [];
      const expectCmap = (s: string) => {
        if (!asCmap(font, s)) differ.push(s);
      };
      for (const cp of present) expectCmap(String.fromCodePoint(cp));
      for (const a of punct) for (const b of punct) expectCmap(String.fromCodePoint(a, b));
      for (const a of punct) for (let k = 0; k < 10; k++) expectCmap(String.fromCodePoint(a, present[next(present.length)]!, a));
      for (let k = 0; k < 3000; k++) expectCmap(String.fromCodePoint(...Array.from({ length: 2 + next(5) }, () => present[next(present.length)]!)));
      expect({ file, differ: differ.slice(0, 5) }).toEqual({ file, differ: [] });
      expect(present.length).toBeGreaterThan(20000);
    }
  });

  it('leaves out what the fonts kern or substitute: Latin, digits, dashes', async () => {
    const font = createFont(await WORLD.fonts.read(WORLD.fonts.bundled.serif)) as unknown as Font;
    // Noto Serif SC kerns these: were they laid out from the cmap, the PDF would change.
    expect(asCmap(font, 'AV')).toBe(false);
    for (const s of ['AV', '2025年', '——', '巴特尔·乌日娜']) expect(SHAPING_FREE.test(s)).toBe(false);
    expect(SHAPING_FREE.test('科尔沁右翼前旗天骄职业技能培训学校，成立于（二〇一二年）。 ')).toBe(true);
  });

  it('draws a form as shaping every run does (the same fonts as a user’s own, which are always shaped)', async () => {
    const ex = await loadExample();
    // Copies of the bytes: parsed again, so not the bundled faces the fast path knows.
    const copies: FontSource = { bundled: WORLD.fonts.bundled, read: async (f) => new Uint8Array(await WORLD.fonts.read(f)) };
    const shaped = await loadFontSet(copies, Object.fromEntries(FONT_ROLES.map((r) => [r, WORLD.fonts.bundled[r]])));
    expect(FONT_ROLES.some((r) => shaped.faces[r].bundled)).toBe(false);
    const meta = { title: 't', author: 'a', subject: 's', date: new Date('2026-10-12T00:00:00Z') };
    for (const id of ['recommendation', 'score-sheet', 'brief']) {
      const form = doc(ex, id).form;
      const [fast, slow] = await Promise.all([renderPdf(form, ex.fonts, meta), renderPdf(form, shaped, meta)]);
      // Every glyph run where shaping puts it. (The bytes differ only in that a user's serif has
      // the page numbers set in a second font: they are always in the bundled serif.)
      const items = async (bytes: Uint8Array) => (await readPdf(bytes)).pages.flatMap((p, i) => p.items.map((t) => `${i} ${t.str} ${t.x.toFixed(3)} ${t.y.toFixed(3)} ${t.width.toFixed(3)}`));
      const [a, b] = await Promise.all([items(fast), items(slow)]);
      expect(a.length).toBeGreaterThan(50);
      expect(a).toEqual(b);
    }
  });

  it('copies as the character drawn, whatever another document drew with the same glyph', async () => {
    // ⽰ (a Kangxi radical) and 示 are one glyph in Noto Serif SC; fontkit keeps one glyph object per id.
    // A copy of its bytes: a font of its own, whose glyphs no other test has made yet.
    const serif = Buffer.from(new Uint8Array(await WORLD.fonts.read(WORLD.fonts.bundled.serif)));
    const draw = async (text: string) => {
      const doc = new PDFDocument({ size: 'A4', compress: false });
      doc.registerFont('serif', serif);
      useCmapLayout(doc, 'serif');
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c));
      const done = new Promise((r) => doc.on('end', r));
      doc.text(text, 72, 72, { lineBreak: false });
      doc.end();
      await done;
      // The text layer, as copying and search read it: the font's ToUnicode map (uncompressed here).
      // (pdfjs's text content folds ⽰ into 示, so it would not tell.)
      const cmap = Buffer.concat(chunks).toString('latin1');
      const ranges = cmap.slice(cmap.indexOf('beginbfrange'), cmap.indexOf('endbfrange'));
      const codes = [...ranges.matchAll(/\[([^\]]*)\]/g)].flatMap((m) => [...m[1]!.matchAll(/<([0-9a-f]+)>/g)].map((h) => Buffer.from(h[1]!, 'hex').swap16().toString('utf16le')));
      // Glyph 0 (.notdef) first, then the subset's glyphs in the order drawn.
      return codes.slice(1).join('');
    };
    expect(await draw('⽰')).toBe('⽰');
    expect(await draw('展示')).toBe('展示');
  });
});

