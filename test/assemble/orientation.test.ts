/**
 * Phone photos stored on their side (EXIF orientation) stand upright in the volume, at their
 * own aspect ratio, with their resolution counted on the picture as it stands (issue #12).
 */
import { describe, expect, it } from 'vitest';
import { orientedMatrix } from '../../src/assemble/png.js';
import { analyzeImage } from '../../src/submission/analyze.js';

/** A JPEG's structure, 4000×3000 as stored, with an EXIF block giving `orientation`. */
function jpegWithOrientation(orientation: number): Uint8Array {
  // TIFF header (big-endian), one IFD entry: 0x0112 Orientation, SHORT, 1, value.
  const tiff = [0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08, 0x00, 0x01, 0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, orientation, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00];
  const exif = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00, ...tiff];
  const app1 = [0xff, 0xe1, (exif.length + 2) >> 8, (exif.length + 2) & 0xff, ...exif];
  const sof = [0xff, 0xc0, 0x00, 0x0b, 0x08, 3000 >> 8, 3000 & 0xff, 4000 >> 8, 4000 & 0xff, 0x01, 0x01, 0x11, 0x00];
  const sos = [0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0x00];
  return new Uint8Array([0xff, 0xd8, ...app1, ...sof, ...sos, 0xff, 0xd9]);
}

/** Where the stored picture's corners land on the page under a matrix [a b c d e f]. */
const corner = (m: number[], u: number, v: number) => [m[0]! * u + m[2]! * v + m[4]!, m[1]! * u + m[3]! * v + m[5]!];

describe('EXIF orientation', () => {
  it('a photo stored landscape with orientation 6 is a portrait picture of 3000×4000 pixels', () => {
    expect(analyzeImage(jpegWithOrientation(6), 'jpeg')).toEqual({ width: 3000, height: 4000, orientation: 6 });
    expect(analyzeImage(jpegWithOrientation(1), 'jpeg')).toEqual({ width: 4000, height: 3000 });
  });

  it('draws the stored picture turned so that its first row is the right side (6) or the left (8), filling the box', () => {
    const box = { x: 10, y: 20, width: 300, height: 400 };
    // The stored top-left pixel (u 0, v 1) and top-right (u 1, v 1).
    const six = orientedMatrix(box, 6);
    expect(corner(six, 0, 1)).toEqual([310, 420]); // top right of the box
    expect(corner(six, 1, 1)).toEqual([310, 20]); // bottom right
    expect(corner(six, 0, 0)).toEqual([10, 420]); // the stored bottom-left: top left
    const eight = orientedMatrix(box, 8);
    expect(corner(eight, 0, 1)).toEqual([10, 20]);
    expect(corner(eight, 1, 1)).toEqual([10, 420]);
    // Every orientation fills the box exactly: its four corners are the box's.
    for (let o = 1; o <= 8; o++) {
      const m = orientedMatrix(box, o);
      const corners = [corner(m, 0, 0), corner(m, 1, 0), corner(m, 0, 1), corner(m, 1, 1)].map((p) => p.join(',')).sort();
      expect(corners, `orientation ${o}`).toEqual(['10,20', '10,420', '310,20', '310,420']);
    }
    // 3 is half a turn: the stored top-left is the bottom-right.
    expect(corner(orientedMatrix(box, 3), 0, 1)).toEqual([310, 20]);
  });
});
