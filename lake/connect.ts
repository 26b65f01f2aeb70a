import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import type {SanityClient} from '@sanity/client'
import {createLakeClient} from './client.ts'
import {readRunningLake} from './server-info.ts'

/**
 * A client for the lake already running from `dir` (started by `npm run lake` or `npm run dev`),
 * authorised with the token in `<dir>/token`, or null when no lake is running there.
 */
export function connectToRunningLake(
  dir = '.lake',
  options: {dataset?: string} = {},
): SanityClient | null {
  const running = readRunningLake(dir)
  if (!running) return null
  const token = readFileSync(join(dir, 'token'), 'utf8').trim()
  return createLakeClient({...running, token}, options)
}
