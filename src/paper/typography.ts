/**
 * Page and type after GB/T 9704-2012 (党政机关公文格式), in one place for every format:
 * A4; top margin 37 mm, binding-side margin 28 mm, text area 156 × 225 mm; titles 二号
 * (22 pt), running text 三号 (16 pt) at 22 lines a page, tables 小四 (12 pt), the roster 五号
 * (10.5 pt); page numbers 四号 (14 pt) as “— 7 —”, 7 mm below the text area, odd pages
 * right and even pages left, one character in from the edge of the text area.
 */

/** Text sizes after GB/T 9704: 二号 titles, 三号 running text, 小四 tables, 五号 roster. */
export const SIZE_ROLES = ['title', 'subtitle', 'body', 'table', 'small', 'roster'] as const;
export type SizeRole = (typeof SIZE_ROLES)[number];

/**
 * The faces a form is set in, by role: a serif for body and tables (宋体-like), its bold, a
 * heavy serif for titles (standing in for 小标宋), a sans for headings (黑体) and a kai (楷体).
 */
export const FONT_ROLES = ['serif', 'serifBold', 'title', 'sans', 'kai'] as const;
export type FontRole = (typeof FONT_ROLES)[number];

export const PT_PER_MM = 72 / 25.4;
export const mm = (x: number) => x * PT_PER_MM;

export const A4 = { width: 210, height: 297 };

export interface PageGeometry {
  /** Page size in mm. */
  width: number;
  height: number;
  /** Margins in mm; `left` is the binding side of an odd (right-hand) page. */
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export const PORTRAIT: PageGeometry = { width: 210, height: 297, top: 37, bottom: 35, left: 28, right: 26 };
/**
 * Landscape pages (the roster) are turned a quarter in the bound volume, so their top or
 * bottom edge meets the spine: both get room for binding.
 */
export const LANDSCAPE: PageGeometry = { width: 297, height: 210, top: 22, bottom: 22, left: 20, right: 20 };

export function geometry(orientation: 'portrait' | 'landscape'): PageGeometry {
  return orientation === 'portrait' ? PORTRAIT : LANDSCAPE;
}

export const textWidth = (g: PageGeometry) => g.width - g.left - g.right;
export const textHeight = (g: PageGeometry) => g.height - g.top - g.bottom;

export const SIZE_PT: Record<SizeRole, number> = {
  title: 22,
  subtitle: 16,
  body: 16,
  table: 12,
  small: 10.5,
  roster: 10.5,
};

/** Line pitch in points: 22 lines of 三号 fill the 225 mm text area; tables are set tighter. */
export const LINE_PT: Record<SizeRole, number> = {
  title: 34,
  subtitle: 26,
  body: mm(225) / 22,
  table: 19,
  small: 15.5,
  roster: 13,
};

export const PAGE_NUMBER_PT = 14;
/** Distance from the bottom of the text area to the top of the page-number line. */
export const PAGE_NUMBER_GAP_MM = 7;

/** “— 7 —”: em dashes (一字线) around the number, as GB/T 9704 prints it. */
export function pageNumberText(n: number): string {
  return `— ${n} —`;
}

/** Cell padding in mm; the roster's ten columns are set closer. */
export const CELL_PAD = { x: 1.8, y: 1.2 };
export const ROSTER_PAD = { x: 1.2, y: 1.0 };

/** Grey for printed prompts, so that what was filled in stands out. */
export const MUTED = '#555555';
