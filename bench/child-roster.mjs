/**
 * One roster PDF in a fresh process, timed whole by the parent: `node bench/child-roster.mjs
 * <ours|pdfkit|typst> <rows> <out.pdf>`. Plain JavaScript on dist/: each of the three runs as
 * it would for a user, module loading, fonts and writing the file included.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { directPdfkit, ours, printedRows, typst } from './roster-pdf.mjs';

const [impl, n, out] = [process.argv[2], Number(process.argv[3]), process.argv[4]];
const rows = printedRows(n);
let bytes;
if (impl === 'ours') {
  const { loadScheme, TEMPLATES_DIR } = await import('../dist/scheme/load.js');
  const { loadFontSet } = await import('../dist/render/fonts.js');
  const { nodeFonts, nodeWorld } = await import('../dist/world/node.js');
  const { scheme } = await loadScheme(nodeWorld(), path.join(TEMPLATES_DIR, 'xam-2023'));
  bytes = await ours(scheme, rows, await loadFontSet(nodeFonts));
} else bytes = impl === 'pdfkit' ? await directPdfkit(rows) : await typst(rows);
writeFileSync(out, bytes);
