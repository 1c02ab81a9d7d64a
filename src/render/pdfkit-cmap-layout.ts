/** pdfkit text laid out from the cmap alone, for text that needs no OpenType shaping. */
interface EmbeddedFontInternals {
  font: { glyphForCodePoint(cp: number): { id: number; codePoints: number[]; advanceWidth: number } };
  scale: number;
  layoutRun(text: string): unknown;
}

/**
 * pdfkit lays out every new string with fontkit's full OpenType shaping (GSUB/GPOS), which is
 * most of its time on a roster of unique names and ID numbers. Chinese text, digits and Latin
 * letters in these fonts need no shaping — one glyph per character at its advance — so for
 * the roster's fonts the run is built straight from the cmap. (pdfkit has no option for
 * this; the method replaced is EmbeddedFont.layoutRun, pdfkit 0.19.)
 */
export function useCmapLayout(doc: { font(name: string): unknown }, name: string): void {
  doc.font(name);
  const ef = (doc as unknown as { _font: EmbeddedFontInternals })._font;
  if (typeof ef.layoutRun !== 'function' || !ef.font?.glyphForCodePoint) return;
  const { font, scale } = ef;
  ef.layoutRun = (text: string) => {
    const glyphs = [];
    const positions = [];
    let advanceWidth = 0;
    for (const ch of text) {
      const glyph = font.glyphForCodePoint(ch.codePointAt(0)!);
      const w = glyph.advanceWidth * scale;
      glyphs.push(glyph);
      positions.push({ xAdvance: w, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: w });
      advanceWidth += w;
    }
    return { glyphs, positions, advanceWidth };
  };
}
