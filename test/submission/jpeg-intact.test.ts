/**
 * The JPEG structure check (a truncated scan fails `check`): every scan of the example is
 * whole, and the same scan cut anywhere — in its headers or inside its entropy-coded data —
 * is not. A user would notice a wrong answer as a torn scan printed, or a good one refused.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jpegIntact } from '../../src/submission/image-integrity.js';
import { EXAMPLE_DIR } from '../helpers/example.js';

const scans = readdirSync(EXAMPLE_DIR, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.jpe?g$/i.test(f))
  .map((f) => new Uint8Array(readFileSync(path.join(EXAMPLE_DIR, f))));

describe('jpegIntact', () => {
  it('takes every scan of the example as whole', () => {
    expect(scans.length).toBeGreaterThan(3);
    for (const s of scans) expect(jpegIntact(s)).toBe(true);
  });

  it('refuses each of them cut short, at 40 places from the headers to the last byte', () => {
    for (const s of scans)
      for (let i = 1; i <= 40; i++) {
        const cut = Math.floor((s.length * i) / 41);
        expect(jpegIntact(s.subarray(0, cut)), `cut at ${cut} of ${s.length}`).toBe(false);
      }
  });

  it('reads past stuffed bytes and restart markers inside a scan, and stops at the end marker', () => {
    // SOI, a minimal frame (SOF0), a scan (SOS) whose data holds FF 00 and RST0, then EOI.
    const sof = [0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00];
    const sos = [0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00];
    const data = [0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56];
    const jpeg = (tail: number[]) => new Uint8Array([0xff, 0xd8, ...sof, ...sos, ...data, ...tail]);
    expect(jpegIntact(jpeg([0xff, 0xd9]))).toBe(true);
    expect(jpegIntact(jpeg([]))).toBe(false);
    expect(jpegIntact(jpeg([0xff]))).toBe(false);
  });
});
