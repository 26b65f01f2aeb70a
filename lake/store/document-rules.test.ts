import {describe, expect, it} from 'vitest'

import {documentProblem, LOAD_LIMITS, nestingOf} from './document-rules.ts'

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
    expect(nestingOf(1)).toBe(0)
    expect(nestingOf({a: [1, {b: {}}]})).toBe(4)
    expect(nestingOf(nested(500, 'object', 1), 10)).toBe(11)
  })
})
