import {spawnSync} from 'node:child_process'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'

import {describe, expect, it} from 'vitest'

import {LONG_WORK_BYTES, LONG_WORK_CALLS, LONG_WORK_FILES, SHORT_WORK_CALLS} from './tiering.ts'

/** Calls of the probe function: past the long-work threshold, short of the short-work one. */
const CALLS = 2_000

/**
 * Whether V8 marks a function for Maglev (as `--trace-opt` prints it; TurboFan off, as
 * `npm run import` runs) when it is called `CALLS` times in a fresh Node after `setup`, a
 * statement that calls the functions of tiering.ts (imported as `tiering`).
 */
function optimizedAfter(setup: string): boolean {
  const tiering = pathToFileURL(join(import.meta.dirname, 'tiering.ts')).href
  const code = `
    import * as tiering from ${JSON.stringify(tiering)}
    function probe(x) { return x * 2 + 1 }
    ${setup}
    let sum = 0
    for (let i = 0; i < ${CALLS}; i++) sum += probe(i)
    if (sum <= 0) process.exit(3)
  `
  const run = spawnSync(
    process.execPath,
    ['--no-turbofan', '--trace-opt', '--input-type=module', '-e', code],
    {encoding: 'utf8'},
  )
  expect(run.status, run.stderr).toBe(0)
  return /\[marking \S+ <JSFunction probe [^\n]*to MAGLEV/.test(run.stdout)
}

describe('tiering', () => {
  it('holds the thresholds on either side of the probe', () => {
    expect(LONG_WORK_CALLS).toBeLessThan(CALLS)
    expect(SHORT_WORK_CALLS).toBeGreaterThan(CALLS)
  })

  it("gives long work V8's own default, as this Node reports it", () => {
    const options = spawnSync(process.execPath, ['--v8-options'], {encoding: 'utf8'}).stdout
    const defaultCalls =
      /--invocation-count-for-maglev \(.*\)\n\s+type: int\s+default: --invocation-count-for-maglev=(\d+)/.exec(
        options,
      )
    expect(defaultCalls?.[1]).toBe(String(LONG_WORK_CALLS))
  })

  it('leaves a function called 2,000 times unoptimized during short work, and optimizes it during long work', () => {
    expect(optimizedAfter('tiering.tierForShortWork()')).toBe(false)
    expect(optimizedAfter('tiering.tierForShortWork(); tiering.tierForLongWork()')).toBe(true)
  })

  it('takes a site as long work from 1,000 files or 500 kB of them, not below', () => {
    const site = (files: number, bytes: number) =>
      optimizedAfter(
        `tiering.tierForShortWork(); tiering.tierForSite({files: ${files}, bytes: ${bytes}})`,
      )
    expect(site(LONG_WORK_FILES - 1, LONG_WORK_BYTES - 1)).toBe(false)
    expect(site(LONG_WORK_FILES, 0)).toBe(true)
    expect(site(0, LONG_WORK_BYTES)).toBe(true)
  })
})
