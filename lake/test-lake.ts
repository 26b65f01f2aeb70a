import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {createLakeClient} from './client.ts'
import {startLake, type Lake, type LakeOptions} from './start.ts'

/**
 * A lake in a fresh temporary folder for a test, a client for it, and the `Authorization`
 * header raw requests need (every read but the login flow needs the token); `stop()` removes
 * the lake and its folder.
 */
export async function startTestLake(options: LakeOptions = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'lake-test-'))
  const lake: Lake = await startLake({dir, log: () => undefined, ...options})
  const client = createLakeClient(lake, {dataset: 'test'})
  return {
    lake,
    client,
    dir,
    auth: {authorization: `Bearer ${lake.token}`},
    async stop() {
      await lake.close()
      rmSync(dir, {recursive: true, force: true})
    },
  }
}
