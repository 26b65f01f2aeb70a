import {describe, expect, it} from 'vitest'

import {
  ANNOTATIONS,
  BLOCK_TYPES,
  DOCUMENT_TYPES,
  INLINE_TYPES,
  OBJECT_TYPES,
} from '../schemas/constants.ts'
import {isQueryName, namedQueries} from './index.ts'

const known = new Set<string>([
  'block',
  ...Object.values(DOCUMENT_TYPES),
  ...Object.values(BLOCK_TYPES),
  ...Object.values(ANNOTATIONS),
  ...Object.values(INLINE_TYPES),
  ...Object.values(OBJECT_TYPES),
])

describe('named queries', () => {
  it('compare _type only with type names the schema defines', () => {
    const literals = Object.values(namedQueries).flatMap((query) =>
      [...query.matchAll(/_type == "([^"]+)"/g)].map((match) => match[1]),
    )
    expect(literals.length).toBeGreaterThan(10)
    expect(literals.filter((name) => !known.has(name))).toEqual([])
  })

  it('take every value as a $param, never as an interpolated literal', () => {
    for (const query of Object.values(namedQueries)) {
      expect(query).not.toMatch(/slug\.current == "|_id == "/)
    }
  })

  it('are found by name and unknown names are not', () => {
    expect(isQueryName('lessonPage')).toBe(true)
    expect(isQueryName('toString')).toBe(false)
  })
})
