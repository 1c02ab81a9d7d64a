/**
 * Each font file is parsed once per process (issue #13): pdfkit, for every PDF it makes, asks
 * the same fontkit we measure with, and gets the font already parsed.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createFont } from '../../src/render/fontkit-shared.js';
import '../../src/render/pdf-grid.js';
import { WORLD } from '../helpers/fixture.js';

const require = createRequire(import.meta.url);

describe('fonts parsed once', () => {
  it('pdfkit’s fontkit is ours, and a second create of the same bytes is the same font', async () => {
    const pdfkitFontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(b: Uint8Array): unknown };
    const bytes = await WORLD.fonts.read(WORLD.fonts.bundled.serif);
    const a = createFont(bytes);
    // Compared as booleans: a failing toBe would have vitest print two parsed 15 MB fonts.
    expect(pdfkitFontkit.create(bytes) === a).toBe(true);
    expect(createFont(bytes) === a).toBe(true);
    // A copy of the bytes is another file as far as the cache knows: parsed anew.
    expect(createFont(new Uint8Array(bytes)) === a).toBe(false);
  });
});
