import {describe, expect, it} from 'vitest'

import {responsibility} from './documents/responsibility.ts'
import {tool} from './documents/tool.ts'
import {imageSubtitle, namesPreview} from './fields.ts'
import {callout as calloutType} from './objects/callout.ts'
import {definitionList} from './objects/definitionList.ts'
import {lessonBody} from './objects/lessonBody.ts'
import {quote} from './objects/quote.ts'
import {responsibilitySection} from './objects/responsibilitySection.ts'
import {table} from './objects/table.ts'
import {tableCell} from './objects/tableCell.ts'
import {tableRow} from './objects/tableRow.ts'
import {toolTableRow} from './objects/toolTableRow.ts'

type Preview = {prepare: (value: Record<string, unknown>) => {title?: string; subtitle?: string}}
const prepare = (type: {preview?: unknown}, value: Record<string, unknown>) =>
  (type.preview as Preview).prepare(value)

const cell = (text: string) => ({
  content: [{_type: 'block', children: [{_type: 'span', text}]}],
})

describe('Studio previews', () => {
  it('shows table cells, rows and tables as their text, with the table size', () => {
    expect(prepare(tableCell, cell('Owner'))).toEqual({title: 'Owner'})
    expect(prepare(tableRow, {cells: [cell('Owner'), cell('Jo')]})).toEqual({title: 'Owner | Jo'})
    const rows = [{cells: [cell('Role'), cell('Who')]}, {cells: [cell('Owner'), cell('Jo')]}]
    expect(prepare(table, {rows})).toEqual({
      title: 'Role | Who',
      subtitle: 'Table · 2 rows × 2 columns',
    })
  })

  it('shows a cell holding a code block by its code, not as an empty cell', () => {
    const code = {_type: 'codeBlock', code: '{\n  "type": "flattened"\n}'}
    expect(prepare(tableCell, {content: [code]})).toEqual({title: '{ "type": "flattened" }'})
  })

  it('titles a definition list by its terms, with their count', () => {
    const term = (text: string) => ({term: cell(text).content})
    expect(prepare(definitionList, {items: [term('API'), term('SDK')]})).toEqual({
      title: 'API, SDK',
      subtitle: 'Definition list · 2 terms',
    })
    expect(prepare(definitionList, {items: [term('API')]}).subtitle).toBe(
      'Definition list · 1 term',
    )
  })

  it('titles a quote of several blocks by its text, not "Untitled"', () => {
    const body = [cell('First.').content[0], {_type: 'codeBlock'}, cell('Second.').content[0]]
    expect(prepare(quote, {body})).toEqual({title: 'First. Second.', subtitle: 'Quote'})
    expect(prepare(quote, {body: []}).title).toBe('(empty quote)')
  })

  it('titles a quote or a cell by what it holds, never as empty when it holds a block', () => {
    const callout = {_type: 'callout', tone: 'tip', body: [cell('A paragraph').content[0]]}
    const details = {_type: 'details', summary: cell('Hint').content, body: cell('Try it.').content}
    expect(prepare(quote, {body: [callout]}).title).toBe('A paragraph')
    expect(prepare(quote, {body: [details]}).title).toBe('Hint Try it.')
    const image = {_type: 'image', src: 'https://img.example.org/cat.png'}
    expect(prepare(quote, {body: [image]}).title).toBe('(image)')
    expect(prepare(tableCell, {content: [image, {_type: 'embed'}, image]}).title).toBe(
      '(image, embed)',
    )
    const code = {_type: 'codeBlock', code: 'npm test'}
    expect(prepare(calloutType, {tone: 'note', body: [code]}).title).toBe('npm test')
    expect(prepare(calloutType, {tone: 'note', body: [image]}).title).toBe('(image)')
    expect(prepare(calloutType, {tone: 'note', body: []}).title).toBe('(empty callout)')
  })

  it('titles a remote image by its description and host, not "Untitled"', () => {
    const image = (lessonBody as {of: {name?: string; preview?: unknown}[]}).of.find(
      (member) => member.name === 'image',
    )!
    expect(
      prepare(image, {alt: 'A cat', src: 'https://img.example.org/cat.png', media: undefined}),
    ).toMatchObject({title: 'A cat', subtitle: 'Image · remote, img.example.org'})
    expect(imageSubtitle(undefined, true)).toBe('Image · uploaded')
  })

  it('names the first items of a section and counts the rest, with correct plurals', () => {
    expect(namesPreview(['Jira', 'Trello', 'Asana'], 5, 'tool', 'tools')).toBe(
      'Jira, Trello, Asana and 2 more',
    )
    expect(namesPreview([], 1, 'tool', 'tools')).toBe('1 tool')
  })

  it('selects the names of referenced responsibilities and tools from fields those types have', () => {
    const selected = (type: {preview?: unknown}, prefix: string) =>
      Object.values((type.preview as {select: Record<string, string>}).select)
        .filter((path) => path.startsWith(`${prefix}.`) && !path.endsWith('.length'))
        .map((path) => path.split('.').at(-1))
    const fields = (type: {fields?: {name: string}[]}) => type.fields?.map((field) => field.name)
    expect(selected(responsibilitySection, 'responsibilities')).toEqual(['name', 'name', 'name'])
    expect(fields(responsibility)).toContain('name')
    expect(selected(toolTableRow, 'tools')).toEqual(['name', 'name', 'name'])
    expect(fields(tool)).toContain('name')
  })
})
