/**
 * `count` strings of up to 40 characters drawn from `alphabet`, the same for
 * the same seed: for tests that compare a fast path with the rule it stands for.
 */
export function randomTexts(alphabet: string, seed: number, count = 2000): string[] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, () => Array.from({ length: Math.floor(next() * 40) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(""));
}
