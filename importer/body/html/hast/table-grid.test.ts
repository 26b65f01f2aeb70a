import {describe, expect, it} from 'vitest'

import {MAX_COLSPAN} from '../../../../schemas/tableSpans.ts'
import {spansOf, tableGrid, type GridRow, type Slot} from './table-grid.ts'

/** A row of one group from its cells' `[colspan, rowspan]`. */
const row = (group: number, ...cells: Array<[number, number]>): GridRow => ({
  group,
  cells: cells.map(([columns, rows]) => ({columns, rows})),
})

/** The grid as text: `a0` where row a's cell 0 starts, `^` under a span, `.` for no cell. */
function drawn(slots: Slot[][]): string[] {
  return slots.map((line, r) =>
    line
      .map((slot) => (slot === null ? '.' : 'cell' in slot ? `${'abcdefgh'[r]}${slot.cell}` : '^'))
      .join(' '),
  )
}

describe('spansOf', () => {
  it('reads colspan and rowspan as a browser does', () => {
    expect(spansOf('3', '2')).toEqual({columns: 3, rows: 2})
    expect(spansOf('2px', ' 4')).toEqual({columns: 2, rows: 4})
    expect(spansOf(undefined, undefined)).toEqual({columns: 1, rows: 1})
    expect(spansOf('wide', 'tall')).toEqual({columns: 1, rows: 1})
  })

  it('reads colspan 0 as 1 and rowspan 0 as the rest of the row group', () => {
    expect(spansOf('0', '0')).toEqual({columns: 1, rows: Infinity})
  })

  it("caps a colspan at HTML's limit", () => {
    expect(spansOf('5000', '1').columns).toBe(MAX_COLSPAN)
  })
})

describe('tableGrid', () => {
  it('is the cells in order, short rows padded, when nothing spans', () => {
    const {slots, spans} = tableGrid([row(1, [1, 1], [1, 1], [1, 1]), row(1, [1, 1])])
    expect(drawn(slots)).toEqual(['a0 a1 a2', 'b0 . .'])
    expect(spans).toBe('none')
  })

  it('keeps the cells after a rowspan in their own columns in the rows below', () => {
    const {slots, spans} = tableGrid([
      row(1, [1, 3], [1, 1], [1, 1]),
      row(1, [1, 1], [1, 1]),
      row(1, [1, 1], [1, 1]),
    ])
    expect(drawn(slots)).toEqual(['a0 a1 a2', '^ b0 b1', '^ c0 c1'])
    expect(spans).toBe('kept')
  })

  it('starts the cell after a colspan past the columns it covers', () => {
    const {slots} = tableGrid([row(1, [2, 1], [3, 1], [3, 1]), row(1, ...Array(8).fill([1, 1]))])
    expect(drawn(slots)).toEqual(['a0 ^ a1 ^ ^ a2 ^ ^', 'b0 b1 b2 b3 b4 b5 b6 b7'])
  })

  it('covers a block of rows and columns for a cell that spans both', () => {
    const {slots} = tableGrid([row(1, [2, 2], [1, 1]), row(1, [1, 1]), row(1, [1, 1], [1, 1])])
    expect(drawn(slots)).toEqual(['a0 ^ a1', '^ ^ b0', 'c0 c1 .'])
    expect(slots[0][0]).toEqual({cell: 0, columns: 2, rows: 2})
    expect(slots[0][2]).toEqual({cell: 1, columns: 1, rows: 1})
  })

  it("ends a rowspan with its row group, one to the group's end included", () => {
    const {slots} = tableGrid([
      row(1, [1, 5], [1, 1]),
      row(1, [1, 1]),
      row(2, [1, 1], [1, 1]),
      row(3, [1, Infinity], [1, 1]),
      row(3, [1, 1]),
    ])
    expect(drawn(slots)).toEqual(['a0 a1', '^ b0', 'c0 c1', 'd0 d1', '^ e0'])
    expect([slots[0][0], slots[3][0]]).toEqual([
      {cell: 0, columns: 1, rows: 2},
      {cell: 0, columns: 1, rows: 2},
    ])
  })
})

describe('tableGrid on a page of short tags', () => {
  /** `count` rows of one cell each, in group 1. */
  const single = (count: number) => Array.from({length: count}, () => row(1, [1, 1]))

  it('keeps the spans of a table they add up to the bound of empty cells to', () => {
    // 99 slots covered, and 99 more columns in each of the 98 other rows: 9,900 empty cells.
    const {slots, spans} = tableGrid([row(1, [100, 1]), ...single(98)])
    expect(spans).toBe('kept')
    expect(slots[0]).toHaveLength(100)
  })

  it('takes the cells in order when the padding of the wider rows passes the bound', () => {
    // 99 covered and 99 × 100 columns of padding: 10,098.
    const {slots, spans} = tableGrid([row(1, [100, 1]), ...single(100)])
    expect(spans).toBe('ignored')
    expect(drawn(slots).slice(0, 2)).toEqual(['a0', 'b0'])
  })

  it('takes the cells in order when the covered slots pass the bound', () => {
    const rows = [row(1, [MAX_COLSPAN, Infinity]), ...Array.from({length: 5000}, () => row(1))]
    const {slots, spans} = tableGrid(rows)
    expect(spans).toBe('ignored')
    expect(slots.every((line) => line.length === 1)).toBe(true)
    expect(slots.flat().filter((slot) => slot !== null && 'covered' in slot)).toHaveLength(0)
  })

  it('keeps a wide header of many colspans over a few rows', () => {
    const {slots, spans} = tableGrid([row(1, ...Array(20).fill([3, 1])), ...single(10)])
    expect(spans).toBe('kept')
    expect(slots.every((line) => line.length === 60)).toBe(true)
  })
})
