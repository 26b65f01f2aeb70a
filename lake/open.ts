import {join, resolve} from 'node:path'
import {makeAssetUrlsPortFree} from './assets/migrate.ts'
import {CappedList, limitLog} from './bounded.ts'
import {lockLakeDir} from './dir-lock.ts'
import type {QueryLimits} from './groq/limits.ts'
import {QueryPool} from './groq/pool.ts'
import type {ConnectionLimits} from './http/deadlines.ts'
import type {LakeState, UnknownEndpoint} from './state.ts'
import {DatasetRegistry} from './store/registry.ts'
import {assertWritableFolder} from './store/writable.ts'
import {loadToken} from './token.ts'

/** Options of {@link openLake} and `startLake`. */
export type LakeOptions = {
  /** Folder for the token, certificate and `server.json` (default `.lake`). */
  dir?: string
  /** Folder of the dataset files (default `<dir>/data`). */
  dataDir?: string
  /** Port to listen on; 0 picks a free one (default 0). */
  port?: number
  /** Interface to bind (default 127.0.0.1; the lake is local only). */
  host?: string
  projectId?: string
  /** Origins allowed by CORS, e.g. the Studio dev server `http://localhost:3333`. */
  studioOrigins?: string[]
  /** The Studio's URL, where `/login?sid=` sends the browser (default the first origin). */
  studioUrl?: string
  /**
   * A built Studio folder (built with `SANITY_STUDIO_API_HOST=same-origin`) to serve at
   * `http://localhost:<port>`, which then is the Studio's URL and an allowed origin.
   */
  studioDir?: string
  /** Milliseconds between keep-alive comments on listener streams (default 15,000). */
  keepAliveMs?: number
  /** Query workers, time budget, result cap and worker memory (defaults in groq/limits.ts). */
  queries?: Partial<QueryLimits>
  /** Header, body and idle timeouts and the connection cap (defaults in http/deadlines.ts). */
  connections?: Partial<ConnectionLimits>
  /** Datasets the data folder may hold before new names are refused (default 100). */
  maxDatasets?: number
  /**
   * Bytes up to which a transaction of a document or two is written on the event loop instead of
   * a writer thread (default 0: never): for a lake that serves its own process, as an import's.
   */
  inlineWritesUpTo?: number
  log?: (message: string) => void
}

/**
 * A lake open in this process and not yet serving HTTP: its folder locked, its datasets, token
 * and query workers ready. `startLake` serves it; an import writes and reads it in-process
 * (lake/in-process.ts) and serves it only if something asks for HTTP.
 */
export type OpenLake = {
  dir: string
  projectId: string
  token: string
  state: LakeState
  /** Stops the query workers, closes the datasets and unlocks the folder; once. */
  close: () => Promise<void>
}

/**
 * Opens the local Content Lake's folder in this process, without a server (which would load
 * HTTP, TLS and HTTP/2 and the routes); throws `LakeBusyError` when another lake runs from the
 * same folder (two writers would each keep their own view of the dataset files), and
 * `LakeFolderError` when the lake or data folder is not writable.
 */
export async function openLake(options: LakeOptions = {}): Promise<OpenLake> {
  const dir = resolve(options.dir ?? '.lake')
  assertWritableFolder(dir, 'lake folder')
  const release = lockLakeDir(dir)
  try {
    return await openLocked(dir, options, release)
  } catch (error) {
    release()
    throw error
  }
}

async function openLocked(
  dir: string,
  options: LakeOptions,
  release: () => void,
): Promise<OpenLake> {
  const dataDir = resolve(options.dataDir ?? join(dir, 'data'))
  assertWritableFolder(dataDir, 'data folder')
  const registry = new DatasetRegistry(dataDir, {
    projectId: options.projectId,
    maxDatasets: options.maxDatasets,
    inlineWritesUpTo: options.inlineWritesUpTo,
    warn: options.log ?? ((message) => console.warn(`[lake] ${message}`)),
  })
  await portFreeAssets(registry, options.log ?? ((message) => console.log(`[lake] ${message}`)))
  const token = loadToken(join(dir, 'token'))
  const projectId = options.projectId ?? 'local'
  const origins = options.studioOrigins ?? ['http://localhost:3333']
  // Anyone can make the lake log (unknown endpoints, failed requests): at most 100 lines a minute.
  const log = limitLog(options.log ?? ((message: string) => console.log(`[lake] ${message}`)), {
    lines: 100,
    windowMs: 60_000,
  })
  const queries = new QueryPool({limits: options.queries, dataDir: registry.dataDir, log})
  const state: LakeState = {
    registry,
    queries,
    projectId,
    token,
    origins: new Set(origins),
    studioUrl: options.studioUrl ?? origins[0] ?? '',
    studioDir: options.studioDir ? resolve(options.studioDir) : null,
    unknownEndpoints: CappedList.withLimit<UnknownEndpoint>(100),
    sessions: new Set(),
    publicUrl: '',
    keepAliveMs: options.keepAliveMs ?? 15_000,
    log,
  }
  let closed: Promise<void> | undefined
  return {
    dir,
    projectId,
    token,
    state,
    close: () =>
      (closed ??= (async () => {
        try {
          await queries.close()
          await registry.close()
        } finally {
          release()
        }
      })()),
  }
}

/**
 * Asset documents stored before asset URLs were port-free name the port of the lake that stored
 * them: rewritten once per dataset file, before the lake answers anyone.
 */
async function portFreeAssets(registry: DatasetRegistry, log: (message: string) => void) {
  for (const name of registry.names()) {
    try {
      const {rewritten: count} = await makeAssetUrlsPortFree(registry.get(name))
      if (count) log(`Dataset "${name}": ${count} asset URLs no longer name a host and port`)
    } catch (error) {
      log(`Dataset "${name}": cannot make its asset URLs port-free (${String(error)})`)
    }
  }
}
