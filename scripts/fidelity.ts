/**
 * `npm run fidelity -- <site>`: imports a just-the-docs site, renders every page the way the
 * project does and compares it with kramdown's rendering of the same markdown (what Jekyll and
 * GitHub Pages show readers). The work is in `fidelity/`; this file reads arguments, and the run
 * (`fidelityRun.ts`, React components in .tsx) loads, with tsx, only when the command runs.
 */

import {defineCommand, runMain} from 'citty'

import {fidelityArgs} from './fidelityArgs.ts'
import {registerTsx} from './registerTsx.ts'
import {siteFolderOrExit} from './siteFolder.ts'

const command = defineCommand({
  meta: {
    name: 'fidelity',
    description:
      "Compare each imported page, as the project renders it, with kramdown's rendering of its markdown.",
  },
  args: fidelityArgs,
  async run({args}) {
    const root = await siteFolderOrExit(command, args.site)
    await registerTsx()
    const {runFidelity} = await import('./fidelityRun.ts')
    await runFidelity(args, root)
  },
})

await runMain(command)
