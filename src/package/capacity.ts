/** Which recordable disc a package fits on (bytes as the media are sold). */
export const DISCS = [
  { id: 'CD-R', bytes: 737_280_000 },
  { id: 'DVD-R', bytes: 4_707_319_808 },
  { id: 'DVD-R DL', bytes: 8_547_991_552 },
] as const;

export function discFor(bytes: number): (typeof DISCS)[number] | undefined {
  return DISCS.find((d) => bytes <= d.bytes);
}
