import {randomId} from '../ids.ts'
import {checkReferences} from '../refs/integrity.ts'
import type {Dataset} from '../store/dataset.ts'
import type {CommittedTransaction, Doc} from '../store/types.ts'
import {datasetLock} from './locks.ts'
import {WorkingSet} from './working-set.ts'

/** Options shared by mutations and actions. */
export type TransactionOptions = {transactionId?: string; author?: string; dryRun?: boolean}

/** The outcome of a transaction: what was committed and the documents as they now are. */
export type TransactionOutcome<T> = {
  transaction: CommittedTransaction | null
  transactionId: string
  value: T
  document: (id: string) => Doc | null
}

/**
 * Builds a transaction with `build` and commits it atomically; one transaction per dataset
 * runs at a time so every transaction sees the previous one's result.
 */
export function runTransaction<T>(
  dataset: Dataset,
  options: TransactionOptions,
  build: (ws: WorkingSet) => Promise<T>,
): Promise<TransactionOutcome<T>> {
  return datasetLock(dataset).run(async () => {
    const transactionId = options.transactionId || randomId()
    const ws = new WorkingSet(dataset, {
      transactionId,
      timestamp: new Date().toISOString(),
      author: options.author ?? 'local-admin',
    })
    const value = await build(ws)
    checkReferences(ws.changed(), (id) => ws.get(id) !== null, dataset.references)
    const pending = ws.toTransaction()
    const document = (id: string) => ws.get(id)
    if (options.dryRun || pending.changes.length === 0) {
      return {transaction: null, transactionId, value, document}
    }
    return {transaction: dataset.commit(pending), transactionId, value, document}
  })
}
