/**
 * The page names each stage of a build or a county run in its own words (web/i18n.js). What a
 * clerk would notice if this broke: a progress line reading `documents` in the middle of the
 * Chinese page, as it did when the build's stages were renamed. Needs no browser.
 */
import { describe, expect, it } from 'vitest';
import { ui } from '../../src/i18n/ui.js';

const { WORDS } = (await import(new URL('../../web/i18n.js', import.meta.url).href)) as { WORDS: Record<'zh' | 'en', { build: { stages: Record<string, string> } }> };

describe("the page's stage names", () => {
  it.each(['zh', 'en'] as const)('name every stage the pipelines report, and no other (%s)', (lang) => {
    const ids = Object.keys(ui(lang).stage).sort();
    expect(Object.keys(WORDS[lang].build.stages).sort()).toEqual(ids);
    expect(Object.values(WORDS[lang].build.stages).every((w) => w.trim() !== '')).toBe(true);
  });
});
