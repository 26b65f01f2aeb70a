import {badRequest} from '../errors.ts'
import {randomId} from '../ids.ts'
import {checkReferences} from '../refs/integrity.ts'
import type {Dataset} from '../store/dataset.ts'
import {changeTexts} from '../store/stored-texts.ts'
import {transactionIdUsed} from '../store/storage-error.ts'
import {Superseded} from '../store/pending.ts'
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
 * Builds a transaction with `build` and commits it atomically. Transactions of a dataset are
 * built and checked one at a time, each against the documents as the ones before it leave
 * them, committed or still being written; they commit in that order. A transaction id the
 * dataset has already committed is refused with 409, so a client that retries after a lost
 * response learns that its first attempt went through. A transaction checked against one that
 * then failed to commit is built again (`build` runs again), with the same id.
 */
export async function runTransaction<T>(
  dataset: Dataset,
  options: TransactionOptions,
  build: (ws: WorkingSet) => Promise<T>,
): Promise<TransactionOutcome<T>> {
  const transactionId = options.transactionId || randomId()
  // Ends: each round follows the failure of a transaction posted before this one.
  for (;;) {
    try {
      const {committed, ...outcome} = await datasetLock(dataset).run(() =>
        buildAndPost(dataset, options, transactionId, build),
      )
      return {...outcome, transaction: committed ? await committed : null}
    } catch (error) {
      if (!(error instanceof Superseded)) throw error
    }
  }
}

/**
 * Under the dataset's lock: builds and checks the transaction and posts it to be committed
 * (`committed`, absent for a dry run or a transaction that changes nothing).
 */
async function buildAndPost<T>(
  dataset: Dataset,
  options: TransactionOptions,
  transactionId: string,
  build: (ws: WorkingSet) => Promise<T>,
): Promise<
  Omit<TransactionOutcome<T>, 'transaction'> & {committed?: Promise<CommittedTransaction>}
> {
  if (options.transactionId && dataset.hasTransaction(options.transactionId)) {
    throw transactionIdUsed(`commit transaction "${options.transactionId}"`)
  }
  const epoch = dataset.epoch
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
  // A deletion reads the reference index, which is first read from the file: once the file
  // holds every transaction posted before this one.
  if (!dataset.references.built && changed.some((change) => change.before && !change.after)) {
    await dataset.settled()
  }
  await checkReferences(changed, (id) => ws.has(id), dataset.references)
  const document = (id: string) => ws.get(id)
  if (options.dryRun || pending.changes.length === 0) return {transactionId, value, document}
  const {committed} = await dataset.post(pending, {checked: true, texts, epoch})
  return {transactionId, value, document, committed}
}
