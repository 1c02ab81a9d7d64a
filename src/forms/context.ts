/**
 * The data a form template sees: the submission with values already formatted the way the
 * forms print them (Chinese dates, percentages, 是/否), the roster rows to print, and the
 * self-score. Built once per build; templates only select from it.
 */
import type { CheckReport } from '../check/run.js';
import { formatPoints } from '../core/number.js';
import type { Scheme } from '../scheme/schema.js';
import type { Submission } from '../submission/schema.js';
import type { Trainee } from '../roster/types.js';
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
  return trainees
    .filter((t) => t.brandTrade && !t.duplicate)
    .map((t, i) => ({
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

/** The grade bands as 办法第十条 words them: 90 分及以上优秀；70（含）—90 分良好；… */
export function gradeBands(scheme: Scheme): string {
  return scheme.grades
    .map((gr, i) => {
      const upper = scheme.grades[i - 1];
      if (!upper) return `${gr.min} 分及以上${gr.name}`;
      return gr.min === 0 ? `${upper.min} 分以下${gr.name}` : `${gr.min}（含）—${upper.min} 分${gr.name}`;
    })
    .join('；');
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
