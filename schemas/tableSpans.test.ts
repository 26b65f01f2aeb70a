import {describe, expect, it} from 'vitest'

import {slotKey, tableSpans} from './tableSpans.ts'

type Cell = {colSpan?: number; rowSpan?: number}
const grid = (...rows: Cell[][]) => rows.map((cells) => ({cells}))
const one: Cell = {}

describe('tableSpans', () => {
  it('covers the cells to the right of and below a merged cell', () => {
    const {spans, covered} = tableSpans(
      grid([{colSpan: 2, rowSpan: 2}, one, one], [one, one, one], [one, one, one]),
      0,
    )
    expect(spans.get(slotKey(0, 0))).toEqual({colSpan: 2, rowSpan: 2})
    expect([...covered.keys()].sort()).toEqual(['0:1', '1:0', '1:1'])
    expect(covered.get('1:1')).toEqual({row: 0, column: 0})
  })

  it('stops a span at the last column and at the end of the head or the body', () => {
    const {spans, covered} = tableSpans(
      grid([one, {colSpan: 9, rowSpan: 9}], [one, one], [{rowSpan: 5}, one], [one, one]),
      2,
    )
    expect(spans.get(slotKey(0, 1))).toEqual({colSpan: 1, rowSpan: 2})
    expect(spans.get(slotKey(2, 0))).toEqual({colSpan: 1, rowSpan: 2})
    expect([...covered.keys()].sort()).toEqual(['1:1', '3:0'])
  })

  it('reads no span of a covered cell, nor one that is not a whole number above 1', () => {
    const {spans, covered} = tableSpans(
      grid([{colSpan: 2}, {colSpan: 3}, {rowSpan: 1.5}], [{colSpan: 0}, {rowSpan: -2}, one]),
      0,
    )
    expect([...spans.keys()]).toEqual(['0:0'])
    expect([...covered.keys()]).toEqual(['0:1'])
  })
})
