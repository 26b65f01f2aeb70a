import {describe, expect, it} from 'vitest'

import {assignKeys} from './keys.ts'

const block = () => ({_type: 'block', children: [{_type: 'span', text: 'Same.'}]})

function cpuMs(run: () => void): number {
  const start = process.cpuUsage()
  run()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}

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

  it('keys a block repeated tens of thousands of times at a cost linear in the repeats', () => {
    const keyed = (count: number) => Array.from({length: count}, block)
    assignKeys(keyed(2_000))
    const small = keyed(10_000)
    const large = keyed(40_000)
    // Trying every suffix from _1 again made this ratio about 16.
    const ratio = cpuMs(() => assignKeys(large)) / cpuMs(() => assignKeys(small))
    expect(new Set(large.map((item) => (item as {_key?: string})._key)).size).toBe(40_000)
    expect(ratio).toBeLessThan(8)
  })
})
