/** A unified diff of two texts (`diff -u` style, 3 lines of context), written for `--dry-run`. */

type Op = {kind: ' ' | '-' | '+'; line: string}

// Lines between the common prefix and suffix over which the LCS table is built; past this the
// middle is shown as all removed and all added, which is still a correct diff.
const MAX_CELLS = 25_000_000

function middleOps(a: readonly string[], b: readonly string[]): Op[] {
  if (a.length * b.length > MAX_CELLS) {
    return [
      ...a.map((line): Op => ({kind: '-', line})),
      ...b.map((line): Op => ({kind: '+', line})),
    ]
  }
  const width = b.length + 1
  const lcs = new Uint32Array((a.length + 1) * width)
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[i] === b[j]
          ? lcs[(i + 1) * width + j + 1] + 1
          : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1])
    }
  }
  const ops: Op[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({kind: ' ', line: a[i++]})
      j++
    } else if (
      i < a.length &&
      (j === b.length || lcs[(i + 1) * width + j] >= lcs[i * width + j + 1])
    ) {
      ops.push({kind: '-', line: a[i++]})
    } else {
      ops.push({kind: '+', line: b[j++]})
    }
  }
  return ops
}

function lines(text: string): string[] {
  if (text === '') return []
  const split = text.split('\n')
  if (split[split.length - 1] === '') split.pop()
  return split
}

/**
 * The unified diff from `before` to `after` with `---`/`+++` headers naming `from` and `to`,
 * or '' when the texts are equal.
 */
export function unifiedDiff(before: string, after: string, from: string, to: string): string {
  if (before === after) return ''
  const a = lines(before)
  const b = lines(after)
  let prefix = 0
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++
  let suffix = 0
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  )
    suffix++
  const ops: Op[] = [
    ...a.slice(0, prefix).map((line): Op => ({kind: ' ', line})),
    ...middleOps(a.slice(prefix, a.length - suffix), b.slice(prefix, b.length - suffix)),
    ...a.slice(a.length - suffix).map((line): Op => ({kind: ' ', line})),
  ]
  const out = [`--- ${from}`, `+++ ${to}`]
  const CONTEXT = 3
  let index = 0
  while (index < ops.length) {
    const firstChange = ops.findIndex((op, k) => k >= index && op.kind !== ' ')
    if (firstChange === -1) break
    const start = Math.max(index, firstChange - CONTEXT)
    let end = firstChange
    // Extend the hunk while the next change is within twice the context.
    for (let k = firstChange; k < ops.length; k++) {
      if (ops[k].kind !== ' ') end = k
      else if (k - end > 2 * CONTEXT) break
    }
    const stop = Math.min(ops.length, end + 1 + CONTEXT)
    const hunk = ops.slice(start, stop)
    const oldStart = 1 + ops.slice(0, start).filter((op) => op.kind !== '+').length
    const newStart = 1 + ops.slice(0, start).filter((op) => op.kind !== '-').length
    const oldCount = hunk.filter((op) => op.kind !== '+').length
    const newCount = hunk.filter((op) => op.kind !== '-').length
    out.push(
      `@@ -${oldCount === 0 ? oldStart - 1 : oldStart},${oldCount} +${newCount === 0 ? newStart - 1 : newStart},${newCount} @@`,
    )
    for (const op of hunk) out.push(`${op.kind}${op.line}`)
    index = stop
  }
  return `${out.join('\n')}\n`
}
