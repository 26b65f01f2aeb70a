/** `{{ expression | filter }}`: the values and filters the importer evaluates. */
import type {State} from './state.ts'
import {warn, type Point, type Scope} from './liquid-scope.ts'
import {LIQUID_SITE_KEYS} from './liquid-syntax.ts'

/** The filters evaluated here; any other is left to liquidjs (`withAllFilters`), else kept as text. */
const FILTERS: Record<string, (value: string, site: Record<string, unknown>) => string> = {
  relative_url: relativeUrl,
  absolute_url: absoluteUrl,
}

/** The text of `{{ expression }}`, or the expression itself (with a warning) when it cannot be evaluated. */
export function evaluateOutput(
  expression: string,
  match: string,
  at: Point,
  state: State,
  scope: Scope,
  /** Evaluates the whole `{{ … }}` with every Jekyll filter (`liquid-control.ts`), or undefined. */
  withAllFilters?: (match: string) => string | undefined,
): string {
  const keptAsText = (reason: string) => {
    const hint = 'Replace the expression with the text it produces.'
    warn(state, scope, 'warning', 'liquid-unknown', at, `Kept "${match}" as text: ${reason}.`, hint)
    return match
  }
  const lexed = lookupSpacesRemoved(expression)
  // liquidjs reads `page. title` but not `page .title`: it is given the lookup Liquid reads.
  const liquidText = lexed === expression ? match : match.replace(expression, lexed)
  const allFilters = withAllFilters && (() => withAllFilters(liquidText))
  const [head = '', ...filters] = filterParts(lexed).map((part) => part.trim())
  // What only the Liquid site holds (a collection, `site.data`, `site.time`) is Jekyll's to write.
  const key = /^site\.([\w-]+)/.exec(head)?.[1]
  const liquid = state.ctx.liquid
  if (key !== undefined && liquid && allFilters && onlyInLiquidSite(key, state)) {
    return allFilters() ?? keptAsText('liquidjs cannot evaluate it')
  }
  let value = evaluateHead(head, state, scope)
  // Read as Ruby's Liquid reads what it cannot parse (`w >= 1` is `w`, `1 + 1` is `1`).
  const lax = value === undefined && filters.length === 0 ? laxHead(head) : undefined
  if (lax !== undefined && lax !== head) value = evaluateHead(lax, state, scope)
  const unset = value === undefined && !scope.page.mayAssign && isUnsetName(lax ?? head)
  if (value === undefined && !unset) {
    // A list of records through filters (`site.project_types | map: 'plural' | join: ', '`).
    const filtered = filters.length > 0 ? allFilters?.() : undefined
    return (
      filtered ??
      keptAsText('the importer only evaluates page.x, site.x, include.x and quoted strings')
    )
  }
  if (value === null || value === undefined) {
    warn(
      state,
      scope,
      'warning',
      'liquid-undefined',
      at,
      `"${match}" names a variable that is not set; it renders empty, as in Jekyll.`,
      unset
        ? `To show it as written, wrap it in {% raw %}…{% endraw %}; or remove it.`
        : head.startsWith('include.')
          ? `Pass ${head.slice('include.'.length)}="…" in the include tag, or remove the expression.`
          : `Set "${head}" in front matter or _config.yml, or remove the expression.`,
    )
    value = ''
  }
  for (const filter of filters) {
    const apply = FILTERS[filter]
    if (!apply) {
      return allFilters?.() ?? keptAsText(`the filter "${filter}" is not supported`)
    }
    value = apply(value, state.ctx.site)
  }
  return value
}

/**
 * An expression as Ruby's Liquid lexes it, where spaces around `.`, `[` and `]` separate nothing:
 * `page. title` and `page .title` are `page.title`. Quoted strings are kept as they are.
 */
function lookupSpacesRemoved(expression: string): string {
  if (!/\s[.[\]]|[.[\]]\s/.test(expression)) return expression
  return expression.replace(
    /("[^"]*"|'[^']*')|\s*([.[\]])\s*/g,
    (_, quoted: string | undefined, sign: string) => quoted ?? sign,
  )
}

/**
 * An output's expression and its filters: cut at each `|` outside a quoted string, as Liquid
 * reads them (`'a | b' | upcase` is one string and one filter). A quote nothing closes is a
 * character like any other.
 */
function filterParts(expression: string): string[] {
  return expression.match(/(?:"[^"]*"|'[^']*'|[^|])+|(?<=^|\|)(?=\||$)/g) ?? ['']
}

/**
 * The variables Jekyll gives a page's Liquid, and those of a loop: any other is unset until a
 * tag assigns it.
 */
const JEKYLL_VARIABLES = new Set([
  'site',
  'page',
  'include',
  'layout',
  'paginator',
  'jekyll',
  'content',
  'highlighter_prefix',
  'highlighter_suffix',
  'forloop',
  'tablerowloop',
])

/**
 * What Ruby's Liquid evaluates of an output it cannot parse: Jekyll parses Liquid in its `warn`
 * mode, which falls back to the lax parser, and that reads the first run of characters other
 * than spaces, commas and pipes (quotes kept whole), ignoring the rest.
 */
function laxHead(head: string): string | undefined {
  return /^(?:"[^"]*"|'[^']*'|[^\s,|'"])+/.exec(head)?.[0]
}

/**
 * Whether `expression` reads a variable no page has unless a tag sets it: what Liquid looks up
 * is the first name in it (`Inv`, `16b0`, `w` of `w.x`), and an expression with no name
 * (`...`) looks up nothing, which is unset too.
 */
function isUnsetName(expression: string): boolean {
  if (/^(?:-?\d+(?:\.\d+)?|true|false|nil|(['"]).*\1)$/.test(expression)) return false
  const name = /\[[^\]]*\]|[\w-]+\??/.exec(expression)?.[0]
  return name === undefined || (!name.startsWith('[') && !JEKYLL_VARIABLES.has(name))
}

/** A string for a value, `null` for an unset variable, `undefined` for an unsupported expression. */
export function evaluateHead(head: string, state: State, scope: Scope): string | null | undefined {
  const quoted = /^(['"])(.*)\1$/.exec(head)
  if (quoted) return quoted[2]
  const value = lookup(head, state, scope)
  if (value === undefined || value === null) return value
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value)
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object')) return value.join('')
  return undefined
}

/**
 * The value of `page.x`, `site.x` or `include.x` (`null` when unset), or of a number, `true`,
 * `false` or `nil`; `undefined` for anything else (a variable the importer cannot know).
 */
export function lookup(expression: string, state: State, scope: Scope): unknown {
  if (/^-?\d+(\.\d+)?$/.test(expression)) return Number(expression)
  if (expression === 'true' || expression === 'false') return expression === 'true'
  if (expression === 'nil') return null
  // `.key` and `["a key"]` (or `['a key']`) segments, as Liquid reads them.
  const path = /^(page|site|include)((?:\.[\w-]+|\[(["'])[^"'\]]*\3\])+)$/.exec(expression)
  if (!path) return undefined
  const keys = [...path[2].matchAll(/\.([\w-]+)|\[["']([^"'\]]*)["']\]/g)].map((m) => m[1] ?? m[2]!)
  let value: unknown =
    path[1] === 'page'
      ? state.ctx.page
      : path[1] === 'site'
        ? siteFor(keys[0], state)
        : scope.include
  if (path[1] === 'site' && value === undefined) return undefined
  for (const key of keys) {
    value =
      typeof value === 'object' && value !== null && Object.hasOwn(value, key)
        ? (value as Record<string, unknown>)[key]
        : undefined
  }
  return value ?? null
}

/**
 * What `site.<key>` reads: `_config.yml`, or what only the Liquid site holds, as Jekyll's site
 * has both: `site.data`, the `_data/` files (`scenarios=site.data.migration-scenarios.scenarios`
 * in an include tag), and `site.time`. Reading the Liquid site is recorded (`liquidReads.ts`): a
 * change to `_data/` converts the page again. Undefined for pages, documents and collections,
 * which only liquidjs gives as Jekyll's drops: a caller says so rather than reading nothing.
 */
function siteFor(key: string, state: State): unknown {
  const {site, liquid} = state.ctx
  if (!liquid || !onlyInLiquidSite(key, state)) return site
  if (key === 'data') return {data: liquid.data}
  if (key === 'time') return {time: liquid.time}
  return undefined
}

/** Whether `site.<key>` is what only the Liquid site holds (a collection, `site.data`…), not `_config.yml`. */
function onlyInLiquidSite(key: string, state: State): boolean {
  const {site, liquid} = state.ctx
  if (!liquid || Object.hasOwn(site, key)) return false
  return LIQUID_SITE_KEYS.includes(key) || Object.hasOwn(liquid.collections, key)
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i

/**
 * Jekyll's `relative_url`: the site's `baseurl` and the path joined with one slash, then
 * normalized as Addressable normalizes a URI, its `.` and `..` segments resolved
 * (`../assets/a.pdf` from the root is `/assets/a.pdf`); an absolute URL is left as it is, and so
 * is an address with a host and no scheme (`//cdn.example.org/a.js`) on a site without a base.
 */
export function relativeUrl(value: unknown, site: Record<string, unknown>): string {
  const path = String(value ?? '')
  if (SCHEME.test(path)) return path
  const base = String(site.baseurl ?? '').replace(/\/+$/, '')
  const leading = (part: string) => (part === '' || part.startsWith('/') ? part : `/${part}`)
  const joined = leading(base) + leading(path)
  if (joined.startsWith('//')) return joined
  const split = joined.search(/[?#]/)
  const pathPart = split === -1 ? joined : joined.slice(0, split)
  return withoutDotSegments(pathPart) + (split === -1 ? '' : joined.slice(split))
}

/**
 * Jekyll's `absolute_url`: the site's `url` before its `relative_url`, when it has one, with
 * its scheme and host in lower case and without the scheme's own port, as Addressable normalizes
 * them (`https://UM-iRaL.github.io` is `https://um-iral.github.io`).
 */
export function absoluteUrl(value: unknown, site: Record<string, unknown>): string {
  const path = relativeUrl(value, site)
  if (SCHEME.test(path)) return path
  return normalizedOrigin(String(site.url ?? '').replace(/\/+$/, '')) + path
}

const DEFAULT_PORTS: Record<string, string> = {http: '80', https: '443'}

/** `scheme://user@host:port…` with the scheme and host lowercased and a default port left out. */
function normalizedOrigin(url: string): string {
  const parts = /^([a-z][a-z0-9+.-]*):\/\/([^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)(?::(\d*))?(.*)$/is.exec(
    url,
  )
  if (!parts) return url
  const [, scheme, user = '', host, port, rest] = parts
  const lower = scheme!.toLowerCase()
  const shownPort =
    port === undefined || port === '' || port === DEFAULT_PORTS[lower] ? '' : `:${port}`
  return `${lower}://${user}${host!.toLowerCase()}${shownPort}${rest}`
}

/** RFC 3986's remove_dot_segments for an absolute path: `..` above the root stays at the root. */
function withoutDotSegments(path: string): string {
  if (!/(?:^|\/)\.\.?(?:\/|$)/.test(path)) return path
  const out: string[] = []
  const segments = path.split('/')
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1
    if (segment === '..') {
      if (out.length > 1) out.pop()
    } else if (segment !== '.') out.push(segment)
    // A path ending in `.` or `..` keeps its trailing slash.
    if (last && (segment === '.' || segment === '..')) out.push('')
  })
  return out.join('/')
}
