/**
 * Where the cells of an HTML table sit, as a browser lays them out: each cell at the first
 * column of its row that no cell above still spans, taking `colspan` columns and `rowspan` rows
 * of its row group (the HTML table model). The schema's table has no merged cells, so the
 * converter puts each cell in the first of its columns and leaves the slots its span covers
 * empty: every value stays under its own heading, where taking the cells in order would move
 * those after a `rowspan` one column to the left.
 */

/** A cell's spans, as its `colspan` and `rowspan` attributes say. */
export interface Spans {
  columns: number
  rows: number
}

/**
 * Columns one cell may span here: HTML allows 1,000, but each covered slot becomes an empty
 * cell, and no real table merges more than a few dozen columns; a page cannot make a large body
 * out of a few short tags.
 */
export const MAX_COLSPAN = 64

/** Rows one cell may span (HTML's own limit); a span never leaves its row group anyway. */
const MAX_ROWSPAN = 65_534

/**
 * Slots one table's spans may cover in all, each an empty cell: far more than any real table
 * merges, and a bound on what a page of short tags (`rowspan="0"` over thousands of empty rows)
 * can make. Spans past it are read as 1.
 */
export const MAX_COVERED_SLOTS = 10_000

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
    rows: rows === 0 ? Infinity : Math.min(rows ?? 1, MAX_ROWSPAN),
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
export type Slot = {cell: number} | {covered: {row: number; cell: number}} | null

/**
 * The table's grid: a row of slots for each row, every row as wide as the widest (spans
 * included), and whether any cell spans more than its own slot.
 */
export function tableGrid(rows: readonly GridRow[]): {slots: Slot[][]; spanned: boolean} {
  const slots: Slot[][] = rows.map(() => [])
  // The last row of each row's group: a rowspan never reaches past it.
  const lastOfGroup: number[] = []
  for (let r = rows.length - 1; r >= 0; r--)
    lastOfGroup[r] =
      r + 1 < rows.length && rows[r + 1].group === rows[r].group ? lastOfGroup[r + 1] : r
  let spanned = false
  let covered = 0
  rows.forEach(({cells}, r) => {
    const last = lastOfGroup[r]
    let column = 0
    cells.forEach((spans, cell) => {
      while (slots[r][column] !== undefined) column++
      let bottom = Math.min(last, r + spans.rows - 1)
      let columns = spans.columns
      const covers = (bottom - r + 1) * columns - 1
      if (covered + covers > MAX_COVERED_SLOTS) [bottom, columns] = [r, 1]
      else covered += covers
      if (columns > 1 || bottom > r) spanned = true
      for (let y = r; y <= bottom; y++)
        for (let x = column; x < column + columns; x++)
          slots[y][x] = y === r && x === column ? {cell} : {covered: {row: r, cell}}
      column += columns
    })
  })
  const width = Math.max(0, ...slots.map((row) => row.length))
  for (const row of slots) for (let x = 0; x < width; x++) row[x] ??= null
  return {slots, spanned}
}
