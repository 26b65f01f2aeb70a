/**
 * `npm run roundtrip -- <site>`: imports a just-the-docs site, exports the documents back,
 * imports the export again, and reports per page whether the documents came back identical
 * and whether kramdown renders the exported page as it renders the original. The run
 * (`roundtripRun.ts`) loads only when the command runs.
 */

import {defineCommand, runMain} from 'citty'

import {roundtripArgs} from './roundtripArgs.ts'
import {siteFolderOrExit} from './siteFolder.ts'

const command = defineCommand({
  meta: {
    name: 'roundtrip',
    description:
      'Import a site, export it back, import the export, and report per page whether the documents and kramdown output came back identical.',
  },
  args: roundtripArgs,
  async run({args}) {
    const root = await siteFolderOrExit(command, args.site)
    const {runRoundtrip} = await import('./roundtripRun.ts')
    await runRoundtrip(args, root)
  },
})

await runMain(command)
