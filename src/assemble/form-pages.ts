/**
 * A form's PDF as a print volume takes it: without the page numbers the form drew for itself
 * (render/pdfkit-page-numbers.ts), since the volume numbers its pages through. Apart from
 * the drawing so that rendering a form does not load pdf-lib.
 */
import type { PDFDocument, PDFPage } from '#pdf-lib';
import { PDFArray, PDFName, PDFRawStream, PDFRef } from '#pdf-lib';
import { PAGE_NUMBER_MARK } from '../render/pdfkit-page-numbers.js';

/**
 * Takes the form's own page numbers off each page of `doc` (a form's PDF, loaded to be
 * copied into a volume). Their font stays: it is the body's serif. A page without them is
 * left as it is.
 */
export function withoutPageNumbers(doc: PDFDocument): void {
  for (const page of doc.getPages()) dropNumberStream(page);
}

function dropNumberStream(page: PDFPage): void {
  const contents = page.node.Contents();
  if (!(contents instanceof PDFArray) || contents.size() !== 2) return;
  const first = contents.get(0);
  const stream = first instanceof PDFRef ? page.doc.context.lookup(first) : first;
  if (!(stream instanceof PDFRawStream) || stream.dict.has(PDFName.of('Filter'))) return;
  const text = Buffer.from(stream.contents).toString('latin1');
  if (!text.startsWith(PAGE_NUMBER_MARK)) return;
  page.node.set(PDFName.of('Contents'), contents.get(1));
}
