/**
 * The sentences of the recommendation report that follow from the applicant's own data: the
 * figures of its roster, its key groups, its categories. The county adds its words after them.
 */
import { formatInt, formatPercent } from '../core/number.js';
import type { Scheme } from '../scheme/schema.js';
import type { ApplicantFacts } from './intake.js';

/** The sentences of the recommendation report that follow from the applicant's data. */
export function derivedText(a: ApplicantFacts, scheme: Scheme) {
  const f = a.figures;
  const keyGroupName = (id: string) => scheme.keyGroups.find((g) => g.id === id)?.name ?? id;
  const categories = a.categories.map((c) => scheme.categories[c] ?? c);
  if (!f) return { results: '', keyGroups: '', rural: '' };
  const groups = scheme.keyGroups.filter((g) => (f.byKeyGroup[g.id] ?? 0) > 0).map((g) => `${g.name} ${formatInt(f.byKeyGroup[g.id]!)} 人`);
  const results =
    `${a.year}年，该机构开展“${a.trade}”培训 ${formatInt(f.trained)} 人，考核合格 ${formatInt(f.passed)} 人，合格率 ${formatPercent(f.passRate)}；` +
    `培训后实现就业 ${formatInt(f.employed)} 人，就业率 ${formatPercent(f.employmentRate)}；` +
    `其中订单、定岗、定向式培训 ${formatInt(f.order)} 人，占培训总人数的 ${formatPercent(f.orderShare)}。` +
    (a.partners > 0 ? `已与 ${formatInt(a.partners)} 家企业签订长期培训就业协议。` : '');
  const keyGroups =
    f.keyGroupAll > 0
      ? `培训就业重点群体 ${formatInt(f.keyGroupAll)} 人（其中享受职业培训补贴 ${formatInt(f.keyGroupSubsidised)} 人），占培训总人数的 ${formatPercent((f.keyGroupAll * 100) / Math.max(1, f.trained))}，其中${groups.join('、')}。`
      : '花名册中没有标注就业重点群体学员。';
  const poor = (f.byKeyGroup['povertyAlleviated'] ?? 0) + (f.byKeyGroup['lowIncome'] ?? 0);
  const ruralCategory = categories.find((c) => /乡村振兴/.test(c));
  const rural =
    (ruralCategory ? `“${a.trade}”属于${ruralCategory}技能工种。` : '') +
    (poor > 0
      ? `培训${['povertyAlleviated', 'lowIncome'].filter((g) => (f.byKeyGroup[g] ?? 0) > 0).map((g) => `${keyGroupName(g)} ${formatInt(f.byKeyGroup[g]!)} 人`).join('、')}。`
      : '');
  return { results, keyGroups, rural };
}

