import {pageFailed} from '../report/error-text.ts'
import type {Diagnostic} from '../types.ts'
import {collectionOf, defaultsFor, notRead} from './config.ts'
import {decodeSiteFile} from './decode.ts'
import {parseFrontMatter, type FrontMatterMemo} from './frontMatter.ts'
import {titleFromHeading} from './headingTitle.ts'
import {pageUrl} from './links.ts'
import {isReadme, rendersAsPage} from './pageFile.ts'
import type {NotAPage, PagePlugins, SiteConfig, SiteFile, SourcePage} from './types.ts'
import {HTML_FILE, MARKDOWN_FILE, PAGE_FILE} from '../../schemas/constants.ts'

/** Files `jekyll-optional-front-matter` leaves alone without front matter (any case). */
const NOT_OPTIONAL = new Set([
  'README',
  'LICENSE',
  'LICENCE',
  'COPYING',
  'CODE_OF_CONDUCT',
  'CONTRIBUTING',
  'ISSUE_TEMPLATE',
  'PULL_REQUEST_TEMPLATE',
])
const NO_PAGE_PLUGINS: PagePlugins = {
  optionalFrontMatter: false,
  titlesFromHeadings: false,
  titlesInCollections: false,
  readmeIndex: false,
  readmeWithFrontMatter: false,
}
const BOOLEAN_KEYS = ['published', 'nav_exclude', 'has_children', 'has_toc', 'search_exclude']
const TEXT_KEYS = ['title', 'parent', 'grand_parent', 'ancestor']

/** Options of {@link readPages}. */
export interface ReadPagesOptions {
  maxYamlNodes?: number
  /** Front matter read before (see `FrontMatterMemo`). */
  frontMatter?: FrontMatterMemo
  /** The site's files that are not read (static files): a folder's `index.html` among them. */
  otherFiles?: readonly string[]
}

/** Pages read from the site, and what was left out before the navigation is built. */
export interface ReadPages {
  pages: SourcePage[]
  /** Markdown files that are not pages: under `_`/dot folders, or with no front matter. */
  skipped: string[]
  /** How many of the skipped files have no front matter at all (Jekyll copies them as they are). */
  noFrontMatter: number
  failed: string[]
  diagnostics: Diagnostic[]
  /** Skipped files whose title a `parent` may still name (unpublished, title commented out). */
  notPages: NotAPage[]
}

/** 1-based line and column of a front-matter key, so warnings point at it. */
export function keyPosition(text: string, key: string): {line: number; column: number} {
  const lines = text.split('\n', 400)
  for (let i = 1; i < lines.length && !/^---\s*$/.test(lines[i]); i++) {
    if (lines[i].startsWith(`${key}:`)) return {line: i + 1, column: 1}
  }
  return {line: 1, column: 1}
}

function checkTypes(page: SourcePage): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const warn = (key: string, expected: string) =>
    diagnostics.push({
      severity: 'warning',
      code: 'front-matter-type',
      file: page.file,
      ...keyPosition(page.text, key),
      message: `Cannot use \`${key}: ${JSON.stringify(page.data[key])}\`, expected ${expected}.`,
      hint: `Write \`${key}\` as ${expected} without quotes; the theme ignores it as written.`,
    })
  for (const key of BOOLEAN_KEYS) {
    if (key in page.data && typeof page.data[key] !== 'boolean') warn(key, 'true or false')
  }
  for (const key of TEXT_KEYS) {
    const value = page.data[key]
    if (value !== undefined && value !== null && typeof value === 'object') warn(key, 'a text')
  }
  const order = page.data.nav_order
  if (order !== undefined && typeof order !== 'number' && typeof order !== 'string') {
    warn('nav_order', 'a number or a text')
  }
  return diagnostics
}

/** A text value of a front-matter key (numbers become text), or undefined. */
export function textValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return undefined
}

function skipReason(config: SiteConfig, path: string): string | undefined {
  const collection = collectionOf(config, path)
  // A collection's own folder starts with `_`; what is below it follows the usual rules.
  const why = notRead(config, path, collection ? collection.folder.split('/').length : 0)
  if (!why) return undefined
  if (why.excluded !== undefined) return `\`_config.yml\` excludes it (\`${why.excluded}\`)`
  const name = why.hidden!
  if (!why.file) return `it is under \`${name}/\`, which Jekyll does not publish`
  return /^[._#~]/.test(name) ? `its name starts with \`${name[0]}\`` : 'its name ends with `~`'
}

/**
 * Decodes and parses every markdown file into a page, in path order. Files Jekyll would not
 * publish are skipped; unreadable files and broken front matter are errors for that file only.
 */
export function readPages(
  files: readonly SiteFile[],
  config: SiteConfig,
  options: ReadPagesOptions = {},
): ReadPages {
  const result: ReadPages = {
    pages: [],
    skipped: [],
    noFrontMatter: 0,
    failed: [],
    diagnostics: [],
    notPages: [],
  }
  // HTML pages too: just-the-docs lists every page with a title, whatever its converter.
  const pageFiles = files.filter((file) => MARKDOWN_FILE.test(file.path) || rendersAsPage(file))
  pageFiles.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  const readmes: SiteFile[] = []
  const read = (file: SiteFile, readmeUrl?: string) => {
    try {
      readPage(file, config, options, result, readmes, readmeUrl)
    } catch (error) {
      // One file the reader trips on must not stop the others.
      result.failed.push(file.path)
      result.diagnostics.push(pageFailed('page-failed', file.path, 1, 'reading it', error))
    }
  }
  for (const file of pageFiles) read(file)
  const withFrontMatter =
    result.pages.some((page) => isReadme(page.file)) && config.pagePlugins.readmeWithFrontMatter
  if (readmes.length > 0 || withFrontMatter)
    readmeIndexes(readmes, files, options.otherFiles ?? [], result, read, config, withFrontMatter)
  return result
}

/**
 * GitHub Pages' `jekyll-readme-index`: a README without front matter is its folder's index page
 * (its address the folder's) when no page or file of the site is: a README at the top of a site
 * without `index.md` is its home page. Read as pages once every other page is known; the pages
 * then keep their path order. With `readme_index: {with_frontmatter: true}`, a README page with
 * front matter then takes its folder's address too, when nothing has it yet (not even a README
 * the plugin made a page just before, as it orders them).
 */
function readmeIndexes(
  readmes: readonly SiteFile[],
  files: readonly SiteFile[],
  otherFiles: readonly string[],
  result: ReadPages,
  read: (file: SiteFile, readmeUrl: string) => void,
  config: SiteConfig,
  withFrontMatter: boolean,
): void {
  const bare = new Set(readmes.map((file) => file.path))
  // The plugin's `dir_has_index?`: a page of the site at the folder's address (`index.md`, or
  // any page whose address ends with `/`), or a file that is the folder's `index.html`.
  const indexed = new Set<string>()
  for (const path of [...files.map((file) => file.path), ...otherFiles])
    if (/^index\.(?:html?|xhtml|xml)$/i.test(path.slice(path.lastIndexOf('/') + 1)))
      indexed.add(folderOf(`/${path}`))
  for (const page of result.pages) {
    const url = page.collection ? '' : pageUrl(page, config)
    if (url.endsWith('/')) indexed.add(url)
  }
  for (const file of readmes) {
    const url = folderOf(`/${file.path}`)
    if (!indexed.has(url)) {
      read(file, url)
      indexed.add(url)
      continue
    }
    result.skipped.push(file.path)
    result.noFrontMatter++
  }
  if (withFrontMatter)
    for (const page of result.pages) {
      if (bare.has(page.file) || page.collection || !isReadme(page.file)) continue
      // The folder of the address it has (`/involved/`, its permalink, is in `/`).
      const url = folderOf(pageUrl(page, config))
      if (indexed.has(url)) continue
      // Written back by the export, as a README without front matter's is: the page keeps its
      // address wherever the site is built.
      page.data = {...page.data, permalink: url}
      indexed.add(url)
    }
  result.pages.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
  result.pages.forEach((page, index) => (page.index = index))
}

/** The folder an address is in, as Ruby's `File.dirname` gives it, and a `/`: `/a/b/` is in `/a/`. */
function folderOf(url: string): string {
  const trimmed = url.replace(/\/+$/, '')
  return trimmed.slice(0, trimmed.lastIndexOf('/') + 1) || '/'
}

/** Reads one page's file into `result`: a page, a skipped file or a failed one. */
function readPage(
  file: SiteFile,
  config: SiteConfig,
  options: ReadPagesOptions,
  result: ReadPages,
  readmes: SiteFile[],
  readmeUrl?: string,
): void {
  const html = HTML_FILE.test(file.path)
  const reason = skipReason(config, file.path)
  // An HTML file Jekyll does not read is not counted: it is no more a page than an image is.
  if (reason && html) return
  if (reason) {
    result.skipped.push(file.path)
    if (reason.includes('`_config.yml`')) {
      result.diagnostics.push(notAPage(file.path, `it is not a page of the site: ${reason}`))
    }
    return
  }
  const decoded = decodeSiteFile(file)
  if ('diagnostic' in decoded) {
    result.failed.push(file.path)
    result.diagnostics.push(decoded.diagnostic)
    return
  }
  const parsed = parseFrontMatter(decoded.text, file.path, {
    bom: decoded.bom,
    maxNodes: options.maxYamlNodes,
    memo: options.frontMatter,
  })
  const collection = collectionOf(config, file.path)
  const bare = parsed.status === 'none' || parsed.status === 'bom'
  if (bare && !readmeUrl && config.pagePlugins.readmeIndex && !collection && isReadme(file.path)) {
    // Whether it is its folder's index is known once every page is read (readmeIndexes), which
    // reads it again then: nothing of it is reported before.
    readmes.push(file)
    return
  }
  result.diagnostics.push(...parsed.diagnostics)
  if (parsed.diagnostics.some((d) => d.severity === 'error')) {
    // Jekyll renders it with empty front matter: no title, so not in the navigation.
    result.failed.push(file.path)
    return
  }
  const defaults = defaultsFor(config, file.path, collection?.key)
  // jekyll-readme-index gives the README its folder's address.
  const data: Record<string, unknown> = {
    ...defaults,
    ...parsed.data,
    ...(readmeUrl ? {permalink: readmeUrl} : {}),
  }
  const page: SourcePage = {
    file: file.path,
    index: result.pages.length,
    data,
    title: textValue(data.title),
    body: parsed.body,
    lineOffset: parsed.lineOffset,
    text: decoded.text,
    // A file's bytes are its text's UTF-8 unless a byte-order mark was taken off.
    ...(file.sha256 !== undefined && !decoded.bom ? {textHash: file.sha256} : {}),
    ...(collection ? {collection: collection.key} : {}),
    // The export writes back what the file wrote, not what `defaults:` adds to every page.
    ...(Object.keys(defaults).length > 0 ? {own: parsed.data} : {}),
  }
  result.diagnostics.push(...checkTypes(page))
  if (data.published === false) {
    if (page.title) result.notPages.push({file: file.path, title: page.title, why: 'unpublished'})
    result.skipped.push(file.path)
    result.diagnostics.push(
      notAPage(file.path, 'it has `published: false`', keyPosition(page.text, 'published')),
    )
    return
  }
  const stem = file.path.split('/').pop()!.replace(PAGE_FILE, '')
  // GitHub Pages' page plugins read markdown only.
  const plugins = html ? NO_PAGE_PLUGINS : config.pagePlugins
  if (
    bare &&
    !readmeUrl &&
    !(plugins.optionalFrontMatter && !collection && !NOT_OPTIONAL.has(stem.toUpperCase()))
  ) {
    // No front matter at all: Jekyll copies the file as-is (a README or an include).
    result.skipped.push(file.path)
    result.noFrontMatter++
    return
  }
  if (
    page.title === undefined &&
    (collection ? plugins.titlesInCollections : plugins.titlesFromHeadings)
  ) {
    // GitHub Pages' jekyll-titles-from-headings: the first heading names the page. One with no
    // text (an image) would be a blank entry in the navigation; it stays untitled here.
    const heading = titleFromHeading(parsed.body)
    if (heading) {
      page.title = heading
      page.titleFromFile = true
    }
  }
  if (page.title === undefined && collection) {
    // A collection document needs no title (a staff entry has a `name:`): Jekyll's own default
    // is the file name. It is imported with that title, which the export does not write.
    page.title = textValue(data.name) ?? stem
    page.titleFromFile = true
  }
  if (page.title === undefined && html) {
    // A 404 page, a search page, a redirect: a template of the site, never in its navigation.
    result.skipped.push(file.path)
    return
  }
  if (page.title === undefined) {
    const head = decoded.text.slice(0, decoded.text.length - parsed.body.length)
    const commented = /^[ \t]*#+[ \t]*title[ \t]*:[ \t]*(.+?)[ \t]*$/m.exec(head)
    if (commented) {
      const title = commented[1].replace(/^(["'])(.*)\1$/, '$2')
      result.notPages.push({file: file.path, title, why: 'title-commented-out'})
    }
    result.skipped.push(file.path)
    const why = plugins.titlesFromHeadings
      ? 'it has no `title` and does not start with a heading to take one from'
      : 'it has no `title`'
    result.diagnostics.push(
      notAPage(file.path, `${why}, so the theme leaves it out of the navigation`),
    )
    return
  }
  result.pages.push(page)
}

function notAPage(file: string, reason: string, at = {line: 1, column: 1}): Diagnostic {
  return {
    severity: 'warning',
    code: 'not-a-page',
    file,
    ...at,
    message: `Cannot import this file, expected a published page, but ${reason}.`,
    hint: 'Nothing to do if that is intended; otherwise remove the setting and re-run the import.',
  }
}
