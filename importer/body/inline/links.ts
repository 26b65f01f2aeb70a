import {LINK_SCHEMES, MARKDOWN_FILE} from '../../../schemas/constants.ts'
import {checkLinkHref} from '../../../schemas/validation.ts'
import {hash} from '../keys.ts'
import {ANNOTATIONS} from '../names.ts'
import type {MarkDef} from '../blocks/text-block.ts'
import type {State} from '../state.ts'
import {report} from '../state.ts'
import {decodedOr, spacesEscaped} from '../../uri.ts'

type Located = Parameters<typeof report>[3]

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/
// Paths that name a page rather than a file: markdown (MARKDOWN_FILE) or .html, a trailing slash,
// or no extension.
const PAGE_PATH = /(?:\.html?|\/|^[^.]*|\/[^./]+)$/i
const namesPage = (path: string) => MARKDOWN_FILE.test(path) || PAGE_PATH.test(path)

/**
 * Turns a link destination into an annotation: `internalLink` when `ctx.resolveLink` finds the
 * page, `link` for the schemes of LINK_SCHEMES and relative paths, or `undefined` (text kept, warning given)
 * for empty, unsafe or malformed destinations.
 */
export function linkAnnotation(
  url: string,
  title: string | null | undefined,
  node: Located,
  state: State,
): MarkDef | undefined {
  // An address with spaces (kramdown reads them, `kramdown-links.ts`) is what the browser asks
  // for with each space as `%20`, as kramdown writes it.
  const href = spacesEscaped(url.trim())
  if (href === '') {
    report(
      state,
      'warning',
      'empty-link',
      node,
      'Kept the link text without a link: the link has no address.',
      'Add the address between the parentheses, or remove the brackets.',
    )
    return undefined
  }
  // Percent-encoding cannot form a scheme in a browser, but a later decoder might: check both.
  const scheme =
    SCHEME.exec(href)?.[1]?.toLowerCase() ?? SCHEME.exec(decodedOr(href))?.[1]?.toLowerCase()
  if (scheme !== undefined) {
    if (!(LINK_SCHEMES as readonly string[]).includes(scheme) || checkLinkHref(href) !== true) {
      report(
        state,
        'warning',
        'unsafe-link',
        node,
        `Dropped the link to "${href.slice(0, 80)}" and kept its text: links may only use ${LINK_SCHEMES.join(', ')} or a relative path.`,
        'Use an http(s) or mailto address, or remove the link.',
      )
      return undefined
    }
    return external(href, title)
  }
  if (/^www\./i.test(href)) {
    report(
      state,
      'warning',
      'schemeless-link',
      node,
      `Added "https://" to "${href}": without a scheme a browser treats it as a relative path.`,
      'Write the address with https://.',
    )
    return external(`https://${href}`, title)
  }
  if (href.startsWith('//')) return external(`https:${href}`, title)
  return internal(href, title, node, state)
}

function internal(
  href: string,
  title: string | null | undefined,
  node: Located,
  state: State,
): MarkDef | undefined {
  const hashAt = href.indexOf('#')
  const path = hashAt === -1 ? href : href.slice(0, hashAt)
  const anchor = hashAt === -1 ? undefined : href.slice(hashAt + 1) || undefined
  if (path === '') return external(href, title)
  const tag = state.linkTags.get(path)
  const target =
    (tag !== undefined ? state.ctx.resolveLink(tag, state.ctx.file) : null) ??
    state.ctx.resolveLink(path, state.ctx.file)
  if (target) {
    const def = {
      _type: ANNOTATIONS.internalLink,
      reference: {_type: 'reference', _ref: target._id, _weak: true},
      ...(anchor ? {anchor} : {}),
      // How the page wrote it (`{% link … %}`, `../x.md`, `/x.html`), for an export to keep.
      written: tag ?? path,
    }
    return {_key: `l${hash(JSON.stringify(def))}`, ...def}
  }
  if (checkLinkHref(href) !== true) {
    report(
      state,
      'warning',
      'invalid-link',
      node,
      `Dropped the link to "${href.slice(0, 80)}" and kept its text: the address is malformed.`,
      'Fix the address or remove the link.',
    )
    return undefined
  }
  if (tag !== undefined || namesPage(path)) {
    report(
      state,
      'warning',
      'unresolved-link',
      node,
      `Kept "${tag ?? href}" as a plain link: no page of the site matches it.`,
      'Fix the path so it names a page of the site, or link to a full URL.',
    )
  }
  return external(href, title)
}

function external(href: string, title: string | null | undefined): MarkDef {
  const def = {_type: ANNOTATIONS.link, href, ...(title ? {title} : {})}
  return {_key: `l${hash(JSON.stringify(def))}`, ...def}
}
