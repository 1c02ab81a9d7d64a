/**
 * What the county's reports say from the applicant's own data: its figures, key groups,
 * partners, ledger and categories as one context (formatted as the reports print them), the
 * sentences the scheme words over that context (countyReview.sections[].derived and
 * .evaluation[].derived, handlebars), and the applicant's own texts a part quotes. The county
 * adds its words after them. No sentence is written here: the scheme holds the wording.
 */
import { formatInt, formatPercent } from '../core/number.js';
import { cnDate } from '../forms/cn.js';
import { paragraphsOf, render } from '../forms/fill.js';
import type { Scheme } from '../scheme/schema.js';
import type { ApplicantFacts } from './intake.js';

/** The values a part's `derived` sentence may use (docs/county.md lists them). */
export function factsContext(a: ApplicantFacts, scheme: Scheme) {
  const f = a.figures;
  const int = (n: number | undefined) => formatInt(n ?? 0);
  const group = (id: string) => ({ id, name: scheme.keyGroups.find((g) => g.id === id)?.name ?? id, trained: int(a.groups[id]?.trained), employed: int(a.groups[id]?.employed) });
  const present = (ids: readonly string[]) => ids.filter((id) => (a.groups[id]?.trained ?? 0) > 0).map(group);
  const rural = scheme.countyReview.ruralGroups;
  const ledgerMaterial = scheme.countyReview.ledger ? scheme.materials[a.kind].find((m) => m.id === scheme.countyReview.ledger) : undefined;
  const keyGroupEmployed = Object.values(a.groups).reduce((n, g) => n + g.employed, 0);
  const categories = a.categories.map((c) => scheme.categories[c] ?? c);
  return {
    institution: a.institution,
    trade: a.trade,
    year: a.year,
    levelName: scheme.levels[a.level].name,
    founded: cnDate(a.founded),
    legalRepresentative: a.legalRepresentative,
    period: a.period,
    coverage: a.coverage,
    categories: categories.join('、') || '—',
    /** The rural-revitalisation category's name when the brand is in it. */
    ruralCategory: a.categories.includes('ruralRevitalisation') ? (scheme.categories['ruralRevitalisation'] ?? '') : '',
    /** Whether the roster could be read (the figures below are then zero). */
    figures: f !== null,
    trained: int(f?.trained),
    passed: int(f?.passed),
    passRate: formatPercent(f?.passRate ?? 0),
    employed: int(f?.employed),
    employmentRate: formatPercent(f?.employmentRate ?? 0),
    order: int(f?.order),
    orderShare: formatPercent(f?.orderShare ?? 0),
    subsidised: int(f?.subsidised),
    subsidyAssumed: a.subsidyAssumed,
    keyGroupAll: int(f?.keyGroupAll),
    keyGroupSubsidised: int(f?.keyGroupSubsidised),
    keyGroupShare: formatPercent(((f?.keyGroupAll ?? 0) * 100) / Math.max(1, f?.trained ?? 0)),
    keyGroupEmployed: int(keyGroupEmployed),
    /** Every key group with trainees, in the scheme's order: name, trained, employed. */
    groups: present(scheme.keyGroups.map((g) => g.id)),
    /** The poverty-alleviated and low-income groups (countyReview.ruralGroups) with trainees. */
    poor: present(rural),
    poorTrained: int(rural.reduce((n, id) => n + (a.groups[id]?.trained ?? 0), 0)),
    poorEmployed: int(rural.reduce((n, id) => n + (a.groups[id]?.employed ?? 0), 0)),
    partners: int(a.partners),
    related: int(a.relatedPartners),
    employedAtPartners: int(a.employedAtPartners),
    min: scheme.minPartners,
    fewer: a.partners < scheme.minPartners,
    /** The training ledger's parts (办法第九条（二）) with the files handed in for each. */
    ledger: (ledgerMaterial?.slots ?? []).map((slot) => ({ name: scheme.slots[slot]?.name ?? slot, files: int(a.slotFiles[slot]), n: a.slotFiles[slot] ?? 0 })),
    /** Raw counts, for conditions ({{#if n.partners}}): a formatted "0" would count as written. */
    n: { partners: a.partners, keyGroupAll: f?.keyGroupAll ?? 0, subsidised: f?.subsidised ?? 0 },
  };
}

export type FactsContext = ReturnType<typeof factsContext>;

/** A part's `derived` sentence over the facts, or '' when the scheme gives none or the data yields nothing. */
export function derivedSentence(template: string | undefined, facts: FactsContext): string {
  return template ? render(template, facts).trim() : '';
}

/** The applicant's texts a part quotes (section, or section.prompt), one paragraph per line written. */
export function quoted(a: ApplicantFacts, refs: readonly string[]): string[] {
  return refs.flatMap((ref) => {
    const [sid, prompt] = ref.split('.');
    const section = a.narrative[sid!] ?? {};
    const texts = prompt === undefined ? Object.values(section) : [section[prompt] ?? ''];
    return texts.flatMap((t) => paragraphsOf(t));
  });
}

/** The recommendation report's parts as the data gives them: each part's sentence and the applicant's texts it quotes. */
export function reportParts(a: ApplicantFacts, scheme: Scheme) {
  const facts = factsContext(a, scheme);
  return scheme.countyReview.sections.map((s) => ({ key: s.key, title: s.title, derived: derivedSentence(s.derived, facts), quoted: quoted(a, s.narrative) }));
}
