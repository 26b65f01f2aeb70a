/**
 * What the dataset file keeps of a transaction's changes as text, and how it is read back. A
 * document's text is written twice (the current row and the history snapshot), never four
 * times: the mutation that created a document is kept as a note that its text is the
 * snapshot's (less the lake's stamps), and a transaction whose mutations are its changes'
 * mutations in order is kept as a note saying so. A first import of 5,000 lessons spent two
 * thirds of its SQLite time writing those two copies.
 */
import type {Change, ChangeTexts, Doc, Text, Transaction, WireMutation} from './types.ts'

/** The fields the working set adds to each document it writes, in the order it adds them. */
const STAMPS = ['_createdAt', '_updatedAt', '_rev'] as const

const CREATES = ['create', 'createIfNotExists', 'createOrReplace'] as const
type CreateKind = (typeof CREATES)[number]

/**
 * `transactions.mutations` of a transaction whose mutations are exactly its changes' mutations,
 * in the order the changes are stored (`revisions` rowid). A JSON object, where the mutations
 * are always an array.
 */
export const MUTATIONS_BY_CHANGE = '{"byChange":true}'

/** `revisions.mutations` of a change made by one create of the document stored with it. */
const createdNote = (kind: CreateKind) => `{"created":${JSON.stringify(kind)}}`

/**
 * `[kind, JSON of the created document]` when `after` is that document with the working set's
 * stamps added after its own fields (mutate/working-set.ts): then `after`'s text is the
 * created document's with the stamps appended. Undefined otherwise (a patch, a delete, a created
 * document that brought stamps of its own, or none at all).
 */
function createdBy(
  mutation: WireMutation,
  after: Doc,
  documentJson?: (doc: object) => string | undefined,
): [CreateKind, string] | undefined {
  // Written as parts (see Text): the document's text is the client's own, whole.
  const kind = CREATES.find((k) => k in mutation)
  const doc = kind && (mutation[kind] as Record<string, unknown> | undefined)
  if (!kind || !doc || typeof doc !== 'object' || Object.keys(mutation).length !== 1) return
  if (STAMPS.some((stamp) => Object.hasOwn(doc, stamp) || after[stamp] === undefined)) return
  const json = documentJson?.(doc) ?? JSON.stringify(doc)
  return json.length > 2 && json.startsWith('{') && doc._id === after._id ? [kind, json] : undefined
}

/** `JSON.stringify(after)` in parts, from the text of the document `after` stamps. */
function stampedJson(docJson: string, after: Doc): Text {
  let stamps = ''
  for (const stamp of STAMPS) stamps += `,${JSON.stringify(stamp)}:${JSON.stringify(after[stamp])}`
  return [docJson.slice(0, -1), `${stamps}}`]
}

/**
 * A change's texts as the file stores them. One serialization of the document serves the
 * current row and the history snapshot; a document created by the change's one mutation is
 * not written a third time for that mutation (see {@link storedChangeMutations}).
 */
export function changeTexts(
  {after, mutations}: Change,
  documentJson?: (doc: object) => string | undefined,
): ChangeTexts {
  const created =
    after && mutations.length === 1 ? createdBy(mutations[0], after, documentJson) : undefined
  if (created) {
    const [kind, docJson] = created
    return {afterJson: stampedJson(docJson, after!), mutationsJson: createdNote(kind)}
  }
  return {
    afterJson: after ? JSON.stringify(after) : null,
    mutationsJson: JSON.stringify(mutations),
  }
}

/**
 * Whether a change's mutation is the transaction's: the same object, or the one mutation of the
 * same kind on the same body (a created document; a patch or delete naming only this document,
 * whose body the working set records as the client's: mutate/apply.ts). A patch or delete by
 * query is recorded per document with its id: not its changes' mutation.
 */
function sameMutation(own: WireMutation, change: WireMutation): boolean {
  if (own === change) return true
  const [kind, ...more] = Object.keys(own)
  if (kind === undefined || more.length > 0 || Object.keys(change).length !== 1) return false
  return own[kind] === change[kind]
}

/**
 * The transaction's mutations as the file stores them: {@link MUTATIONS_BY_CHANGE} when they
 * are its changes' mutations, in the same order (see {@link sameMutation}); else the client's
 * own text when the transaction kept it, or their JSON.
 */
export function transactionMutationsText(transaction: Transaction): Text {
  const {mutations, changes} = transaction
  let at = 0
  for (const change of changes) {
    for (const mutation of change.mutations) {
      if (at >= mutations.length || !sameMutation(mutations[at++], mutation)) return fullText()
    }
  }
  return at === mutations.length ? MUTATIONS_BY_CHANGE : fullText()

  function fullText(): Text {
    return transaction.mutationsJson ?? JSON.stringify(mutations)
  }
}

/**
 * A stored change's mutations, from its `revisions.mutations` and the text of the document
 * stored with it (`docText`): a created document's mutation is that document less the stamps.
 * `read` parses a mutation list's text.
 */
export function storedChangeMutations(
  text: string,
  docText: string | null,
  read: (text: string) => WireMutation[],
): WireMutation[] {
  if (!text.startsWith('{')) return read(text)
  const {created} = JSON.parse(text) as {created?: CreateKind}
  if (!created || !CREATES.includes(created) || docText === null) {
    return [{unreadable: `the file notes a created document it does not hold (${text})`}]
  }
  const mutations = read(`[{${JSON.stringify(created)}:${docText}}]`)
  const doc = mutations[0]?.[created]
  if (doc && typeof doc === 'object') {
    for (const stamp of STAMPS) delete (doc as Record<string, unknown>)[stamp]
  }
  return mutations
}

/**
 * A stored transaction's mutations, from its `transactions.mutations`; `byChange` gives its
 * changes' mutations, in the order they are stored, when the file notes they are the same.
 */
export function storedTransactionMutations(
  text: string,
  byChange: () => WireMutation[][],
  read: (text: string) => WireMutation[],
): WireMutation[] {
  return text === MUTATIONS_BY_CHANGE ? byChange().flat() : read(text)
}
