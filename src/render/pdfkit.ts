/**
 * pdfkit, for this project's own drawing (the roster's grid, the PDF/A metadata). Taken with
 * require, not import: pdfkit is CommonJS, and importing it from an ES module has Node scan
 * its 300 KB for export names first (cjs-module-lexer, ~45 ms of the first PDF on each thread).
 * fontkit-shared.ts comes first: pdfkit must find the shared fontkit when it loads.
 */
import './fontkit-shared.js';
import { createRequire } from 'node:module';
import type PDFKitDocument from 'pdfkit';

const require = createRequire(import.meta.url);

export const PDFDocument = require('pdfkit') as typeof PDFKitDocument;
