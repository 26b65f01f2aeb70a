/**
 * Merged cells. A table is stored as a grid, every row holding a cell for each column; a cell
 * that spans several columns or rows (`colSpan`, `rowSpan`) covers the cells to its right and
 * below it, which stay in the grid, empty. The importer, the renderer, the Studio and the
 * exporter read the spans through `tableSpans`, so they agree on which cells a reader sees.
 */

/** The most columns a cell may span: HTML's own limit. */
export const MAX_COLSPAN = 1000
/** The most rows a cell may span: HTML's own limit. */
export const MAX_ROWSPAN = 65534

export interface SpanningCell {
  colSpan?: number
  rowSpan?: number
}

/** Where a cell sits: its row and its column in the grid, both from 0. */
export interface Slot {
  row: number
  column: number
}

export interface TableSpans {
  /** The columns and rows each merged cell spans, within the table, keyed `row:column`. */
  spans: Map<string, {colSpan: number; rowSpan: number}>
  /** The cells a merged cell covers, keyed `row:column`, each with the merged cell's slot. */
  covered: Map<string, Slot>
}

export function slotKey(row: number, column: number): string {
  return `${row}:${column}`
}

function count(value: unknown, max: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 1
    ? Math.min(value, max)
    : 1
}

/**
 * The merged cells of a table and the cells they cover. A span stops at the table's last column
 * and at the end of its part of the table (the `headerRows` head, or the body); a covered cell's
 * own span is not read.
 */
export function tableSpans(
  rows: ReadonlyArray<{cells?: ReadonlyArray<SpanningCell> | null} | null | undefined>,
  headerRows: number,
): TableSpans {
  const spans: TableSpans['spans'] = new Map()
  const covered: TableSpans['covered'] = new Map()
  const width = Math.max(0, ...rows.map((row) => row?.cells?.length ?? 0))
  const head = Math.max(0, Math.min(headerRows, rows.length))
  rows.forEach((row, rowIndex) => {
    const partEnd = rowIndex < head ? head : rows.length
    row?.cells?.forEach((cell, column) => {
      if (covered.has(slotKey(rowIndex, column))) return
      const colSpan = Math.min(count(cell?.colSpan, MAX_COLSPAN), width - column)
      const rowSpan = Math.min(count(cell?.rowSpan, MAX_ROWSPAN), partEnd - rowIndex)
      if (colSpan === 1 && rowSpan === 1) return
      spans.set(slotKey(rowIndex, column), {colSpan, rowSpan})
      for (let r = rowIndex; r < rowIndex + rowSpan; r++) {
        for (let c = column; c < column + colSpan; c++) {
          if (r === rowIndex && c === column) continue
          covered.set(slotKey(r, c), {row: rowIndex, column})
        }
      }
    })
  })
  return {spans, covered}
}
