/**
 * The data a form template sees: the submission with values already formatted the way the
 * forms print them (Chinese dates, percentages, 是/否), the roster rows to print, and the
 * self-score. Built once per build; templates only select from it.
 */
import { countedTrainees } from '../roster/counted.js';
import type { CheckReport } from '../check/run.js';
import { formatPoints } from '../core/number.js';
import type { Scheme } from '../scheme/schema.js';
import type { Submission } from '../submission/schema.js';
import type { Trainee } from '../roster/types.js';
import type { ScoredItem } from '../check/score.js';
import { cnDate, cnDateSpaced, cnYearMonth } from './cn.js';

export interface PrintedTrainee {
  seq: string;
  name: string;
  sex: string;
  ethnicity: string;
  idNumber: string;
  trade: string;
  teacher: string;
  employer: string;
  address: string;
  phone: string;
}

/** The rows the roster prints: the brand trade's trainees counted in the figures, numbered 1…n. */
export function printedTrainees(trainees: readonly Trainee[]): PrintedTrainee[] {
  return countedTrainees(trainees).map((t, i) => ({
    seq: String(i + 1),
    name: t.name,
    sex: t.sex,
    ethnicity: t.ethnicity,
    idNumber: t.idNumber,
    trade: t.trade,
    teacher: t.teacher,
    employer: t.employer,
    address: t.address,
    phone: t.phone,
  }));
}

export interface EmployedTrainee {
  seq: string;
  name: string;
  sex: string;
  idNumber: string;
  trade: string;
  employer: string;
  position: string;
  employedOn: string;
  employmentMode: string;
  phone: string;
}

/** The rows of the post-training employment roster (⑦): the counted trainees employed after training, numbered 1…n. */
export function employedTrainees(trainees: readonly Trainee[]): EmployedTrainee[] {
  return countedTrainees(trainees)
    .filter((t) => t.employed)
    .map((t, i) => ({
      seq: String(i + 1),
      name: t.name,
      sex: t.sex,
      idNumber: t.idNumber,
      trade: t.trade,
      employer: t.employer,
      position: t.position,
      employedOn: t.employedOn,
      employmentMode: t.employmentMode,
      phone: t.phone,
    }));
}

/** The grade bands as 办法第十条 words them (the scheme quotes the seed: 70（含）—89 分为良好). */
export function gradeBands(scheme: Scheme): string {
  return scheme.grades.map((gr) => gr.words).join('，');
}

/** What a data-scored item was scored against, as the score sheet prints it beside the item (≥ 400 人). */
function targetText(item: ScoredItem): string {
  if (!item.target) return '';
  return `≥ ${formatPoints(item.target.value)}${item.target.unit === 'percent' ? '%' : ' 人'}`;
}

const pct = (n: number) => String(Math.round(n * 10) / 10);

export function formContext(s: Submission, scheme: Scheme, report: CheckReport) {
  const level = scheme.levels[s.level];
  const categories = s.brand.categories.map((c) => scheme.categories[c] ?? c);
  const year = s.year ?? Number(s.filingDate.slice(0, 4)) - 1;
  const score = report.score;
  const rubric = scheme.rubrics[score.rubric]!;
  const groups = rubric.groups.map((g) => {
    const items = score.items.filter((i) => i.group === g.id);
    return {
      id: g.id,
      name: g.name,
      points: formatPoints(g.points),
      score: formatPoints(score.groups.find((x) => x.id === g.id)!.points),
      assumed: g.assumed,
      items: items.map((i) => ({
        id: i.id,
        name: i.name,
        points: formatPoints(i.max),
        score: formatPoints(i.points),
        /** The target a figure item was scored against (the level's threshold, or the rubric's own number). */
        target: targetText(i),
        groupLabel: `${g.id}. ${g.name}\n（${formatPoints(g.points)}分）`,
      })),
    };
  });
  return {
    kind: s.kind,
    review: s.kind === 'review',
    packageKind: scheme.kinds[s.kind].package,
    level: s.level,
    levelName: level.name,
    formTitle: level.formTitle,
    issuer: level.issuer,
    region: scheme.region,
    authority: scheme.authority,
    year,
    filingDate: cnDate(s.filingDate),
    filingDateSpaced: cnDateSpaced(s.filingDate),
    filingYearMonth: cnYearMonth(s.filingDate),
    county: s.county,
    institution: { ...s.institution, founded: cnDate(s.institution.founded) },
    brand: {
      ...s.brand,
      /** The categories' names (是否属于重点产业…技能工种: the template words the answer). */
      categoryNames: categories,
      /** Whether the period as written already names its classes (…共 8 期); else the template adds them. */
      periodNamesClasses: /期/.test(s.brand.period),
      specialSupportGrounds: s.brand.specialSupport.claimed ? s.brand.specialSupport.grounds.map((g) => scheme.specialSupport.grounds[g] ?? g) : [],
    },
    claimed: {
      trained: String(s.claimed.trained),
      passRate: pct(s.claimed.passRate),
      employed: String(s.claimed.employed),
      employmentRate: pct(s.claimed.employmentRate),
      keyGroup: String(s.claimed.keyGroup),
      orderShare: pct(s.claimed.orderShare),
    },
    partners: s.partners,
    trainees: report.roster ? printedTrainees(report.roster.trainees) : [],
    employed: report.roster ? employedTrainees(report.roster.trainees) : [],
    rubric: {
      title: rubric.title,
      ref: rubric.ref,
      note: rubric.note ?? '',
      assumedNote: rubric.assumedNote ?? '',
      groups,
      rows: groups.flatMap((g) => g.items),
      total: formatPoints(score.total),
      grade: score.grade.zh,
      gradeBands: gradeBands(scheme),
      gatesFailed: score.gatesFailed,
    },
  };
}

export type FormContext = ReturnType<typeof formContext>;
