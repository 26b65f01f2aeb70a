import type {SanityClient} from '@sanity/client'

/** Where documents are written and read: the local Content Lake or Sanity's hosted one. */
export type Target = {
  kind: 'local' | 'hosted'
  /** A client for the dataset, with a token that may write. */
  client: SanityClient
  dataset: string
  /** Values that must never be printed (the token); pass them to `scrubber`. */
  secrets: string[]
  /** Mutation requests per second the target allows. */
  mutationsPerSecond: number
  /** A one-line description for output; never contains the token. */
  describe: () => string
  /** What to do when the target does not answer at all (names the URL, never the token). */
  whenUnreachable: string
  /** Stops what the target started (an in-process lake). */
  close: () => Promise<void>
}
