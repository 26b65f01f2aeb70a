import type {PortableTextTypeComponentProps} from '@portabletext/react'
import type {CSSProperties} from 'react'

import {slotKey, tableSpans} from '../../schemas/tableSpans.ts'
import {RichText} from '../RichText.tsx'
import type {BodyItemOf} from '../types.ts'

type Align = 'left' | 'center' | 'right'

/**
 * A table with rich-text cells; the first `headerRows` rows (default 1) form the head. A merged
 * cell spans its columns and rows, and the cells it covers are not drawn (tableSpans.ts).
 */
export function TableBlock({value}: PortableTextTypeComponentProps<BodyItemOf<'table'>>) {
  const rows = value.rows ?? []
  const headerCount = Math.max(0, Math.min(value.headerRows ?? 1, rows.length))
  const {spans, covered} = tableSpans(rows, headerCount)
  const style = (column: number): CSSProperties | undefined => {
    const align = value.align?.[column]
    return align && align !== 'none' ? {textAlign: align as Align} : undefined
  }
  const renderRows = (from: number, to: number, Cell: 'th' | 'td') =>
    rows.slice(from, to).map((row, offset) => {
      const rowIndex = from + offset
      return (
        <tr key={row._key}>
          {(row.cells ?? []).map((cell, column) => {
            const key = slotKey(rowIndex, column)
            if (covered.has(key)) return null
            const span = spans.get(key)
            return (
              <Cell
                key={cell._key}
                style={style(column)}
                colSpan={span && span.colSpan > 1 ? span.colSpan : undefined}
                rowSpan={span && span.rowSpan > 1 ? span.rowSpan : undefined}
              >
                <RichText value={cell.content} inline />
              </Cell>
            )
          })}
        </tr>
      )
    })
  return (
    <table>
      {headerCount > 0 && <thead>{renderRows(0, headerCount, 'th')}</thead>}
      {rows.length > headerCount && <tbody>{renderRows(headerCount, rows.length, 'td')}</tbody>}
    </table>
  )
}
