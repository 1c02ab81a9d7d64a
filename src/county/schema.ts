/**
 * The county file (county.yaml): what only the county bureau knows — its name, contact and
 * date, and for each applicant its decision and its own words for the reports. Everything
 * else in the reports comes from the applicants' data.
 */
import { z } from 'zod';
import { label } from '../core/zod-report.js';
import { bandField, kindField } from '../submission/schema.js';
import { dateField, text } from '../submission/fields.js';

/** The county's words: text, or empty where the county has nothing to add. */
const words = z.string().nullish().transform((v) => (v ?? '').trim());

export const countyApplicantSchema = z.strictObject({
  institution: text.meta(label('培训机构名称', 'institution name')),
  trade: text.meta(label('品牌工种', 'brand trade')),
  /** Which filing the entry is for, when an institution hands in an application and a review of the same trade. */
  kind: kindField.optional().meta(label('申报类型（认定 / 复评；同一单位同一工种两种都报时必填）', 'kind (application / review; needed when both are handed in)')),
  /** Omitted: not yet decided; no report is written. */
  recommend: z.boolean().nullish().transform((v) => v ?? undefined).meta(label('是否推荐（true 推荐 / false 不推荐）', 'recommend (true / false)')),
  reason: words.meta(label('不推荐的理由', 'reason for not recommending')),
  /** Reviews: the county's evaluation score out of 100. */
  score: z.number().min(0).max(100).nullish().transform((v) => v ?? undefined).meta(label('旗县市评估得分（复评）', "county's score (reviews)")),
  /** Reviews: the county's score per rubric group (一级指标), by the group's id; they add up to the score. */
  scores: z
    .record(z.string(), z.number().min(0).nullish())
    .nullish()
    .transform((v) => (v ? Object.fromEntries(Object.entries(v).filter((e): e is [string, number] => typeof e[1] === 'number')) : undefined))
    .meta(label('旗县市按一级指标的评估得分（复评）', "county's score per rubric group (reviews)")),
  results: words.meta(label('强培训、促就业方面的主要业绩', 'main results in training and employment')),
  keyGroups: words.meta(label('强化就业重点群体、低收入人群就业技能培训的成效', 'results with key and low-income groups')),
  practices: words.meta(label('好的经验做法', 'good practices')),
  rural: words.meta(label('巩固脱贫攻坚、助力乡村振兴的措施办法和效果', 'measures and effects for poverty alleviation and rural revitalisation')),
  findings: words.meta(label('现场核查情况（复评）', 'on-site findings (reviews)')),
  opinion: words.meta(label('推荐意见或评估意见', 'opinion')),
});

export const countyFileSchema = z.strictObject({
  scheme: text.optional().meta(label('评价方案', 'scheme')),
  county: z
    .strictObject({
      name: text.meta(label('旗县市名称', 'county name')),
      populationBand: bandField.nullish().transform((v) => v ?? undefined).meta(label('人口规模', 'population band')),
      bureau: z.string().nullish().transform((v) => (v ?? '').trim()).meta(label('推荐单位（盖章单位）', 'recommending unit (whose seal is used)')),
      contact: z.string().nullish().transform((v) => (v ?? '').trim()).meta(label('联系人', 'contact person')),
      phone: z.union([z.string(), z.number()]).nullish().transform((v) => String(v ?? '').trim()).meta(label('联系电话', 'phone')),
      date: dateField.meta(label('推荐日期', 'date of the recommendation')),
    })
    .meta(label('旗县市', 'county')),
  applicants: z.array(countyApplicantSchema).nullish().transform((v) => v ?? []).meta(label('申报单位', 'applicants')),
});

export type CountyFile = z.infer<typeof countyFileSchema>;
export type CountyApplicant = z.infer<typeof countyApplicantSchema>;
