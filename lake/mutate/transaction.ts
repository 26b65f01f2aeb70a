import {badRequest} from '../errors.ts'
import {randomId} from '../ids.ts'
import {checkReferences} from '../refs/integrity.ts'
import {changeTexts, type Dataset} from '../store/dataset.ts'
import {transactionIdUsed} from '../store/storage-error.ts'
import type {Change, ChangeTexts, CommittedTransaction, Doc, Text} from '../store/types.ts'
import {datasetLock} from './locks.ts'
import {checkDocuments} from './validate.ts'
import {WorkingSet} from './working-set.ts'

/** Options shared by mutations and actions. */
export type TransactionOptions = {
  transactionId?: string
  author?: string
  dryRun?: boolean
  /**
   * The JSON text of exactly the mutations `build` applies, in order, when the caller parsed
   * them from it: stored as the transaction's mutations instead of being written again.
   */
  mutationsJson?: Text
  /**
   * The JSON text of a document object a mutation creates, when the caller has it (an
   * in-process client that wrote its mutations as JSON); undefined for any other object.
   */
  documentJson?: (doc: object) => string | undefined
}

/** The outcome of a transaction: what was committed and the documents as they now are. */
export type TransactionOutcome<T> = {
  transaction: CommittedTransaction | null
  transactionId: string
  value: T
  document: (id: string) => Doc | null
}

// It becomes every written document's `_rev`: printable, no spaces, of a sane length.
const TRANSACTION_ID = /^[\x21-\x7e]{1,200}$/

/** The transaction id a request asked for, refusing one that cannot serve as a revision. */
export function requestedTransactionId(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined
  if (typeof value !== 'string' || !TRANSACTION_ID.test(value)) {
    throw badRequest(
      'Cannot use this transactionId, expected a string of 1 to 200 printable characters without spaces',
    )
  }
  return value
}

/**
 * Builds a transaction with `build` and commits it atomically; one transaction per dataset
 * runs at a time so every transaction sees the previous one's result. A transaction id the
 * dataset has already committed is refused with 409, so a client that retries after a lost
 * response learns that its first attempt went through.
 */
export function runTransaction<T>(
  dataset: Dataset,
  options: TransactionOptions,
  build: (ws: WorkingSet) => Promise<T>,
): Promise<TransactionOutcome<T>> {
  return datasetLock(dataset).run(async () => {
    if (options.transactionId && dataset.hasTransaction(options.transactionId)) {
      throw transactionIdUsed(`commit transaction "${options.transactionId}"`)
    }
    const transactionId = options.transactionId || randomId()
    const ws = new WorkingSet(dataset, {
      transactionId,
      timestamp: new Date().toISOString(),
      author: options.author ?? 'local-admin',
    })
    const value = await build(ws)
    // The same documents in the same order: changed[i] is pending.changes[i].
    const changed = ws.changed()
    const pending = ws.toTransaction()
    if (options.mutationsJson !== undefined) pending.mutationsJson = options.mutationsJson
    // Each document is written as JSON once: for its size here, then by the commit.
    const texts = new Map<Change, ChangeTexts>()
    await checkDocuments(changed, (_, position) => {
      const change = pending.changes[position]
      const written = changeTexts(change, options.documentJson)
      texts.set(change, written)
      return written.afterJson
    })
    await checkReferences(changed, (id) => ws.has(id), dataset.references)
    const document = (id: string) => ws.get(id)
    if (options.dryRun || pending.changes.length === 0) {
      return {transaction: null, transactionId, value, document}
    }
    const transaction = await dataset.commitInSlices(pending, {checked: true, texts})
    return {transaction, transactionId, value, document}
  })
}
