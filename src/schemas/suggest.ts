/** Levenshtein distance between two short strings (ids, field names). */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
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
 * The candidate closest to `input`, if it is close enough to be a plausible typo: within a third
 * of the longer string's length, or a candidate that contains the input (e.g. "finance" for
 * "ml-in-finance").
 */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.toLowerCase();
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(needle, candidate.toLowerCase());
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  if (!best) return undefined;
  const limit = Math.max(2, Math.ceil(Math.max(needle.length, best.candidate.length) / 3));
  if (best.distance <= limit) return best.candidate;
  return candidates.find((c) => needle.length >= 3 && c.toLowerCase().includes(needle));
}

/** ` (did you mean "x"?)` when a close candidate exists, otherwise the list of valid values. */
export function didYouMean(input: string, candidates: readonly string[]): string {
  const match = closest(input, candidates);
  if (match) return `did you mean "${match}"?`;
  if (candidates.length === 0) return 'none exist yet';
  return `valid values: ${candidates.map((c) => `"${c}"`).join(', ')}`;
}
