import {readFileSync} from 'node:fs'
import {join, resolve} from 'node:path'

// The lake's modules one by one, not its index: that loads @sanity/client, which the sync does
// not use (its requests go through `lakeSyncApi` or `inProcessSyncApi`).
import type {LakeConnection} from '../lake/client.ts'
import {openLake} from '../lake/open.ts'
import {readRunningLake} from '../lake/server-info.ts'
import type {Lake} from '../lake/start.ts'
import {inProcessSyncApi} from '../sync/lakeInProcess.ts'
import {lakeDirOf, type Env} from './env.ts'
import type {Target} from './types.ts'

/** Bytes of a transaction of one or two documents that the import's own lake writes inline. */
const INLINE_WRITES = 1024 * 1024

/**
 * Bytes of documents the import's own lake replicates into its query worker while no query
 * runs: the import asks its queries before it writes, so writing a whole site lets the worker
 * and its copy of the site go (about 130 MB of the 5,000-lesson site's peak).
 */
const IDLE_REPLICA_BYTES = 4 * 1024 * 1024

/** Options of {@link localTarget}. */
export type LocalOptions = {
  /** The lake folder (token, server.json, datasets); default `.lake`. */
  lakeDir?: string
  dataset?: string
}

/**
 * A @sanity/client for the lake, loaded when first asked for; `connect` gives the lake to talk to
 * (serving it first, for a lake opened in this process).
 */
function clientOf(
  connect: () => LakeConnection | Promise<LakeConnection>,
  dataset: string,
): Target['client'] {
  let client: ReturnType<Target['client']> | undefined
  return () =>
    (client ??= Promise.all([connect(), import('../lake/client.ts')]).then(
      ([lake, {createLakeClient}]) => createLakeClient(lake, {dataset}),
    ))
}

/**
 * The local dataset. When a lake server runs from `lakeDir`, it is used over HTTP so an open
 * Studio shows the changes live; otherwise the lake is opened in this process against the same
 * data, read and written without HTTP, served on a free port only when a client is asked for,
 * and closed by `close()`.
 */
export async function localTarget(env: Env, options: LocalOptions = {}): Promise<Target> {
  const dir = options.lakeDir ? resolve(options.lakeDir) : lakeDirOf(env)
  const dataset = options.dataset ?? env.SANITY_STUDIO_DATASET ?? 'production'
  const running = readRunningLake(dir)
  if (running) {
    // Read, never generate: the running server already has its token in this file.
    const token = readFileSync(join(dir, 'token'), 'utf8').trim()
    const connection = {httpUrl: running.httpUrl, projectId: running.projectId, token}
    // Loaded only here: the in-process lake needs no HTTP client.
    const {lakeSyncApi} = await import('../sync/lakeHttp.ts')
    const syncApi = lakeSyncApi(connection, dataset)
    return {
      kind: 'local',
      client: clientOf(() => connection, dataset),
      syncApi,
      dataset,
      secrets: [token],
      mutationsPerSecond: Infinity,
      describe: () =>
        `local dataset "${dataset}" (lake server at ${running.url}, pid ${running.pid})`,
      whenUnreachable: `The lake server at ${running.httpUrl} (pid ${running.pid}) does not answer: restart it with \`npm run lake\` (or stop it, and the import starts its own), then run the import again.`,
      close: () => Promise.resolve(syncApi.close()),
    }
  }
  // One query worker, not the server's two: each holds a replica of every document, and the
  // sync reads its own lake without queries (but `--prune`'s, one at a time). A one-page
  // re-import's single small transaction, and every transaction of a sync of at most 200
  // documents, is written on this thread: the writer thread would cost more to start.
  const lake = await openLake({
    dir,
    log: () => undefined,
    queries: {workers: 1, idleReplicaBytes: IDLE_REPLICA_BYTES},
    inlineWritesUpTo: INLINE_WRITES,
  })
  // The sync reads, writes, queries and uploads in this process: the same checks and refusals as
  // over HTTP, without a server (its HTTP, TLS and HTTP/2 modules and certificate) or sending each
  // batch's text through a socket to be read back into buffers.
  const syncApi = inProcessSyncApi(lake.state, dataset, dir)
  // Served on a free port only for what needs HTTP: a @sanity/client (`npm run query`, export).
  let served: Promise<Lake> | undefined
  const serve = () =>
    (served ??= import('../lake/start.ts').then(({serveLake}) => serveLake(lake, {port: 0})))
  return {
    kind: 'local',
    client: clientOf(serve, dataset),
    syncApi,
    dataset,
    secrets: [lake.token],
    mutationsPerSecond: Infinity,
    describe: () => `local dataset "${dataset}" (${dir}, no lake server running: in-process)`,
    whenUnreachable: `The lake this import opened in-process (${dir}) stopped answering; run the import again.`,
    close: async () => {
      const running = await served?.catch(() => undefined)
      await (running ?? lake).close()
    },
  }
}
