/** Word-level difference between what kramdown shows and what the project shows. */

/** How many words of `expected` are missing from `actual` and how many `actual` adds. */
export interface WordDifference {
  lost: number
  added: number
  /** The first differing position, with a few words of context from each side. */
  first?: {at: number; expected: string; actual: string}
}

const CONTEXT = 6

/**
 * The shortest edit (insertions and deletions) turning `expected` into `actual`, by Myers'
 * O((N+M)·D) algorithm: lost = deletions, added = insertions.
 */
export function diffWords(expected: readonly string[], actual: readonly string[]): WordDifference {
  let start = 0
  while (start < expected.length && start < actual.length && expected[start] === actual[start]) {
    start++
  }
  if (start === expected.length && start === actual.length) return {lost: 0, added: 0}
  let endA = expected.length
  let endB = actual.length
  while (endA > start && endB > start && expected[endA - 1] === actual[endB - 1]) {
    endA--
    endB--
  }
  const distance = editDistance(expected.slice(start, endA), actual.slice(start, endB))
  const common = (endA - start + (endB - start) - distance) / 2
  return {
    lost: endA - start - common,
    added: endB - start - common,
    first: {
      at: start + 1,
      expected: expected.slice(start, start + CONTEXT).join(' '),
      actual: actual.slice(start, start + CONTEXT).join(' '),
    },
  }
}

/** The number of insertions plus deletions (no substitutions) between two sequences. */
function editDistance(a: readonly string[], b: readonly string[]): number {
  const n = a.length
  const m = b.length
  const max = n + m
  const offset = max + 1
  const furthest = new Int32Array(2 * max + 3)
  for (let d = 0; d <= max; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && furthest[offset + k - 1] < furthest[offset + k + 1])
          ? furthest[offset + k + 1]
          : furthest[offset + k - 1] + 1
      let y = x - k
      while (x < n && y < m && a[x] === b[y]) {
        x++
        y++
      }
      furthest[offset + k] = x
      if (x >= n && y >= m) return d
    }
  }
  return max
}
