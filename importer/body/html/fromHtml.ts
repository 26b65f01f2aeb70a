/**
 * hast-util-from-html's `fromHtml`, loaded the first time a page needs it: it brings parse5's
 * tree builder, hastscript and property-information (about a fifth of the body converter's
 * start-up), which a page without HTML to parse into a tree never uses, as in a one-page
 * re-import. Loaded with `require` (Node loads an ES module synchronously that way), since
 * the conversion is synchronous.
 */
import {createRequire} from 'node:module'

import type {fromHtml as FromHtml} from 'hast-util-from-html'

const require = createRequire(import.meta.url)
let loaded: typeof FromHtml | undefined

/** Parses HTML as browsers do (see hast-util-from-html). */
export function fromHtml(...args: Parameters<typeof FromHtml>): ReturnType<typeof FromHtml> {
  loaded ??= (require('hast-util-from-html') as {fromHtml: typeof FromHtml}).fromHtml
  return loaded(...args)
}
