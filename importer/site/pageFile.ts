import {HTML_FILE, MARKDOWN_FILE} from '../../schemas/constants.ts'
import {opensFrontMatter} from './frontMatter.ts'
import type {SiteFile} from './types.ts'

/** The folders of templates Jekyll renders into pages, never as pages of their own. */
const TEMPLATES = /^_(?:includes|layouts)\//

/**
 * A site path that is a page when Jekyll reads it as one: markdown, or HTML outside the
 * templates' folders (an HTML file needs front matter to be a page: `opensFrontMatter`).
 */
export function mayBePage(path: string): boolean {
  return MARKDOWN_FILE.test(path) || (HTML_FILE.test(path) && !TEMPLATES.test(path))
}

/** A README in markdown (`docs/ReadMe.md`): `jekyll-readme-index` may make it its folder's page. */
export function isReadme(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1)
  return MARKDOWN_FILE.test(name) && /^readme\.[^.]+$/i.test(name)
}

/**
 * A file Jekyll renders as a page, titled or not: a page's path, opening with front matter.
 * Neither copied as it is (`site.static_files`) nor, for HTML, a static file.
 */
export function rendersAsPage(file: SiteFile): boolean {
  if (!mayBePage(file.path)) return false
  return opensFrontMatter(file.bytes ?? new TextEncoder().encode((file.text ?? '').slice(0, 512)))
}
