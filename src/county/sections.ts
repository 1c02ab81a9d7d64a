/** The sections of the recommendation report (办法第七条（二）), with the county.yaml key of each. */
export const REPORT_SECTIONS = [
  { key: 'results', title: '一、强培训、促就业方面的主要业绩' },
  { key: 'keyGroups', title: '二、强化就业重点群体、低收入人群就业技能培训的成效' },
  { key: 'practices', title: '三、好的经验做法' },
  { key: 'rural', title: '四、巩固脱贫攻坚、助力乡村振兴的措施办法和效果' },
] as const;

export type SectionKey = (typeof REPORT_SECTIONS)[number]['key'];
