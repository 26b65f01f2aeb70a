/**
 * What a page's Liquid control flow can read besides its own front matter and `_config.yml`:
 * `site.data` (the `_data/` files), the documents of each collection, the site's posts
 * (`posts.ts`) and pages (front matter, address, body), and the site's own `_layouts/`. Plain
 * data, so a worker thread gets it with the rest of the site context; it is built only when some
 * page body uses control flow, because then a page's document depends on other pages' bodies.
 */
import {posix} from 'node:path'

import {LIQUID_CONTROL, LIQUID_SITE_KEYS} from '../body/liquid-syntax.ts'
import type {LiquidDocument, LiquidSite} from '../body/types.ts'
import type {Diagnostic} from '../types.ts'
import {notRead} from './config.ts'
import {decodeSiteFile} from './decode.ts'
import {parseFrontMatter} from './frontMatter.ts'
import {pageUrl} from './links.ts'
import {isPostFile, readPosts} from './posts.ts'
import type {SiteConfig, SiteFile, SourcePage} from './types.ts'
import {rendersAsPage} from './pageFile.ts'
import {loadYaml, yamlDiagnostic} from './yaml.ts'

const DATA = /^_data\/(.+)\.(ya?ml|json|csv|tsv)$/i
const LAYOUT = /^_layouts\/(.+)\.html?$/i

/** Whether the importer reads this site file for Liquid (`_data/`, `_layouts/`, `_posts/`). */
export function isLiquidSiteFile(path: string): boolean {
  return DATA.test(path) || LAYOUT.test(path) || isPostFile(path)
}

/** Whether a page body uses Liquid control flow (`{% for %}`, `{% if %}`, `{% assign %}` …). */
function usesControlFlow(body: string): boolean {
  return body.includes('{%') && LIQUID_CONTROL.test(body)
}

/**
 * Whether a page body reads the Liquid site: control flow, or an output of something only it
 * holds (`{{ site.modules.last }}` writes the last document of the `modules` collection out).
 */
export function readsLiquidSite(body: string, config: SiteConfig): boolean {
  if (usesControlFlow(body)) return true
  if (!body.includes('{{')) return false
  for (const [, key] of body.matchAll(/\{\{-?\s*site\.([\w-]+)/g)) {
    if (LIQUID_SITE_KEYS.includes(key!)) return true
    if (config.collections.some((collection) => collection.key === key)) return true
  }
  return false
}

/**
 * The Liquid site of `pages`, or undefined when no page body reads it, and the pages whose bodies
 * do (site paths), which a snapshot of the site keeps.
 */
export function readLiquidSite(
  files: readonly SiteFile[],
  pages: readonly SourcePage[],
  config: SiteConfig,
  {time, otherFiles = []}: {time?: string; otherFiles?: readonly string[]} = {},
): {site?: LiquidSite; readers: string[]; diagnostics: Diagnostic[]} {
  const readers = pages.filter((page) => readsLiquidSite(page.body, config)).map((p) => p.file)
  if (readers.length === 0) return {readers, diagnostics: []}
  const diagnostics: Diagnostic[] = []
  const data: Record<string, unknown> = Object.create(null)
  const layouts: LiquidSite['layouts'] = Object.create(null)
  for (const file of files) {
    const dataPath = DATA.exec(file.path)
    const layout = LAYOUT.exec(file.path)
    if (!dataPath && !layout) continue
    const decoded = decodeSiteFile(file)
    if ('diagnostic' in decoded) {
      if (decoded.diagnostic.code !== 'binary-file') diagnostics.push(decoded.diagnostic)
      continue
    }
    if (layout) {
      const parsed = parseFrontMatter(decoded.text, file.path)
      diagnostics.push(...parsed.diagnostics)
      layouts[layout[1]] = {data: parsed.data, body: parsed.body}
      continue
    }
    try {
      setPath(data, dataPath![1].split('/'), parseData(decoded.text, dataPath![2].toLowerCase()))
    } catch (error) {
      diagnostics.push({
        ...yamlDiagnostic(error, file.path, 1, 'data-file', `this data file`),
        hint: 'Fix the file: Jekyll fails the build on it, and pages that read it show nothing of it until then.',
      })
    }
  }
  const documents = pages.map((page): LiquidDocument => ({
    file: page.file,
    url: pageUrl({file: page.file, data: page.data}, config),
    // A title GitHub Pages' plugin took from the first heading is the page's `page.title`.
    data: page.titleFromFile && !page.collection ? {...page.data, title: page.title} : page.data,
    body: page.body,
    ...(page.collection ? {collection: page.collection} : {}),
  }))
  const collections: Record<string, LiquidDocument[]> = Object.create(null)
  for (const collection of config.collections) {
    collections[collection.key] = documents
      .filter((document) => document.collection === collection.key)
      .sort(jekyllOrder)
  }
  // Jekyll's own collection, unless the site defines one of that name.
  if (!collections.posts) {
    const posts = readPosts(files, config)
    collections.posts = posts.posts.sort(jekyllOrder)
    diagnostics.push(...posts.diagnostics)
  }
  return {
    site: {
      data,
      pages: documents.filter((document) => document.collection === undefined),
      collections,
      layouts,
      ...(time !== undefined ? {time} : {}),
      staticFiles: staticFiles(files, pages, otherFiles, config),
    },
    readers,
    diagnostics,
  }
}

/**
 * The files Jekyll copies into the site as they are: every file it does not read as a page,
 * layout, include or data (a markdown file without front matter too), except those its reader
 * passes over (`config.ts` notRead: `_` or `.` first, unless `include:` names them, and what
 * `exclude:` removes). As site paths (`/a/b.pdf`).
 */
function staticFiles(
  files: readonly SiteFile[],
  pages: readonly SourcePage[],
  otherFiles: readonly string[],
  config: SiteConfig,
): string[] {
  const isPage = new Set(pages.map((page) => page.file))
  // A page without a title is no page of the navigation's, but Jekyll renders it all the same.
  for (const file of files) if (rendersAsPage(file)) isPage.add(file.path)
  // A file beside a page that one includes (`{% include_relative %}`) is read and listed both.
  const candidates = new Set([...otherFiles, ...files.map((file) => file.path)])
  return [...candidates]
    .filter((path) => !isPage.has(path))
    .filter((path) => notRead(config, path) === undefined)
    .map((path) => `/${path}`)
    .sort()
}

/** Jekyll sorts a collection's documents by `date` (when they have one), then by path. */
function jekyllOrder(a: LiquidDocument, b: LiquidDocument): number {
  const dateA = dateOf(a.data.date)
  const dateB = dateOf(b.data.date)
  if (dateA !== dateB) return dateA - dateB
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0
}

function dateOf(value: unknown): number {
  const time = typeof value === 'string' || value instanceof Date ? Date.parse(String(value)) : NaN
  return Number.isNaN(time) ? 0 : time
}

function setPath(root: Record<string, unknown>, parts: string[], value: unknown): void {
  let node = root
  for (const part of parts.slice(0, -1)) {
    const next = node[part]
    node = (
      typeof next === 'object' && next !== null ? next : (node[part] = Object.create(null))
    ) as Record<string, unknown>
  }
  node[posix.basename(parts.at(-1)!)] = value
}

function parseData(text: string, extension: string): unknown {
  if (extension === 'json') return JSON.parse(text)
  if (extension === 'csv' || extension === 'tsv')
    return parseTable(text, extension === 'csv' ? ',' : '\t')
  return loadYaml(text)
}

/** A CSV or TSV file as Jekyll reads it: one object per row, keyed by the header row. */
export function parseTable(text: string, separator: string): Array<Record<string, string | null>> {
  const rows: Array<Array<string | null>> = []
  let row: Array<string | null> = []
  let cell = ''
  let quoted = false
  // Ruby's CSV reads an empty field as nil unless it is quoted (`""`), and Liquid tests nil false.
  let wasQuoted = false
  const endCell = () => {
    row.push(cell === '' && !wasQuoted ? null : cell)
    cell = ''
    wasQuoted = false
  }
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') cell += text[++i]
      else if (char === '"') quoted = false
      else cell += char
    } else if (char === '"' && cell === '') quoted = wasQuoted = true
    else if (char === separator) endCell()
    else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++
      endCell()
      rows.push(row)
      row = []
    } else cell += char
  }
  if (cell !== '' || row.length > 0) {
    endCell()
    rows.push(row)
  }
  // A blank line after the header is a row of nils, as Ruby reads it.
  const [header = [], ...body] = rows.slice(
    Math.max(
      0,
      rows.findIndex((line) => line.some(Boolean)),
    ),
  )
  return body.map((line) =>
    Object.fromEntries(header.map((key, i) => [String(key ?? ''), line[i] ?? null])),
  )
}
