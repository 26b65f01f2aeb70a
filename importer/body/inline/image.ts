import type {Image, ImageReference} from 'mdast'

import {spacesEscaped, withoutBaseurl} from '../../uri.ts'
import {BLOCK_TYPES, INLINE_TYPES} from '../names.ts'
import type {State} from '../state.ts'
import {isTextOnly, report} from '../state.ts'
import {withoutKramdownEscapes} from '../syntax.ts'
import type {Child} from '../blocks/text-block.ts'
import type {Inline} from './inline.ts'
import {appendInlineObject, appendItem, enclosingHref} from './inline.ts'

type Located = Parameters<typeof report>[3]

/**
 * An image (markdown or `<img>`) becomes an `image` block between text runs, keeping `src` as
 * written so the sync stage can upload local files. In rich text (table cells, definitions,
 * footnotes) it is an `inlineImage` in the line, as kramdown shows it there. `inSource`: `node`
 * is a node of the page's markdown, whose line `blocks/segments.ts` reads to keep an image in a
 * line of text there.
 */
export function imageItem(
  src: string,
  alt: string | null | undefined,
  title: string | null | undefined,
  node: Located,
  state: State,
  inline: Inline,
  inSource = false,
): void {
  // `AC215 - Schedule.svg` as the browser asks for it (the sync stage decodes it to find the file).
  // `{{ site.baseurl }}/assets/a.png` names the site file `/assets/a.png`, which the sync uploads.
  const url = spacesEscaped(withoutBaseurl(src.trim(), state.ctx.site.baseurl))
  if (url === '' || (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(url) && !/^https?:/i.test(url))) {
    report(
      state,
      'warning',
      'unsafe-image',
      node,
      `Dropped an image with source "${url.slice(0, 80)}": images need an http(s) address or a path in the site.`,
      'Fix the image source, or remove the image.',
    )
    return
  }
  if (!alt) {
    report(
      state,
      'warning',
      'image-alt-missing',
      node,
      `The image "${url}" has no alternative text.`,
      'Describe the image between the brackets: ![what it shows](…).',
    )
  }
  // `[![alt](src)](href)`: the image is what the link shows, so it keeps the address.
  const href = enclosingHref(inline)
  if (isTextOnly(state)) {
    // A table cell, definition or footnote holds text: the image stays in its line.
    appendInlineObject(inline, inlineImage({alt, href, src: url}))
    return
  }
  appendItem(
    inline,
    {
      _type: BLOCK_TYPES.image,
      ...(alt ? {alt} : {}),
      ...(title ? {caption: title} : {}),
      ...(href ? {href} : {}),
      src: url,
    },
    inSource ? node?.position?.start.line : undefined,
  )
}

/** An image in a line of text: its alternative text and link when it has them, and its source. */
export function inlineImage({alt, href, src}: Record<string, unknown>): Child {
  return {_type: INLINE_TYPES.inlineImage, ...(alt ? {alt} : {}), ...(href ? {href} : {}), src}
}

/**
 * An image's alternative text as kramdown gives it: its brackets' text as written, less the
 * backslashes of escapes (``![Open `$HOME` *now*](a.png)`` keeps its backticks and stars, where
 * CommonMark's is the plain text `Open $HOME now`). CommonMark's, when the brackets cannot be
 * found in the text parsed.
 */
export function altAsWritten(node: Image | ImageReference, state: State): string {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  const written = start === undefined ? '' : state.source.slice(start, end)
  if (!written.startsWith('![')) return node.alt ?? ''
  let depth = 0
  for (let i = 2; i < written.length; i++) {
    const char = written[i]
    if (char === '\\') i++
    else if (char === '[') depth++
    else if (char === ']' && depth-- === 0) return withoutKramdownEscapes(written.slice(2, i))
  }
  return node.alt ?? ''
}
