import {AddIcon} from '@sanity/icons/Add'
import {TrashIcon} from '@sanity/icons/Trash'
import {Box, Button, Card, Flex, Stack, Text, TextInput} from '@sanity/ui'
import {insert, set, setIfMissing, unset, type FormPatch, type ObjectInputProps} from 'sanity'

import {
  cellEdit,
  cellText,
  columnCount,
  emptyRow,
  plainCell,
  type TableCell,
  type TableRow,
  type TableValue,
} from './tableGrid.ts'
import {slotKey, tableSpans} from '../../schemas/tableSpans.ts'

const cellStyle = {border: '1px solid var(--card-border-color)', padding: 2, verticalAlign: 'top'}
// A cell a merged cell covers: shown, so that no text hides, but dimmed and not editable here.
const coveredStyle = {...cellStyle, borderStyle: 'dashed', opacity: 0.6}

/** A covered cell's placeholder, short enough for a narrow column: where its merged cell is. */
function mergedPlaceholder(owner: {row: number; column: number}, row: number, column: number) {
  const arrow = owner.row === row ? '←' : owner.column === column ? '↑' : '↖'
  return `${arrow} merged`
}

function spanText(span: {colSpan: number; rowSpan: number}): string {
  const part = (n: number, what: string) => (n > 1 ? [`${n} ${what}`] : [])
  return [...part(span.colSpan, 'columns'), ...part(span.rowSpan, 'rows')].join(' and ')
}

/**
 * The table as an editor reads it: a grid of rows × cells whose text is edited in place, with
 * buttons to add and remove rows and columns. Cells with formatting (marks, links, several
 * paragraphs) are shown read-only and edited in the row list below, so no formatting is lost.
 * A merged cell's spans are set in its cell below; the cells it covers are shown dimmed, read-only.
 */
export function TableGridInput(props: ObjectInputProps) {
  const value = (props.value ?? {}) as TableValue
  const rows = value.rows ?? []
  const columns = columnCount(rows)
  const headerRows = value.headerRows ?? 1
  const merged = tableSpans(rows, headerRows)
  const readOnly = Boolean(props.readOnly)
  const change = (...patches: FormPatch[]) => props.onChange(patches)
  const rowPath = (row: TableRow) => ['rows', {_key: row._key}]

  const editCell = (row: TableRow, cell: TableCell, text: string) => {
    const edit = cellEdit(cell)
    const cellPath = [...rowPath(row), 'cells', {_key: cell._key}]
    if (edit.kind === 'span') {
      const path = [...cellPath, 'content', {_key: edit.blockKey}, 'children', {_key: edit.spanKey}]
      change(set(text, [...path, 'text']))
    } else if (edit.kind === 'empty') {
      change(set(plainCell(text).content, [...cellPath, 'content']))
    }
  }
  const addRow = () =>
    change(setIfMissing([], ['rows']), insert([emptyRow(columns)], 'after', ['rows', -1]))
  const addColumn = () =>
    change(...rows.map((row) => insert([plainCell()], 'after', [...rowPath(row), 'cells', -1])))
  const removeColumn = (index: number) =>
    change(
      ...rows.flatMap((row) => {
        const cell = row.cells?.[index]
        return cell ? [unset([...rowPath(row), 'cells', {_key: cell._key}])] : []
      }),
    )

  return (
    <Stack gap={4}>
      <Card border radius={2} padding={2} overflow="auto">
        <table
          aria-label="Table cells"
          data-testid="table-grid"
          style={{borderCollapse: 'collapse', width: '100%'}}
        >
          <tbody>
            {rows.map((row, rowIndex) => (
              <tr key={row._key} data-testid="table-grid-row">
                {(row.cells ?? []).map((cell, cellIndex) => {
                  const edit = cellEdit(cell)
                  const label = `Row ${rowIndex + 1}, column ${cellIndex + 1}`
                  const slot = slotKey(rowIndex, cellIndex)
                  const owner = merged.covered.get(slot)
                  const span = merged.spans.get(slot)
                  const coveredBy = owner && `row ${owner.row + 1}, column ${owner.column + 1}`
                  return (
                    <td key={cell._key} style={owner ? coveredStyle : cellStyle}>
                      <TextInput
                        aria-label={
                          coveredBy ? `${label}, covered by the merged cell at ${coveredBy}` : label
                        }
                        fontSize={1}
                        padding={2}
                        value={cellText(cell)}
                        placeholder={owner && mergedPlaceholder(owner, rowIndex, cellIndex)}
                        readOnly={readOnly || edit.kind === 'formatted' || !!owner}
                        title={
                          coveredBy
                            ? `Covered by the merged cell at ${coveredBy}: readers do not see this cell`
                            : edit.kind === 'formatted'
                              ? 'This cell has formatting: edit it in the rows below'
                              : span
                                ? `${label}, merged over ${spanText(span)}`
                                : label
                        }
                        weight={rowIndex < headerRows ? 'semibold' : 'regular'}
                        onChange={(event) => editCell(row, cell, event.currentTarget.value)}
                      />
                    </td>
                  )
                })}
                <td style={{width: 1}}>
                  <Button
                    icon={TrashIcon}
                    mode="bleed"
                    tone="critical"
                    disabled={readOnly || rows.length <= 1}
                    aria-label={`Remove row ${rowIndex + 1}`}
                    onClick={() => change(unset(rowPath(row)))}
                  />
                </td>
              </tr>
            ))}
            <tr>
              {Array.from({length: columns}, (_, index) => (
                <td key={index} style={{textAlign: 'center'}}>
                  <Button
                    icon={TrashIcon}
                    mode="bleed"
                    tone="critical"
                    disabled={readOnly || columns <= 1}
                    aria-label={`Remove column ${index + 1}`}
                    onClick={() => removeColumn(index)}
                  />
                </td>
              ))}
            </tr>
          </tbody>
        </table>
        <Flex gap={2} paddingTop={2}>
          <Button icon={AddIcon} mode="ghost" text="Add row" disabled={readOnly} onClick={addRow} />
          <Button
            icon={AddIcon}
            mode="ghost"
            text="Add column"
            disabled={readOnly || rows.length === 0}
            onClick={addColumn}
          />
        </Flex>
      </Card>
      <Box>
        <Text size={1} muted>
          Rows, header rows and alignment, with formatting:
        </Text>
      </Box>
      {props.renderDefault(props)}
    </Stack>
  )
}
