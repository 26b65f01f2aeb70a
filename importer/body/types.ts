import type {Diagnostic, ImportedDocument, LinkTarget, PortableTextItem} from '../types.ts'
import type {ExtractionOptions} from '../extract/config.ts'
import type {PageLimits} from './limits.ts'

/** What `convertBody` needs to know about the page it converts. */
export interface ConvertContext {
  /** Site-relative path of the markdown file, used in diagnostics and for resolving links. */
  file: string
  /** The page title from front matter; an H1 repeating it is dropped from the body. */
  title: string
  /** Lines before the body (front matter), added to every diagnostic line. */
  lineOffset: number
  /** Front matter, read by `{{ page.x }}`. */
  page: Record<string, unknown>
  /** `_config.yml`, read by `{{ site.x }}`. */
  site: Record<string, unknown>
  /** Resolves a relative, site-absolute or `{% link %}` href to a page, or `null` when it is not one. */
  resolveLink(href: string, fromFile: string): LinkTarget | null
  /** Prepended to every top-level block `_key`. */
  keyPrefix?: string
  /** Structured extraction settings; the defaults handle the seed page. */
  extraction?: ExtractionOptions
  /**
   * The site's `_includes/` files by path below `_includes/` (`note.html`, `cards/card.md`),
   * read by `{% include %}`; a missing one leaves the tag as text with a warning.
   */
  includes?: Readonly<Record<string, string>>
  /** The files pages name in `{% include_relative %}`, by site path (`docs/code/example.py`). */
  relativeIncludes?: Readonly<Record<string, string>>
  /** Limits on size, nesting, delimiters and time (defaults: `DEFAULT_LIMITS`). */
  limits?: Partial<PageLimits>
  /**
   * What Liquid control flow reads besides `page` and `site`: `site.data`, the site's pages and
   * collections, its layouts. Absent when no page of the site uses control flow.
   */
  liquid?: LiquidSite
  /** Milliseconds for the time limit (default `performance.now`); tests pass their own. */
  clock?: () => number
}

/** The lesson's "Next: …" button, taken out of the body. */
export interface NextLinkValue {
  label: string
  href: string
  target: LinkTarget | null
}

/** The top-level blocks one `{% include %}` made, from `firstKey` to `lastKey`. */
export interface IncludedBlocks {
  /** The tag as the page wrote it. */
  tag: string
  firstKey: string
  lastKey: string
  /** `canonicalHash` of those blocks as the include made them. */
  contentHash: string
}

/**
 * An `{% include %}` that made no block (what it inserts is hidden, such as OpenSearch's
 * `copy-curl.html` label, which only the site's script reads), and where it was: after the
 * block `afterKey`, or before the first when there is none.
 */
export interface IncludedNothing {
  tag: string
  afterKey?: string
  /** It was in the list item of the block `afterKey` (or one that item holds), not after it. */
  inList?: true
}

/** An `{% include %}` of the page written on lines of its own, and what it made. */
export type IncludedRun = IncludedBlocks | IncludedNothing

/** The result of converting one page body. */
export interface ConvertResult {
  body: PortableTextItem[]
  /**
   * The page line each top-level block came from, in the order of `body` (null: not known), for
   * later diagnostics. A list, not an object by `_key`: an object gets a hidden class for each
   * new key, when it is made and again when its JSON is read.
   */
  lines?: Array<number | null>
  /** Trailing emoji of the H1 that repeats the title, byte for byte. */
  emoji?: string
  /** Whether the page opens with an H1 repeating its title (which the body then leaves out). */
  titleHeading?: boolean
  /** Whether that H1 is left out of tables of contents (`{: .no_toc }` under it). */
  titleNoToc?: boolean
  /** The blocks `{% include %}` tags on lines of their own made (see `includes.ts`). */
  includes?: IncludedRun[]
  next?: NextLinkValue
  /** Documents extracted from the body: areas, responsibilities, tool categories, tools. */
  documents: ImportedDocument[]
  diagnostics: Diagnostic[]
  /**
   * Set when the page's Liquid read a body of another page or document (`{{ p.content }}`), as
   * the conversion cache saw it (`cache.ts` convertRecording): its document then changes with
   * other pages' bodies.
   */
  readsBodies?: true
}

/** A page or collection document as Liquid sees it. */
export interface LiquidDocument {
  file: string
  /** Its address on the site, without `baseurl` (`page.url`). */
  url: string
  /** Front matter with defaults applied. */
  data: Record<string, unknown>
  /** The markdown after the front matter. */
  body: string
  /** The collection's key, absent for a page. */
  collection?: string
}

/** Everything {@link LiquidDocument}s and `_data` a page's Liquid can read. */
export interface LiquidSite {
  /** `site.data`: each `_data/` file by its path without extension (`staff/ta` → `data.staff.ta`). */
  data: Record<string, unknown>
  /** `site.pages`. */
  pages: LiquidDocument[]
  /** `site.<key>` for each collection, its documents in Jekyll's order (date, then path). */
  collections: Record<string, LiquidDocument[]>
  /** `_layouts/<name>.html` by name: its front matter (`layout:` chains) and template. */
  layouts: Record<string, {data: Record<string, unknown>; body: string}>
  /**
   * `site.time`: when the import began (ISO 8601), as Jekyll's is when the build began; unset,
   * `site.time` is nil. No hash of the site holds it (`liquidReads.ts`): a remembered conversion
   * keeps the time it was made at until what it read changes.
   */
  time?: string
  /**
   * `site.static_files`: the site path (`/assets/week1.pdf`) of each file Jekyll copies as it
   * is (no front matter, not under a `_` or `.` folder, not excluded), in path order.
   */
  staticFiles?: string[]
}
