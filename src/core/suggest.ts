// "Did you mean …?" for near-miss identifiers in level files.

/** Levenshtein distance, with an early exit once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The known id closest to `unknown`, if it is close enough to be a typo: within a third of the
 * word's length (at least 1, at most 3 edits), or the unknown id is a prefix of exactly one id.
 */
export function suggest(unknown: string, known: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.min(3, Math.floor(unknown.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  const prefixed: string[] = [];
  for (const candidate of known) {
    const distance = editDistance(unknown.toLowerCase(), candidate.toLowerCase(), limit);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
    if (unknown.length >= 3 && candidate.startsWith(unknown)) prefixed.push(candidate);
  }
  if (best !== undefined) return best;
  return prefixed.length === 1 ? prefixed[0] : undefined;
}
