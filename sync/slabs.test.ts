import {appendFileSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterAll, describe, expect, it} from 'vitest'

import {SlabReader, type SizedFile} from './slabs.ts'

const scratch = mkdtempSync(join(tmpdir(), 'sync-slabs-'))
afterAll(() => rmSync(scratch, {recursive: true, force: true}))

/** Writes `text` to a new file and describes it with its size. */
function file(name: string, text: string): SizedFile {
  const path = join(scratch, name)
  writeFileSync(path, text)
  return {path, size: Buffer.byteLength(text)}
}

const texts = async (reads: Array<Promise<Buffer | Error>>) =>
  (await Promise.all(reads)).map((read) => (read instanceof Error ? read : read.toString()))

describe('SlabReader', () => {
  it('reads every other batch into the same shared buffer, so reading allocates nothing new', async () => {
    const reader = new SlabReader(64)
    const batch = (n: number) => [file(`a${n}`, `first ${n}`), file(`b${n}`, `second ${n}`)]
    const read: Buffer[][] = []
    for (const n of [0, 1, 2]) read.push((await Promise.all(reader.read(n, batch(n)))) as Buffer[])
    const [zero, one, two] = read
    expect(two.map(String)).toEqual(['first 2', 'second 2'])
    expect(one.map(String)).toEqual(['first 1', 'second 1'])
    expect(two[0].buffer).toBe(zero[0].buffer)
    expect(two[1].buffer).toBe(zero[0].buffer)
    expect(one[0].buffer).not.toBe(zero[0].buffer)
    expect(zero[0].buffer).toBeInstanceOf(SharedArrayBuffer)
  })

  it('reads a file that grew since its size was taken whole, as it is now', async () => {
    const grown = file('grown', 'GIF89a')
    appendFileSync(grown.path, ' and more')
    expect(await texts(new SlabReader(64).read(0, [grown]))).toEqual(['GIF89a and more'])
  })

  it('reads what a file holds now when it shrank since its size was taken', async () => {
    const shrunk = file('shrunk', 'GIF89a and more')
    writeFileSync(shrunk.path, 'GIF89a')
    expect(await texts(new SlabReader(64).read(0, [shrunk]))).toEqual(['GIF89a'])
  })

  it('reads a file that does not fit in what is left of the buffer into one of its own', async () => {
    const small = file('small', '0123456789')
    const large = file('large', 'x'.repeat(100))
    const after = file('after', 'abc')
    const reads = await Promise.all(new SlabReader(16).read(0, [small, large, after]))
    expect(reads.map(String)).toEqual(['0123456789', 'x'.repeat(100), 'abc'])
    expect((reads[1] as Buffer).buffer).not.toBe((reads[0] as Buffer).buffer)
    expect((reads[2] as Buffer).buffer).toBe((reads[0] as Buffer).buffer)
  })

  it('answers why a file could not be read, and reads the others', async () => {
    const missing = {path: join(scratch, 'missing'), size: 4}
    const [gone, there] = await texts(new SlabReader(64).read(0, [missing, file('there', 'here')]))
    expect(gone).toMatchObject({code: 'ENOENT'})
    expect(there).toBe('here')
  })
})
