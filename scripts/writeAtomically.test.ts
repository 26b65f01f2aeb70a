import {mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {writeAtomically} from './writeAtomically.ts'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'write-atomically-'))
})
afterEach(async () => {
  await rm(dir, {recursive: true, force: true})
})

const MB = 1 << 20

describe('writing a file atomically', () => {
  it('writes text and byte lines in their order, byte for byte, across megabyte boundaries', async () => {
    // Multi-byte characters on both sides of each megabyte, a line longer than a megabyte, and
    // byte lines between text lines.
    const lines: Array<string | Uint8Array> = []
    for (let i = 0; i < 1000; i++) lines.push(`${'é'.repeat(1000 + i)}🙂 line ${i}\n`)
    lines.push(Buffer.from('bytes in the middle\n'))
    lines.push(`${'€'.repeat(MB)}\n`)
    for (let i = 0; i < 300; i++) lines.push(`${'x'.repeat(5000 - i)}\u00a0${i}\n`)
    lines.push(Buffer.from('bytes last\n'))
    const file = join(dir, 'out.ndjson')
    await writeAtomically(file, lines)
    const expected = Buffer.concat(
      lines.map((line) => (typeof line === 'string' ? Buffer.from(line) : line)),
    )
    expect((await readFile(file)).equals(expected)).toBe(true)
    expect(await readdir(dir)).toEqual(['out.ndjson'])
  })

  it('leaves the file as it was, and no temporary file, when the lines fail halfway', async () => {
    const file = join(dir, 'out.ndjson')
    await writeFile(file, 'before\n')
    function* failing() {
      yield 'x'.repeat(3 * MB) + '\n'
      throw new Error('the source failed')
    }
    await expect(writeAtomically(file, failing())).rejects.toThrow('the source failed')
    expect(await readFile(file, 'utf8')).toBe('before\n')
    expect(await readdir(dir)).toEqual(['out.ndjson'])
  })
})
