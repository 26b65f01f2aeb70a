/** Shapes shared by the site stage: files in, pages and the navigation tree out. */

/** One file of the site as the caller read it; the core never touches the file system. */
export interface SiteFile {
  /** Path relative to the site root, with `/` separators, e.g. `docs/intro.md`. */
  path: string
  /** Raw bytes (decoded here, so invalid UTF-8 becomes a diagnostic) or already-decoded text. */
  bytes?: Uint8Array
  text?: string
  /** SHA-256 (hex) of `bytes` or `text`, when the caller has it: a page is then not hashed again. */
  sha256?: string
}

/** Where the theme version was read: a file of the site, the command line, or nowhere. */
export type ThemeSource = 'remote_theme' | 'Gemfile.lock' | 'Gemfile' | '--theme-version' | 'none'

/** The just-the-docs version a site is built with, and where it was found. */
export type ThemeVersion = {version?: string; from: ThemeSource}

/** What `_config.yml` says that the importer honours. */
export interface SiteConfig {
  /** The whole parsed file, passed to the body stage as `site`. */
  raw: Record<string, unknown>
  /** `exclude:` and Jekyll's own, less what `include:` names (Jekyll subtracts it). */
  exclude: string[]
  /**
   * `include:`: names Jekyll reads although they start with `_` or `.` (or `exclude:` matches
   * them), at any level of the site (`_pages`, `.well-known`).
   */
  include: string[]
  navSort: 'case_sensitive' | 'case_insensitive'
  baseurl: string
  /** Jekyll `permalink` style for pages: `pretty` gives `/dir/page/`, otherwise `/dir/page.html`. */
  permalink: string
  /** True for themes before v0.10, which allow only 3 levels and need `has_children: true`. */
  legacy: boolean
  /** The theme version the rules were chosen by, and where it came from. */
  theme: ThemeVersion
  /** Jekyll collections (`collections:`): navigation sections first, in the theme's order. */
  collections: SiteCollection[]
  /** The GitHub Pages plugins that make pages of files without a `title:` or front matter. */
  pagePlugins: PagePlugins
  /**
   * Whether the build runs `jekyll-redirect-from`, which writes a page at each address a page's
   * `redirect_from:` names, sending the reader on to it.
   */
  redirectFrom?: boolean
}

/**
 * `jekyll-titles-from-headings` and `jekyll-optional-front-matter`, which GitHub Pages runs on
 * every site it builds: a page without `title:` takes its first heading's text, and a markdown
 * file without front matter is a page.
 */
export interface PagePlugins {
  titlesFromHeadings: boolean
  /** `titles_from_headings: {collections: true}`: collection documents take theirs too. */
  titlesInCollections: boolean
  optionalFrontMatter: boolean
  /** `jekyll-readme-index`: a folder's README without front matter is its index page. */
  readmeIndex: boolean
  /** `readme_index: {with_frontmatter: true}`: a README with front matter is one too. */
  readmeWithFrontMatter: boolean
  /** Why the site's build runs them, e.g. "the Gemfile's github-pages gem". */
  from?: string
}

/**
 * A Jekyll collection: its documents are the markdown files under `folder`. just-the-docs shows
 * the ones `just_the_docs.collections` names as sections of the navigation, after the pages.
 */
export interface SiteCollection {
  /** The key under `collections:`, e.g. `tests`. */
  key: string
  /** `_tests`, or `<collections_dir>/_tests`. */
  folder: string
  /** `output: true`: Jekyll writes a page for each document. */
  output: boolean
  /** The collection's `permalink:` (Jekyll's default is `/:collection/:path:output_ext`). */
  permalink?: string
  /** Its entry under `just_the_docs.collections`, absent when the theme does not show it. */
  nav?: {name: string; navExclude: boolean; navFold: boolean}
}

/** A markdown page of the site with its front matter parsed. */
export interface SourcePage {
  file: string
  /** Position in the site's file order (paths sorted), the tie-breaker everywhere. */
  index: number
  /** The front matter with `_config.yml` `defaults:` applied, `{}` when there is none. */
  data: Record<string, unknown>
  /** The keys the file itself writes (without defaults), when defaults added any. */
  own?: Record<string, unknown>
  /** `title` as text; pages without one are not in the navigation. */
  title?: string
  /** The markdown after the front matter, and how many lines precede it. */
  body: string
  lineOffset: number
  /** The whole decoded file, for hashing. */
  text: string
  /** SHA-256 (hex) of `text`, when the caller gave the file's (see `SiteFile.sha256`). */
  textHash?: string
  /** The key of the Jekyll collection the page is a document of; absent for a page. */
  collection?: string
  /**
   * The file has no `title:`: `title` came from its first heading (GitHub Pages'
   * `jekyll-titles-from-headings`) or, for a collection document, its `name:` or file name.
   */
  titleFromFile?: boolean
}

/** A node of the navigation tree: a page, or a placeholder for a parent named only in front matter. */
export interface NavNode {
  /** Unique key: the file path, or `#` plus the title chain for a placeholder. */
  key: string
  title: string
  page?: SourcePage
  parent?: NavNode
  children: NavNode[]
  /** 1 for top-level pages. */
  depth: number
  /** `nav_exclude: true` on this node or an ancestor: a page, but not in the navigation. */
  hidden: boolean
  /** The collection whose navigation section lists this node; absent for the site's pages. */
  collection?: string
}

/** The navigation tree the theme would show, and every titled page it would not. */
export interface NavTree {
  roots: NavNode[]
  /** Pages with a title that no rule places in the tree (each has a warning), and why. */
  unplaced: HiddenPage[]
}

/** A titled page the theme does not show in its navigation, with the reason in words. */
export interface HiddenPage {
  page: SourcePage
  /** Why the theme hides it, e.g. `no page is titled "Jenv" (did you mean "JEnv"?)`. */
  reason: string
}

/** A markdown file that is not a page of the navigation but whose title a `parent` may name. */
export interface NotAPage {
  file: string
  title: string
  /** `published: false`, or a front matter whose `title` line is commented out. */
  why: 'unpublished' | 'title-commented-out'
}
