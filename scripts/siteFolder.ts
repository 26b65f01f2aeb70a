/** What `npm run fidelity` and `npm run roundtrip` check before they read a site. */
import {stat} from 'node:fs/promises'
import {resolve} from 'node:path'

import {showUsage, type ArgsDef, type CommandDef} from 'citty'

/** The site folder as an absolute path; prints the usage and exits 1 when it is not a folder. */
export async function siteFolderOrExit<T extends ArgsDef>(
  command: CommandDef<T>,
  site: string,
): Promise<string> {
  const root = resolve(site)
  if (!(await stat(root).catch(() => undefined))?.isDirectory()) {
    await showUsage(command)
    console.error(`Cannot read the site folder "${site}", expected a directory.`)
    process.exit(1)
  }
  return root
}
