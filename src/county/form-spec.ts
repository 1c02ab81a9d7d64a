/**
 * county.yaml as the page shows it: the county's own fields, and for each applicant the
 * decision, the county's score and the report's texts — labels from the county schema,
 * the report's section titles from the scheme.
 */
import { fieldOf, type FieldSpec } from '../core/zod-form.js';
import { fieldName } from '../core/source.js';
import { verbatim } from '../core/term.js';
import type { Kind, Scheme } from '../scheme/schema.js';
import { countyFileSchema } from './schema.js';

export interface CountyFormSpec {
  county: FieldSpec[];
  /** Paths relative to one applicant's entry (applicants[i]); `only`: shown for that kind of filing alone. */
  applicant: (FieldSpec & { only?: Kind })[];
  /** A review's score per rubric group (scores.<id>), shown for reviews only (办法第九条). */
  review: FieldSpec[];
}

const LONG = new Set(['reason', 'results', 'keyGroups', 'practices', 'rural', 'findings', 'opinion']);

/** An application is recommended or not, with the report's parts; a review is scored, with the on-site findings. */
const ONLY: Partial<Record<string, Kind>> = {
  recommend: 'application', reason: 'application', results: 'application', keyGroups: 'application', practices: 'application', rural: 'application',
  score: 'review', findings: 'review',
};

export function countyFormSpec(scheme: Scheme): CountyFormSpec {
  const county = (['name', 'populationBand', 'bureau', 'contact', 'phone', 'date'] as const).map((k) =>
    fieldOf(countyFileSchema, ['county', k], k === 'populationBand'
      ? { input: 'select', options: Object.entries(scheme.populationBands).map(([value, b]) => ({ value, label: { zh: b.name, en: b.en } })) }
      : k === 'name' ? { input: 'select', free: true, options: scheme.counties.map((c) => ({ value: c, label: verbatim(c) })) } : {}),
  );
  // The report's parts are titled as the scheme titles them (办法第七条（二）).
  const titles = new Map(scheme.countyReview.sections.map((s) => [s.key, verbatim(s.title)]));
  const applicant = (['recommend', 'score', 'reason', 'results', 'keyGroups', 'practices', 'rural', 'findings', 'opinion'] as const).map((k) => {
    const f = fieldOf(countyFileSchema, ['applicants', 0, k], LONG.has(k) ? { input: 'textarea' } : {});
    const title = titles.get(k as never);
    const only = ONLY[k];
    return { ...f, path: [k], field: fieldName([k]), ...(title && { label: title }), ...(only && { only }) };
  });
  // scores is a record by group id, which zod cannot describe field by field: its fields are the review rubric's groups.
  const rubric = scheme.rubrics[scheme.rubricFor.review];
  const review: FieldSpec[] = (rubric?.groups ?? []).map((g) => ({
    path: ['scores', g.id],
    field: fieldName(['scores', g.id]),
    label: { zh: `旗县市评估得分：${g.id}. ${g.name}（${g.points} 分）`, en: `County score: ${g.id}. ${g.name} (${g.points} points)` },
    input: 'number',
    required: false,
  }));
  return { county, applicant, review };
}
