/**
 * `npm run import -- [dir]`: reads a just-the-docs site, converts it to Sanity documents,
 * validates them with the Studio's rules, reports every problem, and writes NDJSON or syncs
 * them into the dataset. The pipeline (`importRun.ts`) loads only when the command runs.
 */
import {enableCompileCache} from 'node:module'
import {join} from 'node:path'

import {defineCommand, runMain, showUsage} from 'citty'

import {importArgs} from './importArgs.ts'

// Node keeps the compiled code of the modules the import loads (its worker threads too, through
// the environment), so the next run does not compile them again: most of an unchanged
// re-import's time was spent loading code. `npm run import` sets NODE_COMPILE_CACHE before Node
// starts, so this file and its imports are not type-stripped again either (that loaded Node's
// TypeScript stripper, about 40 ms, on every run); here it is the default for a bare `node`.
process.env.NODE_COMPILE_CACHE ??= join(import.meta.dirname, '..', 'node_modules', '.cache', 'node')
enableCompileCache(process.env.NODE_COMPILE_CACHE)

const command = defineCommand({
  meta: {
    name: 'import',
    description:
      'Convert a just-the-docs markdown site into Sanity course, module and lesson documents.',
  },
  args: importArgs,
  async run({args}) {
    // The pipeline as one bundle, built again whenever its code changed (importBundle.ts).
    const {loadImportRun} = await import('./importBundle.ts')
    const {run, versions} = await loadImportRun((why) => {
      if (args.verbose) console.error(`Running the import from its sources: ${why}.`)
    })
    await run.runImport(args, () => showUsage(command), versions)
  },
})

await runMain(command)
