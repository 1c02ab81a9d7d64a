/**
 * The submission (申报数据): the one schema every type of the program is inferred from.
 *
 * Keys are English so they are stable in code; each carries its Chinese label with
 * `.describe()`, which error messages and the `init` skeleton show. Parts whose allowed keys
 * depend on the scheme (narrative sections, attachment slots, self-score items, brand
 * categories) are open records here and checked against the scheme in check/.
 */
import { z } from 'zod';
import { KINDS, LEVELS, POPULATION_BANDS } from '../scheme/schema.js';
import { aliasedEnum, dateField, optionalText, percentField, relativePath, text } from './fields.js';

export const kindField = aliasedEnum(KINDS, {
  认定: 'application', 申报: 'application', 认定申报: 'application', 申请: 'application',
  复评: 'review', 考核复评: 'review',
});

export const levelField = aliasedEnum(LEVELS, {
  旗县市级: 'county', 县级: 'county', 旗县级: 'county',
  盟级: 'league', 盟市级: 'league',
  自治区级: 'region', 区级: 'region',
});

export const bandField = aliasedEnum(POPULATION_BANDS, {
  '20万以上': 'atLeast200k', '20万及以上': 'atLeast200k', 人口20万以上: 'atLeast200k',
  不足20万: 'below200k', '20万以下': 'below200k', 人口不足20万: 'below200k',
});

const count = z.number().int().min(0);

const rosterCell = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const rosterSourceSchema = z.union([
  relativePath.describe('花名册文件'),
  z.strictObject({
    file: relativePath.describe('花名册文件'),
    sheet: text.optional().describe('工作表名称'),
  }),
  z.strictObject({
    rows: z.array(z.record(z.string(), rosterCell)).describe('花名册各行'),
  }),
]);

/** Fonts the user owns, by role; paths may be absolute (C:/Windows/Fonts/simfang.ttf) or relative to the folder. */
export const fontChoiceSchema = z.strictObject({
  serif: optionalText.describe('正文与表格字体（宋体或仿宋类）'),
  serifBold: optionalText.describe('正文粗体'),
  title: optionalText.describe('标题字体（小标宋类）'),
  sans: optionalText.describe('黑体类字体'),
  kai: optionalText.describe('楷体类字体'),
});

const narrativePart = z.union([z.string(), z.record(z.string(), z.string())]);

export const submissionSchema = z.strictObject({
  scheme: text.optional().describe('评价方案'),
  kind: kindField.describe('申报类型（application 认定申报 / review 复评）'),
  level: levelField.describe('申报级别（county 旗县市级 / league 盟级 / region 自治区级）'),
  filingDate: dateField.describe('申请日期'),
  year: z.number().int().min(2000).max(2100).optional().describe('绩效年度（上年度）'),
  county: z
    .strictObject({
      name: text.describe('所在旗县市'),
      populationBand: bandField.optional().describe('旗县市人口规模'),
    })
    .describe('所在旗县市'),
  institution: z
    .strictObject({
      name: text.describe('培训机构名称'),
      founded: dateField.describe('培训机构成立时间'),
      legalRepresentative: text.describe('法人代表姓名'),
      phone: text.describe('联系方式'),
      contactPerson: optionalText.describe('联系人'),
      address: optionalText.describe('机构地址'),
      licence: z
        .strictObject({
          number: text.describe('办学许可证（法人证书）编号'),
          issuer: optionalText.describe('发证机关'),
        })
        .describe('办学许可证（法人证书）'),
    })
    .describe('培训机构'),
  brand: z
    .strictObject({
      trade: text.describe('培训品牌工种（专业）名称'),
      period: text.describe('开展培训时间及班期'),
      classes: z.number().int().min(1).describe('班期数'),
      categories: z.array(text).default([]).describe('所属领域（重点产业、紧缺、新职业、数字技能、乡村振兴等）'),
      coverage: text.describe('就业覆盖地区'),
      specialSupport: z
        .strictObject({
          claimed: z.boolean().describe('是否申请重点扶持'),
          grounds: z.array(text).default([]).describe('重点扶持情形'),
          reason: optionalText.describe('重点扶持理由'),
        })
        .default({ claimed: false, grounds: [], reason: '' })
        .describe('重点扶持'),
    })
    .describe('培训品牌'),
  claimed: z
    .strictObject({
      trained: count.describe('培训人数（人）'),
      passRate: percentField.describe('培训合格率（%）'),
      employed: count.describe('培训后就业人数（人）'),
      employmentRate: percentField.describe('培训后就业率（%）'),
      keyGroup: count.describe('就业重点群体培训规模（人）'),
      orderShare: percentField.describe('订单定向式培训占总培训规模比例（%）'),
    })
    .describe('推荐表中填报的上年度绩效'),
  narrative: z.record(z.string(), narrativePart).default({}).describe('推荐表/复评表的叙述部分'),
  partners: z
    .array(
      z.strictObject({
        name: text.describe('合作企业名称'),
        contact: optionalText.describe('企业联系人'),
        phone: optionalText.describe('企业联系电话'),
        agreement: relativePath.optional().describe('就业协议文件'),
        agreementDate: dateField.optional().describe('协议签订日期'),
        particulars: relativePath.optional().describe('盖章的企业基本情况'),
      }),
    )
    .default([])
    .describe('合作企业'),
  brief: z
    .union([z.string(), z.strictObject({ file: relativePath.describe('简介文件') })])
    .optional()
    .describe('培训机构及品牌简介'),
  attachments: z.record(z.string(), z.array(relativePath)).default({}).describe('附件'),
  roster: rosterSourceSchema.optional().describe('花名册'),
  selfScore: z.record(z.string(), z.number().min(0)).default({}).describe('自评分'),
  fonts: fontChoiceSchema.optional().describe('字体'),
  print: z
    .strictObject({
      copies: z.number().int().min(1).max(10).default(3).describe('打印份数'),
      sheetThickness: z.number().positive().max(1).default(0.1).describe('每张纸的厚度（mm）'),
      maxSpine: z.number().positive().default(50).describe('一次胶装的最大书脊厚度（mm）'),
    })
    .default({ copies: 3, sheetThickness: 0.1, maxSpine: 50 })
    .describe('打印装订'),
});

export type Submission = z.infer<typeof submissionSchema>;
export type RosterSource = z.infer<typeof rosterSourceSchema>;
export type RosterCellValue = z.infer<typeof rosterCell>;
