import {describe, expect, it} from 'vitest'
import {ParseCache} from './parse-cache.ts'

describe('ParseCache', () => {
  it('holds no more than its byte budget however many large distinct queries arrive', () => {
    const cache = new ParseCache<string>(1_000_000)
    for (let n = 0; n < 550; n++) cache.set(`query ${n} ${'x'.repeat(20_000)}`, 'tree', 40_000)
    expect(cache.bytes).toBeLessThanOrEqual(1_000_000)
    expect(cache.size).toBeLessThan(550)
    expect(cache.size).toBeGreaterThan(0)
  })

  it('evicts the least recently used entry first', () => {
    const cache = new ParseCache<string>(1_000)
    // Each entry costs its bytes plus its key: about 122 of the 1,000.
    cache.set('a', 'A', 120)
    cache.set('b', 'B', 120)
    cache.get('a')
    for (let n = 0; n < 7; n++) cache.set(`c${n}`, 'C', 120)
    expect(cache.get('a')).toBe('A')
    expect(cache.get('b')).toBeUndefined()
  })

  it('does not keep one entry larger than an eighth of its budget', () => {
    const cache = new ParseCache<string>(8_000)
    cache.set('huge', 'H', 1_500)
    expect(cache.get('huge')).toBeUndefined()
    expect(cache.bytes).toBe(0)
  })
})
