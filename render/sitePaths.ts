import {posix} from 'node:path'

import type {AllCourseOutlinesQueryResult, SitePagesQueryResult} from '../sanity.types.ts'
import type {PageTarget} from './context.ts'
import {PAGE_FILE} from '../schemas/constants.ts'

type OutlineNode = {_id: string; slug: string | null; lessons?: (OutlineNode | null)[] | null}

/** Where each page lives in the generated site: a folder holding its `index.html`. */
export interface SitePaths {
  /** The folder of a page (`course/module/lesson`), by document id. */
  folders: Map<string, string>
  /** The page id for a source site address (`/course/module/lesson/`), by that address. */
  sourceUrls: Map<string, string>
  /** The source site address of a page, by document id. */
  sourceUrlOf: Map<string, string>
}

/**
 * Folders mirror the outline (course/module/lesson, sub-lessons below their lesson), as the
 * source site's addresses do; pages outside any course go to `modules/` or `lessons/`.
 * A repeated folder gets `-2`, `-3`, … so no page overwrites another.
 */
export function planSitePaths(
  outlines: AllCourseOutlinesQueryResult,
  pages: SitePagesQueryResult,
): SitePaths {
  const folders = new Map<string, string>()
  const taken = new Set<string>()
  const place = (id: string, folder: string) => {
    if (folders.has(id)) return folders.get(id)!
    let unique = folder
    for (let n = 2; taken.has(unique); n++) unique = `${folder}-${n}`
    taken.add(unique)
    folders.set(id, unique)
    return unique
  }
  const segment = (node: {_id: string; slug: string | null}) => node.slug || node._id
  const walk = (nodes: readonly (OutlineNode | null)[] | null | undefined, parent: string) => {
    for (const node of nodes ?? []) {
      if (!node) continue
      const folder = place(node._id, posix.join(parent, segment(node)))
      walk(node.lessons, folder)
    }
  }
  for (const course of outlines) {
    const folder = place(course._id, segment(course))
    walk(course.contents as (OutlineNode | null)[] | null, folder)
  }
  for (const page of pages) {
    if (page._type === 'course') place(page._id, segment(page))
    else place(page._id, posix.join(`${page._type}s`, segment(page)))
  }
  const sourceUrls = new Map<string, string>()
  const sourceUrlOf = new Map<string, string>()
  for (const page of pages) {
    if (!page.sourcePath) continue
    sourceUrls.set(sourceUrl(page.sourcePath), page._id)
    sourceUrlOf.set(page._id, sourceUrl(page.sourcePath))
  }
  return {folders, sourceUrls, sourceUrlOf}
}

/** The address Jekyll gives a page's file: `a/b.md` → `/a/b/`, `a/index.md` → `/a/`. */
export function sourceUrl(path: string): string {
  const withoutExtension = path.replace(PAGE_FILE, '').replace(/(^|\/)index$/, '')
  return `/${withoutExtension}/`.replace(/\/+/g, '/')
}

/** Relative address of `target`'s page from the page in folder `from`. */
export function relativePageHref(paths: SitePaths, from: string, target: PageTarget): string {
  const folder = paths.folders.get(target._id)
  if (folder === undefined) return '#'
  return `${posix.relative(from, folder) || '.'}/index.html`
}

/**
 * A `link` href as the generated site needs it: an address of a known page on the source
 * site (absolute, or relative to the page's own source address `base`) becomes relative
 * to the generated page; anything else is kept.
 */
export function relativeLinkHref(
  paths: SitePaths,
  from: string,
  href: string,
  base?: string,
): string {
  if (/^[a-z][a-z0-9+.-]*:|^#|^\/\//i.test(href)) return href
  if (!href.startsWith('/') && base === undefined) return href
  const url = new URL(href, `http://source.invalid${base ?? '/'}`)
  const path = url.pathname.replace(/\/index\.html$/, '/').replace(/\/?$/, '/')
  let decodedPath = path
  try {
    decodedPath = decodeURI(path)
  } catch {
    // A stray `%` in a hand-written address: looked up as written.
  }
  const id = paths.sourceUrls.get(decodedPath)
  if (!id) return href
  return `${relativePageHref(paths, from, {_id: id, _type: 'page', slug: null})}${url.search}${url.hash}`
}
