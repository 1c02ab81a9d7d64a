import type { Diagnostic, Location } from '../core/diagnostic.js';
import type { RosterColumnId } from '../scheme/schema.js';

/** A cell written inline in submission.yaml (roster.rows). */
export type RosterCellValue = string | number | boolean | null;

/** A cell as read from any source, before interpretation. */
export type CellValue = string | number | boolean | Date | null;

/**
 * Where a row's cells are. In a sheet or CSV a cell is its column's letter and the row's number
 * (`letters`, one per table), so no row holds a place per cell: a 100,000-row roster would
 * keep 1.5 million of them. Inline rows name each cell's YAML line and column (`cells`).
 * roster/place.ts finds a cell's place from either.
 */
export interface CellPlaces {
  /** Column letters by column id, for a sheet or CSV. */
  letters?: Partial<Record<RosterColumnId, string>>;
}

export interface RowPlace {
  row: number;
  /** The row's place: file, sheet and row (or its YAML position, inline). */
  where: Location;
  /** Each cell's place, when not found from the column letters (inline rows). */
  cells?: Partial<Record<RosterColumnId, Location>>;
}

/** One data row of the roster as read, keyed by the column it was found under. */
export interface RawRow extends RowPlace {
  /** Row number as the user sees it: sheet row, CSV line, or position in roster.rows (1-based). */
  row: number;
  /** Each cell's value; a column of the header that is empty in this row holds null. */
  values: Partial<Record<RosterColumnId, CellValue>>;
}

/** What a reader returns: the rows, which columns the header had, and problems found. */
export interface RosterTable extends CellPlaces {
  /** The roster file as the user named it, or the submission file for inline rows. */
  file: string;
  sheet?: string;
  columns: ReadonlySet<RosterColumnId>;
  rows: RawRow[];
  diagnostics: Diagnostic[];
}

/** A trainee (学员) interpreted from a row: the ten printed columns and the flags the figures need. */
export interface Trainee extends RowPlace {
  row: number;
  where: Location;
  seq: string;
  name: string;
  sex: string;
  /** Standard name (蒙古 → 蒙古族) when recognised, else as written. */
  ethnicity: string;
  /** Normalised ID number (half-width, capital X). */
  idNumber: string;
  idValid: boolean;
  trade: string;
  teacher: string;
  employer: string;
  address: string;
  phone: string;
  passed: boolean;
  /** Key group id from the scheme, or null. */
  keyGroup: string | null;
  order: boolean;
  subsidised: boolean;
  employed: boolean;
  /** 就业岗位, 就业时间, 就业方式/对口 as written (empty when the roster has no such column). */
  position: string;
  employedOn: string;
  employmentMode: string;
  /** False when the row's trade is not the brand's trade: such rows are printed but not counted. */
  brandTrade: boolean;
  /** A later row repeating an earlier row's ID number: reported, and not counted twice. */
  duplicate: boolean;
}

export interface Roster extends CellPlaces {
  file: string;
  trainees: Trainee[];
  /** The header had a 享受补贴 column (otherwise everyone is taken as subsidised). */
  hasSubsidisedColumn: boolean;
}
