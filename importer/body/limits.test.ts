import {describe, expect, it} from 'vitest'

import {jsonSizeOver} from './limits.ts'

describe('jsonSizeOver', () => {
  // 10 for the two keys, 5 for the list of four, 4 + 4 + 4 + 1 for 12.5, null, true and 1, and
  // 4 for "xy" with its quotes.
  const value = {a: 'xy', b: [1, true, null, 12.5]}

  it('counts what JSON writes of every key, item, string, number, boolean and null', () => {
    expect(jsonSizeOver(value, 31)).toBe(32)
    expect(jsonSizeOver(value, 32)).toBeUndefined()
    expect(jsonSizeOver([false, 7, 123, -1, undefined], 0)).toBe(6)
    expect(jsonSizeOver([false, 7, 123, -1], 100)).toBeUndefined()
    expect(jsonSizeOver([false, 7, 123, -1], 15)).toBe(16)
  })

  it('stops once past the limit, without walking the rest', () => {
    const huge = Array.from({length: 1000}, () => ({text: 'x'.repeat(100)}))
    // The list's own size (1 + 1000) is already past 500.
    expect(jsonSizeOver(huge, 500)).toBe(1001)
  })
})
