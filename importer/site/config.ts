import type {Diagnostic} from '../types.ts'
import type {PagePlugins, SiteCollection, SiteConfig, ThemeSource, ThemeVersion} from './types.ts'
import {isMapping, parseYamlMapping, yamlDiagnostic} from './yaml.ts'

/** Jekyll excludes these even when `_config.yml` lists its own `exclude:`. */
const JEKYLL_EXCLUDES = [
  '.sass-cache',
  '.jekyll-cache',
  'gemfiles',
  'Gemfile',
  'Gemfile.lock',
  'node_modules',
  'vendor/bundle',
  'vendor/cache',
  'vendor/gems',
  'vendor/ruby',
]

/**
 * The just-the-docs version named by `remote_theme: owner/just-the-docs@v0.8.2`, a Gemfile.lock
 * (`just-the-docs (0.8.2)`) or a Gemfile pin (`gem "just-the-docs", "0.8.2"`), in that order.
 */
export function themeVersion(
  raw: Record<string, unknown>,
  gemfileLock?: string,
  gemfile?: string,
): ThemeVersion {
  const version = /(\d+\.\d+(?:\.\d+)?)/.source
  const remote = typeof raw.remote_theme === 'string' ? raw.remote_theme : ''
  const found: [ThemeSource, RegExpExecArray | null][] = [
    ['remote_theme', new RegExp(`just-the-docs@v?${version}`, 'i').exec(remote)],
    [
      'Gemfile.lock',
      new RegExp(`^\\s{4}just-the-docs \\(${version}\\)`, 'm').exec(gemfileLock ?? ''),
    ],
    [
      'Gemfile',
      new RegExp(`gem\\s+["']just-the-docs["']\\s*,\\s*["'][~>=\\s]*${version}["']`).exec(
        gemfile ?? '',
      ),
    ],
  ]
  const [from, match] = found.find(([, m]) => m) ?? ['none', null]
  return match ? {version: match[1], from} : {from: 'none'}
}

/** The 1-based line of a top-level key of `_config.yml` (1 when it is not found as written). */
function topLevelKeyLine(text: string, key: string): number {
  const at = text.split('\n').findIndex((line) => line.startsWith(`${key}:`))
  return at === -1 ? 1 : at + 1
}

/** True for theme versions before 0.10, which follow the 3-level navigation rules. */
export function isLegacyVersion(version: string | undefined): boolean {
  if (!version) return false
  const [major, minor] = version.split('.').map(Number)
  return major === 0 && minor < 10
}

/**
 * Reads `_config.yml` (absent → defaults). A file that fails to parse is an error at its line,
 * and the site is read with defaults.
 */
export function readConfig(
  text: string | undefined,
  options: {
    file?: string
    gemfileLock?: string
    /** The site's Gemfile; null when the site has none (undefined: not known). */
    gemfile?: string | null
    legacy?: boolean
    /** The version given on the command line; wins over the site's files. */
    themeVersion?: string
  } = {},
): {config: SiteConfig; diagnostics: Diagnostic[]} {
  const file = options.file ?? '_config.yml'
  const diagnostics: Diagnostic[] = []
  let raw: Record<string, unknown> = {}
  if (text !== undefined) {
    try {
      raw = parseYamlMapping(text)
    } catch (error) {
      diagnostics.push({
        ...yamlDiagnostic(error, file, 1, 'config-invalid', '_config.yml'),
        hint: 'Fix the YAML (tabs are not allowed for indentation; quote values that contain ": " or start with a special character): Jekyll stops the build on this file. Until then the import reads the site with Jekyll\'s defaults, none of this file\'s settings (title, exclude, baseurl).',
      })
    }
  }
  const exclude = Array.isArray(raw.exclude) ? raw.exclude.map(String) : []
  // Jekyll's own default (`.htaccess`) names no markdown file; a site's list replaces it.
  const include = Array.isArray(raw.include) ? raw.include.map(String) : []
  for (const key of ['include', 'exclude'])
    if (key in raw && !Array.isArray(raw[key]))
      diagnostics.push({
        severity: 'warning',
        code: 'config-list-expected',
        file,
        line: topLevelKeyLine(text ?? '', key),
        column: 1,
        message: `Cannot use \`${key}: ${JSON.stringify(raw[key]) ?? ''}\`, expected a list: Jekyll stops the build ("'${key}' should be set as an array"), so the site is not published; the import reads the site without it.`,
        hint: `Write it as a list: \`${key}: [${typeof raw[key] === 'string' ? raw[key] : 'name'}]\`, or remove the key.`,
      })
  const navSort = raw.nav_sort === 'case_insensitive' ? 'case_insensitive' : 'case_sensitive'
  const baseurl = typeof raw.baseurl === 'string' ? raw.baseurl.replace(/\/+$/, '') : ''
  const permalink = typeof raw.permalink === 'string' ? raw.permalink : 'date'
  const theme: ThemeVersion = options.themeVersion
    ? {version: options.themeVersion, from: '--theme-version'}
    : themeVersion(raw, options.gemfileLock, options.gemfile ?? undefined)
  const legacy = options.legacy ?? isLegacyVersion(theme.version)
  const plugins = namedPlugins(raw, options.gemfile)
  if (raw.defaults !== undefined && !Array.isArray(raw.defaults)) {
    diagnostics.push({
      severity: 'warning',
      code: 'config-defaults-ignored',
      file,
      line: 1,
      column: 1,
      message: 'Cannot use `defaults:`, expected a list of {scope, values} entries.',
      hint: 'Write `defaults:` as a YAML list, as in the Jekyll documentation.',
    })
  }
  return {
    config: {
      raw,
      exclude: [...JEKYLL_EXCLUDES, ...exclude].filter((entry) => !include.includes(entry)),
      include,
      navSort,
      baseurl,
      permalink,
      legacy,
      theme,
      collections: readCollections(raw),
      pagePlugins: pagePlugins(raw, options.gemfile, plugins),
      // Not one GitHub Pages runs by default: only a site that names it runs it.
      redirectFrom:
        plugins.listed.includes(REDIRECT_PLUGIN) || plugins.gems.includes(REDIRECT_PLUGIN),
    },
    diagnostics,
  }
}

const TITLES_PLUGIN = 'jekyll-titles-from-headings'
const OPTIONAL_PLUGIN = 'jekyll-optional-front-matter'
const README_PLUGIN = 'jekyll-readme-index'
const REDIRECT_PLUGIN = 'jekyll-redirect-from'

/**
 * The plugins the site's build loads by name: those `_config.yml` lists (`plugins:`, or `gems:`
 * as Jekyll 2 called it), and the gems its Gemfile's jekyll_plugins group loads.
 */
type NamedPlugins = {listed: string[]; gems: string[]}

function namedPlugins(raw: Record<string, unknown>, gemfile?: string | null): NamedPlugins {
  return {
    listed: [raw.plugins, raw.gems].flatMap((value) =>
      Array.isArray(value) ? value.map(String) : [],
    ),
    gems: gemfile ? jekyllPluginGems(gemfile) : [],
  }
}

/**
 * Which of GitHub Pages' page plugins the site's build runs: those `plugins:` names, those its
 * Gemfile loads (the `github-pages` gem brings all of GitHub Pages' plugins), and all of them for
 * a site with no Gemfile and a `remote_theme:`, which only GitHub Pages' own build can build.
 * Each plugin's `enabled: false` turns it off.
 */
export function pagePlugins(
  raw: Record<string, unknown>,
  gemfile?: string | null,
  {listed, gems}: NamedPlugins = namedPlugins(raw, gemfile),
): PagePlugins {
  const from = gems.includes('github-pages')
    ? "the Gemfile's github-pages gem"
    : gemfile === null && typeof raw.remote_theme === 'string'
      ? 'GitHub Pages, which builds a site with a remote_theme and no Gemfile'
      : undefined
  const runs = (name: string, key: string) => {
    const settings = raw[key]
    if (isMapping(settings) && settings.enabled === false) return false
    return from !== undefined || listed.includes(name) || gems.includes(name)
  }
  const titles = raw.titles_from_headings
  const titlesFromHeadings = runs(TITLES_PLUGIN, 'titles_from_headings')
  const optionalFrontMatter =
    runs(OPTIONAL_PLUGIN, 'optional_front_matter') && raw.require_front_matter !== true
  const readmeIndex = runs(README_PLUGIN, 'readme_index')
  const readme = raw.readme_index
  const any = titlesFromHeadings || optionalFrontMatter || readmeIndex
  return {
    titlesFromHeadings,
    titlesInCollections: titlesFromHeadings && isMapping(titles) && titles.collections === true,
    optionalFrontMatter,
    readmeIndex,
    readmeWithFrontMatter: readmeIndex && isMapping(readme) && readme.with_frontmatter === true,
    ...(any
      ? {from: from ?? "_config.yml's `plugins:` or the Gemfile's jekyll_plugins group"}
      : {}),
  }
}

/**
 * The gems a Gemfile puts in its `jekyll_plugins` group, which Jekyll loads: on a line with
 * `group: :jekyll_plugins` or inside `group :jekyll_plugins do … end`.
 */
export function jekyllPluginGems(gemfile: string): string[] {
  const gems: string[] = []
  let inGroup = false
  for (const raw of gemfile.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim()
    if (/^group\b.*:jekyll_plugins\b.*\bdo$/.test(line)) inGroup = true
    else if (inGroup && line === 'end') inGroup = false
    const gem = /^gem\s+["']([^"']+)["']/.exec(line)
    if (gem && (inGroup || /\bgroup:\s*(?::jekyll_plugins|\[[^\]]*:jekyll_plugins)/.test(line))) {
      gems.push(gem[1])
    }
  }
  return gems
}

/**
 * The site's Jekyll collections (`collections:` as a mapping or a list of names, folders under
 * `collections_dir`), those `just_the_docs.collections` names first and in its order: the order of
 * the navigation's sections. A name the theme lists that Jekyll does not define has no documents.
 */
export function readCollections(raw: Record<string, unknown>): SiteCollection[] {
  const defined = raw.collections
  const settings: Record<string, unknown> = Array.isArray(defined)
    ? Object.fromEntries(defined.map((name) => [String(name), {}]))
    : isMapping(defined)
      ? defined
      : {}
  const dir =
    typeof raw.collections_dir === 'string' ? raw.collections_dir.replace(/^\.?\/+|\/+$/g, '') : ''
  const theme =
    isMapping(raw.just_the_docs) && isMapping(raw.just_the_docs.collections)
      ? raw.just_the_docs.collections
      : {}
  const keys = [
    ...Object.keys(theme).filter((key) => key in settings),
    ...Object.keys(settings).filter((key) => !(key in theme)),
  ]
  return keys.map((key) => {
    const own = isMapping(settings[key]) ? settings[key] : {}
    const nav = isMapping(theme[key]) ? theme[key] : key in theme ? {} : undefined
    return {
      key,
      folder: dir ? `${dir}/_${key}` : `_${key}`,
      output: own.output === true,
      ...(typeof own.permalink === 'string' ? {permalink: own.permalink} : {}),
      ...(nav
        ? {
            nav: {
              name: typeof nav.name === 'string' ? nav.name : '',
              navExclude: nav.nav_exclude === true,
              navFold: nav.nav_fold === true,
            },
          }
        : {}),
    }
  })
}

/** The collection a site path belongs to (its file is under the collection's folder), if any. */
export function collectionOf(config: SiteConfig, path: string): SiteCollection | undefined {
  return config.collections.find((collection) => path.startsWith(`${collection.folder}/`))
}

/**
 * Front-matter defaults from `_config.yml` `defaults:` that apply to a page path: a scope's
 * `type` is `pages` or the key of the collection the file is a document of.
 */
export function defaultsFor(
  config: SiteConfig,
  path: string,
  collection?: string,
): Record<string, unknown> {
  const entries = Array.isArray(config.raw.defaults) ? config.raw.defaults : []
  const merged: Record<string, unknown> = {}
  for (const entry of entries) {
    if (!isMapping(entry) || !isMapping(entry.values)) continue
    const scope = isMapping(entry.scope) ? entry.scope : {}
    const scopePath = typeof scope.path === 'string' ? scope.path.replace(/^\.?\/+|\/+$/g, '') : ''
    const type = scope.type
    if (type !== undefined && type !== (collection ?? 'pages')) continue
    if (scopePath && !globMatches(scopePath, path) && !path.startsWith(`${scopePath}/`)) continue
    Object.assign(merged, entry.values)
  }
  return merged
}

/** Each glob's expression, made once: a site's globs are tested against every file it has. */
const globs = new Map<string, RegExp>()

function globToRegExp(glob: string): RegExp {
  let regExp = globs.get(glob)
  if (regExp) return regExp
  // Jekyll uses File.fnmatch without FNM_PATHNAME, so `*` also matches `/`.
  const source = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*+/g, '.*')
    .replace(/\?/g, '.')
  regExp = new RegExp(`^${source}$`)
  // Bounded, as a site's settings are: a cache for them, not for anything a page writes.
  if (globs.size < 1000) globs.set(glob, regExp)
  return regExp
}

function globMatches(glob: string, path: string): boolean {
  return /[*?]/.test(glob) ? globToRegExp(glob).test(path) : glob === path
}

/**
 * Whether `include:` names an entry of the site (a folder or file `name`, at any level), as
 * Jekyll's reader tests each name it lists: a pattern matching the name as a glob, or a prefix of
 * it, or the folder's name with a slash.
 */
function isIncluded(config: SiteConfig, name: string, folder: boolean): boolean {
  return config.include.some((raw) => {
    const pattern = raw.replace(/^\/+/, '')
    return (
      globMatches(pattern, name) || name.startsWith(pattern) || (folder && pattern === `${name}/`)
    )
  })
}

/** A name Jekyll passes over unless `include:` names it: `_`, `.`, `#` or `~` first, `~` last. */
const isSpecial = (name: string) => /^[._#~]/.test(name) || name.endsWith('~')

/**
 * Why Jekyll does not read the site's file at `path` (relative, `/`-separated), or undefined
 * when it does: a folder or name it passes over (`_drafts/`, `.github/`, `_notes.md`), unless
 * `include:` names it, or an `exclude:` entry (in `excluded`). `from` is the level the check
 * starts at: a collection's own folder (`_docs`) is read as the collection.
 */
export function notRead(
  config: SiteConfig,
  path: string,
  from = 0,
): {hidden?: string; file?: boolean; excluded?: string} | undefined {
  const segments = path.split('/')
  const last = segments.length - 1
  // Most sites name nothing in `include:`: then no level is looked up.
  const included = config.include.length
    ? segments.map((name, i) => i >= from && isIncluded(config, name, i < last))
    : []
  const hidden = segments.findIndex((name, i) => i >= from && !included[i] && isSpecial(name))
  if (hidden >= 0) return {hidden: segments[hidden], file: hidden === last}
  const excluded = isExcluded(config, path, included)
  return excluded === undefined ? undefined : {excluded}
}

/**
 * The `exclude:` entry (or Jekyll default) that removes a path, if any. Like Jekyll, a plain
 * entry matches as a path prefix and a glob is matched against every folder level; a level whose
 * name `include:` names (`included`, by level) is read all the same.
 */
export function isExcluded(
  config: SiteConfig,
  path: string,
  included: readonly boolean[] = [],
): string | undefined {
  // Where each level's path ends (`a/b/c.md`: after `a`, `a/b` and the whole path).
  const ends: number[] = []
  for (let at = path.indexOf('/'); at !== -1; at = path.indexOf('/', at + 1)) ends.push(at)
  ends.push(path.length)
  const read = (level: number) => !included[level]
  for (const raw of config.exclude) {
    const entry = raw.replace(/^\.?\/+/, '').replace(/\/+$/, '')
    if (!entry) continue
    if (/[*?]/.test(entry)) {
      const glob = globToRegExp(entry)
      if (ends.some((end, level) => read(level) && glob.test(path.slice(0, end)))) return raw
    } else if (
      // A level's path starts with the entry when the whole path does and the level is as long.
      path.startsWith(entry) &&
      ends.some((end, level) => read(level) && end >= entry.length)
    )
      return raw
  }
  return undefined
}
