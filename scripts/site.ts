/**
 * `npm run site [-- --out site-dist] [--dataset file.ndjson] [--perspective published]`:
 * renders every course, module and lesson to static HTML with relative links. The run
 * (`siteRun.ts`, React components in .tsx) loads, with tsx, only when the command runs.
 */
import {defineCommand, runMain} from 'citty'

import {registerTsx} from './registerTsx.ts'
import {siteArgs} from './siteArgs.ts'

const command = defineCommand({
  meta: {
    name: 'site',
    description:
      'Render every course, module and lesson to static HTML (open <out>/index.html in a browser).',
  },
  args: siteArgs,
  async run({args}) {
    await registerTsx()
    const {runSite} = await import('./siteRun.ts')
    await runSite(args)
  },
})

void runMain(command)
