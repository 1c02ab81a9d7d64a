/**
 * The kai font's package ships it only as WOFF. `npm run build` writes it into fonts/ as
 * TrueType (scripts/compile-fonts.mjs) so that no process unpacks it again. What a user
 * would notice if this broke: a volume cover drawn differently (or not at all) depending on
 * whether the WOFF or the TrueType was read, or a stale TrueType left from another version.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillForm } from '../../src/forms/fill.js';
import { loadFontSet } from '../../src/render/fonts.js';
import { renderPdf } from '../../src/render/render.js';
import { isWoff, woffToSfnt } from '../../src/render/woff.js';
import { FIXED_FORMS } from '../../src/scheme/schema.js';
import { BUNDLED_FONTS, nodeFonts, PACKED_FONTS_DIR } from '../../src/world/node.js';
import { ROOT } from '../helpers/cli.js';
import { SCHEME } from '../helpers/fixture.js';

const woff = path.join(ROOT, 'node_modules', BUNDLED_FONTS.kai.pkg, BUNDLED_FONTS.kai.file);
const ttf = path.join(PACKED_FONTS_DIR, BUNDLED_FONTS.kai.packed);

describe.skipIf(!existsSync(woff))('the kai font, WOFF or TrueType', () => {
  it('the TrueType in fonts/ is the WOFF unpacked, table for table', () => {
    expect(isWoff(readFileSync(woff))).toBe(true);
    if (!existsSync(ttf)) return expect.fail(`${ttf} is missing: npm run build writes it`);
    expect(Buffer.compare(woffToSfnt(readFileSync(woff)), readFileSync(ttf))).toBe(0);
  });

  it('draws a volume cover with the same bytes from either file', async () => {
    const fromTtf = await loadFontSet(nodeFonts);
    const fromWoff = await loadFontSet(nodeFonts, { kai: woff });
    expect(fromTtf.faces.kai.source).not.toBe(fromWoff.faces.kai.source);
    const form = fillForm({ template: SCHEME.forms[FIXED_FORMS.volumeCover]!, ctx: { copy: 2, copies: 3, formTitle: '兴安盟级', packageKind: '认定申报材料' } as never, submission: undefined, scheme: SCHEME });
    const meta = { title: 'cover', author: 'a', subject: 's', keywords: 'k', date: new Date('2026-10-20T00:00:00Z') };
    const [a, b] = await Promise.all([renderPdf(form, fromTtf, meta), renderPdf(form, fromWoff, meta)]);
    expect(Buffer.from(a).toString('latin1')).toContain('LXGW');
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
  });

  it('a WOFF2 font a user names still draws (its brotli decoder loads when first needed)', async () => {
    const dir = path.dirname(woff);
    const woff2 = path.join(dir, readdirSync(dir).find((n) => n.endsWith('-500-normal.woff2'))!);
    const set = await loadFontSet(nodeFonts, { kai: woff2 });
    const form = fillForm({ template: SCHEME.forms[FIXED_FORMS.volumeCover]!, ctx: { copy: 1, copies: 3, formTitle: '兴安盟级', packageKind: '认定申报材料' } as never, submission: undefined, scheme: SCHEME });
    const pdf = await renderPdf(form, set, { title: 'cover', author: 'a', subject: 's', keywords: 'k', date: new Date('2026-10-20T00:00:00Z') });
    expect(Buffer.from(pdf).toString('latin1')).toContain('LXGW');
  });
});
