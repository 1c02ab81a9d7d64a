/**
 * The county bureau's run, as a library: take in every applicant's package (on worker
 * threads: verify, check in place), decide (pure: county/decide.ts), build the packages of
 * plain submission folders that go on, and produce the summary, the reports, the audit
 * record, the print set and the disc — one bundle, which a front end writes. A package
 * that cannot be used gets its line in the report; the others go on.
 */
import type { RenderHelper } from '../build/documents.js';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { discFits, packTree } from '../build/archive.js';
import { byCodePoint, type Bundle, type Entry } from '../core/bundle.js';
import { chinaDate } from '../core/clock.js';
import { error, hasErrors, type Diagnostic } from '../core/diagnostic.js';
import { fail, Failure } from '../core/failure.js';
import { fileNamePart } from '../core/names.js';
import { silent, type Progress } from '../core/progress.js';
import { countyTitle, type CountyInfo } from '../county/context.js';
import { decide, withBuilds, type ApplicantPlan, type BuildOutcome, type CountyPlan } from '../county/decide.js';
import { buildCountyDisc, type ForwardedBag } from '../county/disc.js';
import { renderAhead, type Ahead } from '../county/ahead.js';
import { fillCountyDocuments, pledgeOf, renderCountyDocuments, reportOf, type RenderedDocument } from '../county/documents.js';
import { packageForm, type Intake } from '../county/intake.js';
import { loadCountyFile, type LoadedCountyFile } from '../county/load.js';
import { buildCountyPrintSet, PRINT } from '../county/print.js';
import { render } from '../forms/fill.js';
import { notepadText } from '../package/disc.js';
import type { Digest } from '../package/digest.js';
import { bagRootOf, openBag, type BagSource } from '../package/sources.js';
import { loadFontSet, type FontSet } from '../render/fonts.js';
import { auditRecord } from '../report/county.js';
import type { Scheme } from '../scheme/schema.js';
import { readText, type World } from '../world/world.js';
import { fontChoice, loadConfig } from './config.js';
import type { Built, Job } from './jobs.js';
import { runPool, type Outcome } from './pool.js';
import { schemeIn } from './scheme.js';
import { schemeDirFor } from '../scheme/load.js';

export const COUNTY_FILE = 'county.yaml';

export interface CountyOptions {
  packages: string[];
  /** --county: the county's name (else county.yaml's, else the one every package names). */
  county?: string;
  /** --file: county.yaml (else ./county.yaml when there is one). */
  file?: string;
  /** --jobs: packages at once (default: CPU cores); 0 takes them in on this thread. */
  jobs?: number;
  scheme?: string;
  config?: string;
  cwd: string;
  progress?: Progress;
  /** Other threads (a render worker) that share the county's documents with this thread. */
  helpers?: readonly RenderHelper[];
}

/** A county's own earlier output (its bag says so): never taken for an applicant's package. */
async function isCountyOutput(world: World, dir: string): Promise<boolean> {
  const root = (await world.stat(dir))?.kind === 'dir' ? await bagRootOf(world, dir) : undefined;
  if (!root) return false;
  try {
    return /^External-Identifier: [^\n]*\/county\//m.test(await readText(world, path.join(root, 'bag-info.txt')));
  } catch {
    return false;
  }
}

/**
 * A folder that is neither a package nor a submission stands for the packages inside it.
 * Paths stay as the user wrote them (relative to `cwd`), so messages show them so. A path
 * that names nothing is a mistyped command, not an applicant: the run stops (exit 3) before
 * any work, rather than writing a county package that lacks it.
 */
export async function expandPackages(world: World, inputs: readonly string[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  const missing: Diagnostic[] = [];
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    const st = await world.stat(abs).catch(() => undefined);
    if (!st) {
      missing.push(error('file.unreadable', { path: input, reason: 'missing' }, { file: input }));
      continue;
    }
    if (st.kind !== 'dir' || (await packageForm(world, abs)).form) {
      out.push(input);
      continue;
    }
    // Every item of an inbox is accounted for: what is no package gets its line (不是申报材料包)
    // rather than vanishing; only hidden files and the county's own earlier output are passed over.
    const inside: string[] = [];
    let packages = 0;
    for (const n of (await world.list(abs)).sort(byCodePoint)) {
      if (n.startsWith('.')) continue;
      const p = path.join(input, n);
      let form: string | undefined;
      try {
        form = (await packageForm(world, path.resolve(cwd, p))).form;
        if (form && (await isCountyOutput(world, path.resolve(cwd, p)))) continue;
      } catch {
        // not readable: its intake says so
      }
      if (form) packages++;
      inside.push(p);
    }
    // A folder with no package in it (an output folder of the county, say) is itself the line.
    out.push(...(packages > 0 ? inside : [input]));
  }
  if (missing.length) throw new Failure('io', missing);
  return out;
}

/** county.yaml as given with --file, else ./county.yaml when there is one. Its errors stop the run (exit 1). */
export async function readCountyFile(world: World, opts: Pick<CountyOptions, 'file' | 'cwd'>): Promise<LoadedCountyFile | undefined> {
  const shown = opts.file ?? COUNTY_FILE;
  const file = path.resolve(opts.cwd, shown);
  if (!opts.file && (await world.stat(file)) === undefined) return undefined;
  const { loaded, diagnostics } = await loadCountyFile(world, file, shown);
  if (!loaded) throw new Failure('problems', diagnostics);
  return loaded;
}

const threads = (opts: CountyOptions, jobs: number) => Math.max(0, Math.min(opts.jobs ?? availableParallelism(), jobs));

/**
 * Every package taken in, in the order given; a job that dies becomes that package's problem.
 * `onIntake` sees each intake as it comes in, in the order the jobs end.
 */
export async function intakeAll(world: World, opts: CountyOptions, packages: readonly string[], onIntake: (it: Intake) => void = () => {}): Promise<Intake[]> {
  const progress = opts.progress ?? silent;
  const stage = progress.stage('intake');
  const jobs: Job[] = packages.map((input, index) => ({ type: 'intake', task: { index, input, scheme: opts.scheme, config: opts.config, cwd: opts.cwd } }));
  let done = 0;
  const outcomes = await runPool(world, jobs, threads(opts, jobs.length), (i, o) => {
    const it = o.ok ? (o.result as Intake) : undefined;
    if (it) onIntake(it);
    stage.step(it?.applicant ? `${it.applicant.institution} · ${it.applicant.trade}` : packages[i]!, ++done, jobs.length);
  });
  stage.done({ packages: packages.length });
  return outcomes.map((o, index) =>
    o.ok
      ? (o.result as Intake)
      : { index, input: packages[index]!, fixity: 'unreadable', verified: 0, payloadFiles: 0, algorithms: [], problems: [error('internal.bug', { detail: o.failure }, { file: packages[index] })], check: [], counts: { error: 0, warning: 0 } },
  );
}

/** The county's name, bureau, contact and date: the command line, county.yaml, else what the packages agree on. */
export function countyInfo(opts: Pick<CountyOptions, 'county' | 'file'>, file: LoadedCountyFile | undefined, intakes: readonly Intake[], scheme: Scheme, today: string): CountyInfo {
  const c = file?.data.county;
  let name = opts.county ?? c?.name;
  if (!name) {
    const named = [...new Set(intakes.flatMap((i) => (i.applicant ? [i.applicant.county] : [])))];
    if (named.length === 1) name = named[0];
  }
  if (!name) throw fail('usage', 'usage.noCounty', { file: opts.file ?? COUNTY_FILE });
  return {
    name,
    bureau: c?.bureau || render(scheme.countyReview.bureau, { county: name }),
    contact: c?.contact ?? '',
    phone: c?.phone ?? '',
    date: c?.date ?? today,
  };
}

export function outputNameFor(county: CountyInfo, year: number): string {
  return `${fileNamePart(county.name)}-${year}年推荐材料`;
}

/**
 * An entry that reads a file of an open bag when it is written — through the writer's one
 * buffer where it has one (the disc tree, zip and image each read every forwarded file).
 */
const fromBag = (src: BagSource, shown: string, rel: string, size: number): Entry => ({
  kind: 'file',
  path: `${shown}/${rel}`,
  size,
  open: () => src.read(rel),
  scan: (into = new Uint8Array(SCAN_BYTES)) => src.scan(rel, into),
});
const SCAN_BYTES = 1024 * 1024;

/** The bags that go on: intact packages read where they are (digests from their verification), plain folders as built. */
async function forwardedBags(world: World, plan: CountyPlan, built: ReadonlyMap<number, Built>, sources: BagSource[], cwd: string): Promise<Map<number, ForwardedBag>> {
  const bags = new Map<number, ForwardedBag>();
  for (const p of plan.applicants) {
    if (!p.forward) continue;
    const bag = p.intake.bag;
    const b = built.get(p.number);
    if (bag) {
      const src = await openBag(world, p.intake.form === 'folder' ? bag.root : path.resolve(cwd, p.intake.input));
      sources.push(src);
      const files = new Map(bag.files.map(([rel, digest]) => [rel, { entry: fromBag(src, p.intake.input, rel, digest.size), digest }]));
      bags.set(p.number, { files, volumes: bag.volumes });
    } else if (b?.tree) {
      bags.set(p.number, { files: new Map(b.tree.map(([rel, bytes, digest]) => [rel, { entry: bytes, digest }])), volumes: b.volumes });
    }
  }
  return bags;
}

/** Plain submission folders that go on are built, as `shenbao build` would, on the workers. */
async function buildUnsealed(world: World, opts: CountyOptions, plan: CountyPlan): Promise<{ built: Map<number, Built>; outcomes: Map<number, BuildOutcome> }> {
  const todo = plan.applicants.filter((p) => p.forward && !p.intake.bag && p.intake.fixity === 'unsealed' && p.intake.submissionDir);
  const built = new Map<number, Built>();
  const outcomes = new Map<number, BuildOutcome>();
  if (todo.length === 0) return { built, outcomes };
  const stage = (opts.progress ?? silent).stage('buildUnsealed');
  const jobs: Job[] = todo.map((p) => ({ type: 'build', task: { index: p.number - 1, dir: p.intake.submissionDir!, scheme: opts.scheme, config: opts.config, cwd: opts.cwd } }));
  let done = 0;
  const results: Outcome[] = await runPool(world, jobs, threads(opts, jobs.length), (i) => stage.step(todo[i]!.label, ++done, jobs.length));
  results.forEach((o, i) => {
    const p = todo[i]!;
    const b = o.ok ? (o.result as Built) : undefined;
    if (b?.tree && !hasErrors(b.problems)) {
      built.set(p.number, b);
      outcomes.set(p.number, { ok: true });
    } else outcomes.set(p.number, { ok: false, diagnostics: b?.problems ?? [], ...(o.ok ? {} : { detail: o.failure }) });
  });
  stage.done({ packages: todo.length });
  return { built, outcomes };
}

/** Each applicant's documents rendered as its intake arrives (county/ahead.ts), one after another on this thread. */
function aheadOf(ahead: Omit<Ahead, 'render'>, fonts: () => Promise<FontSet>, date: Date) {
  const ready = new Map<string, RenderedDocument>();
  let chain = Promise.resolve();
  return {
    onIntake(it: Intake): void {
      chain = chain.then(async () => {
        try {
          const render = { fonts: await fonts(), date, author: ahead.county.bureau, keywords: ahead.scheme.notice };
          for (const [base, d] of await renderAhead(it, { ...ahead, render })) ready.set(base, d);
        } catch {
          // Only a head start: what fails here is rendered again after intake, and fails there with its message.
        }
      });
    },
    /** The documents rendered ahead, by base, once the last is done. */
    async done(): Promise<Map<string, RenderedDocument>> {
      await chain;
      return ready;
    },
  };
}

export interface CountyRun {
  /** The output folder's name: <旗县市>-<year>年推荐材料. */
  name: string;
  county: CountyInfo;
  scheme: Scheme;
  plan: CountyPlan;
  bundle: Bundle;
  /** The county's documents for each applicant (documents/…pdf), for the report. */
  docsOf: (p: ApplicantPlan) => string[];
  print: { pages: number };
  /** `digests`: every file of the disc tree's, by path in the bag (what the write is verified against). */
  disc: { files: number; payloadBytes: number; isoBytes: number; fits: Diagnostic; digests: Map<string, Digest> };
  /** Closes the forwarded packages the bundle reads from; call once the bundle is written. */
  close(): Promise<void>;
}

export async function runCounty(world: World, opts: CountyOptions): Promise<CountyRun> {
  const progress = opts.progress ?? silent;
  const cf = await readCountyFile(world, opts);
  // --scheme, else the one county.yaml names; the workers check with the same.
  opts = { ...opts, scheme: opts.scheme ?? cf?.data.scheme };
  const scheme = await schemeIn(world, await schemeDirFor(world, opts.scheme, opts.cwd));
  const config = await loadConfig(world, opts.config, opts.cwd);

  const packages = await expandPackages(world, opts.packages, opts.cwd);
  let fontSet: Promise<FontSet> | undefined;
  const fonts = () => (fontSet ??= loadFontSet(world.fonts, fontChoice(undefined, opts.cwd, config)));
  // A county named before any package is read (--county, county.yaml): while the workers take
  // the packages in, this thread, idle otherwise, renders each applicant's documents as its intake arrives.
  const named = opts.county ?? cf?.data.county.name;
  const early = named ? aheadOf({ county: countyInfo(opts, cf, [], scheme, chinaDate(world.clock.now)), file: cf, scheme }, fonts, world.clock.now) : undefined;
  const intakes = await intakeAll(world, opts, packages, early?.onIntake);
  const ready = (await early?.done()) ?? new Map<string, RenderedDocument>();
  // Nothing to take in: say what each item was, and write no print set and no disc.
  if (intakes.every((i) => !i.applicant && i.problems.every((d) => d.code === 'county.notPackage'))) {
    throw new Failure('problems', [...intakes.flatMap((i) => i.problems), error('county.noPackages', {})]);
  }
  const county = countyInfo(opts, cf, intakes, scheme, chinaDate(world.clock.now));
  const decided = decide({ intakes, county: { name: county.name, date: county.date, populationBand: cf?.data.county.populationBand }, file: cf, scheme });
  const { built, outcomes } = await buildUnsealed(world, opts, decided);
  const plan = withBuilds(decided, outcomes);

  const sources: BagSource[] = [];
  const close = async () => {
    for (const s of sources.splice(0)) await s.close();
  };
  try {
    const bags = await forwardedBags(world, plan, built, sources, opts.cwd);
    const date = world.clock.now;
    const fontset = await fonts();
    const docs = fillCountyDocuments(county, plan, scheme);
    const rendered = await renderCountyDocuments(docs, { fonts: fontset, date, author: county.bureau, keywords: scheme.notice, progress, ready, helpers: (opts.helpers ?? []).map((h) => h.share) });
    ready.clear();
    const bundle: Bundle = rendered.bundle;
    const print = await buildCountyPrintSet({ county, plan, scheme, fonts: fontset, docs, pdfs: rendered.pdfs, date, copies: 3, progress, bags });
    for (const [k, v] of print.bundle) bundle.set(k, v);

    const docsOf = (p: ApplicantPlan) => {
      const r = reportOf(p, scheme);
      const pledge = pledgeOf(p, scheme);
      return [...(r ? [`documents/${r.base}.pdf`] : []), ...(pledge ? [`documents/${pledge.base}.pdf`] : [])];
    };
    const title = countyTitle(county, plan, scheme);
    const record = notepadText(auditRecord(county, plan, scheme, title, date, docsOf));
    bundle.set('审核记录.txt', record);

    const stage = progress.stage('disc');
    const countyFile = cf ? { name: path.basename(cf.file), bytes: cf.bytes } : undefined;
    const bag = await buildCountyDisc({ county, plan, scheme, outputs: bundle, record, countyFile, bags, date });
    const name = outputNameFor(county, plan.year);
    const packed = packTree(bag.tree, name, date, { volumeId: `SHENBAO_${plan.year}_COUNTY`, jolietVolumeId: `${county.name}推荐材料`, publisher: county.bureau });
    for (const [k, v] of packed.bundle) bundle.set(k, v);
    stage.done({ files: bag.digests.size, bytes: bag.payloadBytes });
    return {
      name,
      county,
      scheme,
      plan,
      bundle,
      docsOf,
      print: { pages: print.pages },
      disc: { files: bag.digests.size, payloadBytes: bag.payloadBytes, isoBytes: packed.isoBytes, fits: discFits(packed.isoBytes), digests: bag.all },
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}

export { PRINT };
