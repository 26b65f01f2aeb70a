import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {openConversionCache} from './conversionCache.ts'

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
})
