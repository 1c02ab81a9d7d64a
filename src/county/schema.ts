/**
 * The county file (county.yaml): what only the county bureau knows — its name, contact and
 * date, and for each applicant its decision and its own words for the reports. Everything
 * else in the reports comes from the applicants' data.
 */
import { z } from 'zod';
import { bandField } from '../submission/schema.js';
import { dateField, text } from '../submission/fields.js';

/** The county's words: text, or empty where the county has nothing to add. */
const words = z.string().nullish().transform((v) => (v ?? '').trim());

export const countyApplicantSchema = z.strictObject({
  institution: text.describe('培训机构名称'),
  trade: text.describe('品牌工种'),
  /** Omitted: not yet decided; no report is written. */
  recommend: z.boolean().nullish().transform((v) => v ?? undefined).describe('是否推荐（true 推荐 / false 不推荐）'),
  reason: words.describe('不推荐的理由'),
  /** Reviews: the county's evaluation score out of 100. */
  score: z.number().min(0).max(100).nullish().transform((v) => v ?? undefined).describe('旗县市评估得分（复评）'),
  results: words.describe('强培训、促就业方面的主要业绩'),
  keyGroups: words.describe('强化就业重点群体、低收入人群就业技能培训的成效'),
  practices: words.describe('好的经验做法'),
  rural: words.describe('巩固脱贫攻坚、助力乡村振兴的措施办法和效果'),
  findings: words.describe('现场核查情况（复评）'),
  opinion: words.describe('推荐意见或评估意见'),
});

export const countyFileSchema = z.strictObject({
  scheme: text.optional().describe('评价方案'),
  county: z
    .strictObject({
      name: text.describe('旗县市名称'),
      populationBand: bandField.nullish().transform((v) => v ?? undefined).describe('人口规模'),
      bureau: z.string().nullish().transform((v) => (v ?? '').trim()).describe('推荐单位（盖章单位）'),
      contact: z.string().nullish().transform((v) => (v ?? '').trim()).describe('联系人'),
      phone: z.union([z.string(), z.number()]).nullish().transform((v) => String(v ?? '').trim()).describe('联系电话'),
      date: dateField.describe('推荐日期'),
    })
    .describe('旗县市'),
  applicants: z.array(countyApplicantSchema).nullish().transform((v) => v ?? []).describe('申报单位'),
});

export type CountyFile = z.infer<typeof countyFileSchema>;
export type CountyApplicant = z.infer<typeof countyApplicantSchema>;
