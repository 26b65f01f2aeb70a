import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {cacheLine, openConversionCache} from './conversionCache.ts'

describe('openConversionCache', () => {
  it('keeps what one run stored for the next, even when it is saved twice', async () => {
    const lake = mkdtempSync(join(tmpdir(), 'conversion-cache-'))
    const first = await openConversionCache(lake)
    first.store.set('a1', '{"result":{"body":[]}}')
    await first.save()
    await first.save()
    const next = await openConversionCache(lake)
    expect(next.store.get('a1')).toBe('{"result":{"body":[]}}')
  })

  it('forgets the entries a run did not use, and skips damaged lines', async () => {
    const lake = mkdtempSync(join(tmpdir(), 'conversion-cache-'))
    const first = await openConversionCache(lake)
    first.store.set('a1', '{"n":1}')
    first.store.set('b2', '{"n":2}')
    await first.save()
    const file = join(lake, 'cache', 'conversions.ndjson')
    writeFileSync(file, `${readFileSync(file, 'utf8')}not a line\n`)
    const second = await openConversionCache(lake)
    expect(second.store.get('b2')).toBe('{"n":2}')
    await second.save()
    const third = await openConversionCache(lake)
    expect(third.store.get('a1')).toBeUndefined()
    expect(third.store.get('b2')).toBe('{"n":2}')
  })

  it('saves lines given as bytes as they are, in place of the used entries of the same keys', async () => {
    const lake = mkdtempSync(join(tmpdir(), 'conversion-cache-'))
    const first = await openConversionCache(lake)
    first.store.set('a1', '{"n":1}')
    first.store.set('b2', '{"n":2}')
    await first.save()
    const second = await openConversionCache(lake)
    expect(second.store.get('a1')).toBe('{"n":1}')
    expect(second.store.get('b2')).toBe('{"n":2}')
    const lines = cacheLine('b2', '{"n":20}') + cacheLine('c3', '{"n":3}')
    await second.save({keys: ['b2', 'c3'], chunks: [Buffer.from(lines, 'latin1')]})
    const file = readFileSync(join(lake, 'cache', 'conversions.ndjson'), 'utf8')
    expect(file).toBe(`${cacheLine('a1', '{"n":1}')}${lines}`)
    const third = await openConversionCache(lake)
    expect(['a1', 'b2', 'c3'].map((key) => third.store.get(key))).toEqual([
      '{"n":1}',
      '{"n":20}',
      '{"n":3}',
    ])
  })
})
