import {createHash} from 'node:crypto'
import {HTML_FILE, PAGE_FILE} from '../../schemas/constants.ts'

const MAX_ID = 128

/** First 8 hex digits of a SHA-256: short, stable, and enough to tell names apart. */
export function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8)
}

/** Lowercase ASCII words joined by hyphens; everything else becomes a separator. */
export function asciiSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** `prefix` + `body`, with `-hash` appended and the body trimmed so the id fits 128 chars. */
function fit(prefix: string, body: string, hash?: string): string {
  if (!hash) return `${prefix}${body}`
  const room = MAX_ID - prefix.length - hash.length - 1
  return `${prefix}${body.slice(0, room).replace(/[-_]+$/, '')}-${hash}`
}

/**
 * The `_id` of a page's document, from its site-relative path: `lesson-docs_intro`. Paths that
 * do not map one-to-one (capitals, spaces, non-ASCII, a long path) get a hash of the path.
 */
export function pageId(type: string, path: string): string {
  // An HTML page has the id its export as markdown (`x.html` → `x.md`) imports to.
  if (HTML_FILE.test(path)) path = path.replace(HTML_FILE, '.md')
  const stem = path.replace(PAGE_FILE, '')
  const body = stem
    .split('/')
    .map((segment) => asciiSlug(segment))
    .join('_')
  const lossless = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*\.md$/.test(path)
  const prefix = `${type}-`
  const hash = lossless && prefix.length + body.length <= MAX_ID ? undefined : shortHash(path)
  return fit(prefix, body, hash)
}

/** The `_id` of a placeholder for a parent with no page, from the chain of titles down to it. */
export function placeholderId(type: string, titles: readonly string[]): string {
  const body = titles.map((title) => asciiSlug(title) || 'untitled').join('_')
  return fit(`${type}-nav-`, body, shortHash(titles.join('\u0000')))
}
