/** Shapes the exporter reads and returns: dataset documents in, site files out. */
import type {SiteConfig} from '../importer/site/types.ts'

/** A dataset document as the exporter reads it (published or draft, system fields allowed). */
export type ExportedDocument = {_id: string; _type: string} & Record<string, unknown>

/** A problem met while writing the site, located in the document and the file it concerns. */
export interface ExportDiagnostic {
  severity: 'error' | 'warning' | 'info'
  code: string
  /** Site-relative path of the file the document is written to. */
  file: string
  documentId: string
  message: string
  hint?: string
}

/** Options of `exportSite`; each has a default. */
export interface ExportOptions {
  /** `_config.yml`'s `permalink` (`pretty` gives `/dir/page/`), for next-lesson addresses. */
  permalink?: string
  /** `_config.yml`'s `baseurl`, prefixed to next-lesson addresses. */
  baseurl?: string
  /** `_config.yml`'s `nav_sort`, which the kept `nav_order` values are checked against. */
  navSort?: 'case_sensitive' | 'case_insensitive'
  /** `_config.yml`'s Jekyll collections, whose documents have their collection's addresses. */
  collections?: SiteConfig['collections']
  /**
   * Whether kramdown reads the content of HTML blocks as markdown (`parse_block_html` in
   * `_config.yml`'s `kramdown:` settings): HTML written as HTML is then marked `markdown="0"`.
   */
  parseBlockHtml?: boolean
}

/** The site's files by site-relative path, and what could not be written as it is. */
export interface ExportResult {
  files: Map<string, string>
  /** The file each written document went to, by document id. */
  paths: Map<string, string>
  diagnostics: ExportDiagnostic[]
  /**
   * Uploaded image files the pages now point at: site-relative path → the asset's `url` (an
   * address, or a path on the lake's origin), for the command to fetch and write.
   */
  uploads: Map<string, string>
  /**
   * The HTML files of pages now written as markdown beside them (`replaced` path → the written
   * one): the command removes each, or Jekyll would publish two pages at one address.
   */
  replaced: Map<string, string>
  /** HTML pages nobody edited since their import: their files are left as they are. */
  keptHtml: Set<string>
}
