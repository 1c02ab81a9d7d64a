/**
 * Every character that will be printed must be in some font: a name with 𠮷 is fine (the
 * kai fallback has it), but a character in no font would come out as an empty box. Reported
 * once per character and place, naming the field or the roster cell.
 */
import { error, type Location } from '../core/diagnostic.js';
import { at, type CheckContext } from './context.js';

export interface GlyphCoverage {
  /** Characters of `text` that no available font can draw. */
  missing(text: string): string[];
}

const hex = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

export function checkGlyphs(ctx: CheckContext, coverage: GlyphCoverage): void {
  const report = (text: string | undefined, what: string, where: Location) => {
    if (!text) return;
    for (const ch of coverage.missing(text)) ctx.diagnostics.push(error('glyph.missing', { char: ch, code: hex(ch), what }, where));
  };
  const s = ctx.submission;
  const fields: [string, string | undefined, PropertyKey[]][] = [
    ['培训机构名称', s.institution.name, ['institution', 'name']],
    ['法人代表姓名', s.institution.legalRepresentative, ['institution', 'legalRepresentative']],
    ['联系方式', s.institution.phone, ['institution', 'phone']],
    ['旗县市', s.county.name, ['county', 'name']],
    ['品牌工种', s.brand.trade, ['brand', 'trade']],
    ['培训时间及班期', s.brand.period, ['brand', 'period']],
    ['就业覆盖地区', s.brand.coverage, ['brand', 'coverage']],
  ];
  for (const [what, text, path] of fields) report(text, what, at(ctx, ...path));
  s.partners.forEach((p, i) => report(p.name, '合作企业名称', at(ctx, 'partners', i, 'name')));
  for (const [section, value] of Object.entries(s.narrative)) {
    const title = ctx.scheme.sections[section]?.title ?? section;
    if (typeof value === 'string') report(value, title, at(ctx, 'narrative', section));
    else for (const [k, v] of Object.entries(value)) report(v, title, at(ctx, 'narrative', section, k));
  }
  if (ctx.loaded.brief) report(ctx.loaded.brief.text, '培训机构及品牌简介', ctx.loaded.brief.where);

  const columns = ctx.scheme.roster.columns;
  const name = (id: string) => columns.find((c) => c.id === id)?.name ?? id;
  for (const t of ctx.roster?.trainees ?? []) {
    if (!t.brandTrade || t.duplicate) continue;
    for (const id of ['name', 'ethnicity', 'trade', 'teacher', 'employer', 'address'] as const) {
      report(t[id], `花名册“${name(id)}”`, t.cells[id] ?? t.where);
    }
  }
}
