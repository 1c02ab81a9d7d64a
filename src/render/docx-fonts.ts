/**
 * Which fonts a DOCX names, shared by the general writer (docx.ts) and the roster's table
 * (docx-table.ts). A DOCX names fonts rather than embedding them (a CJK font is 10–15 MB):
 * for the bundled faces the fonts every Chinese Windows has (宋体, 黑体, 楷体), for a face
 * the user chose its own family name.
 */
import type { FontRole, FontSet } from './fonts.js';
import { DOTTED_NAME, lineTexts, Measure, wrap } from './wrap.js';

/** What Word should use for each role when the bundled font stands in for a system font. */
const WORD_FONTS: Record<FontRole, { name: string; bold: boolean }> = {
  serif: { name: '宋体', bold: false },
  serifBold: { name: '宋体', bold: true },
  title: { name: '宋体', bold: true },
  sans: { name: '黑体', bold: false },
  kai: { name: '楷体', bold: false },
};

export function wordFont(fonts: FontSet, role: FontRole): { name: string; bold: boolean } {
  const face = fonts.faces[role];
  return face.bundled ? WORD_FONTS[role] : { name: face.familyName, bold: false };
}

/**
 * The Word font for characters of the supplementary planes (CJK Extension B on: 𠮷, 𪚥),
 * which 宋体 lacks: every Chinese Windows has it beside 宋体 (simsunb.ttf).
 */
export const WORD_EXTB_FONT = 'SimSun-ExtB';

/**
 * The font a run names: the role's, or — for characters the role's face lacks (split off by
 * FontSet.segment, as in the PDF) — the fallback face's: a font of the user's by its own
 * name, a bundled one by the Windows font with that coverage (宋体 has all of the BMP).
 */
export function runFont(fonts: FontSet, role: FontRole, face: FontRole, text: string): { name: string; bold: boolean } {
  const own = wordFont(fonts, role);
  if (face === role) return own;
  const f = fonts.faces[face];
  if (!f.bundled) return { name: f.familyName, bold: own.bold };
  return [...text].some((ch) => ch.codePointAt(0)! > 0xffff) ? { name: WORD_EXTB_FONT, bold: own.bold } : own;
}

const measures = new WeakMap<FontSet, Measure>();

/**
 * A cell's text as the lines Word should show. Word breaks Chinese between any two
 * characters and has no way to keep a run together, so a transliterated name wider than its
 * cell gets line breaks at the dots where the PDF breaks it (wrap.ts); any other text is
 * left to Word. `widthPt` is the cell's width inside its margins.
 */
export function cellLines(fonts: FontSet, text: string, role: FontRole, sizePt: number, widthPt: number): string[] {
  if (!DOTTED_NAME.test(text)) return [text];
  let m = measures.get(fonts);
  if (!m) measures.set(fonts, (m = new Measure(fonts)));
  return lineTexts(wrap(text, role, sizePt, widthPt, fonts, m));
}
