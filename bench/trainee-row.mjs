/**
 * One bench roster row by its index: realistic names (with · and rare characters), valid
 * resident IDs, fixed proportions of passed, employed, key-group and order rows.
 * Deterministic. Plain JavaScript, so that the whole-process roster bench runs without a
 * TypeScript loader.
 */
import { checkCharacter } from '../dist/roster/resident-id.js';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '孙', '马', '包', '白', '韩'];
const GIVEN = ['建国', '海燕', '志强', '丽娜', '晓东', '秀英', '文博', '喆', '堃', '㛃', '春梅', '国华'];
const MONGOLIAN = ['巴特尔', '苏日娜', '其其格', '乌日娜', '阿拉坦仓', '宝音', '朝鲁', '斯琴高娃', '那仁花', '额尔敦'];
const AREAS = ['152221', '152201', '152222', '152223', '152224', '152202'];

/** @param {number} i @returns {string[]} */
export function traineeRow(i) {
  const man = i % 2 === 0;
  const name =
    i % 97 === 5 ? `𠮷${GIVEN[i % GIVEN.length]}`
      : i % 5 === 0 ? `${MONGOLIAN[i % MONGOLIAN.length]}·${MONGOLIAN[(i * 7 + 3) % MONGOLIAN.length]}`
        : i % 3 === 0 ? MONGOLIAN[i % MONGOLIAN.length]
          : SURNAMES[i % SURNAMES.length] + GIVEN[(i * 5) % GIVEN.length];
  const year = 1965 + (i % 40);
  const month = 1 + (i % 12);
  const day = 1 + (i % 28);
  // Unique per i: area code and sequence spread i over 6 × 500 slots per birth date.
  const area = AREAS[Math.floor(i / 500) % AREAS.length];
  const seq = ((i % 500) * 2 + (man ? 1 : 0)) % 1000;
  const first17 = `${area}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(seq).padStart(3, '0')}`;
  const employed = i % 4 !== 0;
  return [
    String(i + 1), name, man ? '男' : '女', i % 3 === 0 ? '蒙古族' : '汉族', first17 + checkCharacter(first17), '中式烹调师', '王立军',
    employed ? '兴安盟蒙味源餐饮管理有限公司' : '', '内蒙古兴安盟科尔沁右翼前旗索伦镇索伦嘎查三组', `139${String(10000000 + i).slice(-8)}`,
    i % 13 === 0 ? '否' : '是', i % 2 === 0 ? '农牧民工' : '', i % 5 < 2 ? '否' : '是', '是', employed ? '是' : '否',
  ];
}
