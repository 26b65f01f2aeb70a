import {readFileSync} from 'node:fs'
import {join, resolve} from 'node:path'

import {createLakeClient, readRunningLake, startLake} from '../lake/index.ts'
import {lakeDirOf, type Env} from './env.ts'
import type {Target} from './types.ts'

/** Options of {@link localTarget}. */
export type LocalOptions = {
  /** The lake folder (token, server.json, datasets); default `.lake`. */
  lakeDir?: string
  dataset?: string
}

/**
 * The local dataset. When a lake server runs from `lakeDir`, it is used over HTTP so an open
 * Studio shows the changes live; otherwise a lake is started in this process on a free port,
 * against the same data, and stopped by `close()`.
 */
export async function localTarget(env: Env, options: LocalOptions = {}): Promise<Target> {
  const dir = options.lakeDir ? resolve(options.lakeDir) : lakeDirOf(env)
  const dataset = options.dataset ?? env.SANITY_STUDIO_DATASET ?? 'production'
  const running = readRunningLake(dir)
  if (running) {
    // Read, never generate: the running server already has its token in this file.
    const token = readFileSync(join(dir, 'token'), 'utf8').trim()
    return {
      kind: 'local',
      client: createLakeClient(
        {httpUrl: running.httpUrl, projectId: running.projectId, token},
        {dataset},
      ),
      dataset,
      secrets: [token],
      mutationsPerSecond: Infinity,
      describe: () =>
        `local dataset "${dataset}" (lake server at ${running.url}, pid ${running.pid})`,
      whenUnreachable: `The lake server at ${running.httpUrl} (pid ${running.pid}) does not answer: restart it with \`npm run lake\` (or stop it, and the import starts its own), then run the import again.`,
      close: () => Promise.resolve(),
    }
  }
  // One query worker, not the server's two: each holds a replica of every document, and the
  // import asks a handful of queries, one at a time.
  const lake = await startLake({dir, port: 0, log: () => undefined, queries: {workers: 1}})
  return {
    kind: 'local',
    client: createLakeClient(lake, {dataset}),
    dataset,
    secrets: [lake.token],
    mutationsPerSecond: Infinity,
    describe: () => `local dataset "${dataset}" (${dir}, no lake server running: in-process)`,
    whenUnreachable: `The lake this import started at ${lake.httpUrl} stopped answering; run the import again.`,
    close: () => lake.close(),
  }
}
