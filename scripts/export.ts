/**
 * `npm run export -- <dir>`: writes the dataset (local, hosted when configured, or an NDJSON
 * file) back as a just-the-docs site. The run (`exportRun.ts`) loads only when the command runs.
 */
import {defineCommand, runMain} from 'citty'

import {exportArgs} from './exportArgs.ts'

const command = defineCommand({
  meta: {
    name: 'export',
    description:
      'Write the courses, modules and lessons of the dataset back as a just-the-docs markdown site.',
  },
  args: exportArgs,
  async run({args}) {
    const {runExport} = await import('./exportRun.ts')
    process.exitCode = await runExport(args)
  },
})

await runMain(command)
