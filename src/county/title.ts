/**
 * Breaking a long title into lines after GB/T 9704—2012 7.3.1: 回行时，要做到词意完整，排列对称，
 * 长短适宜. The form's title template marks with {{br}} where it may break (between its parts:
 * 关于推荐<机构> | “<工种>” | 为<级别品牌>的报告); a part too long for one line may also break after a
 * county's name or before one of the scheme's words (countyReview.titleBreaks: 职业技能培训学校 …),
 * never elsewhere — and inside a word only when nothing else fits, which the scheme's words avoid.
 * Pure: the widths are in characters of the title's size (a CJK character 1, a Latin one ½).
 */

/** What {{br}} renders as while the lines are worked out (elsewhere it renders as nothing). */
export const TITLE_BREAK = '\u001e';

/** Width in characters: full-width forms count 1, ASCII ½. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! < 0x2000 ? 0.5 : 1;
  return w;
}

interface Piece {
  text: string;
  /** How bad a break before this piece is: 0 between parts, more inside one. */
  cost: number;
}

const AFTER_COUNTY = 40;
const BEFORE_WORD = 100;
const INSIDE_WORD = 10_000;

/** The places inside one part where it may break, with their costs. */
function splitPart(part: string, words: readonly string[], counties: readonly string[]): Piece[] {
  const at = new Map<number, number>();
  for (const c of counties) {
    if (!c) continue;
    for (let i = part.indexOf(c); i >= 0; i = part.indexOf(c, i + 1)) at.set(i + c.length, Math.min(at.get(i + c.length) ?? Infinity, AFTER_COUNTY));
  }
  // Before a word, unless it lies inside a longer one found there (培训学校 inside 职业技能培训学校).
  const found = words.flatMap((w) => {
    const out: { from: number; to: number }[] = [];
    for (let i = part.indexOf(w); i >= 0 && w; i = part.indexOf(w, i + 1)) out.push({ from: i, to: i + w.length });
    return out;
  });
  for (const f of found) {
    if (found.some((o) => o !== f && o.from <= f.from && o.to >= f.to && o.to - o.from > f.to - f.from)) continue;
    at.set(f.from, Math.min(at.get(f.from) ?? Infinity, BEFORE_WORD));
  }
  const cuts = [...at.entries()].filter(([i]) => i > 0 && i < part.length).sort((a, b) => a[0] - b[0]);
  const pieces: Piece[] = [];
  let from = 0;
  let cost = 0;
  for (const [i, c] of cuts) {
    pieces.push({ text: part.slice(from, i), cost });
    from = i;
    cost = c;
  }
  pieces.push({ text: part.slice(from), cost });
  return pieces;
}

/** A piece wider than a line, cut into line-wide chunks (the last resort). */
function hardSplit(p: Piece, max: number): Piece[] {
  if (textWidth(p.text) <= max) return [p];
  const out: Piece[] = [];
  let cur = '';
  for (const ch of p.text) {
    if (cur && textWidth(cur + ch) > max) {
      out.push({ text: cur, cost: out.length ? INSIDE_WORD : p.cost });
      cur = '';
    }
    cur += ch;
  }
  out.push({ text: cur, cost: out.length ? INSIDE_WORD : p.cost });
  return out;
}

/**
 * The title's lines: as few as fit in `max` characters each, breaking where it costs least,
 * and of those the most even (the lines' shortfalls squared).
 */
export function titleLines(text: string, opts: { max: number; words: readonly string[]; counties: readonly string[] }): string[] {
  const parts = text.split(TITLE_BREAK).filter((p) => p !== '');
  if (parts.length === 0) return [];
  const whole = parts.join('');
  if (textWidth(whole) <= opts.max) return [whole];
  const pieces = parts.flatMap((part, i) => splitPart(part, opts.words, opts.counties).map((p, j) => (i > 0 && j === 0 ? { ...p, cost: 0 } : p))).flatMap((p) => hardSplit(p, opts.max));
  const n = pieces.length;
  // best[i]: the cheapest way to set pieces[0..i) with a break before piece i.
  const best: { lines: number; cost: number; from: number }[] = [{ lines: 0, cost: 0, from: -1 }];
  for (let i = 1; i <= n; i++) {
    let top: { lines: number; cost: number; from: number } | undefined;
    for (let j = i - 1; j >= 0; j--) {
      const line = pieces.slice(j, i).map((p) => p.text).join('');
      const w = textWidth(line);
      if (w > opts.max) break;
      const prev = best[j]!;
      if (!Number.isFinite(prev.cost)) continue;
      const cost = prev.cost + (j > 0 ? pieces[j]!.cost : 0) + (opts.max - w) ** 2;
      const cand = { lines: prev.lines + 1, cost, from: j };
      if (!top || cand.lines < top.lines || (cand.lines === top.lines && cand.cost < top.cost)) top = cand;
    }
    best[i] = top ?? { lines: Infinity, cost: Infinity, from: i - 1 };
  }
  const lines: string[] = [];
  for (let i = n; i > 0; i = best[i]!.from) lines.unshift(pieces.slice(best[i]!.from, i).map((p) => p.text).join(''));
  return lines;
}
