import {posix} from 'node:path'

import type {LinkTarget} from '../types.ts'
import type {SiteConfig, SourcePage} from './types.ts'
import {decodedOr} from '../uri.ts'

const MARKDOWN_EXTENSION = /\.(?:md|markdown|mkd|mkdn)$/i

/** What links to a page are resolved by: its path and its front matter (`permalink`). */
export type LinkedPage = Pick<SourcePage, 'file' | 'data'>

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

/** The URL Jekyll gives a page: its `permalink`, else from its path and the site's style. */
export function pageUrl(page: LinkedPage, config: Pick<SiteConfig, 'permalink'>): string {
  const permalink = page.data.permalink
  if (typeof permalink === 'string' && permalink.startsWith('/')) return permalink
  const stem = page.file.replace(MARKDOWN_EXTENSION, '')
  if (stem === 'index' || stem.endsWith('/index')) return `/${stem.slice(0, -'index'.length)}`
  return config.permalink === 'pretty' ? `/${stem}/` : `/${stem}.html`
}

/**
 * Builds the link resolver the body stage calls: relative `.md` paths, `.html` and extension-less
 * links, `{% link path %}`, and site-absolute paths or permalinks, each to the page's document.
 */
export function createLinkResolver(
  pages: ReadonlyArray<{page: LinkedPage; target: LinkTarget}>,
  config: Pick<SiteConfig, 'permalink' | 'baseurl'>,
): (href: string, fromFile: string) => LinkTarget | null {
  const byFile = new Map<string, LinkTarget>()
  const byUrl = new Map<string, LinkTarget>()
  for (const {page, target} of pages) {
    byFile.set(page.file, target)
    byUrl.set(canonicalUrl(pageUrl(page, config)), target)
    const fromPath = `/${page.file.replace(MARKDOWN_EXTENSION, '')}`
    if (!byUrl.has(canonicalUrl(fromPath))) byUrl.set(canonicalUrl(fromPath), target)
  }
  const lookup = (sitePath: string): LinkTarget | null => {
    const path = posix.normalize(sitePath)
    if (path.startsWith('../')) return null
    const file = path.replace(/^\/+/, '')
    if (MARKDOWN_EXTENSION.test(file)) return byFile.get(file) ?? null
    return byUrl.get(canonicalUrl(`/${file}`)) ?? null
  }
  return (href, fromFile) => {
    const liquid = /^\{%-?\s*link\s+(\S+?)\s*-?%\}$/.exec(href.trim())
    if (liquid) return lookup(liquid[1])
    const target = href.trim().replace(/[?#].*$/, '')
    if (!target || /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) return null
    if (target.startsWith('/')) {
      const withoutBase =
        config.baseurl && target.startsWith(`${config.baseurl}/`)
          ? target.slice(config.baseurl.length)
          : target
      return lookup(withoutBase)
    }
    return lookup(posix.join(posix.dirname(fromFile), target))
  }
}
