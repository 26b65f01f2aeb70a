import {existsSync} from 'node:fs'
import {mkdtemp, stat, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {describe, expect, it} from 'vitest'

import runTmpdir from './runTmpdir.ts'

describe('the test run’s temporary folder', () => {
  it('holds what tests make with os.tmpdir(), and is removed with it when the run ends', async () => {
    const before = process.env.TMPDIR
    const outside = tmpdir()
    const teardown = await runTmpdir()
    try {
      const run = tmpdir()
      expect(dirname(run)).toBe(outside)
      // As /tmp: writable by every user (a test runs a child as another), sticky.
      expect((await stat(run)).mode & 0o7777).toBe(0o1777)
      const scratch = await mkdtemp(join(tmpdir(), 'left-behind-'))
      await writeFile(join(scratch, 'file'), 'x')
      expect(dirname(scratch)).toBe(run)
      await teardown()
      expect(existsSync(run)).toBe(false)
      expect(process.env.TMPDIR).toBe(before)
    } finally {
      if (process.env.TMPDIR !== before) await teardown()
    }
  })

  it('is where this run’s tests make their folders', () => {
    expect(tmpdir()).toMatch(/[/\\]course-tests-[^/\\]+$/)
  })
})
