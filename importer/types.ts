/**
 * Contracts between the importer's stages: site reading (front matter, navigation tree,
 * documents) and body conversion (markdown → Portable Text, structured extraction).
 * The core is pure: strings and trees in, documents and diagnostics out.
 */

/** A problem found in the source, always located in a file. */
export interface Diagnostic {
  /** `info` records a deliberate, harmless change (e.g. a styling-only attribute list dropped). */
  severity: 'error' | 'warning' | 'info'
  /** Stable machine-readable code, e.g. `parent-not-found`, `raw-html`. */
  code: string
  /** Site-relative path of the markdown file, e.g. `docs/intro.md`. */
  file: string
  /** 1-based line and column in the file (front matter included), when known. */
  line?: number
  column?: number
  /** What is wrong, as a sentence. */
  message: string
  /** What to do about it, as a sentence. */
  hint?: string
  /** The document the problem is about, when it concerns one (schema validation). */
  documentId?: string
}

/** A page an internal link or next-link can point at. */
export interface LinkTarget {
  _id: string
  _type: 'course' | 'module' | 'lesson'
}

/** A reference value as stored in Sanity. */
export interface Reference {
  _type: 'reference'
  _ref: string
  _key?: string
  _weak?: boolean
}

/** A Portable Text item (block or custom block) as written into `body`. */
export type PortableTextItem = {_type: string; _key: string} & Record<string, unknown>

/** A document the importer writes (without system fields other than `_id` and `_type`). */
export type ImportedDocument = {_id: string; _type: string} & Record<string, unknown>
