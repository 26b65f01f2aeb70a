import {spawnSync} from 'node:child_process'
import {join} from 'node:path'

const ROOT = join(import.meta.dirname, '..')

/**
 * Runs `npm run import`'s script on `site` into the local lake at `lakeDir` in a fresh process,
 * as a user runs it, with no hosted project configured: its exit status and everything printed.
 * `env` adds to its environment; `node` are Node's own arguments (a module to preload).
 */
export function runImport(
  site: string,
  lakeDir: string,
  args: readonly string[] = [],
  {env = {}, node = []}: {env?: Record<string, string>; node?: readonly string[]} = {},
): {status: number | null; output: string} {
  const result = spawnSync(
    process.execPath,
    [...node, 'scripts/import.ts', site, '--verbose', ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        ...process.env,
        LAKE_DIR: lakeDir,
        SANITY_PROJECT_ID: '',
        SANITY_DATASET: '',
        SANITY_API_TOKEN: '',
        ...env,
      },
    },
  )
  return {status: result.status, output: `${result.stdout}\n${result.stderr}`}
}
