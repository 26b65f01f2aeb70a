import {describe, expect, it} from 'vitest'
import {jsonPieces, SLICED_ITEMS} from './respond.ts'

describe('an answer written in pieces', () => {
  it('is exactly the JSON of the whole answer, members left out and array holes as JSON writes them', () => {
    const results = Array.from({length: SLICED_ITEMS * 2 + 7}, (_, n) =>
      n === 5 ? undefined : {id: `doc-${n}`, operation: 'update', note: n % 3 ? undefined : 'ü"'},
    )
    const bodies: Array<Record<string, unknown>> = [
      {transactionId: 'tx', results},
      {results, empty: [], small: [1, 2], nested: {a: [1], b: undefined}, gone: undefined},
      {first: undefined, results},
      {},
    ]
    for (const body of bodies) expect([...jsonPieces(body)].join('')).toBe(JSON.stringify(body))
  })

  it('writes a large array a slice of items at a time', () => {
    const results = Array.from({length: SLICED_ITEMS * 3}, (_, n) => ({id: `doc-${n}`}))
    const pieces = [...jsonPieces({transactionId: 'tx', results})]
    expect(pieces.length).toBeGreaterThanOrEqual(4)
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(
      JSON.stringify(results).length / 2,
    )
  })
})
