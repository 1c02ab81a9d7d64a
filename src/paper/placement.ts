/**
 * Where an attachment goes on an A4 page of the print volume. Pure geometry, shared by the
 * check (which warns about scans that would print under 150 dpi) and the assembler.
 *
 * Every attachment page is fitted into a box that keeps clear the spine side (for the
 * perfect binding) and the foot (for the volume's page number); a scan also leaves room for
 * its caption. Landscape pages are turned a quarter in the bound volume, so their top and
 * bottom get the room instead.
 */
import { A4, LANDSCAPE, PAGE_NUMBER_GAP_MM, PORTRAIT } from './typography.js';

export type Orientation = 'portrait' | 'landscape';

/** Lowest resolution of a scan at its printed size before the check warns. */
export const MIN_DPI = 150;

export interface Box {
  /** mm from the left edge of the page (odd, right-hand page: the spine is on the left). */
  x: number;
  /** mm from the bottom edge (PDF coordinates). */
  y: number;
  width: number;
  height: number;
}

export interface PageSize {
  width: number;
  height: number;
}

export const pageSize = (o: Orientation): PageSize => (o === 'portrait' ? { width: A4.width, height: A4.height } : { width: A4.height, height: A4.width });

/** Where the volume's page number sits: this far below the text area, from the bottom edge. */
export function pageNumberBaseline(o: Orientation): number {
  const g = o === 'portrait' ? PORTRAIT : LANDSCAPE;
  return g.bottom - PAGE_NUMBER_GAP_MM - 4; // the number's 14 pt line, baseline ≈ 4 mm below its top
}

/** The box an attachment page is fitted into, on an odd page (mirror it on even pages). */
export function attachmentBox(o: Orientation, caption: boolean): Box {
  const extra = caption ? 8 : 0;
  if (o === 'portrait') {
    const spine = 14;
    const outer = 8;
    const top = 8;
    const bottom = 30 + extra;
    return { x: spine, y: bottom, width: A4.width - spine - outer, height: A4.height - top - bottom };
  }
  const side = 10;
  const top = 14;
  const bottom = 18 + extra;
  return { x: side, y: bottom, width: A4.height - 2 * side, height: A4.width - top - bottom };
}

/** Pages a little larger or smaller than A4 still count as A4 (scanners differ by a few points). */
export function orientationOf(size: PageSize): Orientation {
  return size.width > size.height * 1.05 ? 'landscape' : 'portrait';
}

export interface Placement {
  orientation: Orientation;
  /** Where the content is drawn (mm, on an odd page). */
  box: Box;
  scale: number;
}

/** Fits content of a given size (mm) into its box, centred, never enlarged beyond the box. */
export function fit(content: PageSize, caption: boolean): Placement {
  const orientation = orientationOf(content);
  const area = attachmentBox(orientation, caption);
  const scale = Math.min(area.width / content.width, area.height / content.height);
  const width = content.width * scale;
  const height = content.height * scale;
  return {
    orientation,
    scale,
    box: { x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width, height },
  };
}

/** A scan's placement and its resolution at that printed size. */
export function placeImage(pixels: { width: number; height: number }): Placement & { dpi: number } {
  // Pixels stand for millimetres only through the ratio; the box decides the size.
  const placed = fit({ width: pixels.width, height: pixels.height }, true);
  const dpi = pixels.width / (placed.box.width / 25.4);
  return { ...placed, dpi };
}
