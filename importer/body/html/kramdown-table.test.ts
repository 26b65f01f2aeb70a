import type {Root} from 'mdast'
import {describe, expect, it} from 'vitest'

import {seeded} from '../../../testing/seeded.ts'
import {parseMarkdown} from '../parse.ts'
import {plainGfmTable} from './kramdown-table.ts'

/** What GFM reads, from the parser: one table, and how many rows it has. */
function parsed(lines: string[]): {oneTable: boolean; rows?: number} {
  const root: Root = parseMarkdown(lines.join('\n'))
  const only = root.children[0]
  return root.children.length === 1 && only.type === 'table'
    ? {oneTable: true, rows: only.children.length}
    : {oneTable: false}
}

const PIECES = ['|', '|', ' ', '-', '--', ':', 'a', 'b c', '`', '*', '=', '+', '#', '>', '\t']
const RARE = ['\\|', '<b>x|y</b>', '{{ a | b }}', '[l](u)', '- ', '1. ', '`|`', '***']

/** A line, led by a pipe or not, from pieces that matter to a table's shape. */
function line(random: () => number, delimiterLike: boolean): string {
  // Real tables not led by a pipe mostly start with a word; the rest tries GFM's block starts.
  let text = random() < 0.5 ? '|' : random() < 0.6 && !delimiterLike ? 'a' : ''
  const length = 1 + Math.floor(random() * 8)
  for (let i = 0; i < length; i++) {
    if (delimiterLike) text += [' ', '-', '---', ':', '|', ' | '][Math.floor(random() * 6)]
    else if (random() < 0.05) text += RARE[Math.floor(random() * RARE.length)]
    else text += PIECES[Math.floor(random() * PIECES.length)]
  }
  return random() < 0.3 ? text + '  ' : text
}

describe('plainGfmTable', () => {
  it('answers as the GFM parser reads each of 4,000 generated blocks, or leaves it to the parser', () => {
    const random = seeded(14)
    let answered = 0
    for (let n = 0; n < 4000; n++) {
      const count = 2 + Math.floor(random() * 4)
      const lines = Array.from({length: count}, (_, i) => line(random, i === 1 || random() < 0.1))
      const known = plainGfmTable(lines)
      if (known === undefined) continue
      answered++
      const gfm = parsed(lines)
      const context = JSON.stringify(lines)
      expect(known, context).toBe(gfm.oneTable)
      if (known) expect(gfm.rows, context).toBe(lines.length - 1)
    }
    // The shortcut must answer for a good share of these shapes (most that are led by a pipe or a
    // word; the rest try GFM's other blocks), or it saves nothing.
    expect(answered).toBeGreaterThan(800)
  })

  it('reads a usual table as one table of its lines after the delimiter row', () => {
    const lines = ['| Tool | Use |', '|:-----|----:|', '| git | history |', '| npm | packages |']
    expect(plainGfmTable(lines)).toBe(true)
    expect(parsed(lines)).toEqual({oneTable: true, rows: 3})
  })

  it('reads a header whose cells outnumber the delimiter row as no table', () => {
    const lines = ['| a | b | c |', '|---|---|', '| 1 | 2 |']
    expect(plainGfmTable(lines)).toBe(false)
    expect(parsed(lines).oneTable).toBe(false)
  })

  it('leaves lines with escapes, lines that may start another block and later separators to the parser', () => {
    expect(plainGfmTable(['| a \\| b |', '|---|'])).toBeUndefined()
    expect(plainGfmTable(['> a | b', '--|--'])).toBeUndefined()
    expect(plainGfmTable(['a | b', '--|--', '- c | d'])).toBeUndefined()
    expect(plainGfmTable(['| a |', '|---|', '| b |', '|---|', '| c |'])).toBeUndefined()
    expect(plainGfmTable(['| a |'])).toBeUndefined()
  })
})
