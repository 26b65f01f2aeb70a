import {posix} from 'node:path'

import type {LinkTarget} from '../types.ts'
import type {SiteCollection, SiteConfig, SourcePage} from './types.ts'
import {decodedOr, withoutBaseurl} from '../uri.ts'
import {MARKDOWN_FILE, PAGE_FILE} from '../../schemas/constants.ts'

/**
 * The front matter keys a page's URL is made from (`pageUrl`), and the addresses that lead to it
 * besides (`redirect_from`): all links to it read.
 */
export const URL_KEYS = ['permalink', 'slug', 'redirect_from'] as const

/**
 * What links to a page are resolved by: its path and the front matter its URL is made from. A
 * page's whole front matter is one (the type keeps the resolver from reading more, so a
 * one-page import can keep only these keys of every page).
 */
export type LinkedPage = Pick<SourcePage, 'file'> & {
  data: Partial<Record<(typeof URL_KEYS)[number], unknown>>
}

/** The page as links resolve it: only {@link URL_KEYS} of its front matter. */
export function linkedPage(page: Pick<SourcePage, 'file' | 'data'>): LinkedPage {
  const data: LinkedPage['data'] = {}
  for (const key of URL_KEYS) if (key in page.data) data[key] = page.data[key]
  return {file: page.file, data}
}

/** The addresses a page's `redirect_from:` names: one, or a list of them. */
function redirectsOf(page: LinkedPage): string[] {
  const from = page.data.redirect_from
  const list = Array.isArray(from) ? from : [from]
  return list.filter((entry): entry is string => typeof entry === 'string' && entry.trim() !== '')
}

/** `/a/b/c.html`, `/a/b/c/` and `/a/b/c` all name the same page; this is their shared form. */
function canonicalUrl(url: string): string {
  // A stray `%` is kept as written.
  return (
    decodedOr(url, decodeURI)
      .replace(/\/index\.html?$/i, '/')
      .replace(/\.html?$/i, '')
      .replace(/\/+$/, '') || '/'
  )
}

/** The settings of `_config.yml` a page's URL depends on. */
export type UrlConfig = Pick<SiteConfig, 'permalink'> &
  Partial<Pick<SiteConfig, 'collections' | 'redirectFrom'>>

/**
 * Jekyll's `Utils.slugify` as its URLs use it: each run of characters other than letters, marks
 * and digits (and, `pretty`, `._~!$&'()+,;=@`) is one hyphen, one at either end is dropped, and
 * the result is lowercase unless `cased`.
 */
export function jekyllSlug(text: string, mode: 'default' | 'pretty', cased: boolean): string {
  const other =
    mode === 'pretty' ? /[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+/gu : /[^\p{M}\p{L}\p{Nd}]+/gu
  const slug = text.replace(other, '-').replace(/^-|-$/g, '')
  return cased ? slug : slug.toLowerCase()
}

/**
 * The URL Jekyll gives a document of a collection: the collection's `permalink` pattern, by
 * default `/:collection/:path:output_ext` (`/:collection/:path/` with `permalink: pretty`), its
 * placeholders filled as Jekyll fills them (`:name` and `:slug` slugified, `:title` from a
 * `slug:` in the front matter or the file name, slugified keeping case and some punctuation).
 */
function collectionUrl(page: LinkedPage, collection: SiteCollection, style: string): string {
  const path = page.file.slice(collection.folder.length + 1).replace(PAGE_FILE, '')
  const base = path.split('/').pop() ?? path
  const slug = typeof page.data.slug === 'string' ? page.data.slug : undefined
  const pattern =
    collection.permalink ??
    (style === 'pretty' ? '/:collection/:path/' : '/:collection/:path:output_ext')
  const placeholders: Record<string, string> = {
    collection: collection.key,
    path,
    name: jekyllSlug(base, 'default', false),
    title: jekyllSlug(slug ?? base, 'pretty', true),
    slug: jekyllSlug(slug ?? base, 'default', false),
    output_ext: '.html',
  }
  return pattern
    .replace(/:([a-z_]+)/g, (match, name: string) => placeholders[name] ?? match)
    .replace(/\/{2,}/g, '/')
}

/** The collection whose folder holds `file`, if any. */
function collectionOf(file: string, config: Partial<Pick<SiteConfig, 'collections'>>) {
  return config.collections?.find((c) => file.startsWith(`${c.folder}/`))
}

/**
 * A URL as Jekyll writes one (`URL#sanitize_url`): a `/` first, `..` made a `/`, `./` taken
 * out, and runs of `/` made one. A permalink written `daily-update` is `/daily-update`.
 */
export function sanitizedUrl(url: string): string {
  return `/${url}`
    .replaceAll('..', '/')
    .replaceAll('./', '')
    .replace(/\/{2,}/g, '/')
}

/** The URL Jekyll gives a page: its `permalink`, else from its path and the site's style. */
export function pageUrl(page: LinkedPage, config: UrlConfig): string {
  const permalink = page.data.permalink
  if (typeof permalink === 'string' && permalink !== '' && !permalink.includes(':'))
    return sanitizedUrl(permalink)
  // A permalink with placeholders (`/:path/`) is taken as written when it starts at the root.
  if (typeof permalink === 'string' && permalink.startsWith('/')) return permalink
  const collection = collectionOf(page.file, config)
  if (collection) return collectionUrl(page, collection, config.permalink)
  const stem = page.file.replace(PAGE_FILE, '')
  if (stem === 'index' || stem.endsWith('/index')) return `/${stem.slice(0, -'index'.length)}`
  return config.permalink === 'pretty' ? `/${stem}/` : `/${stem}.html`
}

/**
 * Builds the link resolver the body stage calls: relative `.md` paths, `.html` and extension-less
 * links, `{% link path %}`, and site-absolute paths or permalinks, each to the page's document.
 */
export function createLinkResolver(
  pages: ReadonlyArray<{page: LinkedPage; target: LinkTarget}>,
  config: UrlConfig & Pick<SiteConfig, 'baseurl'>,
): (href: string, fromFile: string) => LinkTarget | null {
  const byFile = new Map<string, LinkTarget>()
  for (const {page, target} of pages) {
    byFile.set(page.file, target)
    // `{% link %}` names a collection's document by its path below `collections_dir`.
    const collection = collectionOf(page.file, config)
    const inDir = collection?.folder.lastIndexOf('/') ?? -1
    if (inDir > 0 && !byFile.has(page.file.slice(inDir + 1))) {
      byFile.set(page.file.slice(inDir + 1), target)
    }
  }
  // Every page's URL, made when a link first needs one: links to `.md` files need none, and a
  // one-page re-import resolves one page's links.
  let urls: {byUrl: Map<string, LinkTarget>; urlOf: Map<string, string>} | undefined
  const byUrls = () => {
    if (urls) return urls
    urls = {byUrl: new Map(), urlOf: new Map()}
    const {byUrl, urlOf} = urls
    for (const {page, target} of pages) {
      const url = pageUrl(page, config)
      urlOf.set(page.file, url)
      byUrl.set(canonicalUrl(url), target)
      const fromPath = `/${page.file.replace(PAGE_FILE, '')}`
      if (!byUrl.has(canonicalUrl(fromPath))) byUrl.set(canonicalUrl(fromPath), target)
    }
    // An address a page's `redirect_from:` names sends the reader on to the page, unless a page
    // of its own has it.
    if (config.redirectFrom) {
      for (const {page, target} of pages) {
        for (const from of redirectsOf(page)) {
          const url = canonicalUrl(sanitizedUrl(from))
          if (!byUrl.has(url)) byUrl.set(url, target)
        }
      }
    }
    return urls
  }
  const lookup = (sitePath: string): LinkTarget | null => {
    const path = posix.normalize(sitePath)
    if (path.startsWith('../')) return null
    const file = path.replace(/^\/+/, '')
    // An HTML page by its file; `page.html` is also the address of `page.md`.
    const own = byFile.get(file)
    if (own || MARKDOWN_FILE.test(file)) return own ?? null
    return byUrls().byUrl.get(canonicalUrl(`/${file}`)) ?? null
  }
  return (href, fromFile) => {
    // The path is the tag's whole text, spaces and all, as Jekyll's tag reads it.
    const liquid = /^\{%-?\s*link\s+(.+?)\s*-?%\}$/s.exec(href.trim())
    if (liquid) return lookup(liquid[1])
    // A browser reads `\` in a web address's path as `/` (`/python\Box` is `/python/Box`).
    const target = href
      .trim()
      .replace(/[?#].*$/, '')
      .replaceAll('\\', '/')
    if (!target || /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) return null
    if (target.startsWith('/')) return lookup(withoutBaseurl(target, config.baseurl))
    const fromPath = lookup(posix.join(posix.dirname(fromFile), target))
    if (fromPath || MARKDOWN_FILE.test(target)) return fromPath
    // The reader's browser resolves the link against the page's address, which is not its
    // file's folder when the site's permalinks are pretty or the page is in a collection.
    const from = byUrls().urlOf.get(fromFile)
    if (!from) return null
    const resolved = posix.join(from.endsWith('/') ? from : posix.dirname(from), target)
    const found = byUrls().byUrl.get(
      canonicalUrl(resolved.startsWith('/') ? resolved : `/${resolved}`),
    )
    if (found) return found
    // A document Jekyll writes no page for (a collection without `output: true`) is only read
    // where a page lists it, most often the home page: its links lead where they lead from there.
    const collection = collectionOf(fromFile, config)
    return collection && !collection.output ? lookup(target) : null
  }
}
