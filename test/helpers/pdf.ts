/**
 * Reading PDFs back with npm libraries only, so the tests run on a machine that has nothing
 * but Node: pdfjs-dist (Mozilla's PDF reader, as Firefox reads them) for the text with its
 * positions, the fonts and the metadata; pdf-lib for the structure.
 */
import { PDFDocument } from '#pdf-lib';
// pdfjs builds a DOMMatrix at load time; without the optional canvas package Node has none.
(globalThis as { DOMMatrix?: unknown }).DOMMatrix ??= class DOMMatrix {};
const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');

export interface TextItem {
  str: string;
  /** Left edge and baseline, in points from the page's lower-left corner. */
  x: number;
  y: number;
  width: number;
  fontName: string;
}

export interface PageRead {
  width: number;
  height: number;
  items: TextItem[];
  /** The page's text, line by line from the top (items on one baseline joined). */
  text: string;
}

export interface PdfRead {
  pages: PageRead[];
  /** Every font the pages use: its name (with any subset tag) and whether it is embedded. */
  fonts: { name: string; embedded: boolean }[];
  info: Record<string, unknown>;
  /** The XMP packet, raw. */
  xmp: string | null;
}

/** Items on (nearly) the same baseline form a line; lines from top to bottom. */
function linesOf(items: readonly TextItem[]): string {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: TextItem[][] = [];
  for (const it of sorted) {
    const line = lines.at(-1);
    if (line && Math.abs(line[0]!.y - it.y) < 2.5) line.push(it);
    else lines.push([it]);
  }
  return lines
    .map((l) => {
      l.sort((a, b) => a.x - b.x);
      let s = '';
      let end = -Infinity;
      for (const it of l) {
        // A gap wider than a space between two runs is written as one (as pdftotext does).
        if (s && it.x - end > 3) s += ' ';
        s += it.str;
        end = it.x + it.width;
      }
      return s;
    })
    .join('\n');
}

const cache = new WeakMap<Uint8Array, Promise<PdfRead>>();

/** Reads a PDF once (per byte array): pages with text and positions, fonts, metadata. */
export function readPdf(bytes: Uint8Array, opts: { fonts?: boolean } = {}): Promise<PdfRead> {
  const hit = cache.get(bytes);
  if (hit && !opts.fonts) return hit;
  const p = (async (): Promise<PdfRead> => {
    // getDocument takes ownership of (detaches) the array it is given, and refuses a Buffer: give it a plain copy.
    const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: VerbosityLevel.ERRORS, isEvalSupported: false, useSystemFonts: false }).promise;
    const pages: PageRead[] = [];
    const fonts = new Map<string, boolean>();
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const view = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: TextItem[] = [];
      for (const it of content.items as { str?: string; transform?: number[]; width?: number; fontName?: string }[]) {
        if (!it.str) continue;
        items.push({ str: it.str, x: it.transform![4]!, y: it.transform![5]!, width: it.width ?? 0, fontName: it.fontName ?? '' });
      }
      if (opts.fonts) {
        // Fonts are resolved into commonObjs only once the page's operators are read.
        await page.getOperatorList();
        for (const id of new Set(items.map((x) => x.fontName))) {
          const f = page.commonObjs.get(id) as { name?: string; missingFile?: boolean } | undefined;
          if (f?.name) fonts.set(f.name, !f.missingFile);
        }
      }
      pages.push({ width: view.width, height: view.height, items, text: linesOf(items) });
    }
    const meta = await doc.getMetadata();
    const xmp = (meta.metadata as { getRaw?: () => string } | null)?.getRaw?.() ?? null;
    await doc.destroy();
    return { pages, fonts: [...fonts].map(([name, embedded]) => ({ name, embedded })), info: meta.info as Record<string, unknown>, xmp };
  })();
  if (!opts.fonts) cache.set(bytes, p);
  return p;
}

/** The text of every page, joined with form feeds (as pdftotext writes it). */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  return (await readPdf(bytes)).pages.map((p) => p.text).join('\f');
}

/** The text of each page. */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  return (await readPdf(bytes)).pages.map((p) => p.text);
}

export async function pdfFonts(bytes: Uint8Array): Promise<{ name: string; embedded: boolean }[]> {
  return (await readPdf(bytes, { fonts: true })).fonts;
}

/** The text of one page (1-based), reading only that page. */
export async function pdfPageText(bytes: Uint8Array, page: number): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: VerbosityLevel.ERRORS, isEvalSupported: false, useSystemFonts: false }).promise;
  try {
    const p = await doc.getPage(page);
    const content = await p.getTextContent();
    const items = (content.items as { str?: string; transform?: number[]; width?: number; fontName?: string }[])
      .filter((it) => it.str)
      .map((it) => ({ str: it.str!, x: it.transform![4]!, y: it.transform![5]!, width: it.width ?? 0, fontName: it.fontName ?? '' }));
    return linesOf(items);
  } finally {
    await doc.destroy();
  }
}

/** The smallest left edge (points) of any text on a page (1-based): where its text area begins. */
export async function leftEdge(bytes: Uint8Array, page: number): Promise<number> {
  const p = (await readPdf(bytes)).pages[page - 1]!;
  return Math.min(...p.items.filter((i) => i.str.trim() !== '').map((i) => i.x));
}

/** Page count and page sizes, from pdf-lib's reading of the structure. */
export async function pdfStructure(bytes: Uint8Array): Promise<{ pages: number; sizes: { width: number; height: number }[]; doc: PDFDocument }> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return { pages: doc.getPageCount(), sizes: doc.getPages().map((p) => ({ width: p.getWidth(), height: p.getHeight() })), doc };
}
