import {describe, expect, it} from 'vitest'

import {documentProblem, LOAD_LIMITS, nestingOf, pathsProblem} from './document-rules.ts'

/** `levels` objects or arrays inside each other under a document, `bottom` in the innermost. */
function nested(levels: number, kind: 'object' | 'array', bottom: unknown): object {
  let value = bottom
  for (let i = 0; i < levels; i++) value = kind === 'object' ? {a: value} : [value]
  return {_id: 'deep', _type: 'x', value}
}

describe('the load check of a stored document', () => {
  it('answers exactly as the walk that names the path, at and around the nesting limits', () => {
    // A finite attribute limit no document reaches makes documentProblem walk every value.
    const walked = {...LOAD_LIMITS, maxAttributes: Number.MAX_SAFE_INTEGER}
    for (let levels = 96; levels <= 103; levels++) {
      for (const kind of ['object', 'array'] as const) {
        for (const bottom of [1, {}, [], null]) {
          const doc = nested(levels, kind, bottom)
          expect(
            documentProblem(doc, LOAD_LIMITS),
            `${levels} ${kind} ${JSON.stringify(bottom)}`,
          ).toBe(documentProblem(doc, walked))
        }
      }
    }
    expect(documentProblem(nested(120, 'array', 1), LOAD_LIMITS)).toMatch(
      /nested objects and arrays/,
    )
  })

  it('counts how deep objects and arrays nest, stopping once past the bound', () => {
    // The definition, recursive: fine for these small values.
    const depthOf = (value: unknown): number =>
      value === null || typeof value !== 'object'
        ? 0
        : 1 + Math.max(0, ...Object.values(value).map(depthOf))
    const values = [
      1,
      'text',
      true,
      null,
      undefined,
      {},
      [],
      {a: 1, b: 'x', c: null},
      [1, 'x', null],
      {a: [1, {b: {}}]},
      // The deepest branch first, last, and between shallower ones, in objects and arrays.
      [[[[]]], []],
      [[], [[[]]]],
      [{}, [[{a: [1]}]], {b: null}],
      {a: {b: {c: {}}}, d: [], e: {f: 1}},
      {a: [], b: [[[[{}]]]], c: {}},
      nested(7, 'object', [1, {x: 2}]),
      nested(7, 'array', {y: [[]]}),
    ]
    for (const value of values) {
      const depth = depthOf(value)
      const shown = JSON.stringify(value) ?? String(value)
      expect(nestingOf(value), shown).toBe(depth)
      // At the bound it counts all the way; one under it, it stops as soon as it is past.
      expect(nestingOf(value, depth), shown).toBe(depth)
      if (depth > 0) expect(nestingOf(value, depth - 1), shown).toBe(depth)
    }
    expect(nestingOf(nested(500, 'object', 1), 10)).toBe(11)
    expect(nestingOf(nested(500, 'array', {}), 64)).toBe(65)
    expect(nestingOf(nested(500, 'array', {}))).toBe(502)
  })

  it('counts hostile nesting without overflowing the stack', () => {
    const deep = nested(100_000, 'array', 1)
    expect(nestingOf(deep)).toBe(100_001)
    expect(nestingOf(deep, 64)).toBe(65)
    expect(nestingOf(nested(100_000, 'object', {}))).toBe(100_002)
  })
})

describe('the shape check of a written document', () => {
  /** Documents of every shape near small limits, keys in random order, `.` and `[]` in some. */
  function* generated(count: number) {
    let state = 7
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648
    const keys = ['a', 'b', 'c', 'a.b', '[]', 'children', '_key']
    const make = (level: number): unknown => {
      const pick = next()
      if (level > 6 || pick < 0.3) {
        const leaf = next()
        return leaf < 0.2 ? null : leaf < 0.4 ? 1 : leaf < 0.5 ? 1.5 : leaf < 0.7 ? 's' : true
      }
      if (pick < 0.6) return Array.from({length: Math.floor(next() * 4)}, () => make(level + 1))
      const out: Record<string, unknown> = {}
      for (let i = Math.floor(next() * 4); i > 0; i--) {
        out[keys[Math.floor(next() * keys.length)]] = make(level + 1)
      }
      return out
    }
    for (let i = 0; i < count; i++) yield {_id: `doc-${i}`, _type: 'x', body: make(0)}
  }

  it('answers exactly as the walk that names the path, on 3,000 generated documents near the limits', () => {
    const limits = {maxBytes: Infinity, maxAttributes: 12, maxDepth: 4, maxNesting: 7}
    let refused = 0
    for (const doc of generated(3000)) {
      const expected = pathsProblem(doc, `"${doc._id}"`, limits)
      expect(documentProblem(doc, limits), JSON.stringify(doc)).toBe(expected)
      if (expected) refused++
    }
    // Both answers occur: the generator reaches over every limit and stays within it too.
    expect(refused).toBeGreaterThan(300)
    expect(refused).toBeLessThan(2700)
  })

  it('accepts a long lesson of many values but few paths, and refuses one over 1,000 attributes', () => {
    const blocks = Array.from({length: 2000}, (_, i) => ({
      _type: 'block',
      _key: `k${i}`,
      children: [{_type: 'span', _key: `s${i}`, text: `Text ${i}`, marks: []}],
      markDefs: [],
    }))
    const doc = {_id: 'lesson-long', _type: 'lesson', body: blocks}
    expect(documentProblem(doc)).toBeNull()
    // One attribute per path and type: a few, though the document holds over 10,000 values.
    const many = {
      ...doc,
      extra: Object.fromEntries(Array.from({length: 1001}, (_, i) => [`f${i}`, i])),
    }
    expect(documentProblem(many)).toMatch(/more than 1000 attributes/)
  })
})

describe('the size check of a document given as its JSON text', () => {
  const limits = {...LOAD_LIMITS, maxBytes: 300}
  const withText = (text: string) => ({_id: 'sized', _type: 'x', text})

  it('counts UTF-8 bytes, not characters, once a text could be over the limit', () => {
    // 100 three-byte characters: 100 units (within a third of the limit) but well over 300 bytes.
    for (const text of ['a'.repeat(250), '€'.repeat(100), '😀'.repeat(70), 'é'.repeat(130)]) {
      const doc = withText(text)
      const json = JSON.stringify(doc)
      const bytes = Buffer.byteLength(json)
      const expected = bytes > 300 ? `it is ${bytes} bytes as JSON` : null
      for (const given of [json, [json.slice(0, 20), json.slice(20)], undefined]) {
        const problem = documentProblem(doc, limits, given)
        if (expected) expect(problem, `${text[0]} ${typeof given}`).toContain(expected)
        else expect(problem, `${text[0]} ${typeof given}`).toBeNull()
      }
    }
  })
})
