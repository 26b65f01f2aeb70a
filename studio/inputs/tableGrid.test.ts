import {describe, expect, it} from 'vitest'

import {cellEdit, cellText, columnCount, emptyRow, plainCell} from './tableGrid.ts'

const span = (text: string, marks: string[] = []) => ({
  _type: 'span',
  _key: `s${text}`,
  text,
  marks,
})
const block = (children: object[], markDefs: object[] = []) => ({
  _type: 'block',
  _key: 'b',
  markDefs,
  children,
})

describe('table grid', () => {
  it('edits a cell of one unformatted span in place, by that span', () => {
    const cell = {_key: 'c', content: [block([span('Jira')])]} as never
    expect(cellEdit(cell)).toEqual({kind: 'span', blockKey: 'b', spanKey: 'sJira'})
    expect(cellText(cell)).toBe('Jira')
  })

  it('leaves a cell with marks, links, several spans or several paragraphs to the rich-text editor', () => {
    for (const content of [
      [block([span('Jira', ['strong'])])],
      [block([span('Jira')], [{_key: 'l', _type: 'link', href: 'https://x'}])],
      [block([span('Ji'), span('ra')])],
      [block([span('Jira')]), block([span('Trello')])],
    ])
      expect(cellEdit({_key: 'c', content} as never)).toEqual({kind: 'formatted'})
  })

  it('writes a paragraph into an empty cell', () => {
    expect(cellEdit({_key: 'c'})).toEqual({kind: 'empty'})
    expect(cellText(plainCell('Owner'))).toBe('Owner')
  })

  it('counts columns by the longest row and makes new rows that wide', () => {
    const rows = [emptyRow(2), emptyRow(3)]
    expect(columnCount(rows)).toBe(3)
    expect(columnCount([])).toBe(0)
    expect(emptyRow(3).cells).toHaveLength(3)
    expect(new Set(rows.flatMap((row) => row.cells!.map((cell) => cell._key))).size).toBe(5)
  })
})
