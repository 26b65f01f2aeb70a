import {EditMap} from 'micromark-util-edit-map'
import {describe, expect, it} from 'vitest'

import {editMapWork, installLinearEditMap} from './linear-edit-map.ts'
import {parseMarkdown} from './parse.ts'

/** What the edits mean: each change spliced in, from the last index to the first. */
function spliceModel(events: string[], changes: Array<[number, number, string[]]>): string[] {
  const result = [...events]
  const sorted = [...changes].sort((a, b) => b[0] - a[0])
  for (const [at, remove, add] of sorted) result.splice(at, remove, ...add)
  return result
}

function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
}

describe('linear EditMap.consume', () => {
  it('applies every change as splicing them from the last index to the first would', () => {
    installLinearEditMap()
    const rnd = random(7)
    for (let round = 0; round < 200; round++) {
      const events = Array.from({length: 1 + Math.floor(rnd() * 30)}, (_, i) => `e${i}`)
      const changes = new Map<number, [number, number, string[]]>()
      for (let n = Math.floor(rnd() * 4); n >= 0; n--) {
        const at = Math.floor(rnd() * events.length)
        // Changes never overlap in micromark: each removes at most up to the next one.
        const room = [...changes.keys()].filter((k) => k > at).sort((a, b) => a - b)[0]
        const remove = Math.floor(rnd() * Math.min(3, (room ?? events.length) - at + 1))
        if ([...changes.values()].some(([a, r]) => a < at && a + r > at)) continue
        changes.set(at, [at, remove, Array.from({length: Math.floor(rnd() * 3)}, () => `n${n}`)])
      }
      const editMap = new EditMap()
      for (const [at, remove, add] of changes.values()) editMap.add(at, remove, add as never[])
      const expected = spliceModel(events, [...changes.values()])
      editMap.consume(events as never[])
      expect(events).toEqual(expected)
    }
  })

  it("is the one micromark's parser uses, so closing lists costs what it moves, not the page", () => {
    const unit = '- one\n- two\n\n> quote\n\nText after.\n\n'
    const work = (copies: number) => {
      const before = editMapWork()
      parseMarkdown(unit.repeat(copies))
      return editMapWork() - before
    }
    const single = work(300)
    expect(single).toBeGreaterThan(0)
    // Rebuilding the whole event list on every close made this ratio about 4.
    expect(work(600) / single).toBeLessThan(2.2)
  })
})
