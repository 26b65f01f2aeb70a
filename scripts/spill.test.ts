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

  it('gives back what writers put at their own positions, in one buffer', () => {
    const spill = new Spill()
    try {
      writeAt(spill.fd, bytes('world'), 6)
      writeAt(spill.fd, bytes('hello '), 0)
      expect(spill.read(11).toString('latin1')).toBe('hello world')
      expect(spill.read(5).toString('latin1')).toBe('hello')
    } finally {
      spill.close()
    }
  })

  it('says so when asked for more than was written', () => {
    const spill = new Spill()
    try {
      writeAt(spill.fd, bytes('abc'), 0)
      expect(() => spill.read(10)).toThrow('The spill file ended after 3 of 10 bytes')
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
      expect(spill.read(15).toString('latin1')).toBe('>>from a worker')
    } finally {
      spill.close()
    }
  })
})
