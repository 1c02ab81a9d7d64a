/**
 * Every character that will be printed must be in some font: a name with 𠮷 is fine (the
 * kai fallback has it), but a character in no font would come out as an empty box. Reported
 * once per character and place, naming the field or the roster cell.
 */
import { error, type Location } from '../core/diagnostic.js';
import { verbatim, type Term } from '../core/term.js';
import { codePointName } from '../core/text.js';
import { schemaAt } from '../core/zod-report.js';
import { submissionSchema } from '../submission/schema.js';
import { cellPlace } from '../roster/place.js';
import { at, type CheckContext } from './context.js';

export interface GlyphCoverage {
  /** Characters of `text` that no available font can draw. */
  missing(text: string): string[];
}


const NONE: readonly string[] = [];

export function checkGlyphs(ctx: CheckContext, coverage: GlyphCoverage): void {
  // A roster repeats its texts (trade, teacher, employer, address) row after row: each distinct text is looked at once.
  const seen = new Map<string, readonly string[]>();
  const missing = (text: string) => {
    let m = seen.get(text);
    if (!m) {
      const found = coverage.missing(text);
      seen.set(text, (m = found.length ? found : NONE));
    }
    return m;
  };
  const report = (text: string | undefined, what: { what: Term } | { column: string }, where: Location | (() => Location)) => {
    if (!text) return;
    for (const ch of missing(text)) ctx.diagnostics.push(error('glyph.missing', { char: ch, code: codePointName(ch), ...what }, typeof where === 'function' ? where() : where));
  };
  const s = ctx.submission;
  // A field is named by its label in the submission schema.
  const field = (...path: PropertyKey[]) => ({ what: schemaAt(submissionSchema, path).label ?? verbatim(path.join('.')) });
  const fields: [string | undefined, PropertyKey[]][] = [
    [s.institution.name, ['institution', 'name']],
    [s.institution.legalRepresentative, ['institution', 'legalRepresentative']],
    [s.institution.phone, ['institution', 'phone']],
    [s.county.name, ['county', 'name']],
    [s.brand.trade, ['brand', 'trade']],
    [s.brand.period, ['brand', 'period']],
    [s.brand.coverage, ['brand', 'coverage']],
  ];
  for (const [text, path] of fields) report(text, field(...path), at(ctx, ...path));
  s.partners.forEach((p, i) => report(p.name, field('partners', i, 'name'), at(ctx, 'partners', i, 'name')));
  for (const [section, value] of Object.entries(s.narrative)) {
    const title = { what: verbatim(ctx.scheme.sections[section]?.title ?? section) };
    if (typeof value === 'string') report(value, title, at(ctx, 'narrative', section));
    else for (const [k, v] of Object.entries(value)) report(v, title, at(ctx, 'narrative', section, k));
  }
  if (ctx.loaded.brief) report(ctx.loaded.brief.text, field('brief'), ctx.loaded.brief.where);

  const columns = ctx.scheme.roster.columns;
  const name = (id: string) => columns.find((c) => c.id === id)?.name ?? id;
  const roster = ctx.roster;
  for (const t of roster?.trainees ?? []) {
    if (!t.brandTrade || t.duplicate) continue;
    for (const id of ['name', 'ethnicity', 'trade', 'teacher', 'employer', 'address'] as const) {
      report(t[id], { column: name(id) }, () => cellPlace(roster!, t, id) ?? t.where);
    }
  }
}
