/**
 * Where the cells of an HTML table sit, as a browser lays them out: each cell at the first
 * column of its row that no cell above still spans, taking `colspan` columns and `rowspan` rows
 * of its row group (the HTML table model). The schema's table is a grid (schemas/tableSpans.ts):
 * a merged cell sits in the first of its slots with its spans, and the slots it covers are
 * empty cells (within {@link MAX_SPANNED_SLOTS}); every value stays under its own heading.
 */
import {MAX_COLSPAN} from '../../../../schemas/tableSpans.ts'

/** A cell's spans, as its `colspan` and `rowspan` attributes say. */
export interface Spans {
  columns: number
  rows: number
}

/**
 * Empty cells a table's spans may add to it, the slots they cover and the padding of every row
 * to the width they give the table: far more than any real table merges, and a bound on what a
 * page of short tags can make (157 cells of `colspan="64"` over 2,000 rows of one cell made 20
 * million). A table whose spans would add more is laid out as its cells in order.
 */
export const MAX_SPANNED_SLOTS = 10_000

/**
 * HTML's rules for parsing a non-negative integer: leading white space, then digits, anything
 * after them ignored (`2px` is 2); undefined when there are no digits.
 */
function nonNegativeInteger(value: string | undefined): number | undefined {
  const digits = /^[\t\n\f\r ]*\+?(\d+)/.exec(value ?? '')?.[1]
  return digits === undefined ? undefined : Number(digits)
}

/**
 * A cell's spans from its attributes, as a browser reads them: a `colspan` that is missing, not
 * a number or 0 is 1; a `rowspan` that is missing or not a number is 1, and 0 spans the rest of
 * the row group (`rows` is then Infinity, cut to the group by {@link tableGrid}).
 */
export function spansOf(colspan: string | undefined, rowspan: string | undefined): Spans {
  const columns = nonNegativeInteger(colspan)
  const rows = nonNegativeInteger(rowspan)
  return {
    columns: Math.min(columns || 1, MAX_COLSPAN),
    rows: rows === 0 ? Infinity : (rows ?? 1),
  }
}

/** One row: its row group (rows of one `<thead>`, `<tbody>` or `<tfoot>` share it) and cells. */
export interface GridRow {
  group: number
  cells: readonly Spans[]
}

/**
 * A slot of the grid: the cell (by its index in its row) that starts there, `covered` by the
 * cell that spans it from another slot, or null where the row has no cell (a short row).
 */
export type Slot =
  {cell: number; columns: number; rows: number} | {covered: {row: number; cell: number}} | null

/** How a table's spans were read: none had any, kept, or ignored (past {@link MAX_SPANNED_SLOTS}). */
export type SpansRead = 'none' | 'kept' | 'ignored'

/**
 * The table's grid: a row of slots for each row, every row as wide as the widest (spans
 * included), and how its spans were read.
 */
export function tableGrid(rows: readonly GridRow[]): {slots: Slot[][]; spans: SpansRead} {
  const literal = Math.max(0, ...rows.map((row) => row.cells.length))
  const spanned = place(rows, true)
  if (spanned && spanned.covered === 0) return {slots: padded(spanned.slots), spans: 'none'}
  if (spanned) {
    const width = Math.max(0, ...spanned.slots.map((row) => row.length))
    if (spanned.covered + (width - literal) * rows.length <= MAX_SPANNED_SLOTS)
      return {slots: padded(spanned.slots), spans: 'kept'}
  }
  return {slots: padded(place(rows, false)!.slots), spans: 'ignored'}
}

/**
 * Each row's cells at their slots, with or without their spans; null once the spans have
 * covered more than {@link MAX_SPANNED_SLOTS} slots (no more are made).
 */
function place(rows: readonly GridRow[], withSpans: boolean) {
  const slots: Slot[][] = rows.map(() => [])
  // The last row of each row's group: a rowspan never reaches past it.
  const lastOfGroup: number[] = []
  for (let r = rows.length - 1; r >= 0; r--)
    lastOfGroup[r] =
      r + 1 < rows.length && rows[r + 1].group === rows[r].group ? lastOfGroup[r + 1] : r
  let covered = 0
  for (const [r, {cells}] of rows.entries()) {
    let column = 0
    for (const [cell, spans] of cells.entries()) {
      while (slots[r][column] !== undefined) column++
      const bottom = withSpans ? Math.min(lastOfGroup[r], r + spans.rows - 1) : r
      const columns = withSpans ? spans.columns : 1
      covered += (bottom - r + 1) * columns - 1
      if (covered > MAX_SPANNED_SLOTS) return null
      for (let y = r; y <= bottom; y++)
        for (let x = column; x < column + columns; x++)
          slots[y][x] =
            y === r && x === column
              ? {cell, columns, rows: bottom - r + 1}
              : {covered: {row: r, cell}}
      column += columns
    }
  }
  return {slots, covered}
}

/** Every row filled with null to the widest row's width. */
function padded(slots: Slot[][]): Slot[][] {
  const width = Math.max(0, ...slots.map((row) => row.length))
  for (const row of slots) for (let x = 0; x < width; x++) row[x] ??= null
  return slots
}
