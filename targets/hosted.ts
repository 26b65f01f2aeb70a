import {createClient} from '@sanity/client'

import {HOSTED_VARIABLES as REQUIRED, type Env} from './env.ts'
import type {Target} from './types.ts'

export {wantsHosted} from './env.ts'

/** A target on Sanity's hosted Content Lake, from `SANITY_PROJECT_ID`, `SANITY_DATASET`, `SANITY_API_TOKEN`. */
export function hostedTarget(env: Env): Target {
  const missing = REQUIRED.filter((key) => !env[key])
  if (missing.length)
    throw new Error(
      `Cannot write to the hosted Content Lake, expected ${REQUIRED.join(', ')} to be set (missing: ${missing.join(', ')}); set them in the environment or in .env, or unset all three to use the local dataset`,
    )
  const projectId = env.SANITY_PROJECT_ID!
  const dataset = env.SANITY_DATASET!
  const token = env.SANITY_API_TOKEN!
  const client = createClient({
    projectId,
    dataset,
    token,
    apiVersion: env.SANITY_API_VERSION || '2025-02-19',
    useCdn: false,
    perspective: 'raw',
  })
  return {
    kind: 'hosted',
    client: () => Promise.resolve(client),
    dataset,
    secrets: [token],
    // The hosted API allows 25 mutation requests per second per client IP.
    mutationsPerSecond: 25,
    describe: () => `hosted dataset "${dataset}" of project ${projectId}`,
    whenUnreachable: `Check the network and SANITY_PROJECT_ID (${projectId}); run the import again when the API answers: what was written stays, the rest follows.`,
    close: () => Promise.resolve(),
  }
}
