/** What `npm run lake` does once its arguments are parsed: start the lake, seed it, wait. */
import {existsSync} from 'node:fs'

import {createLakeClient, maskToken} from '../lake/index.ts'
import {seedNdjson} from '../lake/seed.ts'
import {waitForStop} from '../lake/stop-signal.ts'
import type {LakeArgs} from './lakeArgs.ts'
import {startLakeForCommand} from './lakeCommand.ts'

/** Runs the local Content Lake until Ctrl-C or SIGTERM; a usage error prints one line, exit 1. */
export async function runLake(args: LakeArgs): Promise<void> {
  const port = Number(args.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Cannot use --port ${args.port}, expected a number from 0 to 65535`)
    process.exit(1)
  }
  // Before the lake starts: a wrong path is a usage error, not ENOENT's stack after the start.
  if (args.seed && !existsSync(args.seed)) {
    console.error(
      `Cannot seed from ${args.seed}: no such file, expected an NDJSON file of documents`,
    )
    process.exit(1)
  }
  const lake = await startLakeForCommand({
    dir: args.dir,
    port,
    projectId: args.projectId,
    studioOrigins: args.origin
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  })
  if (args.seed) {
    const count = await seedNdjson(createLakeClient(lake, {dataset: args.dataset}), args.seed)
    console.log(`Seeded ${count} documents from ${args.seed} into "${args.dataset}".`)
  }
  console.log(
    `Local Content Lake on ${lake.apiHost} (Studio apiHost; ${lake.url} for HTTP/2), ${lake.httpUrl} (Node clients)`,
  )
  console.log(
    `Project "${lake.projectId}", token ${maskToken(lake.token)} in ${args.dir}/token. Ctrl-C stops.`,
  )
  await waitForStop()
  await lake.close()
  console.log('Lake stopped.')
}
