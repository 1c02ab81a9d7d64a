/**
 * The county's disc: a BagIt bag holding the county's documents, print volumes, audit record
 * and county.yaml under data/旗县市材料/, and every forwarded applicant's bag, file for file,
 * under data/申报单位/NN-机构-工种/ — each still a bag of its own that `shenbao verify` checks
 * by itself. index.html lists the applicants and links each one's own index.html.
 */
import path from 'node:path';
import type { Bundle, Entry } from '../core/bundle.js';
import { chinaDate } from '../core/clock.js';
import { VERSION } from '../core/version.js';
import { cnDate } from '../forms/cn.js';
import { makeBag, payloadDigests, type Bag } from '../package/bag.js';
import type { Digest } from '../package/digest.js';
import { discPayload, discTags, discTemplate, href, INDEX, README, sizeText } from '../package/disc.js';
import type { Scheme } from '../scheme/schema.js';
import { countyTitle, summaryContext, type CountyInfo } from './context.js';
import type { CountyPlan } from './decide.js';
import { applicantBase, countyNames, reportOf } from './documents.js';

/** An applicant's bag as it goes on to the League: every file (by its path in the bag), with its digest when verified. */
export interface ForwardedBag {
  files: ReadonlyMap<string, { entry: Entry; digest?: Digest }>;
  /** Its print volumes (paths in the bag). */
  volumes: string[];
}

export const COUNTY_DISC = { county: 'data/旗县市材料', applicants: 'data/申报单位' } as const;

export interface CountyDiscInput {
  county: CountyInfo;
  plan: CountyPlan;
  scheme: Scheme;
  /** The county's documents/… and print/… entries (applicants' volumes are left out: they are in their bags). */
  outputs: Bundle;
  record: Uint8Array;
  countyFile?: { name: string; bytes: Uint8Array };
  bags: ReadonlyMap<number, ForwardedBag>;
  date: Date;
}

export async function buildCountyDisc(input: CountyDiscInput): Promise<Bag> {
  const { county, plan, scheme } = input;
  const payload = new Map<string, Entry>();
  for (const [p, e] of input.outputs) {
    if (p.startsWith('documents/')) payload.set(`${COUNTY_DISC.county}/${p.slice('documents/'.length)}`, e);
    else if (p.startsWith('print/') && !p.startsWith('print/申报单位/')) payload.set(`${COUNTY_DISC.county}/打印册/${p.slice('print/'.length)}`, e);
  }
  payload.set(`${COUNTY_DISC.county}/审核记录.txt`, input.record);
  if (input.countyFile) payload.set(`${COUNTY_DISC.county}/${input.countyFile.name}`, input.countyFile.bytes);
  const applicantDirs = new Map<number, string>();
  // A forwarded bag's files were hashed when it was verified: those digests are reused.
  const known = new Map<string, Digest>();
  for (const p of plan.applicants) {
    const bag = input.bags.get(p.number);
    if (!p.forward || !bag) continue;
    const dir = `${COUNTY_DISC.applicants}/${applicantBase(p)}`;
    applicantDirs.set(p.number, dir);
    for (const [rel, f] of bag.files) {
      payload.set(`${dir}/${rel}`, f.entry);
      if (f.digest) known.set(`${dir}/${rel}`, f.digest);
    }
  }

  // Names decided for the disc once (an applicant's folder name could be too long for one).
  const decided = discPayload(payload);
  const renames = decided.renames;
  const onDisc = (p: string) => renames.get(p) ?? p;
  const link = (p: string) => href(onDisc(p));
  const digests = await payloadDigests(decided.payload, new Map([...known].map(([p, d]) => [onDisc(p), d])));
  const payloadBytes = [...digests.values()].reduce((a, d) => a + d.size, 0);
  const title = countyTitle(county, plan, scheme);
  const names = countyNames(scheme);
  const summary = summaryContext(plan, scheme);
  const docLink = (base: string, ext: string) => {
    const p = `${COUNTY_DISC.county}/${base}.${ext}`;
    return payload.has(p) ? { href: link(p), label: `${ext.toUpperCase()}`, size: sizeText(digests.get(onDisc(p))!.size) } : undefined;
  };
  const rows = plan.applicants.map((p, i) => {
    const dir = applicantDirs.get(p.number);
    const report = reportOf(p, scheme);
    return {
      ...summary.rows[i]!,
      index: dir ? link(`${dir}/${INDEX}`) : undefined,
      reportName: report?.folder ?? names.reports,
      report: report ? [docLink(report.base, 'pdf'), docLink(report.base, 'docx')].filter(Boolean) : [],
    };
  });
  const common = {
    title,
    county: county.name,
    bureau: county.bureau,
    date: cnDate(county.date),
    recipient: scheme.countyReview.recipient,
    notice: scheme.notice,
    generated: chinaDate(input.date),
    version: VERSION,
    fileCount: digests.size,
    payloadSize: sizeText(payloadBytes),
    counts: summary.counts,
  };
  const html = discTemplate(scheme, 'county-index.html.hbs')({
    ...common,
    rows,
    summary: [docLink(names.summary, 'pdf'), docLink(names.summary, 'xlsx')].filter(Boolean),
    volumes: [...payload.keys()].filter((p) => p.startsWith(`${COUNTY_DISC.county}/打印册/`)).sort().map((p) => ({ href: link(p), label: path.posix.basename(p), size: sizeText(digests.get(onDisc(p))!.size) })),
    record: link(`${COUNTY_DISC.county}/审核记录.txt`),
    countyFile: input.countyFile ? link(`${COUNTY_DISC.county}/${input.countyFile.name}`) : undefined,
    readmeHref: href(README),
  });
  const readme = discTemplate(scheme, 'county-readme.txt.hbs')({
    ...common,
    applicants: plan.applicants.filter((p) => applicantDirs.has(p.number)).map((p) => `${onDisc(`${applicantDirs.get(p.number)}/${INDEX}`).slice(0, -INDEX.length)}  ${p.label}`),
    renamed: [...renames].map(([a, b]) => `${a} → ${b}`),
  });
  const tags = discTags(readme, html);
  return makeBag(decided.payload, digests, tags, [
    ['Source-Organization', county.bureau],
    ...(county.contact ? ([['Contact-Name', county.contact]] as [string, string][]) : []),
    ...(county.phone ? ([['Contact-Phone', county.phone]] as [string, string][]) : []),
    ['External-Description', `${title}：推荐 ${summary.counts.recommended} 个认定申报，报送 ${summary.counts.reviews} 个复评，报${scheme.countyReview.recipient}`],
    ['External-Identifier', `${scheme.id}/county/${county.name}/${plan.year}`],
    ['Bagging-Date', chinaDate(input.date)],
    ['Bag-Software-Agent', `shenbao ${VERSION}`],
    ['Bag-Size', sizeText(payloadBytes)],
    ['Filing-Notice', scheme.notice],
    ['Filing-County', county.name],
    ['Filing-Date', county.date],
  ]);
}
