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
import { label } from '../core/zod-report.js';
import { aliasedEnum, dateField, longText, optionalDateField, optionalPath, optionalText, percentField, relativePath, text } from './fields.js';

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
  relativePath.meta(label('花名册文件', 'roster file')),
  z.strictObject({
    file: relativePath.meta(label('花名册文件', 'roster file')),
    sheet: text.optional().meta(label('工作表名称', 'worksheet name')),
  }),
  z.strictObject({
    rows: z.array(z.record(z.string(), rosterCell)).meta(label('花名册各行', 'roster rows')),
  }),
]);

/** Fonts the user owns, by role; paths may be absolute (C:/Windows/Fonts/simfang.ttf) or relative to the folder. */
export const fontChoiceSchema = z.strictObject({
  serif: optionalText.meta(label('正文与表格字体（宋体或仿宋类）', 'body and table font (宋体 or 仿宋-like)')),
  serifBold: optionalText.meta(label('正文粗体', 'body bold font')),
  title: optionalText.meta(label('标题字体（小标宋类）', 'title font (小标宋-like)')),
  sans: optionalText.meta(label('黑体类字体', 'sans font (黑体-like)')),
  kai: optionalText.meta(label('楷体类字体', 'kai font (楷体-like)')),
});

const narrativePart = z.union([longText, z.record(z.string(), longText)]);

export const submissionSchema = z.strictObject({
  scheme: text.optional().meta(label('评价方案', 'scheme')),
  kind: kindField.meta(label('申报类型（application 认定申报 / review 复评）', 'kind (application / review)')),
  level: levelField.meta(label('申报级别（county 旗县市级 / league 盟级 / region 自治区级）', 'level (county / league / region)')),
  filingDate: dateField.meta(label('申请日期', 'filing date')),
  year: z.number().int().min(2000).max(2100).optional().meta(label('绩效年度（上年度）', 'year of the figures (last year)')),
  county: z
    .strictObject({
      name: text.meta(label('所在旗县市', 'county')),
      populationBand: bandField.optional().meta(label('旗县市人口规模', 'population band of the county')),
    })
    .meta(label('所在旗县市', 'county')),
  institution: z
    .strictObject({
      name: text.meta(label('培训机构名称', 'institution name')),
      founded: dateField.meta(label('培训机构成立时间', 'date the institution was founded')),
      legalRepresentative: text.meta(label('法人代表姓名', 'legal representative')),
      phone: text.meta(label('联系方式', 'phone')),
      contactPerson: optionalText.meta(label('联系人', 'contact person')),
      address: optionalText.meta(label('机构地址', 'address')),
      licence: z
        .strictObject({
          number: text.meta(label('办学许可证（法人证书）编号', 'licence number')),
          issuer: optionalText.meta(label('发证机关', 'issuing authority')),
        })
        .meta(label('办学许可证（法人证书）', 'school licence (legal-person certificate)')),
    })
    .meta(label('培训机构', 'institution')),
  brand: z
    .strictObject({
      /** 项目名称 on the cover; when empty the cover prints the trade with 职业技能培训品牌. */
      name: optionalText.meta(
        label('品牌名称（申请表的项目名称）', 'brand name (the project name on the cover)', {
          zh: '如 天骄蒙味厨师；不填时为“工种＋职业技能培训品牌”',
          en: 'e.g. 天骄蒙味厨师; when empty: the trade followed by 职业技能培训品牌',
        }),
      ),
      trade: text.meta(label('培训品牌工种（专业）名称', 'brand trade')),
      period: text.meta(label('开展培训时间及班期', 'training period and classes')),
      classes: z.number().int().min(1).meta(label('班期数', 'number of classes')),
      categories: z.array(text).default([]).meta(label('所属领域（重点产业、紧缺、新职业、数字技能、乡村振兴等）', 'brand categories (key industry, shortage, new occupation, digital, rural revitalisation …)')),
      coverage: text.meta(label('就业覆盖地区', 'area of employment')),
      specialSupport: z
        .strictObject({
          claimed: z.boolean().meta(label('是否申请重点扶持', 'special support claimed')),
          grounds: z.array(text).default([]).meta(label('重点扶持情形', 'special-support grounds')),
          reason: optionalText.meta(label('重点扶持理由', 'special-support reason')),
        })
        .default({ claimed: false, grounds: [], reason: '' })
        .meta(label('重点扶持', 'special support')),
    })
    .meta(label('培训品牌', 'brand')),
  recognition: z
    .strictObject({
      number: optionalText.meta(label('认定文件文号', 'number of the recognition document')),
      date: optionalDateField.meta(label('认定时间', 'date of recognition')),
      file: optionalPath.meta(label('认定文件扫描件', 'scan of the recognition document')),
    })
    .optional()
    .meta(
      label('已获得的品牌认定（盟级申报：旗县市级品牌的认定；复评：盟级品牌的认定）', 'the recognition the brand already holds (League application: the county-level one; review: the League one)', {
        zh: '办法第五条：上一等级原则上从下一等级品牌中产生',
        en: 'Measures art. 5: a level’s brands normally come from the level below',
      }),
    ),
  claimed: z
    .strictObject({
      trained: count.meta(label('培训人数（人）', 'trainees')),
      passRate: percentField.meta(label('培训合格率（%）', 'pass rate (%)')),
      employed: count.meta(label('培训后就业人数（人）', 'employed after training')),
      employmentRate: percentField.meta(label('培训后就业率（%）', 'employment rate (%)')),
      keyGroup: count.meta(label('就业重点群体培训规模（人）', 'key-group trainees')),
      orderShare: percentField.meta(label('订单定向式培训占总培训规模比例（%）', 'order/directed share (%)')),
    })
    .meta(label('推荐表中填报的上年度绩效', "last year's figures claimed on the form")),
  narrative: z.record(z.string(), narrativePart).default({}).meta(label('推荐表/复评表的叙述部分', 'narrative sections of the form')),
  partners: z
    .array(
      z.strictObject({
        name: text.meta(label('合作企业名称', 'partner name')),
        contact: optionalText.meta(label('企业联系人', 'enterprise contact')),
        phone: optionalText.meta(label('企业联系电话', 'enterprise phone')),
        agreement: relativePath.optional().meta(label('就业协议文件', 'employment agreement file')),
        agreementDate: dateField.optional().meta(label('协议签订日期', 'agreement date')),
        particulars: relativePath.optional().meta(label('盖章的企业基本情况', "partner's stamped particulars")),
      }),
    )
    .default([])
    .meta(label('合作企业', 'partner enterprises')),
  brief: z
    .union([longText, z.strictObject({ file: relativePath.meta(label('简介文件', 'brief file')) })])
    .optional()
    .meta(label('培训机构及品牌简介', 'institution and brand brief')),
  attachments: z.record(z.string(), z.array(relativePath)).default({}).meta(label('附件', 'attachments')),
  roster: rosterSourceSchema.optional().meta(label('花名册', 'roster')),
  selfScore: z.record(z.string(), z.number().min(0)).default({}).meta(label('自评分', 'self-score')),
  fonts: fontChoiceSchema.optional().meta(label('字体', 'fonts')),
  print: z
    .strictObject({
      copies: z.number().int().min(1).max(10).default(3).meta(label('打印份数', 'copies to print')),
      sheetThickness: z.number().positive().max(1).default(0.1).meta(label('每张纸的厚度（mm）', 'thickness of a sheet (mm)')),
      maxSpine: z.number().positive().default(50).meta(label('一次胶装的最大书脊厚度（mm）', 'largest spine one perfect binding takes (mm)')),
    })
    .default({ copies: 3, sheetThickness: 0.1, maxSpine: 50 })
    .meta(label('打印装订', 'printing and binding')),
});

export type Submission = z.infer<typeof submissionSchema>;
export type RosterSource = z.infer<typeof rosterSourceSchema>;
