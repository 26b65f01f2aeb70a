/**
 * Run in a fresh process by `snapshot.test.ts` with a JSON file of a site's snapshot and files:
 * restores the site with one page's body changed, then prepares it from every file, and prints
 * whether the `yaml` package was loaded after each.
 */
import {readFileSync} from 'node:fs'
import {registerHooks} from 'node:module'

import type {SiteSnapshot} from './snapshot.ts'
import type {SiteFile} from './types.ts'

let loaded = false
registerHooks({
  load(url, context, nextLoad) {
    if (url.includes('/node_modules/yaml/')) loaded = true
    return nextLoad(url, context)
  },
})

const {snapshot, files, changed} = JSON.parse(readFileSync(process.argv[2], 'utf8')) as {
  snapshot: SiteSnapshot
  files: SiteFile[]
  changed: string
}
const {restoreSite} = await import('./snapshot.ts')
const {prepareSite} = await import('./stages.ts')
const restored = restoreSite(snapshot, new Map(files.map((file) => [file.path, file])), [changed])
const afterRestore = loaded
prepareSite(files)
process.stdout.write(
  JSON.stringify({restored: !('reason' in restored), afterRestore, afterPrepare: loaded}),
)
