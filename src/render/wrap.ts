/**
 * Line breaking of short cell texts, measured with the fonts' own glyph advances: the
 * roster's PDF draws these lines (pdf-grid.ts), and the DOCX and XLSX use them to break a
 * name where the PDF does and to size rows to their wrapped text.
 *
 * Chinese may break between any two characters; a Latin run or a number is kept whole when
 * it fits; a transliterated name (那仁满都拉·额尔敦巴特尔) breaks only at its middle dots,
 * and inside a part only when the part alone is wider than the column.
 */
import { CodePointMemo } from './code-point-memo.js';
import type { FontRole, FontSet } from './fonts.js';

export interface Piece {
  text: string;
  face: FontRole;
  width: number;
}

export type Line = Piece[];

/** Glyph advances per face and character, in units of 1 pt font size. */
export class Measure {
  private readonly cache = new Map<FontRole, CodePointMemo>();
  constructor(private readonly fonts: FontSet) {}

  advance(face: FontRole, cp: number): number {
    let m = this.cache.get(face);
    if (!m) {
      const f = this.fonts.faces[face];
      this.cache.set(face, (m = new CodePointMemo((c) => f.font.glyphForCodePoint(c).advanceWidth / f.unitsPerEm)));
    }
    return m.get(cp);
  }
}

/** The middle dots a transliterated name is written with (U+00B7 as GB 18030 has it, and its look-alikes). */
const DOTS = '·・•‧';

/** A name of parts joined by middle dots (那仁满都拉·额尔敦巴特尔), as Mongolian names are transliterated into Chinese. */
export const DOTTED_NAME = new RegExp(`^\\p{Script=Han}+(?:[${DOTS}]\\p{Script=Han}+)+$`, 'u');

/** A dotted name's parts, each with the dot that ends it: the pieces a line may break between. */
export function nameParts(text: string): string[] {
  return text.split(new RegExp(`(?<=[${DOTS}])`, 'u'));
}

/** Characters that may start or end a line anywhere (CJK and full-width forms). */
const BREAK_ANYWHERE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u{20000}-\u{3ffff}·]/u;
/** Tokens: a CJK character alone, or a run of other non-space characters, or spaces. */
const TOKENS = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u{20000}-\u{3ffff}·]|\s+|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u{20000}-\u{3ffff}·]+/gu;

/** Greedy line breaking of one paragraph into lines no wider than `width` pt. */
export function wrap(text: string, role: FontRole, size: number, width: number, fonts: FontSet, measure: Measure): Line[] {
  // Most roster cells (name, ID number, phone…) fit on one line in one face: measure once, no tokens.
  let total = 0;
  let single = true;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const face = fonts.faceFor(role, cp) ?? role;
    if (face !== role) {
      single = false;
      break;
    }
    total += measure.advance(face, cp) * size;
  }
  if (single && total <= width) return [[{ text, face: role, width: total }]];

  const lines: Line[] = [];
  let line: Line = [];
  let lineWidth = 0;
  const dotted = DOTTED_NAME.test(text);
  const tokens = dotted ? nameParts(text) : (text.match(TOKENS) ?? []);
  const push = (ch: string, face: FontRole, w: number) => {
    const last = line[line.length - 1];
    if (last && last.face === face) {
      last.text += ch;
      last.width += w;
    } else line.push({ text: ch, face, width: w });
    lineWidth += w;
  };
  const newLine = () => {
    lines.push(line);
    line = [];
    lineWidth = 0;
  };
  for (const token of tokens) {
    const chars = [...token];
    const faces = chars.map((ch) => fonts.faceFor(role, ch.codePointAt(0)!) ?? role);
    const widths = chars.map((ch, i) => measure.advance(faces[i]!, ch.codePointAt(0)!) * size);
    const tokenWidth = widths.reduce((a, b) => a + b, 0);
    if (/^\s+$/.test(token)) {
      if (line.length) chars.forEach((ch, i) => push(ch, faces[i]!, widths[i]!));
      continue;
    }
    const whole = dotted || chars.length === 1 || !BREAK_ANYWHERE.test(token);
    if (whole && lineWidth + tokenWidth > width && line.length && tokenWidth <= width) newLine();
    for (let i = 0; i < chars.length; i++) {
      if (lineWidth + widths[i]! > width && line.length) newLine();
      push(chars[i]!, faces[i]!, widths[i]!);
    }
  }
  if (line.length || lines.length === 0) lines.push(line);
  return lines;
}

/** The lines' texts. */
export const lineTexts = (lines: readonly Line[]): string[] => lines.map((l) => l.map((p) => p.text).join(''));
