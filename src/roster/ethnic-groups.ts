/**
 * The 56 ethnic group names of GB/T 3304-1991 (中国各民族名称的罗马字母拼写法和代码), in the
 * standard's code order. A national standard rather than a scheme rule, so it lives in code.
 */
export const ETHNIC_GROUPS = [
  '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族',
  '满族', '侗族', '瑶族', '白族', '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族',
  '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族', '景颇族', '柯尔克孜族', '土族',
  '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族', '普米族',
  '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族',
  '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族',
] as const;

const BY_SHORT = new Map<string, string>();
for (const name of ETHNIC_GROUPS) {
  BY_SHORT.set(name, name);
  BY_SHORT.set(name.replace(/族$/, ''), name);
}
// Short forms common in this League's rosters.
BY_SHORT.set('蒙', '蒙古族');

/** The standard name for what a clerk wrote (蒙古 → 蒙古族), or undefined if unknown. */
export function normalizeEthnicGroup(raw: string): string | undefined {
  return BY_SHORT.get(raw.replace(/\s/g, ''));
}
