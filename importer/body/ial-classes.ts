/** kramdown's attribute lists (`{: .note #id start=3 }`) read as tokens; no block or span is touched here. */

/**
 * The token of kramdown's `toc` reference (`{:toc}`, `{:toc .toc}`), which makes the list a table
 * of contents; a class named `toc` (`{: .toc}`, `<div class="toc">`) does not.
 */
export const TOC_REFERENCE = 'ref=toc'

/**
 * An id or a class name, as kramdown reads them in an attribute list: `#` and a letter, then
 * word characters, `:` and `-` (as a header id's); `.` and anything but a space, `.` or `#`.
 */
const ID_OR_CLASS = /#([A-Za-z][\w:-]*)|\.([^\s.#]+)/g
/** A token made only of ids and classes: anything else in it makes kramdown ignore it. */
const ID_OR_CLASS_RUN = /^(?:#[A-Za-z][\w:-]*|\.[^\s.#]+)+$/

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
    // Classes and ids, one or several run together (`.label.label-yellow`, `#intro.lead`).
    if (ID_OR_CLASS_RUN.test(part))
      for (const [, id, name] of part.matchAll(ID_OR_CLASS))
        tokens.push(name !== undefined ? name : `id=${id}`)
    const start = /^start=(["']?)(\d{1,9})\1$/.exec(part)
    if (start) tokens.push(`start=${start[2]}`)
  }
  return tokens
}
