/**
 * A bundle is a value: relative path → bytes. Every output (documents, print volumes, the
 * disc tree) is computed into one, and only the writer puts it on disk — so checksums, the
 * zip and the disc image can all be computed from the same value.
 */
export type Bundle = Map<string, Uint8Array>;

export function bundleSize(b: Bundle): number {
  let n = 0;
  for (const v of b.values()) n += v.byteLength;
  return n;
}

/** Paths in code-point order, the order every listing and manifest uses. */
export function sortedPaths(b: Bundle): string[] {
  return [...b.keys()].sort((a, c) => (a < c ? -1 : a > c ? 1 : 0));
}
