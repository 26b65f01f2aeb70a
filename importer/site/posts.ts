/**
 * Jekyll's posts, as a page's Liquid reads them (`site.posts`): the files under `_posts/` named
 * `YYYY-MM-DD-title.ext`, each with its date and title from its name unless its front matter
 * sets them, and the address Jekyll gives it. They are no pages of the navigation and the import
 * makes no documents of them; course sites read them through Liquid (a post whose `redirect_to`
 * is a lecture's slides, found by its path: `site.posts | where: 'path', …`).
 */
import type {LiquidDocument} from '../body/types.ts'
import type {Diagnostic} from '../types.ts'
import {defaultsFor} from './config.ts'
import {decodeSiteFile} from './decode.ts'
import {parseFrontMatter} from './frontMatter.ts'
import {jekyllSlug, sanitizedUrl} from './links.ts'
import type {SiteConfig, SiteFile} from './types.ts'

/** A post's file: in `_posts/` (or a folder below it), its name a date, a title, an extension. */
const POST =
  /^((?:[^/]+\/)*?)_posts\/(?:[^/]+\/)*(\d{2,4})-(\d{1,2})-(\d{1,2})-([^/]+)\.(md|markdown|mkdown|mkdn|mkd|html?)$/i

/** Whether Jekyll reads this site file as a post. */
export function isPostFile(path: string): boolean {
  return POST.test(path)
}

/** The permalink patterns of Jekyll's named styles, for posts. */
const STYLES: Record<string, string> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
}

/** The site's posts, those with `published: false` left out, as Jekyll leaves them out. */
export function readPosts(
  files: readonly SiteFile[],
  config: SiteConfig,
): {posts: LiquidDocument[]; diagnostics: Diagnostic[]} {
  const posts: LiquidDocument[] = []
  const diagnostics: Diagnostic[] = []
  for (const file of files) {
    const name = POST.exec(file.path)
    if (!name) continue
    const decoded = decodeSiteFile(file)
    if ('diagnostic' in decoded) {
      if (decoded.diagnostic.code !== 'binary-file') diagnostics.push(decoded.diagnostic)
      continue
    }
    const parsed = parseFrontMatter(decoded.text, file.path)
    diagnostics.push(...parsed.diagnostics)
    const data: Record<string, unknown> = {
      ...defaultsFor(config, file.path, 'posts'),
      ...parsed.data,
    }
    if (data.published === false) continue
    const [, dir = '', year = '', month = '', day = '', slug = ''] = name
    data.date ??= `${year.padStart(4, '0')}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
    data.title ??= titleized(slug)
    data.slug ??= slug
    data.categories = categoriesOf(dir, data)
    posts.push({
      file: file.path,
      url: postUrl(data, config.permalink),
      data,
      body: parsed.body,
      collection: 'posts',
    })
  }
  return {posts, diagnostics}
}

/** Jekyll's `Utils.titleize_slug`: each word of the name capitalized, joined by spaces. */
function titleized(slug: string): string {
  return slug
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ')
}

/**
 * The folders above `_posts/`, the front matter's `category` (one, spaces and all) and its
 * `categories` (a list, or words).
 */
function categoriesOf(dir: string, data: Record<string, unknown>): string[] {
  const listed = (value: unknown, split: boolean): string[] =>
    Array.isArray(value)
      ? value.map(String)
      : typeof value === 'string' || typeof value === 'number'
        ? split
          ? String(value).split(/\s+/).filter(Boolean)
          : [String(value)]
        : []
  const all = [
    ...dir.split('/').filter(Boolean),
    ...listed(data.category, false),
    ...listed(data.categories, true),
  ]
  return [...new Set(all)]
}

/**
 * The address Jekyll gives a post: its own `permalink`, else the site's style or pattern, its
 * placeholders filled from its date and `slug` (`:title` slugified keeping case and some
 * punctuation, as Jekyll does), `:categories` joined by `/`.
 */
function postUrl(data: Record<string, unknown>, style: string): string {
  const own = data.permalink
  const pattern = typeof own === 'string' && own !== '' ? own : (STYLES[style] ?? style)
  // The date's own day: `2023-07-03 10:00:00 -0700` is July 3rd, as the site's readers date it.
  const [, year = '', month = '', day = ''] =
    /^(\d{4})-(\d{2})-(\d{2})/.exec(String(data.date)) ?? []
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)))
  const slug = String(data.slug)
  const placeholders: Record<string, string> = {
    year,
    month,
    day,
    i_month: String(Number(month)),
    i_day: String(Number(day)),
    short_year: year.slice(2),
    y_day: String(dayOfYear(date)).padStart(3, '0'),
    week: String(isoWeek(date)).padStart(2, '0'),
    short_day: date.toUTCString().slice(0, 3),
    title: jekyllSlug(slug, 'pretty', true),
    slug: jekyllSlug(slug, 'default', false),
    categories: (data.categories as string[]).map((c) => encodeURI(c.toLowerCase())).join('/'),
    output_ext: '.html',
  }
  return sanitizedUrl(
    pattern.replace(/:([a-z_]+)/g, (match, key: string) => placeholders[key] ?? match),
  )
}

const DAY = 86_400_000

const dayOfYear = (date: Date) =>
  Math.round((date.getTime() - Date.UTC(date.getUTCFullYear(), 0, 0)) / DAY)

/** The ISO 8601 week of a date (`%V`): weeks start on Monday, week 1 holds the year's first Thursday. */
function isoWeek(date: Date): number {
  const thursday = new Date(date.getTime() + (3 - ((date.getUTCDay() + 6) % 7)) * DAY)
  return Math.floor((dayOfYear(thursday) - 1) / 7) + 1
}
