/** kramdown's attribute lists (`{: .note #id start=3 }`) read as tokens; no block or span is touched here. */

/**
 * Parses the inside of `{: … }` into class names, a list's `start=N` and an id as `id=name`
 * (other pairs are ignored).
 */
export function ialClasses(inner: string): string[] {
  if (inner === 'toc') return ['toc']
  // A kramdown extension, `{::options … /}`: its tokens as written, the first `:name`.
  if (inner.startsWith(':')) return inner.split(/\s+/).filter((token) => token !== '/')
  const tokens: string[] = []
  for (const part of inner.split(/\s+/)) {
    if (part.startsWith('.')) tokens.push(part.slice(1))
    const start = /^start=(["']?)(\d{1,9})\1$/.exec(part)
    if (start) tokens.push(`start=${start[2]}`)
    // kramdown's id: a letter, then word characters, `:` and `-` (as a header id's).
    const id = /^#([A-Za-z][\w:-]*)$/.exec(part)
    if (id) tokens.push(`id=${id[1]}`)
  }
  return tokens
}
