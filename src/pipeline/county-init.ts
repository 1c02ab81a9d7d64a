/**
 * What `shenbao county init` writes: county.yaml with a comment on every field and, when
 * packages are given, one entry per applicant with what its package shows (kind, figures,
 * eligibility, self-score) as a comment above it — so the officer decides with the facts in
 * view and never retypes a name. The comments are in the asker's language.
 */
import path from 'node:path';
import Handlebars from 'handlebars';
import { chinaDate } from '../core/clock.js';
import { formatInt, formatPercent, formatPoints } from '../core/number.js';
import type { Intake } from '../county/intake.js';
import { cnDate } from '../forms/cn.js';
import type { Lang } from '../i18n/lang.js';
import { ui } from '../i18n/ui.js';
import type { Scheme } from '../scheme/schema.js';
import { schemeDirFor } from '../scheme/load.js';
import type { World } from '../world/world.js';
import { COUNTY_FILE, expandPackages, intakeAll, type CountyOptions } from './county.js';
import { skeletonTemplate } from './init.js';
import { schemeIn } from './scheme.js';

/** One applicant's facts on one line, for the comment above its entry. */
function summaryOf(it: Intake, scheme: Scheme, lang: Lang): string {
  const t = ui(lang);
  const c = t.county;
  const a = it.applicant;
  if (!a) return c.summaryUnusable(it.fixity === 'unreadable');
  const level = t.levelOf(scheme.levels[a.level]);
  const parts = [`${c.kinds[a.kind]} · ${level}`, c.summaryFixity[it.fixity], c.summaryErrors(it.counts.error)];
  const f = a.figures;
  if (f) parts.push(c.summaryFigures(formatInt(f.trained), formatPercent(f.passRate), formatPercent(f.employmentRate)));
  if (a.eligibility) parts.push(a.eligibility.eligible ? c.meets(level) : c.below(level));
  parts.push(c.summaryScore(formatPoints(a.score.total)));
  return parts.join(t.semicolon);
}

export function countySkeleton(scheme: Scheme, input: { county: string; band?: string; intakes: readonly Intake[]; today: string; command: string; lang: Lang }): string {
  const hb = Handlebars.create();
  hb.registerHelper('json', (v: unknown) => JSON.stringify(v ?? ''));
  const template = hb.compile(skeletonTemplate(scheme, 'county', input.lang), { noEscape: true, strict: false });
  const seen = new Set<string>();
  // Of several copies of one filing, the entry shows an intact one (a damaged copy does not hide a good one).
  const sound = (it: Intake) => (it.fixity === 'intact' || it.fixity === 'unsealed' ? 0 : 1);
  const ordered = [...input.intakes].sort((x, y) => sound(x) - sound(y) || x.index - y.index);
  const applicants = ordered.flatMap((it) => {
    const a = it.applicant;
    if (!a) return [];
    // An application and a review of the same brand are two filings, each with its entry (and its kind).
    const key = `${a.institution}|${a.trade}|${a.kind}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [
      {
        number: String(it.index + 1).padStart(2, '0'),
        package: it.input,
        summary: summaryOf(it, scheme, input.lang),
        institution: a.institution,
        trade: a.trade,
        kind: scheme.kinds[a.kind].short,
        review: a.kind === 'review',
        // Reviews: the rubric's groups, for the county's score per group (scores:).
        groups: a.score.groups.map((g) => ({ id: JSON.stringify(g.id), name: g.name, max: formatPoints(g.max) })),
      },
    ];
  }).sort((x, y) => x.number.localeCompare(y.number));
  const year = Number(input.today.slice(0, 4));
  return template({
    title: `${scheme.title} · 旗县市初审推荐`,
    today: input.today,
    county: input.county,
    band: input.band ?? '',
    bureau: input.county ? Handlebars.compile(scheme.countyReview.bureau, { noEscape: true })({ county: input.county }) : '',
    deadline: cnDate(`${year}-${scheme.countyReview.deadline}`).replace(/^\d+年/, ''),
    recipient: scheme.countyReview.recipient,
    command: input.command,
    applicants,
  });
}

export interface CountyInitResult {
  /** county.yaml's text. */
  text: string;
  /** The file as the user named it. */
  shown: string;
  file: string;
  intakes: Intake[];
  county: string;
  /** How to run the county afterwards (the packages as given, and --file). */
  command: string;
  /** Applicants listed (distinct institution and trade). */
  listed: number;
}

/** Takes in the packages (as `county` does) and writes nothing: the text of county.yaml comes back. */
export async function countyInit(world: World, opts: CountyOptions & { lang: Lang }): Promise<CountyInitResult> {
  const shown = opts.file ?? COUNTY_FILE;
  const file = path.resolve(opts.cwd, shown);
  const scheme = await schemeIn(world, await schemeDirFor(world, opts.scheme, opts.cwd));
  const packages = await expandPackages(world, opts.packages, opts.cwd);
  const intakes = await intakeAll(world, opts, packages);
  const named = [...new Set(intakes.flatMap((i) => (i.applicant ? [i.applicant.county] : [])))];
  const bands = [...new Set(intakes.flatMap((i) => (i.applicant?.populationBand ? [i.applicant.populationBand] : [])))];
  const county = opts.county ?? (named.length === 1 ? named[0]! : '');
  const band = bands.length === 1 ? scheme.populationBands[bands[0]!].name : '';
  const command = `${opts.packages.map((p) => (/\s/.test(p) ? `"${p}"` : p)).join(' ') || ui(opts.lang).county.packagesPlaceholder}${opts.file ? ` --file ${opts.file}` : ''}`;
  const text = countySkeleton(scheme, { county, band, intakes, today: chinaDate(world.clock.now), command, lang: opts.lang });
  const listed = new Set(intakes.flatMap((i) => (i.applicant ? [`${i.applicant.institution}|${i.applicant.trade}`] : []))).size;
  return { text, shown, file, intakes, county, command, listed };
}
