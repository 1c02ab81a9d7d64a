/**
 * How a spreadsheet shenbao writes prints: the XLSX of a form (render/xlsx.ts) and the blank
 * roster `init` writes (roster/template.ts). Excel's own defaults are US Letter, portrait,
 * 100 % — a roster then prints four pages wide — and neither Excel nor LibreOffice sizes a
 * row to its wrapped text when it opens a file, so both are set here.
 */

/** A4, fitted to one page wide and as many pages down as needed, centred, with the header repeated (printTitlesRow, set per sheet). */
export const A4_SHEET_SETUP = {
  paperSize: 9, // A4
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  horizontalCentered: true,
  margins: { left: 0.6, right: 0.6, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.4 },
} as const;

/** The page setup of a sheet printed in this orientation (a fresh object: exceljs keeps and changes it). */
export function sheetPageSetup(orientation: 'portrait' | 'landscape') {
  return { ...A4_SHEET_SETUP, margins: { ...A4_SHEET_SETUP.margins }, orientation };
}

/**
 * Points of text a column of `width` Excel units holds: a unit is the widest digit of the
 * workbook's default font (Calibri 11, 7 px), a column 5 px more; less the cell's padding
 * and a little for the printer's font (宋体 in Excel, a substitute elsewhere) being wider
 * than the one measured.
 */
export const columnTextPt = (width: number): number => (Math.trunc(width * 7 + 5) - 6) * 0.75 - 2;

/** Line pitch of wrapped cell text, in em: the natural line of the CJK fonts Excel and LibreOffice draw with (about 1.45). */
export const SHEET_LINE_EM = 1.45;

/** A row's height in points for `lines` lines of `size` pt text, with room above and below. */
export const sheetRowHeight = (lines: number, size: number): number => Math.ceil((Math.max(1, lines) * size * SHEET_LINE_EM + 4) * 4) / 4;
