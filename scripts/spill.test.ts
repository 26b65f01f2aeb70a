import {mkdtempSync, readdirSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {Worker} from 'node:worker_threads'

import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {Spill, writeAt} from './spill.ts'

const bytes = (text: string) => Buffer.from(text, 'latin1')

describe('Spill', () => {
  let previous: string | undefined
  let dir: string
  beforeEach(() => {
    previous = process.env.TMPDIR
    dir = mkdtempSync(join(tmpdir(), 'spill-test-'))
    process.env.TMPDIR = dir
  })
  afterEach(() => {
    if (previous === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = previous
    rmSync(dir, {recursive: true, force: true})
  })

  it('gives back what writers put at their own positions', () => {
    const spill = new Spill()
    try {
      writeAt(spill.fd, bytes('world'), 6)
      writeAt(spill.fd, bytes('hello '), 0)
      expect(spill.text(0, 11)).toBe('hello world')
      expect(spill.text(0, 5)).toBe('hello')
      expect(spill.text(6, 11)).toBe('world')
    } finally {
      spill.close()
    }
  })

  it('says so when asked for more than was written', () => {
    const spill = new Spill()
    try {
      // Nothing asked, nothing read: not even before the first read.
      expect(spill.text(0, 0)).toBe('')
      writeAt(spill.fd, bytes('abc'), 0)
      expect(() => spill.bytes(0, 10)).toThrow('The spill file ended after 3 of 10 bytes')
    } finally {
      spill.close()
    }
  })

  it('reads runs of any length through one reused buffer, across its ends', () => {
    const spill = new Spill()
    try {
      const MB = 1 << 20
      // Each byte tells its place, so a misplaced read shows.
      const written = Buffer.alloc(3 * MB + 7, 0)
      for (let i = 0; i < written.length; i++) written[i] = 32 + ((i * 7 + (i >> 12)) % 95)
      writeAt(spill.fd, written, 0)
      const expected = (start: number, end: number) => written.toString('latin1', start, end)
      const first = spill.bytes(10, 20)
      // Within the megabyte read with it: the same memory, not read again.
      expect(spill.bytes(MB - 10, MB).buffer).toBe(first.buffer)
      expect(spill.text(MB - 5, MB + 5)).toBe(expected(MB - 5, MB + 5))
      expect(spill.text(MB / 2, 3 * MB)).toBe(expected(MB / 2, 3 * MB))
      expect(spill.text(3 * MB, 3 * MB + 7)).toBe(expected(3 * MB, 3 * MB + 7))
      expect([...spill.slices(5, 3 * MB + 7)].map((slice) => slice.length)).toEqual([MB, MB, MB, 2])
      // Each slice is read while it is the newest.
      const each: string[] = []
      for (const slice of spill.slices(5, 3 * MB + 7)) each.push(slice.toString('latin1'))
      expect(each.join('')).toBe(expected(5, 3 * MB + 7))
    } finally {
      spill.close()
    }
  })

  it.runIf(process.platform !== 'win32')(
    'leaves no file behind, even while open (a crash cannot leave one)',
    () => {
      const spill = new Spill()
      writeAt(spill.fd, bytes('x'.repeat(1000)), 0)
      expect(readdirSync(dir)).toEqual([])
      spill.close()
      expect(readdirSync(dir)).toEqual([])
    },
  )

  it('takes writes from a worker thread given its descriptor', async () => {
    const spill = new Spill()
    try {
      const source = `
        const {workerData, parentPort} = require('node:worker_threads')
        const {writeSync} = require('node:fs')
        writeSync(workerData.fd, Buffer.from('from a worker'), 0, 13, workerData.at)
        parentPort.postMessage('done')`
      const worker = new Worker(source, {eval: true, workerData: {fd: spill.fd, at: 2}})
      await new Promise((resolve, reject) => {
        worker.once('message', resolve)
        worker.once('error', reject)
      })
      await worker.terminate()
      writeAt(spill.fd, bytes('>>'), 0)
      expect(spill.text(0, 15)).toBe('>>from a worker')
    } finally {
      spill.close()
    }
  })
})
