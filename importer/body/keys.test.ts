import {describe, expect, it} from 'vitest'

import {assignKeys, base36} from './keys.ts'

const block = () => ({_type: 'block', children: [{_type: 'span', text: 'Same.'}]})

describe('assignKeys', () => {
  it('numbers equal siblings in order after the first: key, key_1, key_2', () => {
    const items: Array<{_type: string; _key?: string}> = [
      block(),
      {_type: 'other'},
      block(),
      block(),
    ]
    assignKeys(items)
    const base = items[0]._key
    expect(items.map((item) => item._key)).toEqual([base, items[1]._key, `${base}_1`, `${base}_2`])
  })

  it('keys a block repeated tens of thousands of times trying each suffix once', () => {
    const items: Array<{_type: string; _key?: string}> = Array.from({length: 20_000}, block)
    // Counted, not timed: how many keys are looked up among those already given.
    const has = Set.prototype.has
    let lookups = 0
    Set.prototype.has = function (this: Set<unknown>, value: unknown) {
      lookups++
      return has.call(this, value)
    }
    try {
      assignKeys(items)
    } finally {
      Set.prototype.has = has
    }
    expect(new Set(items.map((item) => item._key)).size).toBe(20_000)
    // One lookup per item and per nested array's item, and one more per repeat that takes the
    // next suffix; trying every suffix from _1 again took about 200 million.
    expect(lookups).toBeGreaterThan(20_000)
    expect(lookups).toBeLessThan(100_000)
  })
})

describe('base36', () => {
  it('writes every whole number below 2^53 as toString(36) does', () => {
    const edges = [0, 1, 35, 36, 1295, 1296, 1297, 36 ** 2 * 36 - 1, 36 ** 4, 36 ** 4 - 1, 2 ** 32]
    const powers = Array.from({length: 11}, (_, i) => 36 ** i).flatMap((p) => [p - 1, p, p + 1])
    // A fixed sequence over the 53 bits the key hash gives (its two halves), not Math.random.
    let seed = 7
    const next = () => (seed = Math.imul(seed ^ (seed >>> 15), 2246822507) >>> 0)
    const spread = Array.from({length: 20_000}, () => 4294967296 * (next() & 2097151) + next())
    for (const value of [...edges, ...powers, 2 ** 53 - 1, ...spread])
      expect(base36(value), String(value)).toBe(value.toString(36))
  })
})
