import {describe, expect, it} from 'vitest'

import {strongRefs, weakenRefs, writeLevels} from './refs.ts'

const graph = (edges: Record<string, string[]>) =>
  new Map(Object.entries(edges).map(([id, deps]) => [id, new Set(deps)]))

describe('writeLevels', () => {
  it('puts every document after the documents it references', () => {
    const {levels, cyclic} = writeLevels(
      graph({course: ['module'], module: ['l1', 'l2'], l1: [], l2: ['tool'], tool: []}),
    )
    const at = (id: string) => levels.findIndex((level) => level.includes(id))
    expect(at('module')).toBeGreaterThan(at('l2'))
    expect(at('l2')).toBeGreaterThan(at('tool'))
    expect(at('course')).toBeGreaterThan(at('module'))
    expect(cyclic.size).toBe(0)
  })

  it('marks the edges of a reference cycle to be written weak first', () => {
    const {levels, cyclic} = writeLevels(graph({a: ['b'], b: ['c'], c: ['a'], d: ['a']}))
    expect([...cyclic.keys()].sort()).toEqual(['a', 'b', 'c'])
    expect(levels.findIndex((l) => l.includes('d'))).toBeGreaterThan(
      levels.findIndex((l) => l.includes('a')),
    )
  })

  it('handles a chain of 20,000 references without overflowing the stack', () => {
    const edges: Record<string, string[]> = {}
    for (let i = 0; i < 20_000; i++) edges[`n${i}`] = i ? [`n${i - 1}`] : []
    expect(writeLevels(graph(edges)).levels).toHaveLength(20_000)
  })
})

describe('strongRefs and weakenRefs', () => {
  it('finds strong references anywhere and weakens only the chosen ones', () => {
    const doc = {a: {_ref: 'x'}, b: [{_ref: 'y', _weak: true}, {deep: {_ref: 'z'}}]}
    expect([...strongRefs(doc)].sort()).toEqual(['x', 'z'])
    const weak = weakenRefs(doc, new Set(['z']))
    expect([...strongRefs(weak)]).toEqual(['x'])
    expect([...strongRefs(doc)].sort()).toEqual(['x', 'z'])
  })
})
