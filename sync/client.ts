import {createClient, type SanityClient} from '@sanity/client'

import type {SyncApi} from './types.ts'

/**
 * The sync surface over a @sanity/client instance, hosted or local alike. Sync does its
 * own retries (mutations included, made safe by transaction ids), so the client's are off.
 */
export function syncApiFor(client: SanityClient): SyncApi {
  // A client of its own: retries are set when a client is made, and `withConfig` keeps them.
  const raw = createClient({...client.config(), maxRetries: 0, useCdn: false, perspective: 'raw'})
  return {
    query: (groq, params = {}) => raw.fetch(groq, params, {perspective: 'raw', tag: 'import.sync'}),
    getDocuments: (ids) => raw.getDocuments(ids, {tag: 'import.sync'}) as never,
    mutate: async (mutations, {transactionId}) => {
      await raw.mutate(mutations as never, {
        transactionId,
        visibility: 'async',
        returnDocuments: false,
        tag: 'import.sync',
      })
    },
    uploadImage: async (body, {filename}) => {
      const asset = await raw.assets.upload('image', Buffer.from(body), {
        filename,
        tag: 'import.sync',
      })
      return {_id: asset._id}
    },
  }
}
