/**
 * pdfkit text laid out from the cmap alone, where no OpenType shaping is needed. pdfkit lays
 * out every new string with fontkit's full shaping (GSUB/GPOS), which is most of its time on
 * a roster of unique names and ID numbers, and a third of a pdfmake form's. (pdfkit has no
 * option for this; the method replaced is EmbeddedFont.layoutRun, pdfkit 0.19.)
 */
interface Glyph {
  id: number;
  codePoints: number[];
  advanceWidth: number;
}
interface EmbeddedFontInternals {
  font: { glyphForCodePoint(cp: number): Glyph };
  scale: number;
  layoutRun(text: string, features?: unknown): unknown;
}

function cmapRun(ef: EmbeddedFontInternals, text: string) {
  const glyphs: Glyph[] = [];
  const positions = [];
  let advanceWidth = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const { id, advanceWidth: aw } = ef.font.glyphForCodePoint(cp);
    const w = aw * ef.scale;
    // Not fontkit's glyph itself: it caches one per glyph id with the code point it was first
    // made for (a Kangxi radical ⽰ and 示 share a glyph), and pdfkit's text layer takes the
    // glyph's code points — so copied text would depend on what any earlier document drew.
    glyphs.push({ id, advanceWidth: aw, codePoints: [cp] });
    positions.push({ xAdvance: w, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: w });
    advanceWidth += w;
  }
  return { glyphs, positions, advanceWidth };
}

/**
 * The roster's fonts: every run straight from the cmap — one glyph per character at its
 * advance. Chinese text and the roster's digits and letters are set without kerning.
 */
export function useCmapLayout(doc: { font(name: string): unknown }, name: string): void {
  doc.font(name);
  const ef = (doc as unknown as { _font: EmbeddedFontInternals })._font;
  if (typeof ef.layoutRun !== 'function' || !ef.font?.glyphForCodePoint) return;
  ef.layoutRun = (text: string) => cmapRun(ef, text);
}

/**
 * Characters that the bundled fonts (Noto Serif SC, Noto Sans SC, LXGW WenKai) set exactly as
 * their cmap gives them, alone and beside each other: Han characters, the CJK and full-width
 * punctuation, and spaces. Latin letters, digits, ASCII punctuation, dashes, ellipses and the
 * middle dot are kerned or substituted in Noto, so a run with any of them is shaped.
 * test/render/cmap-layout.test.ts holds fontkit's shaping to this, font by font.
 */
export const SHAPING_FREE = /^[\p{Script=Han}\u3000-\u3032\u3035-\u303f\uff01-\uff20\uff3b-\uff40\uff5b-\uff5e“”‘’×÷№℃• ]*$/u;

/**
 * A form's font laid out from the cmap where that is what shaping would give (SHAPING_FREE),
 * and shaped as before everywhere else. Only for the bundled fonts, where the test checks it:
 * a font a user brings may kern its punctuation.
 */
export function useCmapLayoutWhereSafe(ef: EmbeddedFontInternals): void {
  if (typeof ef.layoutRun !== 'function' || !ef.font?.glyphForCodePoint) return;
  const shaped = ef.layoutRun.bind(ef);
  ef.layoutRun = (text: string, features?: unknown) => (features === undefined && SHAPING_FREE.test(text) ? cmapRun(ef, text) : shaped(text, features));
}
