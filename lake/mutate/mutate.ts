import {badRequest} from '../errors.ts'
import type {Dataset} from '../store/dataset.ts'
import type {WireMutation} from '../store/types.ts'
import {applyMutation, type MutationResult} from './apply.ts'
import {requestedTransactionId, runTransaction, type TransactionOptions} from './transaction.ts'

/** What `POST /data/mutate` answers. */
export type MutateAnswer = {
  transactionId: string
  results: Array<MutationResult & {document?: unknown}>
}

/**
 * Options of {@link mutateDataset}: a transaction's (see TransactionOptions), with the id as the
 * client asked for it (checked here), and whether to answer with the documents.
 */
export type MutateOptions = Omit<TransactionOptions, 'transactionId' | 'author'> & {
  transactionId?: unknown
  returnDocuments?: boolean
}

/**
 * `POST /data/mutate`'s work once its body is read: the request's `mutations` (one or a list)
 * applied in order as one atomic transaction, refused in Sanity's shape when any of them fails.
 * Checked in this order: the mutations, the transaction id, then the dataset (`dataset()`).
 * The HTTP route and the import's own lake (lake/in-process.ts) both go through here.
 */
export async function mutateDataset(
  dataset: () => Dataset,
  requested: unknown,
  options: MutateOptions = {},
): Promise<MutateAnswer> {
  const mutations = (Array.isArray(requested) ? requested : [requested]) as WireMutation[]
  if (!requested || mutations.length === 0) {
    throw badRequest('Cannot mutate without mutations, expected {"mutations": [...]}')
  }
  const transactionId = requestedTransactionId(options.transactionId)
  const outcome = await runTransaction(
    dataset(),
    {
      transactionId,
      dryRun: options.dryRun,
      mutationsJson: Array.isArray(requested) ? options.mutationsJson : undefined,
      documentJson: options.documentJson,
    },
    async (ws) => {
      const results: MutationResult[] = []
      for (const [index, mutation] of mutations.entries()) {
        ws.index = index
        // One by one: spread into push, a patch by query over 160,000 documents overflowed the
        // stack (a 500 for a valid mutation).
        for (const result of await applyMutation(ws, mutation)) results.push(result)
      }
      return results
    },
  )
  // Copied only to add the documents: a patch by query over 50,000 documents has as many results.
  const results = options.returnDocuments
    ? outcome.value.map((result) => ({...result, document: outcome.document(result.id)}))
    : outcome.value
  return {transactionId: outcome.transactionId, results}
}
