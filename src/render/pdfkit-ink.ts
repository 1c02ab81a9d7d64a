/**
 * Text and rules written into a pdfkit page's content as one string a row, for the roster's
 * grid (pdf-grid.ts). pdfkit's `text()` runs its whole text machinery for every run — options,
 * a line wrapper, a save, a flip of the page's space, a text object and a restore, each
 * operator a Buffer of its own — which on a roster of tens of thousands of short cells was
 * most of pdfkit's time. The grid knows where each run goes, so it needs only what pdfkit's
 * `_fragment` writes for one: the font's glyph codes (pdfkit's own `encode`, which also puts
 * the glyphs in the subset and records their widths and text), the text matrix and font, and
 * the page's font resource. The output draws the same: the same operators, glyph codes and
 * positions, in one text object per row instead of one per run. (pdfkit 0.19 EmbeddedFont
 * and PDFPage internals.)
 */

/** The pdfkit EmbeddedFont members used here. */
interface PdfKitFont {
  id: string;
  ascender: number;
  encode(text: string): [string[], unknown[]];
  ref(): unknown;
}
interface PdfKitDoc {
  _font: PdfKitFont;
  page: { height: number; fonts: Record<string, unknown> };
  font(name: string): unknown;
  addContent(s: string): unknown;
}

/** pdfkit's number format (PDFObject.number): six decimals at most. */
const num = (n: number): string => {
  if (!(n > -1e21 && n < 1e21)) throw new Error(`unsupported number: ${n}`);
  return `${Math.round(n * 1e6) / 1e6}`;
};

export class PdfKitInk {
  private readonly fonts = new Map<string, PdfKitFont>();
  private text: string[] = [];
  private rules: string[] = [];
  private lastFont = '';

  /** `lineWidth`: the rules' width, in points. */
  constructor(
    private readonly doc: PdfKitDoc,
    private readonly lineWidth: number,
  ) {}

  private fontFor(name: string): PdfKitFont {
    let f = this.fonts.get(name);
    if (!f) {
      this.doc.font(name);
      this.fonts.set(name, (f = this.doc._font));
    }
    return f;
  }

  /**
   * One run of text whose top is at `y` (pdfkit's top-down space and default `baseline: 'top'`),
   * set in the registered font `name`.
   */
  run(name: string, size: number, text: string, x: number, y: number): void {
    if (text.length === 0) return;
    const font = this.fontFor(name);
    const page = this.doc.page;
    if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
    const [codes] = font.encode(text);
    const baseline = page.height - y - (font.ascender / 1000) * size;
    const tf = `/${font.id} ${num(size)} Tf`;
    this.text.push(`1 0 0 1 ${num(x)} ${num(baseline)} Tm`);
    if (tf !== this.lastFont) this.text.push((this.lastFont = tf));
    // Glyphs from the cmap have no kerning or offsets, so one segment (as _fragment writes it).
    this.text.push(`[<${codes.join('')}> 0] TJ`);
  }

  /** A straight rule, in pdfkit's top-down space; stroked at `flush`. */
  rule(x1: number, y1: number, x2: number, y2: number): void {
    this.rules.push(`${num(x1)} ${num(y1)} m`, `${num(x2)} ${num(y2)} l`);
  }

  /** Writes what was collected into the current page: the rules stroked, then the text. */
  flush(): void {
    const out: string[] = [];
    if (this.rules.length) out.push(`${num(this.lineWidth)} w`, ...this.rules, 'S');
    if (this.text.length) {
      // The page's space is pdfkit's top-down flip; text is set in the PDF's own, as _fragment does.
      out.push('q', `1 0 0 -1 0 ${num(this.doc.page.height)} cm`, 'BT', ...this.text, 'ET', 'Q');
    }
    if (out.length) this.doc.addContent(out.join('\n'));
    this.text = [];
    this.rules = [];
    this.lastFont = '';
  }
}
