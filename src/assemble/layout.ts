/**
 * The page plan of a volume, before anything is drawn: the cover on page 1, the contents on
 * the next right-hand page, then each material starting on a right-hand (odd) page, with a
 * blank left page (此页无正文) in between where needed. Pure, so the contents can list the
 * first page of each material before the volume exists.
 */

export type PlannedPage =
  | { kind: 'cover' }
  | { kind: 'contents'; index: number }
  | { kind: 'blank' }
  /** Page `index` of part `part` of material `material` (indexes into the volume's materials). */
  | { kind: 'part'; material: number; part: number; index: number };

export interface ContentsEntry {
  number: number;
  name: string;
  page: number;
}

export interface VolumePlan {
  pages: PlannedPage[];
  contents: ContentsEntry[];
}

/** `pageCounts[m][p]` is the number of pages of part p of material m. */
export function planVolume(materials: readonly { number: number; name: string }[], pageCounts: readonly (readonly number[])[], contentsPages: number): VolumePlan {
  const pages: PlannedPage[] = [{ kind: 'cover' }];
  const toRecto = () => {
    // The next page must be a right-hand (odd) one.
    if (pages.length % 2 === 1) pages.push({ kind: 'blank' });
  };
  toRecto();
  for (let i = 0; i < contentsPages; i++) pages.push({ kind: 'contents', index: i });
  const contents: ContentsEntry[] = [];
  materials.forEach((m, mi) => {
    const counts = pageCounts[mi] ?? [];
    if (counts.reduce((a, b) => a + b, 0) === 0) return;
    toRecto();
    contents.push({ number: m.number, name: m.name, page: pages.length + 1 });
    counts.forEach((n, pi) => {
      for (let k = 0; k < n; k++) pages.push({ kind: 'part', material: mi, part: pi, index: k });
    });
  });
  return { pages, contents };
}
