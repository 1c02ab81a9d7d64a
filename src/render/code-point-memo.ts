/**
 * A number per code point, computed once: the roster's wrapping and the font fallback ask for
 * every character of every cell, and two map lookups a character were a visible share of a
 * roster's drawing. The BMP sits in an array (NaN: not computed yet), the rest in a map.
 */
export class CodePointMemo {
  private readonly bmp = new Float64Array(0x10000).fill(NaN);
  private readonly astral = new Map<number, number>();

  constructor(private readonly compute: (cp: number) => number) {}

  get(cp: number): number {
    if (cp < 0x10000) {
      let v = this.bmp[cp]!;
      if (Number.isNaN(v)) this.bmp[cp] = v = this.compute(cp);
      return v;
    }
    let v = this.astral.get(cp);
    if (v === undefined) this.astral.set(cp, (v = this.compute(cp)));
    return v;
  }
}
