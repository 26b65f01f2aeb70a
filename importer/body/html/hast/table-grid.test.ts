import {describe, expect, it} from 'vitest'

import {
  MAX_COLSPAN,
  MAX_COVERED_SLOTS,
  spansOf,
  tableGrid,
  type GridRow,
  type Slot,
} from './table-grid.ts'

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

  it('caps a colspan, so a short tag cannot make a huge table', () => {
    expect(spansOf('1000', '1').columns).toBe(MAX_COLSPAN)
  })
})

describe('tableGrid', () => {
  it('is the cells in order, short rows padded, when nothing spans', () => {
    const {slots, spanned} = tableGrid([row(1, [1, 1], [1, 1], [1, 1]), row(1, [1, 1])])
    expect(drawn(slots)).toEqual(['a0 a1 a2', 'b0 . .'])
    expect(spanned).toBe(false)
  })

  it('keeps the cells after a rowspan in their own columns in the rows below', () => {
    const {slots, spanned} = tableGrid([
      row(1, [1, 3], [1, 1], [1, 1]),
      row(1, [1, 1], [1, 1]),
      row(1, [1, 1], [1, 1]),
    ])
    expect(drawn(slots)).toEqual(['a0 a1 a2', '^ b0 b1', '^ c0 c1'])
    expect(spanned).toBe(true)
  })

  it('starts the cell after a colspan past the columns it covers', () => {
    const {slots} = tableGrid([row(1, [2, 1], [3, 1], [3, 1]), row(1, ...Array(8).fill([1, 1]))])
    expect(drawn(slots)).toEqual(['a0 ^ a1 ^ ^ a2 ^ ^', 'b0 b1 b2 b3 b4 b5 b6 b7'])
  })

  it('covers a block of rows and columns for a cell that spans both', () => {
    const {slots} = tableGrid([row(1, [2, 2], [1, 1]), row(1, [1, 1]), row(1, [1, 1], [1, 1])])
    expect(drawn(slots)).toEqual(['a0 ^ a1', '^ ^ b0', 'c0 c1 .'])
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
  })
})

describe('tableGrid on a page of short tags', () => {
  it('reads spans past the slots a table may cover as 1, so empty rows cannot make a huge table', () => {
    const rows = [row(1, [MAX_COLSPAN, Infinity]), ...Array.from({length: 5000}, () => row(1))]
    const {slots} = tableGrid(rows)
    expect(slots[0]).toHaveLength(1)
    expect(slots.flat().filter((slot) => slot !== null && 'covered' in slot)).toHaveLength(0)
  })

  it('keeps the spans that fit within the bound, in order', () => {
    const rows = Array.from({length: MAX_COVERED_SLOTS + 1}, () => row(1, [2, 1]))
    const {slots} = tableGrid(rows)
    const coveredIn = (line: Slot[]) => line.filter((s) => s !== null && 'covered' in s).length
    expect(slots.slice(0, MAX_COVERED_SLOTS).every((line) => coveredIn(line) === 1)).toBe(true)
    expect(slots.at(-1)).toEqual([{cell: 0}, null])
  })
})
