/** Levenshtein distance, small inputs only (keys and enum words). */
function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/**
 * The allowed word closest to what was written, if it is plausibly a typo
 * (at most a third of its letters wrong, or a swap of two letters).
 */
export function suggestClosest(written: string, allowed: readonly string[]): string | undefined {
  const lower = written.toLowerCase();
  let best: { word: string; distance: number } | undefined;
  for (const word of allowed) {
    const distance = editDistance(lower, word.toLowerCase());
    if (!best || distance < best.distance) best = { word, distance };
  }
  if (!best) return undefined;
  const sorted = (text: string) => [...text.toLowerCase()].sort().join('');
  const isAnagram = sorted(written) === sorted(best.word);
  return best.distance <= Math.max(1, Math.floor(best.word.length / 3)) || isAnagram ? best.word : undefined;
}

export function quoteList(words: readonly string[]): string {
  return words.map((word) => `"${word}"`).join(', ');
}
