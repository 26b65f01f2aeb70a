import {mkdtempSync, readdirSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {DatasetNotFoundError} from '../errors.ts'
import {DatasetRegistry} from './registry.ts'

const dir = mkdtempSync(join(tmpdir(), 'lake-registry-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))

describe('DatasetRegistry', () => {
  it('creates no dataset beyond its limit, answering Dataset not found, and keeps serving those it has', async () => {
    const registry = new DatasetRegistry(dir, {maxDatasets: 3, warn: () => undefined})
    for (const name of ['a', 'b', 'c']) registry.get(name)
    const refused = (() => {
      try {
        registry.get('d')
      } catch (error) {
        return error
      }
    })()
    expect(refused).toBeInstanceOf(DatasetNotFoundError)
    expect((refused as DatasetNotFoundError).status).toBe(404)
    expect((refused as DatasetNotFoundError).message).toMatch(/the 3 datasets this lake holds/)
    expect(readdirSync(dir).filter((file) => file.endsWith('.sqlite'))).toHaveLength(3)
    await registry.close()

    // The limit counts the files on disk: a new registry on the folder still refuses a fourth.
    const again = new DatasetRegistry(dir, {maxDatasets: 3, warn: () => undefined})
    expect(again.get('a').name).toBe('a')
    expect(() => again.get('e')).toThrow(DatasetNotFoundError)
    await again.close()
  })
})
