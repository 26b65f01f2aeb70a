/** A stored Sanity document: `_id` and `_type` are always present. */
export type Doc = {
  _id: string
  _type: string
  _rev?: string
  _createdAt?: string
  _updatedAt?: string
  [attribute: string]: unknown
}

/** The mutations in Sanity's wire format (`{create}`, `{patch}`, ...). */
export type WireMutation = Record<string, unknown>

/** What one transaction did to one document. */
export type Change = {
  id: string
  before: Doc | null
  after: Doc | null
  /** The mutations of the transaction that touched this document, in order. */
  mutations: WireMutation[]
}

/** A change's document after it (null: deleted) and its mutations, as JSON text. */
export type ChangeTexts = {afterJson: Text | null; mutationsJson: Text}

/**
 * A text, whole or as the parts it is made of, joined only where it is written (the writer
 * thread): a text made of a client's texts and the lake's own is then not copied on the event
 * loop, where the copy would outlive the young generation while the commit waits for the disk.
 */
export type Text = string | readonly string[]

/** A JSON array as the parts of its text: `[`, the items' texts between commas, `]`. */
export function jsonArray(items: readonly string[]): Text {
  const parts = ['[']
  items.forEach((item, i) => parts.push(i ? ',' : '', item))
  parts.push(']')
  return parts
}

/** The text a {@link Text} stands for. */
export const joined = (text: Text): string => (typeof text === 'string' ? text : text.join(''))

/** The length of the text a {@link Text} stands for, without joining it. */
export const textLength = (text: Text): number => measure(text, (part) => part.length)

/** Bytes of the UTF-8 text a {@link Text} stands for, without joining it. */
export const textBytes = (text: Text): number => measure(text, Buffer.byteLength)

/**
 * The size in bytes of the UTF-8 text a {@link Text} stands for when it is over `limit`, else
 * null. UTF-8 takes at most 3 bytes per UTF-16 unit, so a text of no more than a third of the
 * limit in units is not counted.
 */
export function bytesOver(text: Text, limit: number): number | null {
  if (textLength(text) * 3 <= limit) return null
  const bytes = textBytes(text)
  return bytes > limit ? bytes : null
}

/** The length of the texts together (null: none), without joining any. */
export const textsLength = (texts: ReadonlyArray<Text | null>): number =>
  texts.reduce((sum: number, text) => sum + (text === null ? 0 : textLength(text)), 0)

function measure(text: Text, size: (part: string) => number): number {
  if (typeof text === 'string') return size(text)
  let total = 0
  for (const part of text) total += size(part)
  return total
}

/** A committed (or about to be committed) transaction. */
export type Transaction = {
  id: string
  timestamp: string
  author: string
  changes: Change[]
  mutations: WireMutation[]
  /** `mutations` as the JSON text they were parsed from, when the client's text is at hand. */
  mutationsJson?: Text
  /**
   * Bytes of asset files the transaction stores with its documents, in the same SQLite
   * transaction: an upload's asset document is never committed without its file. Held by the
   * transaction until it is committed, and not after.
   */
  files?: readonly StoredFile[]
}

/** The bytes of an asset, served at `path` as `mime`. */
export type StoredFile = {path: string; mime: string; data: Uint8Array}

/** A transaction with the sequence number the dataset gave it on commit. */
export type CommittedTransaction = Transaction & {seq: number}
