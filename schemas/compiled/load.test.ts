import {execFile} from 'node:child_process'
import {join} from 'node:path'
import {promisify} from 'node:util'

import {describe, expect, it} from 'vitest'

const run = promisify(execFile)
const probe = join(import.meta.dirname, 'load-probe.test-support.ts')

describe('loadValidator', () => {
  it('validates the content model in a fresh process without loading sanity, its icons or React', async () => {
    const {stdout} = await run(process.execPath, ['--import', 'tsx', probe], {
      cwd: join(import.meta.dirname, '..', '..'),
    })
    const {loaded, problems} = JSON.parse(stdout) as {loaded: string[]; problems: {path: string}[]}
    expect(loaded).toEqual([])
    expect(problems.map((problem) => problem.path)).toEqual(['slug'])
  }, 120_000)
})
