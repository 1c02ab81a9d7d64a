/**
 * The titles of the county's reports break only where GB/T 9704—2012 7.3.1 allows (词意完整):
 * between the parts the template marks, after a county's name, before the scheme's words.
 */
import { describe, expect, it } from 'vitest';
import { textWidth, TITLE_BREAK as BR, titleLines } from '../../src/county/title.js';
import { SCHEME } from '../helpers/fixture.js';

const words = SCHEME.countyReview.titleBreaks;
const counties = ['科尔沁右翼前旗'];

describe('title lines', () => {
  it('keep a short title on one line', () => {
    expect(titleLines(`关于推荐甲校${BR}“电工”${BR}为盟级品牌的报告`, { max: 20, words, counties })).toEqual(['关于推荐甲校“电工”为盟级品牌的报告']);
  });

  it('break a long recommendation title after the county’s name and between the parts, never inside the institution’s name', () => {
    const lines = titleLines(`关于推荐科尔沁右翼前旗天骄职业技能培训学校${BR}“中式烹调师”${BR}为兴安盟级示范性职业技能培训品牌的报告`, { max: 20, words, counties });
    expect(lines).toEqual(['关于推荐科尔沁右翼前旗', '天骄职业技能培训学校“中式烹调师”', '为兴安盟级示范性职业技能培训品牌的报告']);
  });

  it('never split 职业技能培训学校 at a shorter word it contains (培训学校, 技能培训学校)', () => {
    const lines = titleLines(`关于推荐某某某某某某某某某某某某某某职业技能培训学校${BR}“电工”`, { max: 20, words, counties: [] });
    expect(lines.some((l) => l.startsWith('职业技能培训学校'))).toBe(true);
    for (const l of lines) expect(l).not.toMatch(/^(技能培训学校|培训学校|学校)/);
  });

  it('fit every line in the width, a Latin character counting half', () => {
    expect(textWidth('2025年')).toBe(3);
    const lines = titleLines(`${'科'.repeat(30)}${BR}“电工”`, { max: 20, words, counties });
    for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(20);
    expect(lines.join('')).toBe(`${'科'.repeat(30)}“电工”`);
  });
});
