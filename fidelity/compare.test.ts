import {describe, expect, it} from 'vitest'

import {compareFeatures, itemsNumberedAlike} from './compare.ts'
import {noFeatures} from './features.ts'
import {diffWords} from './words.ts'

const empty = noFeatures()

describe('diffWords', () => {
  it('counts words lost and added by the shortest edit', () => {
    const result = diffWords('a b c d e'.split(' '), 'a x c d e f'.split(' '))
    expect(result).toMatchObject({lost: 1, added: 2, first: {at: 2}})
  })

  it('finds nothing between equal texts', () => {
    expect(diffWords(['a'], ['a'])).toEqual({lost: 0, added: 0})
  })
})

describe('itemsNumberedAlike', () => {
  it('counts items shown with the number kramdown gives them, found by their words', () => {
    const kramdown = [
      {number: 1, words: 'open'},
      {number: 2, words: 'run'},
      {number: 3, words: 'check'},
    ]
    const project = [
      {number: 1, words: 'open'},
      {number: 1, words: 'run'},
      {number: 2, words: 'check'},
    ]
    expect(itemsNumberedAlike(kramdown, project)).toBe(1)
  })
})

describe('compareFeatures', () => {
  it('is identical for equal features', () => {
    expect(compareFeatures(empty, empty).differences).toEqual([])
  })

  it('names each differing feature with its first difference, and counts lost images', () => {
    const result = compareFeatures(
      {...empty, words: ['a'], images: ['x.png | x', 'y.png | y'], headings: ['h2 A']},
      {...empty, words: ['a'], images: ['y.png | other alt'], headings: ['h3 A']},
    )
    expect(result.differences.map((d) => d.feature)).toEqual(['headings', 'images'])
    expect(result.differences[0]).toEqual({
      feature: 'headings',
      at: 1,
      expected: 'h2 A',
      actual: 'h3 A',
    })
    expect(result.imagesLost).toBe(1)
  })

  it('counts an image shown in another place of its line as shown, not lost', () => {
    const result = compareFeatures(
      {...empty, images: ['x.png | x | in a line of text', 'y.png | y']},
      {...empty, images: ['x.png | x', 'y.png | y | in a line of text']},
    )
    expect(result.differences.map((d) => d.feature)).toEqual(['images'])
    expect(result.imagesLost).toBe(0)
  })
})
