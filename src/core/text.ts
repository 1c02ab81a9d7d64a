/** Text normalisation shared by the loaders: what Chinese input methods and Excel produce. */

/** Full-width ASCII (Ａ-Ｚ，０-９，（），－ …) → half-width; ideographic space → space. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** A character as Unicode names it in messages: U+0007, U+20BB7. */
export function codePointName(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** C0 control characters but tab, line feed and carriage return (which a text may hold), and DEL. */
export const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** The first control character in a text (see CONTROL), by its name, with where it is; undefined when none. */
export function controlIn(s: string): { code: string; index: number } | undefined {
  const m = CONTROL.exec(s);
  return m ? { code: codePointName(m[0]), index: m.index } : undefined;
}

/** Removes every kind of white space, including NBSP and zero-width spaces Excel users paste in. */
export function stripSpaces(s: string): string {
  return s.replace(/[\s\u00a0\u200b-\u200d\u2060\ufeff\u3000]/g, '');
}

/** Header text as compared: no spaces or line breaks, half-width, no trailing colon. */
export function headerKey(s: string): string {
  return stripSpaces(toHalfWidth(s)).replace(/[:：]$/, '');
}
