/** Resolves where imported documents go: the local Content Lake or Sanity's hosted one. */
import {localTarget} from './local.ts'
import type {LocalOptions} from './local.ts'
import {wantsHosted, type Env} from './env.ts'
import type {Target} from './types.ts'

export {lakeDirOf, loadEnv, parseDotenv} from './env.ts'
export type {Env} from './env.ts'
export type {Target} from './types.ts'
export type {LocalOptions} from './local.ts'

/**
 * The target for `env` (see `loadEnv`): hosted when `SANITY_PROJECT_ID`, `SANITY_DATASET`
 * and `SANITY_API_TOKEN` are set, otherwise the local dataset. Always `close()` it. The hosted
 * target, and with it @sanity/client, loads only when it is the one.
 */
export async function resolveTarget(env: Env, options: LocalOptions = {}): Promise<Target> {
  if (!wantsHosted(env)) return localTarget(env, options)
  const {hostedTarget} = await import('./hosted.ts')
  return hostedTarget(env)
}
