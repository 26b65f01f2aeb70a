import {spawnSync} from 'node:child_process'
import {join} from 'node:path'

const ROOT = join(import.meta.dirname, '..')

/**
 * Runs `npm run import`'s script on `site` into the local lake at `lakeDir` in a fresh process,
 * as a user runs it, with no hosted project configured: its exit status and everything printed.
 */
export function runImport(
  site: string,
  lakeDir: string,
  args: readonly string[] = [],
): {status: number | null; output: string} {
  const result = spawnSync(process.execPath, ['scripts/import.ts', site, '--verbose', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      LAKE_DIR: lakeDir,
      SANITY_PROJECT_ID: '',
      SANITY_DATASET: '',
      SANITY_API_TOKEN: '',
    },
  })
  return {status: result.status, output: `${result.stdout}\n${result.stderr}`}
}
