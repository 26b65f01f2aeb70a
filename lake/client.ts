import {createClient, type SanityClient} from '@sanity/client'

import {LAKE_API_VERSION} from './api-version.ts'

/** The parts of a running lake a client needs (a `Lake` or `readRunningLake()` plus the token). */
export type LakeConnection = {httpUrl: string; projectId: string; token?: string}

/**
 * A @sanity/client for the lake. It talks plain HTTP/1.1 to 127.0.0.1 on the lake's port, so Node
 * needs no trust in the self-signed certificate (browsers use the HTTPS URL instead).
 */
export function createLakeClient(
  lake: LakeConnection,
  options: {
    dataset?: string
    apiVersion?: string
    perspective?: 'raw' | 'published' | 'drafts'
  } = {},
): SanityClient {
  return createClient({
    projectId: lake.projectId,
    dataset: options.dataset ?? 'production',
    apiHost: lake.httpUrl,
    useProjectHostname: false,
    useCdn: false,
    apiVersion: options.apiVersion ?? LAKE_API_VERSION,
    token: lake.token,
    perspective: options.perspective ?? 'raw',
  })
}
