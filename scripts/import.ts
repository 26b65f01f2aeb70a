/**
 * `npm run import -- [dir]`: reads a just-the-docs site, converts it to Sanity documents,
 * validates them with the Studio's rules, reports every problem, and writes NDJSON or syncs
 * them into the dataset. The pipeline (`importRun.ts`) loads only when the command runs.
 */
import {defineCommand, runMain, showUsage} from 'citty'

import {importArgs} from './importArgs.ts'

const command = defineCommand({
  meta: {
    name: 'import',
    description:
      'Convert a just-the-docs markdown site into Sanity course, module and lesson documents.',
  },
  args: importArgs,
  async run({args}) {
    const {runImport} = await import('./importRun.ts')
    await runImport(args, () => showUsage(command))
  },
})

await runMain(command)
