import {describe, expect, it} from 'vitest'

import {paramsFromSearch} from './query.ts'

describe('GROQ parameters from the query string', () => {
  it('reads $name=<json> values and ignores other keys', () => {
    const search = new URLSearchParams({query: '*', $type: '"lesson"', $ids: '["a","b"]'})
    expect(paramsFromSearch(search)).toEqual({type: 'lesson', ids: ['a', 'b']})
  })

  it('refuses a parameter nested deeper than any document may, with 400 and its name', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000)
    const search = new URLSearchParams({$deep: deep})
    expect(() => paramsFromSearch(search)).toThrow(
      expect.objectContaining({
        status: 400,
        message: expect.stringMatching(/query parameter "\$deep" nested more than 64 levels/),
      }),
    )
  })

  it('refuses a parameter that is not JSON, with 400', () => {
    expect(() => paramsFromSearch(new URLSearchParams({$x: 'not json'}))).toThrow(
      expect.objectContaining({status: 400}),
    )
  })
})
