/** One roster PDF in a fresh process: `node --import tsx bench/child-roster.ts <impl> <rows>` prints ms. */
import { loadScheme, TEMPLATES_DIR } from '../src/scheme/load.js';
import { loadFontSet } from '../src/render/fonts.js';
import { nodeFonts, nodeWorld } from '../src/world/node.js';
import { directPdfkit, ours, printedRows, typst } from './roster-pdf.js';
import path from 'node:path';

const [impl, n] = [process.argv[2]!, Number(process.argv[3])];
const { scheme } = await loadScheme(nodeWorld(), path.join(TEMPLATES_DIR, 'xam-2023'));
// Fonts are loaded before the roster in a real build (the check needs them).
const fonts = await loadFontSet(nodeFonts);
const rows = printedRows(n);
const run = (r: typeof rows) => (impl === 'ours' ? ours(scheme!, r, fonts) : impl === 'pdfkit' ? directPdfkit(r) : Promise.resolve(typst(r)));
// A few rows first, so each implementation has loaded its code and fonts before the clock starts.
await run(printedRows(20));
const t = performance.now();
const bytes = await run(rows);
process.stdout.write(JSON.stringify({ ms: performance.now() - t, bytes: bytes.byteLength }));
