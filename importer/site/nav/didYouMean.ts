/** Finds the title an author probably meant when a `parent` matches no page exactly. */

/** Case, Unicode composition, surrounding spaces and trailing punctuation set aside. */
function loose(title: string): string {
  return title
    .normalize('NFC')
    .trim()
    .replace(/[\s.,:;!?]+$/u, '')
    .toLowerCase()
}

/** Levenshtein distance, stopping early once it exceeds `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  let previous = Array.from({length: b.length + 1}, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      best = Math.min(best, current[j])
    }
    if (best > limit) return limit + 1
    previous = current
  }
  return previous[b.length]
}

/**
 * The title among `titles` closest to `wanted`: equal once case, composition and trailing
 * punctuation are set aside, else within a small edit distance (about one typo per five
 * characters). Undefined when nothing is close.
 */
export function closestTitle(wanted: string, titles: Iterable<string>): string | undefined {
  const target = loose(wanted)
  const limit = Math.max(1, Math.floor(target.length / 5))
  let best: {title: string; score: number} | undefined
  for (const title of titles) {
    if (title === wanted) continue
    const candidate = loose(title)
    const score = candidate === target ? 0 : distance(candidate, target, limit)
    if (score <= limit && (!best || score < best.score)) best = {title, score}
  }
  return best?.title
}

/** How two titles that look alike differ, in words, when it is not a plain typo. */
export function howTitlesDiffer(wanted: string, close: string): string | undefined {
  if (wanted.normalize('NFC') === close.normalize('NFC'))
    return 'the same letters, with accents encoded differently (Unicode normalisation)'
  if (wanted.trim() === close.trim()) return 'only the spaces around it differ'
  if (wanted.toLowerCase() === close.toLowerCase()) return 'only letter case differs'
  return undefined
}
