import {convertBody as defaultConvertBody} from '../body/index.ts'
import type {ConvertContext, ConvertResult} from '../body/index.ts'
import type {PageLimits} from '../body/limits.ts'
import {rememberConversions, type ConversionCache} from '../cache.ts'
import type {Diagnostic, ImportedDocument} from '../types.ts'
import type {FrontMatterMemo} from './frontMatter.ts'
import {convertJob, finishSite, prepareSite} from './stages.ts'
import type {BlockLines} from './blockLines.ts'
import type {SiteFile, ThemeVersion} from './types.ts'

/** Options of {@link importSite}; every one has a default. */
export interface ImportOptions {
  /** Force the 3-level rules of themes before v0.10 (default: detected from `_config.yml`). */
  legacy?: boolean
  /**
   * Create course and module documents for `parent` titles that no page has (off by default:
   * the theme hides such pages, so they are imported as not in the navigation).
   */
  placeholders?: boolean
  /** The just-the-docs version to follow, e.g. `0.8.1` (default: read from the site's files). */
  themeVersion?: string
  /** The body converter; tests of the hierarchy pass a stub. */
  convertBody?: (markdown: string, ctx: ConvertContext) => ConvertResult
  /** Extraction settings passed through to the body stage. */
  extraction?: ConvertContext['extraction']
  /** Budget of YAML values per front matter after alias expansion (default 100,000). */
  maxYamlNodes?: number
  /** Front matter read before (for this `maxYamlNodes`): the same text is not parsed again. */
  frontMatter?: FrontMatterMemo
  /** Limits on each page's size, nesting, delimiters and time (defaults: `DEFAULT_LIMITS`). */
  limits?: Partial<PageLimits>
  /** Milliseconds for the per-page time limit (default `performance.now`). */
  clock?: () => number
  /** When the import began (ISO 8601): Liquid's `site.time` (unset: nil, as in tests). */
  time?: string
  /**
   * The site's files the importer does not read (PDFs, images, …), by site path: with the
   * markdown files that are not pages, Liquid's `site.static_files`.
   */
  otherFiles?: readonly string[]
  /**
   * Problems the caller met reading the site (a file name that is not UTF-8, a symbolic
   * link), reported with the others; files with an error there count as unreadable.
   */
  readProblems?: readonly Diagnostic[]
  /** Remembered conversions: pages whose inputs did not change are not converted again. */
  cache?: {store: ConversionCache; version: string}
  /** Called after each page body is converted. */
  onProgress?: (done: number, total: number, file: string) => void
}

/** Counts for the summary. */
export interface ImportStats {
  /** Markdown (and HTML page) files given, pages read (published, titled), skipped and failed files. */
  files: number
  pages: number
  skipped: number
  /** Of the skipped files, those with no front matter (absent: none). */
  noFrontMatter?: number
  /** Of the files, those that are HTML pages (`.html` with front matter; absent: none). */
  htmlFiles?: number
  failed: number
  documents: Record<string, number>
  warnings: number
  errors: number
  /** Pages whose remembered conversion was reused (only with `cache`). */
  reused?: number
  /** The theme version followed, where it came from, and whether the pre-0.10 rules applied. */
  theme: ThemeVersion & {legacy: boolean}
  /**
   * Pages GitHub Pages' plugins titled from their first heading, and why the plugins run
   * (absent when they do not).
   */
  headingTitles?: {pages: number; from: string}
}

/** The documents of a site, every problem found, and counts. */
export interface ImportResult {
  documents: ImportedDocument[]
  diagnostics: Diagnostic[]
  stats: ImportStats
  /** The page line of each top-level body block, by document id (see `blockLine`). */
  blockLines: Record<string, BlockLines>
  /** Files with at least one error. */
  failedFiles: string[]
  /** The source file each document came from (placeholders: the first page below them). */
  origins: Record<string, string>
  /** Each page file's address on the site (`/docs/setup/`), for sources relative to it. */
  addresses: Record<string, string>
}

/**
 * Imports a just-the-docs site: files in, Sanity documents out. Pure: no file system, no
 * network; the caller reads the files and writes the result.
 */
export function importSite(files: readonly SiteFile[], options: ImportOptions = {}): ImportResult {
  const prepared = prepareSite(files, options)
  const baseConvert = options.convertBody ?? defaultConvertBody
  const remembered = options.cache
    ? rememberConversions(baseConvert, options.cache.store, options.cache.version)
    : undefined
  const convert = remembered ?? baseConvert
  const converted = new Map<string, ConvertResult>()
  prepared.jobs.forEach((job, index) => {
    converted.set(job.id, convertJob(job, prepared.context, convert))
    options.onProgress?.(index + 1, prepared.jobs.length, job.file)
  })
  return finishSite(prepared, converted, remembered?.stats.hits)
}
