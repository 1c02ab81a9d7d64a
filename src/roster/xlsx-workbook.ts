/**
 * What a worksheet needs from the rest of the workbook: the sheets in their tab order and
 * where each is stored (workbook.xml and its relationships), the shared texts
 * (sharedStrings.xml), which cell styles show dates (styles.xml), and the date system.
 */
import path from 'node:path';
import { isDateFormat } from './xlsx-dates.js';
import { attrLocal, readPart, type Package } from './xlsx-parts.js';

export interface SheetRef {
  name: string;
  /** The worksheet's entry in the zip. */
  part: string;
}

export interface Workbook {
  sheets: SheetRef[];
  /** Dates counted from 1904 (old Mac Excel) rather than 1900. */
  epoch1904: boolean;
  /** The shared texts, by index. */
  strings: string[];
  /** For each cell style (c/@s), whether it shows a number as a date; undefined when styles.xml is absent. */
  dateStyles?: boolean[];
}

/** A part that is not there, or a reference that leads nowhere: the workbook is damaged. */
export class BrokenWorkbook extends Error {}

/** The shared texts unpack to more than the limit (checked from the zip's directory, before inflating). */
export class TextsTooLarge extends Error {}

/** Excel writes characters XML cannot hold as _xHHHH_ (ECMA-376 §22.9.2.19). */
export function unescapeText(s: string): string {
  return s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;
}

function required(pkg: Package, name: string) {
  const e = pkg.entries.get(name);
  if (!e) throw new BrokenWorkbook(`"${name}" file not found inside the .xlsx file`);
  return e;
}

/** Relationship targets by id and by type (the last segment of the type URI), as zip entry names. */
async function relationships(pkg: Package): Promise<{ byId: Map<string, string>; byType: Map<string, string> }> {
  const byId = new Map<string, string>();
  const byType = new Map<string, string>();
  await readPart(pkg, required(pkg, 'xl/_rels/workbook.xml.rels'), {
    open(name, a) {
      if (name !== 'Relationship') return;
      const target = a.Target;
      if (!target) return;
      // Targets are relative to xl/; a few writers give an absolute path inside the package.
      const part = target.startsWith('/') ? target.slice(1) : path.posix.normalize(`xl/${target}`);
      if (a.Id) byId.set(a.Id, part);
      const type = a.Type?.split('/').pop();
      if (type && !byType.has(type)) byType.set(type, part);
    },
  });
  return { byId, byType };
}

async function sheetList(pkg: Package, byId: Map<string, string>): Promise<{ sheets: SheetRef[]; epoch1904: boolean }> {
  const sheets: SheetRef[] = [];
  let epoch1904: boolean | undefined;
  await readPart(pkg, required(pkg, 'xl/workbook.xml'), {
    open(el, a) {
      if (el === 'workbookPr' && epoch1904 === undefined) {
        epoch1904 = a.date1904 === '1' || a.date1904 === 'true';
      } else if (el === 'sheet') {
        const name = a.name;
        if (!name) return;
        const part = byId.get(attrLocal(a, 'id') ?? '');
        if (!part || !pkg.entries.has(part)) throw new BrokenWorkbook(`sheet "${name}" has no data in the .xlsx file`);
        sheets.push({ name: unescapeText(name), part });
      }
    },
  });
  return { sheets, epoch1904: epoch1904 ?? false };
}

/** The shared texts. A rich text's runs are joined; phonetic guides (rPh) are not part of the text. */
async function sharedStrings(pkg: Package, part: string | undefined, maxBytes: number): Promise<string[]> {
  const entry = pkg.entries.get(part ?? 'xl/sharedStrings.xml');
  if (!entry) return [];
  if (entry.uncompressedSize > maxBytes) throw new TextsTooLarge();
  const strings: string[] = [];
  let si: string | undefined;
  let inT = false;
  let phonetic = 0;
  await readPart(pkg, entry, {
    open(name) {
      if (name === 'si') si = '';
      else if (name === 't') inT = true;
      else if (name === 'rPh') phonetic++;
    },
    close(name) {
      if (name === 'si') {
        strings.push(unescapeText(si!));
        si = undefined;
      } else if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
    },
    text(t) {
      if (si !== undefined && inT && phonetic === 0) si += t;
    },
  });
  return strings;
}

/**
 * For each cell style, whether it shows dates: its own number format, or (without one) that of
 * the named style it is based on (xfId), as read-excel-file resolved them.
 */
async function dateStyles(pkg: Package, part: string | undefined): Promise<boolean[] | undefined> {
  const entry = pkg.entries.get(part ?? 'xl/styles.xml');
  if (!entry) return undefined;
  const codes = new Map<number, string>();
  const base: (number | undefined)[] = [];
  const cells: { numFmt?: number; xfId?: number }[] = [];
  let list: 'base' | 'cells' | undefined;
  const num = (v: string | undefined) => (v === undefined || v === '' ? undefined : Number(v));
  await readPart(pkg, entry, {
    open(name, a) {
      if (name === 'numFmt') {
        const id = Number(a.numFmtId);
        // Ids under 100 are built in; some writers redefine ids from 100 up, as Excel 2007 allowed.
        if (id >= 100 && a.formatCode !== undefined) codes.set(id, a.formatCode);
      } else if (name === 'cellStyleXfs') list = 'base';
      else if (name === 'cellXfs') list = 'cells';
      else if (name === 'xf' && list === 'base') base.push(num(a.numFmtId));
      else if (name === 'xf' && list === 'cells') cells.push({ numFmt: num(a.numFmtId), xfId: num(a.xfId) });
    },
    close(name) {
      if (name === 'cellStyleXfs' || name === 'cellXfs') list = undefined;
    },
  });
  return cells.map(({ numFmt, xfId }) => {
    const id = numFmt ?? (xfId ? base[xfId] : undefined);
    return id !== undefined && isDateFormat(id, codes.get(id));
  });
}

/** Reads the workbook's parts; the shared texts only when they unpack to at most `maxTextBytes`. */
export async function readWorkbook(pkg: Package, maxTextBytes: number): Promise<Workbook> {
  const rels = await relationships(pkg);
  const { sheets, epoch1904 } = await sheetList(pkg, rels.byId);
  return {
    sheets,
    epoch1904,
    strings: await sharedStrings(pkg, rels.byType.get('sharedStrings'), maxTextBytes),
    dateStyles: await dateStyles(pkg, rels.byType.get('styles')),
  };
}

