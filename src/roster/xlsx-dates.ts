/**
 * Which cells hold dates: Excel stores a date as a number, and only the cell's number format
 * says it is one. The rule is read-excel-file's (MIT), which read rosters before this reader:
 * the built-in date formats by id, and a custom format whose every token is a date or time
 * token. Kept by hand because it is a dozen lines and a roster must read as it did; the
 * libraries that know number formats (numfmt, ssf) format values, which this does not need.
 */

/** Built-in number formats that show dates or times (ECMA-376 §18.8.30, with the zh-CN, ja-JP, ko-KR and th-TH ids). */
const BUILT_IN_DATE_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47,
  27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58,
  71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81,
]);

const DATE_TOKENS = new Set([
  's', 'ss', 'm', 'mm', 'h', 'hh', 'am', 'pm', 'a', 'p', 'd', 'dd', 'ddd', 'dddd', 'aaa', 'aaaa', 'aaaaa',
  'mmm', 'mmmm', 'mmmmm', 'y', 'yy', 'yyyy', 'e', 'ee', 'eeee',
]);

function isDateSection(section: string): boolean {
  const tokens = section
    .replace(/"[^"]*"/g, ' ') // quoted text
    .replace(/(\[?[smhd]{1,2}\]?)[.,]00?0?/g, '$1') // fractions of a second
    .replace(/\[([smhd]{1,2})\]/g, '$1') // elapsed time
    .replace(/\[[^\]]*\]/g, '') // colour, locale and condition prefixes
    .split(/[^a-z0#?%]+/)
    .filter(Boolean);
  return tokens.length > 0 && tokens.every((t) => DATE_TOKENS.has(t));
}

/** Whether a custom format code (numFmt formatCode) shows a date or time. */
export function isDateFormatCode(code: string): boolean {
  const t = code.toLowerCase().replace(/;@$/, '').replace(/\\./g, ' ');
  return t.split(';').some(isDateSection);
}

/** Whether a number format, by id and (for custom ones) its code, shows a date or time. */
export function isDateFormat(id: number, code: string | undefined): boolean {
  return BUILT_IN_DATE_IDS.has(id) || (code !== undefined && isDateFormatCode(code));
}

/** A serial day number (days since 1899-12-30, or 1904-01-01 in a 1904 workbook) as a UTC date. */
export function excelDate(serial: number, epoch1904: boolean): Date {
  // 25569 days from Excel's day 0 to 1970-01-01 (counting Excel's phantom 1900-02-29); 1462 more in the 1904 system.
  const days = serial + (epoch1904 ? 1462 : 0) - 25569;
  return new Date(Math.floor(days * 86_400_000));
}
