/**
 * Office files are zip packages, and docx and exceljs stamp the current time into every
 * entry (and docx into docProps/core.xml). To make the same input give the same bytes, the
 * package is re-zipped here with one fixed time and its entries in a fixed order.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';

/** Zip (DOS) times cannot say anything before 1980. */
export function zipTime(date: Date): Date {
  const min = Date.UTC(1980, 0, 1, 12);
  return new Date(Math.max(date.getTime(), min));
}

/** `[Content_Types].xml` first (as Office writes it), then the rest by name. */
function entryOrder(a: string, b: string): number {
  const rank = (n: string) => (n === '[Content_Types].xml' ? 0 : 1);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

export function normalizeOfficeZip(bytes: Uint8Array, date: Date, patch?: (name: string, text: string) => string): Uint8Array {
  const entries = unzipSync(bytes);
  const mtime = zipTime(date);
  const out: Zippable = {};
  for (const name of Object.keys(entries).sort(entryOrder)) {
    let data = entries[name]!;
    if (patch && name.endsWith('.xml')) {
      const text = new TextDecoder().decode(data);
      const patched = patch(name, text);
      if (patched !== text) data = new TextEncoder().encode(patched);
    }
    out[name] = [data, { mtime, level: 6 }];
  }
  return zipSync(out);
}

/** docProps/core.xml: the created and modified times become the run's date. */
export function fixCoreDates(date: Date) {
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (name: string, text: string) =>
    name === 'docProps/core.xml'
      ? text.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${iso}$2`)
      : text;
}
