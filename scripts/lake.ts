/**
 * `npm run lake`: runs only the local Content Lake until Ctrl-C. The lake (`lakeRun.ts`) loads
 * only when the command runs.
 */
import {defineCommand, runMain} from 'citty'

import {lakeArgs} from './lakeArgs.ts'

const command = defineCommand({
  meta: {
    name: 'lake',
    description: "Run the local Content Lake: Sanity's HTTP API on 127.0.0.1, offline, no account.",
  },
  args: lakeArgs,
  async run({args}) {
    const {runLake} = await import('./lakeRun.ts')
    await runLake(args)
  },
})

void runMain(command)
