/**
 * One worksheet's rows, streamed: each <row> becomes a GridRow numbered as Excel shows it,
 * each cell's value as read-excel-file gave it before — texts trimmed (an empty one is no
 * value), numbers, booleans, dates where the cell's style shows a date, formula results as
 * cached, error values as empty. Rows without any value are left out, so a gap keeps the
 * numbers of the rows after it.
 */
import type yauzl from 'yauzl';
import type { GridRow } from './grid.js';
import type { CellValue } from './types.js';
import { excelDate } from './xlsx-dates.js';
import { readPart, StopReading, type Package } from './xlsx-parts.js';
import { BrokenWorkbook, unescapeText, type Workbook } from './xlsx-workbook.js';

export type SheetEnd = 'end' | 'stopped' | 'tooManyRows';

export interface SheetReading {
  /** More <row> elements than this and reading stops: the sheet is too long. */
  rowLimit: number;
  /** Each row that holds a value, in order; false stops reading (the rest is not needed). */
  onRow(row: GridRow): boolean;
}

interface Cell {
  ref: string | undefined;
  t: string | undefined;
  s: string | undefined;
  /** The <v> text; undefined when there is no <v>. */
  v: string | undefined;
  /** The <is> text of an inline string; undefined when there is none. */
  inline: string | undefined;
}

/** "AB12" → column 27 (0-based) and row 12; undefined when it is not a cell reference. */
function parseRef(ref: string): { col: number; row: number } | undefined {
  // Once per cell, so by char codes rather than a regular expression.
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  const row = Number(ref.slice(i));
  return i === 0 || i > 3 || !Number.isInteger(row) || row < 1 || i === ref.length ? undefined : { col: col - 1, row };
}

/** A cell's value; throws BrokenWorkbook where the cell's data contradicts its type. */
function valueOf(c: Cell, wb: Workbook, at: string): CellValue {
  const text = (s: string) => {
    const t = s.trim();
    return t === '' ? null : t;
  };
  const bad = (what: string): never => {
    throw new BrokenWorkbook(`cell ${at}: ${what}`);
  };
  switch (c.t || 'n') {
    case 'str': // a formula's cached text result
      return c.v ? text(unescapeText(c.v)) : null;
    case 'inlineStr':
      return c.inline === undefined ? null : text(unescapeText(c.inline));
    case 's': {
      if (!c.v) return null;
      const s = wb.strings[Number(c.v)];
      return s === undefined ? bad(`shared text ${c.v} does not exist`) : text(s);
    }
    case 'b':
      if (!c.v) return null;
      return c.v === '1' ? true : c.v === '0' ? false : bad(`"${c.v}" is not a boolean`);
    case 'e': // #N/A, #DIV/0! …: a formula that failed holds nothing usable
      return null;
    case 'd': {
      if (!c.v) return null;
      const d = new Date(c.v);
      return Number.isNaN(d.getTime()) ? bad(`"${c.v}" is not a date`) : d;
    }
    case 'n': {
      if (!c.v) return null;
      const n = Number(c.v);
      if (Number.isNaN(n)) bad(`"${c.v}" is not a number`);
      if (c.s) {
        const date = wb.dateStyles?.[Number(c.s)];
        if (date === undefined) bad(`style ${c.s} does not exist`);
        if (date) return excelDate(n, wb.epoch1904);
      }
      return n;
    }
    default:
      return bad(`unknown cell type "${c.t}"`);
  }
}

export async function readSheet(pkg: Package, entry: yauzl.Entry, wb: Workbook, reading: SheetReading): Promise<SheetEnd> {
  let end: SheetEnd = 'end';
  let inData = false;
  let rowElements = 0;
  let lastRow = 0;
  let lastCol = -1;
  let row: { n: number | undefined; values: CellValue[]; any: boolean } | undefined;
  let cell: Cell | undefined;
  let inV = false;
  let inInline = false;
  let inT = false;
  let phonetic = 0;

  const stop = (why: SheetEnd): never => {
    end = why;
    throw new StopReading();
  };

  await readPart(pkg, entry, {
    open(name, a) {
      if (!inData) {
        inData = name === 'sheetData';
        return;
      }
      switch (name) {
        case 'row': {
          if (++rowElements > reading.rowLimit) stop('tooManyRows');
          row = { n: a.r ? Number(a.r) : undefined, values: [], any: false };
          lastCol = -1;
          break;
        }
        case 'c':
          cell = { ref: a.r, t: a.t, s: a.s, v: undefined, inline: undefined };
          break;
        case 'v':
          if (cell) (inV = true), (cell.v = '');
          break;
        case 'is':
          if (cell) (inInline = true), (cell.inline = '');
          break;
        case 't':
          inT = true;
          break;
        case 'rPh':
          phonetic++;
          break;
      }
    },
    close(name) {
      if (!inData) return;
      switch (name) {
        case 'v':
          inV = false;
          break;
        case 'is':
          inInline = false;
          break;
        case 't':
          inT = false;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'c': {
          if (!cell || !row) break;
          // A cell without a reference follows the one before it (the r attribute is optional).
          const pos = cell.ref === undefined ? { col: lastCol + 1, row: row.n ?? lastRow + 1 } : parseRef(cell.ref);
          if (!pos) throw new BrokenWorkbook(`"${cell.ref}" is not a cell reference`);
          row.n ??= pos.row;
          if (pos.col <= lastCol) throw new BrokenWorkbook(`cell ${cell.ref} is out of order`);
          lastCol = pos.col;
          const value = valueOf(cell, wb, cell.ref ?? `${pos.row}`);
          if (value !== null) {
            while (row.values.length < pos.col) row.values.push(null);
            row.values[pos.col] = value;
            row.any = true;
          }
          cell = undefined;
          break;
        }
        case 'row': {
          if (!row) break;
          const n = row.n ?? lastRow + 1;
          if (n <= lastRow) throw new BrokenWorkbook(`row ${n} follows row ${lastRow}`);
          lastRow = n;
          if (row.any && !reading.onRow({ row: n, values: row.values })) stop('stopped');
          row = undefined;
          break;
        }
        case 'sheetData':
          // What follows the rows (merged cells, page setup) is not needed.
          stop('end');
      }
    },
    text(t) {
      if (!cell) return;
      if (inV) cell.v += t;
      else if (inInline && inT && phonetic === 0) cell.inline += t;
    },
  });
  return end;
}
