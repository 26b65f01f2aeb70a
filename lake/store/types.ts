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
 * A text, whole or as the parts it is made of, joined only where it is written: a document's
 * text made of its client's text and the lake's stamps is not copied on the event loop, where
 * the copy would outlive the young generation while the commit waits for the disk.
 */
export type Text = string | readonly string[]

/** The text a {@link Text} stands for. */
export const joined = (text: Text): string => (typeof text === 'string' ? text : text.join(''))

/** The length of the text a {@link Text} stands for, without joining it. */
export function textLength(text: Text): number {
  if (typeof text === 'string') return text.length
  let length = 0
  for (const part of text) length += part.length
  return length
}

/** Bytes of the UTF-8 text a {@link Text} stands for, without joining it. */
export function textBytes(text: Text): number {
  if (typeof text === 'string') return Buffer.byteLength(text)
  let bytes = 0
  for (const part of text) bytes += Buffer.byteLength(part)
  return bytes
}

/** A committed (or about to be committed) transaction. */
export type Transaction = {
  id: string
  timestamp: string
  author: string
  changes: Change[]
  mutations: WireMutation[]
  /** `mutations` as the JSON text they were parsed from, when the client's text is at hand. */
  mutationsJson?: JsonText
}

/** A transaction with the sequence number the dataset gave it on commit. */
export type CommittedTransaction = Transaction & {seq: number}

/**
 * A JSON array as text: whole, or as its items' texts (`{items}` stands for
 * `[${items.join(',')}]`), joined only where it is written.
 */
export type JsonText = string | {items: readonly string[]}

/** The text a {@link JsonText} stands for. */
export const jsonText = (text: JsonText): string =>
  typeof text === 'string' ? text : `[${text.items.join(',')}]`

/** The length of the text a {@link JsonText} stands for, without joining it. */
export function jsonTextLength(text: JsonText): number {
  if (typeof text === 'string') return text.length
  let length = 2 + Math.max(0, text.items.length - 1)
  for (const item of text.items) length += item.length
  return length
}
