import {describe, expect, it} from 'vitest'
import {CappedList, limitLog} from './bounded.ts'

describe('CappedList', () => {
  it('keeps only the first items and counts the ones it refused', () => {
    const list = CappedList.withLimit<number>(3)
    for (let n = 0; n < 10; n++) list.push(n)
    list.push(10, 11)
    expect([...list]).toEqual([0, 1, 2])
    expect(list.dropped).toBe(9)
    expect(Array.isArray(list.map((n) => n * 2))).toBe(true)
  })
})

describe('limitLog', () => {
  it('writes at most the allowed lines per window, then says how many it dropped', () => {
    const lines: string[] = []
    let clock = 0
    const log = limitLog((line) => lines.push(line), {lines: 2, windowMs: 1000, now: () => clock})
    for (let n = 0; n < 5; n++) log(`line ${n}`)
    expect(lines).toEqual(['line 0', 'line 1'])
    clock = 1000
    log('line 5')
    expect(lines).toEqual([
      'line 0',
      'line 1',
      '(3 log lines dropped: more than 2 a window)',
      'line 5',
    ])
  })
})
