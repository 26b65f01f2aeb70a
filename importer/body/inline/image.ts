import {spacesEscaped} from '../../uri.ts'
import {BLOCK_TYPES, INLINE_TYPES} from '../names.ts'
import type {State} from '../state.ts'
import {isTextOnly, report} from '../state.ts'
import type {Inline} from './inline.ts'
import {appendInlineObject, appendItem, enclosingHref} from './inline.ts'

type Located = Parameters<typeof report>[3]

/**
 * An image (markdown or `<img>`) becomes an `image` block between text runs, keeping `src` as
 * written so the sync stage can upload local files. In rich text (table cells, definitions,
 * footnotes) it is an `inlineImage` in the line, as kramdown shows it there.
 */
export function imageItem(
  src: string,
  alt: string | null | undefined,
  title: string | null | undefined,
  node: Located,
  state: State,
  inline: Inline,
): void {
  // `AC215 - Schedule.svg` as the browser asks for it (the sync stage decodes it to find the file).
  const url = spacesEscaped(withoutBaseurl(src.trim(), state))
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
    appendInlineObject(inline, {
      _type: INLINE_TYPES.inlineImage,
      ...(alt ? {alt} : {}),
      ...(href ? {href} : {}),
      src: url,
    })
    return
  }
  appendItem(inline, {
    _type: BLOCK_TYPES.image,
    ...(alt ? {alt} : {}),
    ...(title ? {caption: title} : {}),
    ...(href ? {href} : {}),
    src: url,
  })
}

// `{{ site.baseurl }}/assets/a.png` names the site file `/assets/a.png`, which the sync stage uploads.
function withoutBaseurl(url: string, state: State): string {
  const base = String(state.ctx.site.baseurl ?? '').replace(/\/+$/, '')
  return base !== '' && url.startsWith(base + '/') ? url.slice(base.length) : url
}
