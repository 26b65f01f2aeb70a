import type {PortableTextTypeComponentProps} from '@portabletext/react'
import type {CSSProperties} from 'react'

import {RichText} from '../RichText.tsx'
import type {BodyItemOf} from '../types.ts'

type Align = 'left' | 'center' | 'right'

/** A table with rich-text cells; the first `headerRows` rows (default 1) form the head. */
export function TableBlock({value}: PortableTextTypeComponentProps<BodyItemOf<'table'>>) {
  const rows = value.rows ?? []
  const headerCount = Math.max(0, Math.min(value.headerRows ?? 1, rows.length))
  const style = (column: number): CSSProperties | undefined => {
    const align = value.align?.[column]
    return align && align !== 'none' ? {textAlign: align as Align} : undefined
  }
  const renderRows = (part: typeof rows, Cell: 'th' | 'td') =>
    part.map((row) => (
      <tr key={row._key}>
        {(row.cells ?? []).map((cell, column) => (
          <Cell key={cell._key} style={style(column)}>
            <RichText value={cell.content} inline />
          </Cell>
        ))}
      </tr>
    ))
  return (
    <table>
      {headerCount > 0 && <thead>{renderRows(rows.slice(0, headerCount), 'th')}</thead>}
      {rows.length > headerCount && <tbody>{renderRows(rows.slice(headerCount), 'td')}</tbody>}
    </table>
  )
}
