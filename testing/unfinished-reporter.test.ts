import {spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {formatUnfinished} from './unfinished-reporter.ts'

const FIXTURE = join(import.meta.dirname, 'fixtures', 'worker-exits')
const VITEST = join(import.meta.dirname, '..', 'node_modules', 'vitest', 'vitest.mjs')

describe('the unfinished test files reporter', () => {
  it('names the test file, and the test, whose worker process died under them', () => {
    // The dying test waits for this file, written once this run has heard it started.
    const dir = mkdtempSync(join(tmpdir(), 'worker-exits-'))
    const marker = join(dir, 'started')
    let run
    try {
      run = spawnSync(process.execPath, [VITEST, 'run', '--root', FIXTURE], {
        encoding: 'utf8',
        env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '0', WORKER_EXITS_MARKER: marker},
      })
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('Worker exited unexpectedly')
    expect(run.stdout).toContain(
      '1 test file started and never finished (their worker exited under them):\n' +
        '  ✗ dies.fixture.ts\n' +
        '      running: kills its own process\n',
    )
    expect(run.stdout).not.toContain('✗ lives.fixture.ts')
  })

  it('prints nothing when every test file finished', () => {
    expect(formatUnfinished([])).toBe('')
  })
})
