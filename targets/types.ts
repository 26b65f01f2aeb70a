import type {SanityClient} from '@sanity/client'

import type {SyncApi} from '../sync/types.ts'

/** Where documents are written and read: the local Content Lake or Sanity's hosted one. */
export type Target = {
  kind: 'local' | 'hosted'
  /**
   * A @sanity/client for the dataset, with a token that may write; for the local lake it is
   * loaded on the first call, which an import never makes (it syncs through `syncApi`).
   */
  client: () => Promise<SanityClient>
  /**
   * The sync's requests, when the target answers them without @sanity/client (the local lake,
   * over plain HTTP); otherwise the sync goes through `client`.
   */
  syncApi?: SyncApi
  dataset: string
  /** Values that must never be printed (the token); pass them to `scrubber`. */
  secrets: string[]
  /** Mutation requests per second the target allows. */
  mutationsPerSecond: number
  /** A one-line description for output; never contains the token. */
  describe: () => string
  /** What to do when the target does not answer at all (names the URL, never the token). */
  whenUnreachable: string
  /** Stops what the target started (an in-process lake, the sync's connections). */
  close: () => Promise<void>
}
