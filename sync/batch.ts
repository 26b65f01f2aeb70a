import type {Mutation} from './types.ts'

/** The Content Lake refuses mutation bodies over 4,000,000 bytes; stay well below. */
export const MAX_REQUEST_BYTES = 3_900_000

/** Size limits of one transaction. */
export type BatchLimits = {maxBytes: number; maxMutations: number}

/** Sanity's own import tools send about 256 KB per request. */
export const DEFAULT_BATCH_LIMITS: BatchLimits = {maxBytes: 256 * 1024, maxMutations: 200}

/** Bytes a mutation adds to a request body. */
export function mutationBytes(mutation: Mutation): number {
  return Buffer.byteLength(JSON.stringify(mutation)) + 1
}

/**
 * Splits entries into batches under the limits, keeping their order. An entry larger than
 * `maxBytes` gets a batch of its own (it still has to fit `MAX_REQUEST_BYTES`).
 */
export function batchBySize<T extends {mutation: Mutation}>(
  entries: readonly T[],
  limits: BatchLimits = DEFAULT_BATCH_LIMITS,
): T[][] {
  const batches: T[][] = []
  let current: T[] = []
  let bytes = 20
  for (const entry of entries) {
    const size = mutationBytes(entry.mutation)
    if (
      current.length &&
      (bytes + size > limits.maxBytes || current.length >= limits.maxMutations)
    ) {
      batches.push(current)
      current = []
      bytes = 20
    }
    current.push(entry)
    bytes += size
  }
  if (current.length) batches.push(current)
  return batches
}
