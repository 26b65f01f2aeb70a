import type {ExportDiagnostic, ExportedDocument} from '../types.ts'

/** A Portable Text item as the exporter reads it. */
export type Item = {_type: string; _key?: string} & Record<string, unknown>

/** A span, inline object or other child of a text block. */
export type Child = {_type: string; text?: string; marks?: string[]} & Record<string, unknown>

/** A mark definition (annotation) of a text block. */
export type MarkDef = {_key: string; _type: string} & Record<string, unknown>

/**
 * What block handlers share while one page is written. Handlers recurse through `blocks`
 * (a callout's or details' body is written by the same function as the page body), so no
 * handler imports the dispatcher.
 */
export interface BodyState {
  /** Writes an array of blocks (a body, a callout's body, a footnote) as markdown. */
  blocks(items: readonly Item[]): string
  /** The href to write for an internal link to a document, relative to the page written. */
  linkTo(id: string, anchor?: string): string | undefined
  /** Whether an address as the source wrote it (`written`) still leads to that document. */
  stillLeadsTo(written: string, id: string): boolean
  /** Documents by id: areas, responsibilities, tool categories and tools are read from here. */
  documents: ReadonlyMap<string, ExportedDocument>
  /** Heading texts the page's table of contents leaves out (`{: .no_toc }`). */
  noToc: ReadonlySet<string>
  /** Records a problem of the page being written. */
  report(problem: Omit<ExportDiagnostic, 'file' | 'documentId'>): void
  /**
   * The address, relative to the page, of the site file an uploaded image asset is written to
   * (`assets/uploads/<asset file name>`); undefined when the dataset has no such asset.
   */
  upload(assetId: string): string | undefined
  /** The attributes that keep an HTML element's content HTML on this site (see `asHtml`). */
  htmlOnly: string
}
