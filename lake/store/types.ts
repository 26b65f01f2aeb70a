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
export type ChangeTexts = {afterJson: string | null; mutationsJson: string}

/** A committed (or about to be committed) transaction. */
export type Transaction = {
  id: string
  timestamp: string
  author: string
  changes: Change[]
  mutations: WireMutation[]
  /** `mutations` as the JSON text they were parsed from, when the client's text is at hand. */
  mutationsJson?: string
}

/** A transaction with the sequence number the dataset gave it on commit. */
export type CommittedTransaction = Transaction & {seq: number}
