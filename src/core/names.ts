/** File and folder names made from data: safe on Windows and Linux. */

/** A part of a file or folder name: no separators, reserved characters, spaces or leading dots. */
export function fileNamePart(s: string): string {
  return s.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '-').replace(/\s+/g, '').replace(/^\.+/, '');
}

/** An applicant's output folder: 机构-工种[-复评]. */
export function outputName(institution: string, trade: string, kind: 'application' | 'review'): string {
  return `${fileNamePart(institution)}-${fileNamePart(trade)}${kind === 'review' ? '-复评' : ''}`;
}

export const pad2 = (n: number) => String(n).padStart(2, '0');
