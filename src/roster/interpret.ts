/**
 * Roster rows → trainees, with the row checks: empty required cells, resident ID, sex
 * against the ID, ethnic group, trade, phone, yes/no flags, key group, and duplicates.
 * Pure: the caller passes the date ("today") that decides whether a birth date is in
 * the future. Every message masks the ID number and phone it quotes.
 */
import { error, warning, type Diagnostic, type Location } from '../core/diagnostic.js';
import { closest } from '../core/suggest.js';
import { controlIn, stripSpaces, toHalfWidth } from '../core/text.js';
import type { RosterColumnId, Scheme } from '../scheme/schema.js';
import { cellFlag, cellText, isMangledNumber } from './cells.js';
import { ETHNIC_GROUPS, normalizeEthnicGroup } from './ethnic-groups.js';
import { maskId, maskPhone } from './mask.js';
import { cellPlace } from './place.js';
import { isValidPhone, normalizePhone } from './phone.js';
import { checkResidentId, type IdProblem } from './resident-id.js';
import type { RawRow, Roster, RosterTable, Trainee } from './types.js';

export interface InterpretOptions {
  scheme: Scheme;
  /** The brand's trade (培训品牌工种); rows of other trades are not counted. */
  brandTrade: string;
  /** YYYY-MM-DD in China time. */
  today: string;
}

/** Trades compared without spaces, brackets and level suffixes: 中式烹调师（五级） ≈ 中式烹调师. */
export function tradeKey(s: string): string {
  return stripSpaces(toHalfWidth(s)).replace(/\([^)]*\)/g, '').replace(/（[^）]*）/g, '');
}

export function sameTrade(a: string, b: string): boolean {
  const x = tradeKey(a);
  const y = tradeKey(b);
  return x !== '' && y !== '' && (x === y || x.includes(y) || y.includes(x));
}

function idDiagnostic(p: IdProblem, masked: string, where: Location): Diagnostic {
  switch (p.kind) {
    case 'length': return error('roster.id.length', { value: masked, length: p.length }, where);
    case 'format': return error('roster.id.format', { value: masked }, where);
    case 'area': return error('roster.id.area', { value: masked }, where);
    case 'date': return error('roster.id.date', { value: masked, date: p.date }, where);
    case 'future': return error('roster.id.future', { value: masked, date: p.date }, where);
    case 'tooOld': return error('roster.id.tooOld', { value: masked, date: p.date }, where);
    case 'checksum': return error('roster.id.checksum', { value: masked, expected: p.expected, actual: p.actual }, where);
  }
}

function normalizeSex(s: string): string | undefined {
  const t = s.replace(/\s/g, '');
  if (t === '男' || t === '男性') return '男';
  if (t === '女' || t === '女性') return '女';
  return undefined;
}

/** The longest text a roster cell may hold (an address is under 100 characters). */
export const MAX_CELL_CHARS = 200;

export function interpretRoster(table: RosterTable, opts: InterpretOptions): { roster: Roster; diagnostics: Diagnostic[] } {
  const { scheme } = opts;
  const diagnostics: Diagnostic[] = [...table.diagnostics];
  const columnName = new Map(scheme.roster.columns.map((c) => [c.id, c.name]));
  const required = scheme.roster.columns.filter((c) => c.required && table.columns.has(c.id)).map((c) => c.id);
  const keyGroupByName = new Map<string, string>();
  for (const g of scheme.keyGroups) for (const n of [g.name, ...g.aliases, g.id]) keyGroupByName.set(stripSpaces(n), g.id);
  const keyGroupOptions = scheme.keyGroups.map((g) => g.name);

  const trainees: Trainee[] = [];
  // The row itself, not its cell's place: a place is made only for a duplicate's message.
  const firstById = new Map<string, RawRow>();

  for (const raw of table.rows) {
    const value = (id: RosterColumnId) => raw.values[id];
    const text = (id: RosterColumnId) => cellText(value(id));
    const at = (id: RosterColumnId): Location => cellPlace(table, raw, id) ?? raw.where;
    const name = (id: RosterColumnId) => columnName.get(id) ?? id;

    // A control character (pasted from another system) makes a DOCX that Word refuses to open.
    for (const [id, v] of Object.entries(raw.values)) {
      const bad = typeof v === 'string' ? controlIn(v) : undefined;
      if (bad) diagnostics.push(error('text.control', { code: bad.code }, at(id as RosterColumnId)));
      // A cell is a name, a number or an address: more than a few lines is a paste gone wrong, and would fill pages.
      else if (typeof v === 'string' && v.length > MAX_CELL_CHARS) diagnostics.push(error('roster.cellTooLong', { column: name(id as RosterColumnId), length: [...v].length, max: MAX_CELL_CHARS }, at(id as RosterColumnId)));
    }

    for (const id of required) {
      if (text(id) === '' && !(id === 'idNumber' && isMangledNumber(value(id)))) {
        diagnostics.push(error('roster.cellEmpty', { column: name(id) }, at(id)));
      }
    }

    // Resident ID: Excel's number mangling first, then GB 11643.
    let idNumber = '';
    let idValid = false;
    let idSex: string | undefined;
    if (isMangledNumber(value('idNumber'))) {
      diagnostics.push(error('roster.id.numeric', {}, at('idNumber')));
    } else if (text('idNumber') !== '') {
      const check = checkResidentId(text('idNumber'), opts.today);
      idNumber = check.normalized;
      // 18 digits ending in 000 that fail the check: Excel kept 15 significant digits of a number and the text was made from that.
      if (check.problem?.kind === 'checksum' && /^\d{15}000$/.test(idNumber)) diagnostics.push(error('roster.id.cut', { value: maskId(idNumber) }, at('idNumber')));
      else if (check.problem) diagnostics.push(idDiagnostic(check.problem, maskId(idNumber), at('idNumber')));
      else {
        idValid = true;
        idSex = check.info!.sex;
      }
    }
    let duplicate = false;
    if (idNumber !== '') {
      const first = firstById.get(idNumber);
      duplicate = first !== undefined;
      if (first) {
        const firstCell = cellPlace(table, first, 'idNumber')?.cell;
        diagnostics.push(error('roster.duplicate', { value: maskId(idNumber), firstRow: first.row, ...(firstCell && { firstCell }) }, at('idNumber')));
      } else firstById.set(idNumber, raw);
    }

    // Sex against the ID's 17th digit.
    const sexText = text('sex');
    const sex = normalizeSex(sexText);
    if (sexText !== '' && !sex) diagnostics.push(error('roster.sex.invalid', { value: sexText }, at('sex')));
    else if (sex && idSex && sex !== idSex) diagnostics.push(error('roster.sex.mismatch', { value: sex, expected: idSex }, at('sex')));

    // Ethnic group: one of the 56, short forms accepted.
    const ethText = text('ethnicity');
    const ethnicity = ethText === '' ? '' : normalizeEthnicGroup(ethText);
    if (ethnicity === undefined) {
      diagnostics.push(error('roster.ethnicity.unknown', { value: ethText, suggestion: closest(ethText, ETHNIC_GROUPS) ?? '' }, at('ethnicity')));
    }

    const trade = text('trade');
    const brandTrade = trade === '' || sameTrade(trade, opts.brandTrade);
    if (!brandTrade) diagnostics.push(warning('roster.trade.mismatch', { value: trade, trade: opts.brandTrade }, at('trade')));

    const phone = normalizePhone(text('phone'));
    if (phone !== '' && !isValidPhone(phone)) diagnostics.push(error('roster.phone.invalid', { value: maskPhone(phone) }, at('phone')));

    const flag = (id: RosterColumnId, whenEmpty: boolean): boolean => {
      if (!table.columns.has(id)) return whenEmpty;
      const v = cellFlag(value(id));
      if (v === undefined) {
        diagnostics.push(error('roster.flag.invalid', { column: name(id), value: text(id) }, at(id)));
        return false;
      }
      return v ?? whenEmpty;
    };
    const passed = flag('passed', false);
    const order = flag('order', false);
    // Without a 享受补贴 column the whole roster is the subsidised-training roster the notice asks for.
    const subsidised = table.columns.has('subsidised') ? flag('subsidised', false) : true;
    const employer = text('employer');
    const employedFlag = table.columns.has('employed') ? cellFlag(value('employed')) : null;
    if (employedFlag === undefined) diagnostics.push(error('roster.flag.invalid', { column: name('employed'), value: text('employed') }, at('employed')));
    if (employer !== '' && employedFlag === false) diagnostics.push(warning('roster.employed.conflict', {}, at('employed')));
    const employed = employer !== '' || employedFlag === true;

    let keyGroup: string | null = null;
    const kg = stripSpaces(text('keyGroup'));
    if (kg !== '' && cellFlag(kg) !== false) {
      keyGroup = keyGroupByName.get(kg) ?? null;
      if (!keyGroup) diagnostics.push(error('roster.keyGroup.unknown', { value: kg, options: keyGroupOptions }, at('keyGroup')));
    }

    trainees.push({
      row: raw.row,
      where: raw.where,
      ...(raw.cells && { cells: raw.cells }),
      seq: text('seq'),
      name: text('name'),
      sex: sex ?? sexText,
      ethnicity: ethnicity ?? ethText,
      idNumber,
      idValid,
      trade,
      teacher: text('teacher'),
      employer,
      address: text('address'),
      phone,
      passed,
      keyGroup,
      order,
      subsidised,
      employed,
      position: text('position'),
      employedOn: text('employedOn'),
      employmentMode: text('employmentMode'),
      brandTrade,
      duplicate,
    });
  }
  return {
    roster: { file: table.file, trainees, hasSubsidisedColumn: table.columns.has('subsidised'), ...(table.letters && { letters: table.letters }) },
    diagnostics,
  };
}
