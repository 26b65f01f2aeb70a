import {BLOCK_TYPES} from '../names.ts'
import type {State} from '../state.ts'
import {isTextOnly, report} from '../state.ts'
import type {Inline} from './inline.ts'
import {addMarkDef, appendItem, appendText, withMark} from './inline.ts'
import {linkAnnotation} from './links.ts'

type Located = Parameters<typeof report>[3]

/**
 * An image (markdown or `<img>`) becomes an `image` block between text runs, keeping `src` as
 * written so the sync stage can upload local files. Rich text cannot hold images, so there it
 * becomes its alt text linked to the source.
 */
export function imageItem(
  src: string,
  alt: string | null | undefined,
  title: string | null | undefined,
  node: Located,
  state: State,
  inline: Inline,
): void {
  const url = withoutBaseurl(src.trim(), state)
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
  if (isTextOnly(state)) {
    report(
      state,
      'warning',
      'image-in-rich-text',
      node,
      `Replaced the image "${url}" by a link: tables, footnotes, definition lists and area intros hold text only.`,
      'Move the image out of the table, footnote, definition list or area intro.',
    )
    const def = linkAnnotation(url, title, node, state)
    const text = alt || url
    if (def) withMark(inline, addMarkDef(inline, def), () => appendText(inline, text))
    else appendText(inline, text)
    return
  }
  appendItem(inline, {
    _type: BLOCK_TYPES.image,
    ...(alt ? {alt} : {}),
    ...(title ? {caption: title} : {}),
    src: url,
  })
}

// `{{ site.baseurl }}/assets/a.png` names the site file `/assets/a.png`, which the sync stage uploads.
function withoutBaseurl(url: string, state: State): string {
  const base = String(state.ctx.site.baseurl ?? '').replace(/\/+$/, '')
  return base !== '' && url.startsWith(base + '/') ? url.slice(base.length) : url
}
