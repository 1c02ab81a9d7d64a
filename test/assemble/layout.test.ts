import { PDFDocument, degrees } from '#pdf-lib';
import { describe, expect, it } from 'vitest';
import { planVolume } from '../../src/assemble/layout.js';
import { fit, placeImage } from '../../src/paper/placement.js';
import { loadFontSet } from '../../src/render/fonts.js';
import { passThroughPng } from '../../src/assemble/png.js';
import { drawVolumeBody, type LoadedPart } from '../../src/assemble/volume.js';
import { spineWidth } from '../../src/assemble/spine.js';
import { png, WORLD } from '../helpers/fixture.js';

describe('volume plan', () => {
  const materials = [1, 2, 3].map((n) => ({ number: n, name: `材料${n}` }));

  it('starts the contents and every material on a right-hand page, with blanks between', () => {
    const plan = planVolume(materials, [[1], [3, 2], [2]], 1);
    expect(plan.pages.map((p) => p.kind)).toEqual([
      'cover', 'blank', 'contents', 'blank',
      'part', 'blank', // material 1: one page, then a blank left page
      'part', 'part', 'part', 'part', 'part', 'blank', // material 2: 3 + 2 pages
      'part', 'part', // material 3
    ]);
    expect(plan.contents).toEqual([
      { number: 1, name: '材料1', page: 5 },
      { number: 2, name: '材料2', page: 7 },
      { number: 3, name: '材料3', page: 13 },
    ]);
    expect(plan.contents.every((c) => c.page % 2 === 1)).toBe(true);
  });

  it('leaves out a material with no pages and makes room for longer contents', () => {
    const plan = planVolume(materials, [[2], [], [1]], 2);
    expect(plan.contents.map((c) => [c.number, c.page])).toEqual([[1, 5], [3, 7]]);
  });
});

describe('placement on A4', () => {
  it('fits an A4 scan inside the box, clear of the spine and the page number, at its dpi', () => {
    const p = placeImage({ width: 2480, height: 3508 }); // A4 at 300 dpi
    expect(p.orientation).toBe('portrait');
    expect(p.box.x).toBeGreaterThanOrEqual(14);
    expect(p.box.y).toBeGreaterThanOrEqual(30);
    expect(Math.round(p.dpi)).toBeGreaterThan(300);
  });

  it('turns a wide scan onto a landscape page and reports a low resolution honestly', () => {
    const p = placeImage({ width: 1400, height: 900 });
    expect(p.orientation).toBe('landscape');
    expect(p.dpi).toBeLessThan(150);
  });

  it('scales a US Letter page onto A4 keeping its proportions', () => {
    const p = fit({ width: 215.9, height: 279.4 }, false);
    expect(p.orientation).toBe('portrait');
    expect(p.box.width / p.box.height).toBeCloseTo(215.9 / 279.4, 5);
  });
});

describe('PNG pass-through', () => {
  it('takes 8-bit grey or RGB data as it is, and leaves other PNGs to pdf-lib', () => {
    const p = passThroughPng(png(30, 20))!;
    expect(p).toMatchObject({ width: 30, height: 20, colors: 1 });
    expect(passThroughPng(new Uint8Array([1, 2, 3]))).toBeUndefined();
  });
});

describe('attachment pages of other sizes', () => {
  it('keep their orientation, turned pages come upright, and all land on A4', async () => {
    const src = await PDFDocument.create();
    const mark = (p: ReturnType<typeof src.addPage>) => (p.drawRectangle({ x: 10, y: 10, width: 50, height: 30 }), p);
    mark(src.addPage([612, 792])); // US Letter
    mark(src.addPage([842, 595])); // A4 landscape
    mark(src.addPage([595, 842])).setRotation(degrees(90)); // an A4 page shown turned
    src.addPage([595, 842]).setRotation(degrees(270)); // turned and empty
    const doc = await PDFDocument.load(await src.save());
    const contents = await PDFDocument.create();
    contents.addPage([595.28, 841.89]);
    const parts: LoadedPart[][] = [[{ kind: 'pdf', doc, pages: doc.getPageCount(), generated: false, caption: 'x' }]];
    const plan = planVolume([{ number: 1, name: '附件' }], [[4]], 1);
    const out = await PDFDocument.load((await drawVolumeBody(plan, parts, contents, { title: 't', author: 'a', subject: 's', keywords: 'k', date: new Date(0) }, await loadFontSet(WORLD.fonts))).bytes);
    const sizes = out.getPages().slice(4).map((p) => [Math.round(p.getWidth()), Math.round(p.getHeight()), p.getRotation().angle]);
    expect(sizes).toEqual([
      [595, 842, 0],
      [842, 595, 0],
      [842, 595, 0], // the turned portrait page is shown landscape, as it was seen
      [842, 595, 0],
    ]);
  });

  it('spine width follows the sheets: two pages a sheet, 0.1 mm each', () => {
    expect(spineWidth({ pages: 74, sheetThickness: 0.1 })).toBe(3.7);
    expect(spineWidth({ pages: 75, sheetThickness: 0.1 })).toBe(3.8);
  });
});
