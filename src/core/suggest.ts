/** Levenshtein distance over code points (so a CJK character counts as one). */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length]!;
}

/** The candidate closest to `word`, if it is close enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  const first = [...word.toLowerCase()][0];
  for (const c of candidates) {
    // Ties go to a candidate that starts like the word (蒙族 → 蒙古族, not 汉族).
    const d = editDistance(word.toLowerCase(), c.toLowerCase()) + ([...c.toLowerCase()][0] === first ? 0 : 0.5);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  bestD = Math.floor(bestD);
  const limit = Math.max(1, Math.floor([...word].length / 3));
  return bestD <= limit ? best : undefined;
}
