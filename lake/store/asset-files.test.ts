import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterAll, describe, expect, it} from 'vitest'

import {assetFilesFolder, readAssetFile, writeAssetFiles} from './asset-files.ts'
import {Dataset} from './dataset.ts'

const scratch = mkdtempSync(join(tmpdir(), 'asset-files-'))
afterAll(() => rmSync(scratch, {recursive: true, force: true}))

const bytes = (text: string) => new TextEncoder().encode(text)

describe('asset files', () => {
  it('keeps a dataset’s files in a folder named after its SQLite file', () => {
    expect(assetFilesFolder('/lake/data/production.sqlite')).toBe('/lake/data/production.files')
  })

  it('writes each file at its path, leaving no temporary file behind', () => {
    const folder = join(scratch, 'written')
    writeAssetFiles(folder, [
      {path: 'images/local/production/a-1x1.png', data: bytes('first')},
      {path: 'files/local/production/b.pdf', data: bytes('second')},
    ])
    expect(readFileSync(join(folder, 'images/local/production/a-1x1.png'), 'utf8')).toBe('first')
    expect(readAssetFile(folder, 'files/local/production/b.pdf')?.toString()).toBe('second')
    expect(readdirSync(join(folder, 'images/local/production'))).toEqual(['a-1x1.png'])
    expect(readdirSync(join(folder, '.partial'))).toEqual([])
  })

  it('leaves what a crash half wrote where the next open of the dataset removes it', async () => {
    const file = join(scratch, 'crashed.sqlite')
    const folder = assetFilesFolder(file)
    writeAssetFiles(folder, [{path: 'images/e.png', data: bytes('whole')}])
    // What a writer killed before its rename leaves.
    writeFileSync(join(folder, '.partial', '123-1-1'), 'half')
    const dataset = new Dataset('crashed', file, () => undefined)
    await dataset.close()
    expect(readdirSync(folder)).toEqual(['images'])
    expect(readAssetFile(folder, 'images/e.png')?.toString()).toBe('whole')
  })

  it('keeps a file already at its path: the path names its bytes', () => {
    const folder = join(scratch, 'kept')
    mkdirSync(join(folder, 'images'), {recursive: true})
    writeFileSync(join(folder, 'images/c.png'), 'already')
    writeAssetFiles(folder, [{path: 'images/c.png', data: bytes('again')}])
    expect(readAssetFile(folder, 'images/c.png')?.toString()).toBe('already')
  })

  it('writes the bytes of a view into a larger buffer, and only those', () => {
    const folder = join(scratch, 'view')
    const buffer = Buffer.from('xxhelloxx')
    writeAssetFiles(folder, [{path: 'images/d.png', data: buffer.subarray(2, 7)}])
    expect(readAssetFile(folder, 'images/d.png')?.toString()).toBe('hello')
  })

  it('refuses a path that leaves the folder, and finds nothing at a path without a file', () => {
    const folder = join(scratch, 'refused')
    expect(() => writeAssetFiles(folder, [{path: '../out.png', data: bytes('x')}])).toThrow(
      /Asset path "\.\.\/out\.png" leaves the dataset's files folder/,
    )
    expect(() => readAssetFile(folder, 'images/../../out.png')).toThrow(/leaves the dataset/)
    expect(readAssetFile(folder, 'images/none.png')).toBeNull()
  })
})
