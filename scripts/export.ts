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
    const [{runExport}, {UsageError}] = await Promise.all([
      import('./exportRun.ts'),
      import('../queries/command.ts'),
    ])
    try {
      process.exitCode = await runExport(args)
    } catch (error) {
      if (!(error instanceof UsageError)) throw error
      console.error(error.message)
      process.exitCode = 1
    }
  },
})

await runMain(command)
