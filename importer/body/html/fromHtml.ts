/**
 * hast-util-from-html's `fromHtml`, loaded the first time a page needs it: it brings parse5's
 * tree builder, hastscript and property-information (about a fifth of the body converter's
 * start-up), which a page without HTML to parse into a tree never uses, as in a one-page
 * re-import. Loaded with `require` (Node loads an ES module synchronously that way), since
 * the conversion is synchronous.
 */
import type {fromHtml as FromHtml} from 'hast-util-from-html'

import {onFirstUse} from '../../onFirstUse.ts'

const load = onFirstUse<{fromHtml: typeof FromHtml}>('hast-util-from-html')

/** Parses HTML as browsers do (see hast-util-from-html). */
export function fromHtml(...args: Parameters<typeof FromHtml>): ReturnType<typeof FromHtml> {
  return load().fromHtml(...args)
}
