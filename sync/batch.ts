import type {Mutation} from './types.ts'

/** The Content Lake refuses mutation bodies over 4,000,000 bytes; stay well below. */
export const MAX_REQUEST_BYTES = 3_900_000

/** Size limits of one transaction. */
export type BatchLimits = {maxBytes: number; maxMutations: number}

/** Sanity's own import tools send about 256 KB per request. */
export const DEFAULT_BATCH_LIMITS: BatchLimits = {maxBytes: 256 * 1024, maxMutations: 200}

/** Bytes a mutation's JSON text adds to a request body (a comma after it). */
export const requestBytes = (text: string) => Buffer.byteLength(text) + 1

/** Bytes mutations' JSON texts add to a request body. */
export const requestBytesOf = (texts: readonly string[]) =>
  texts.reduce((sum, text) => sum + requestBytes(text), 0)

/** An op's mutations as JSON texts: the ones it was given with, or written now. */
export const mutationTexts = (op: {mutations: readonly Mutation[]; texts?: readonly string[]}) =>
  op.texts ?? op.mutations.map((mutation) => JSON.stringify(mutation))

/**
 * A batch of entries, with their mutations as JSON texts (written once, here), in order, and
 * the bytes those texts add to a request body.
 */
export type Batch<T> = {entries: T[]; texts: string[]; bytes: number}

/**
 * Splits entries into batches under the limits, keeping their order, one batch at a time as
 * they are asked for (entries too are taken only as a batch needs them): each mutation is
 * written as JSON once (or given with the entry's `texts`), for its size and then for the
 * request, and only the texts of the batches in flight are kept. Every mutation of an entry
 * counts (a delete guarded by a revision has two). An entry larger than `maxBytes` gets a batch
 * of its own (it still has to fit `MAX_REQUEST_BYTES`).
 */
export function* batchBySize<T extends {mutations: readonly Mutation[]; texts?: readonly string[]}>(
  entries: Iterable<T>,
  limits: BatchLimits = DEFAULT_BATCH_LIMITS,
): Generator<Batch<T>> {
  // The request's own JSON around the mutations.
  const ENVELOPE = 20
  let current: Batch<T> = {entries: [], texts: [], bytes: 0}
  for (const entry of entries) {
    const texts = mutationTexts(entry)
    const size = requestBytesOf(texts)
    if (
      current.entries.length &&
      (ENVELOPE + current.bytes + size > limits.maxBytes ||
        current.texts.length + texts.length > limits.maxMutations)
    ) {
      yield current
      current = {entries: [], texts: [], bytes: 0}
    }
    current.entries.push(entry)
    current.texts.push(...texts)
    current.bytes += size
  }
  if (current.entries.length) yield current
}
