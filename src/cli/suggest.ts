/**
 * "Did you mean …?" for a mistyped command or option: the known word closest to what was typed, when it is
 * close enough to be the one meant (at most two edits, a swap of neighbours counting as one, and fewer edits
 * than half the word) — else none, rather than a wild guess.
 */
export function closest(typed: string, known: readonly string[]): string | null {
  const t = typed.toLowerCase();
  let best: string | null = null;
  let bestD = Infinity;
  for (const k of known) {
    const d = editDistance(t, k.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  if (best === null || bestD === 0) return bestD === 0 ? best : null;
  return bestD <= 2 && bestD * 2 < Math.max(t.length, 2) ? best : null;
}

/** Optimal string alignment distance (Levenshtein with adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => [i, ...new Array<number>(n).fill(0)]);
  for (let j = 0; j <= n; j++) d[0][j] = j;
  for (let i = 1; i <= m; i++)
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[m][n];
}

/** " — czy chodziło o „x”? / did you mean "x"?" for the bilingual usage messages, or "". */
export function didYouMean(typed: string, known: readonly string[]): { pl: string; en: string } {
  const k = closest(typed, known);
  return k === null ? { pl: "", en: "" } : { pl: ` — czy chodziło o „${k}”?`, en: ` — did you mean "${k}"?` };
}
