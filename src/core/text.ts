/** Text normalisation shared by the loaders: what Chinese input methods and Excel produce. */

/** Full-width ASCII (Ａ-Ｚ，０-９，（），－ …) → half-width; ideographic space → space. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Removes every kind of white space, including NBSP and zero-width spaces Excel users paste in. */
export function stripSpaces(s: string): string {
  return s.replace(/[\s\u00a0\u200b-\u200d\u2060\ufeff\u3000]/g, '');
}

/** Header text as compared: no spaces or line breaks, half-width, no trailing colon. */
export function headerKey(s: string): string {
  return stripSpaces(toHalfWidth(s)).replace(/[:：]$/, '');
}
