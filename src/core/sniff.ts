/**
 * What a file holds, judged by its first bytes rather than its name: a renamed Word file is
 * still a Word file. Used for attachments (PDF, JPEG, PNG) and for the roster.
 */
export type ContentType =
  | 'pdf' | 'jpeg' | 'png' | 'gif' | 'bmp' | 'tiff' | 'webp' | 'heic'
  | 'zip' | 'ole2' | 'html' | 'text' | 'empty' | 'unknown';

/** Number of leading bytes the sniffer needs. */
export const SNIFF_BYTES = 1024;

export function sniff(head: Uint8Array): ContentType {
  const b = head;
  const starts = (...sig: number[]) => sig.every((v, i) => b[i] === v);
  if (b.length === 0) return 'empty';
  // PDF readers accept the header anywhere in the first 1024 bytes.
  if (Buffer.from(b.subarray(0, SNIFF_BYTES)).includes('%PDF-')) return 'pdf';
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'gif';
  if (starts(0x42, 0x4d)) return 'bmp';
  if (starts(0x49, 0x49, 0x2a, 0x00) || starts(0x4d, 0x4d, 0x00, 0x2a)) return 'tiff';
  if (starts(0x52, 0x49, 0x46, 0x46) && b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50) return 'webp';
  if (b[4] === 0x66 && b[5] === 0x74 && b[6] === 0x79 && b[7] === 0x70) return 'heic';
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) return 'zip';
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'ole2';
  const textHead = Buffer.from(b.subarray(0, 512)).toString('latin1').toLowerCase();
  if (/^\s*(<!doctype html|<html)/.test(textHead)) return 'html';
  if (!b.subarray(0, 512).includes(0)) return 'text';
  return 'unknown';
}

/** What a file extension promises. */
export function typeOfExtension(file: string): ContentType | undefined {
  const ext = file.toLowerCase().split('.').pop();
  switch (ext) {
    case 'pdf': return 'pdf';
    case 'jpg': case 'jpeg': return 'jpeg';
    case 'png': return 'png';
    case 'xlsx': case 'docx': case 'zip': return 'zip';
    default: return undefined;
  }
}
