/**
 * PDF/A-2b for the generated documents (the disc's archival copies). pdfkit (used directly
 * and through pdfmake) writes the PDF/A parts — the pdfaid schema, an sRGB output intent,
 * embedded fonts, a document ID — when given `subset: 'PDF/A-2b'`. Its XMP packet, though,
 * puts Title, Author, Subject and Keywords in unescaped (an “&” or “<” breaks the XML) and
 * has no xmp:ModifyDate to match the Info dictionary's ModDate, which PDF/A requires. The
 * method that writes that part is replaced here, once, for every pdfkit document.
 */
import { PDFDocument } from './pdfkit.js';

export const PDFA_SUBSET = 'PDF/A-2b';

const esc = (s: unknown) =>
  String(s ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

const xmpDate = (d: Date) => `${d.toISOString().split('.')[0]}Z`;

interface MetadataDoc {
  info: { CreationDate: Date; ModDate?: Date; Creator?: string; Producer?: string; Title?: string; Author?: string; Subject?: string; Keywords?: string };
  appendXML(xml: string, newline?: boolean): void;
}

function addInfo(this: MetadataDoc): void {
  const i = this.info;
  const parts = [
    `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">`,
    `<xmp:CreateDate>${xmpDate(i.CreationDate)}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${xmpDate(i.ModDate ?? i.CreationDate)}</xmp:ModifyDate>`,
    `<xmp:CreatorTool>${esc(i.Creator)}</xmp:CreatorTool>`,
    `</rdf:Description>`,
  ];
  if (i.Title || i.Author || i.Subject) {
    parts.push(`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">`);
    if (i.Title) parts.push(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${esc(i.Title)}</rdf:li></rdf:Alt></dc:title>`);
    if (i.Author) parts.push(`<dc:creator><rdf:Seq><rdf:li>${esc(i.Author)}</rdf:li></rdf:Seq></dc:creator>`);
    if (i.Subject) parts.push(`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${esc(i.Subject)}</rdf:li></rdf:Alt></dc:description>`);
    parts.push(`</rdf:Description>`);
  }
  parts.push(`<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">`, `<pdf:Producer>${esc(i.Producer)}</pdf:Producer>`);
  if (i.Keywords) parts.push(`<pdf:Keywords>${esc(i.Keywords)}</pdf:Keywords>`);
  parts.push(`</rdf:Description>`);
  this.appendXML(parts.join('\n'));
}

(PDFDocument.prototype as unknown as { _addInfo: typeof addInfo })._addInfo = addInfo;
