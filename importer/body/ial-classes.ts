/** kramdown's attribute lists (`{: .note #id start=3 }`) read as tokens; no block or span is touched here. */

/**
 * The token of kramdown's `toc` reference (`{:toc}`, `{:toc .toc}`), which makes the list a table
 * of contents; a class named `toc` (`{: .toc}`, `<div class="toc">`) does not.
 */
export const TOC_REFERENCE = 'ref=toc'

/**
 * Parses the inside of `{: … }` into class names, a list's `start=N`, an id as `id=name` and
 * the `toc` reference as {@link TOC_REFERENCE} (other references and pairs are ignored).
 */
export function ialClasses(inner: string): string[] {
  // A kramdown extension, `{::options … /}`: its tokens as written, the first `:name`.
  if (inner.startsWith(':')) return inner.split(/\s+/).filter((token) => token !== '/')
  const tokens: string[] = []
  for (const part of inner.split(/\s+/)) {
    if (part === 'toc') tokens.push(TOC_REFERENCE)
    if (part.startsWith('.')) tokens.push(part.slice(1))
    const start = /^start=(["']?)(\d{1,9})\1$/.exec(part)
    if (start) tokens.push(`start=${start[2]}`)
    // kramdown's id: a letter, then word characters, `:` and `-` (as a header id's).
    const id = /^#([A-Za-z][\w:-]*)$/.exec(part)
    if (id) tokens.push(`id=${id[1]}`)
  }
  return tokens
}
