import {join, resolve} from 'node:path'
import {makeAssetUrlsPortFree} from './assets/migrate.ts'
import {loadCertificate} from './cert.ts'
import {lockLakeDir} from './dir-lock.ts'
import {CappedList, limitLog} from './bounded.ts'
import type {QueryLimits} from './groq/limits.ts'
import {QueryPool} from './groq/pool.ts'
import type {ConnectionLimits} from './http/deadlines.ts'
import {createHandler} from './http/handler.ts'
import {isLoopbackHostname, requestHostname} from './http/host.ts'
import {listen} from './http/server.ts'
import {routes} from './routes/index.ts'
import {removeRunningLake, writeRunningLake} from './server-info.ts'
import {handleUpgrade} from './socket/upgrade.ts'
import type {LakeState, UnknownEndpoint} from './state.ts'
import {DatasetRegistry} from './store/registry.ts'
import {assertWritableFolder} from './store/writable.ts'
import {loadToken} from './token.ts'

/** Options of {@link startLake}. */
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

/** A running lake. */
export type Lake = {
  /** HTTPS (HTTP/2) base URL, for clients that want HTTP/2 (self-signed certificate). */
  url: string
  /**
   * The `apiHost` a Studio build is pointed at: `http://localhost:<port>`, plain HTTP so the
   * browser shows no certificate warning (`http://localhost` is a secure context).
   */
  apiHost: string
  /** Where the editor opens the Studio: `http://localhost:<port>` when the lake serves it. */
  studioUrl: string
  /** Plain HTTP/1.1 on the same port, for Node clients that do not trust the certificate. */
  httpUrl: string
  port: number
  projectId: string
  token: string
  dir: string
  unknownEndpoints: UnknownEndpoint[]
  state: LakeState
  /** Creates a one-time login id: `<studio>/#sid=<id>` logs the Studio in without the token. */
  createLoginSession: () => string
  /** A one-time URL on the lake (plain HTTP) that sends the browser to the Studio logged in. */
  loginUrl: () => string
  close: () => Promise<void>
}

/**
 * Starts the local Content Lake; throws `LakeBusyError` when another lake runs from the
 * same folder (two writers would each keep their own view of the dataset files), and
 * `LakeFolderError` when the lake or data folder is not writable.
 */
export async function startLake(options: LakeOptions = {}): Promise<Lake> {
  const dir = resolve(options.dir ?? '.lake')
  assertWritableFolder(dir, 'lake folder')
  const release = lockLakeDir(dir)
  try {
    return await openLake(dir, options, release)
  } catch (error) {
    release()
    throw error
  }
}

async function openLake(dir: string, options: LakeOptions, release: () => void): Promise<Lake> {
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
  const certificate = await loadCertificate(dir, projectId)
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
  const host = options.host ?? '127.0.0.1'
  const server = await listen({
    host,
    port: options.port ?? 0,
    certificate,
    handler: createHandler(routes, state),
    limits: options.connections,
    upgrade: (req, socket, head) => {
      // The presence socket answers the same host names as the API (no DNS rebinding).
      if (isLoopbackHostname(requestHostname(req))) return handleUpgrade(req, socket, head, state)
      socket.end('HTTP/1.1 403 Forbidden\r\nconnection: close\r\ncontent-length: 0\r\n\r\n')
    },
  }).catch(async (error: NodeJS.ErrnoException) => {
    await queries.close()
    await registry.close()
    if (error.code !== 'EADDRINUSE') throw error
    throw new Error(
      `Cannot listen on ${host}:${options.port}: the port is in use, expected a free port (--port)`,
      {cause: error},
    )
  })
  const url = `https://localhost:${server.port}`
  state.publicUrl = url
  state.origins.add(url)
  if (state.studioDir) {
    // The Studio's page, its API calls (`<projectId>.localhost`) and its images share the port.
    state.studioUrl = `http://localhost:${server.port}`
    state.origins.add(state.studioUrl)
  }
  const httpUrl = `http://127.0.0.1:${server.port}`
  writeRunningLake(dir, {pid: process.pid, port: server.port, url, httpUrl, projectId})
  let closed = false
  return {
    url,
    apiHost: `http://localhost:${server.port}`,
    httpUrl,
    studioUrl: state.studioUrl,
    port: server.port,
    projectId,
    token,
    dir,
    unknownEndpoints: state.unknownEndpoints,
    state,
    createLoginSession() {
      const sid = randomSession()
      state.sessions.add(sid)
      return sid
    },
    loginUrl() {
      const sid = randomSession()
      state.sessions.add(sid)
      // Plain HTTP: no certificate to accept. A Studio the lake serves logs in on its own origin.
      if (state.studioDir) return `${state.studioUrl}/login?sid=${sid}`
      return `http://${projectId}.localhost:${server.port}/login?sid=${sid}`
    },
    async close() {
      if (closed) return
      closed = true
      await server.close()
      await queries.close()
      await registry.close()
      removeRunningLake(dir)
      release()
    },
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

function randomSession(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(24))).toString('hex')
}
