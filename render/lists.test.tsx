import {spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {root, runFixture} from '../importer/body/fixture-runner.ts'
import {BodyText} from './BodyText.tsx'
import {listOutline} from './list-outline.test-support.ts'
import {groupLists} from './lists.ts'
import {renderFragment} from './server.tsx'
import type {TypedObject} from './types.ts'

// Body fixtures whose lists readers must see numbered exactly as kramdown numbers them. Each
// holds `kramdown.html`, what Jekyll renders for its input.md.
const LIST_FIXTURES = [
  'list-steps-with-code',
  'list-images',
  'list-nested-numbered',
  'list-interrupted',
  'list-start',
  'list-embed',
  'list-rules',
  'lists-and-tasks',
  'lists-adjacent',
  'lists-ended-by-own-list',
  'toc-placeholder-and-own-toc',
]

const kramdownAvailable =
  spawnSync('ruby', ['-rkramdown', '-rkramdown-parser-gfm', '-e', '1']).status === 0

function kramdown(markdown: string): string {
  // No highlighter, as in fidelity/kramdown.rb: with rouge installed (Jekyll brings it) kramdown
  // would otherwise wrap code in its spans.
  const script =
    'puts Kramdown::Document.new(STDIN.read, input: "GFM", hard_wrap: false, syntax_highlighter: nil).to_html'
  const run = spawnSync('ruby', ['-rkramdown', '-rkramdown-parser-gfm', '-e', script], {
    input: markdown,
    encoding: 'utf8',
  })
  if (run.status !== 0) throw new Error(`Cannot run kramdown: ${run.stderr}`)
  return run.stdout
}

function rendered(name: string): string {
  return renderFragment(<BodyText value={runFixture(name).result.body as TypedObject[]} />)
}

/** A one-span list item block. */
const item = (listItem: string, text: string, start?: number) => ({
  _type: 'block',
  _key: text,
  style: 'normal',
  markDefs: [],
  listItem,
  level: 1,
  ...(start ? {start} : {}),
  children: [{_type: 'span', _key: `${text}s`, text, marks: []}],
})

describe('lists as readers see them', () => {
  for (const name of LIST_FIXTURES) {
    it(`numbers and nests the lists of ${name} as kramdown does`, () => {
      const expected = readFileSync(join(root, name, 'kramdown.html'), 'utf8')
      expect(listOutline(rendered(name))).toEqual(listOutline(expected))
    })

    it.skipIf(!kramdownAvailable)(
      `has a kramdown.html for ${name} that kramdown still renders`,
      () => {
        const {body} = runFixture(name)
        expect(readFileSync(join(root, name, 'kramdown.html'), 'utf8')).toBe(kramdown(body))
      },
    )
  }

  it('keeps counting after a code block inside an item', () => {
    const outline = listOutline(rendered('list-steps-with-code'))
    expect(outline.map((line) => line.split(' ')[0])).toEqual(['<ol>', '1.', '2.', '3.', '4.'])
    expect(outline[1]).toContain('The folder now holds the sources.')
  })

  it('starts a numbered list at its start number and keeps an item split in an editor in it', () => {
    const html = renderFragment(
      <BodyText
        value={[
          item('number', 'three', 3),
          item('number', 'four', 3),
          item('number', 'five'),
          item('number', 'one', 1),
        ]}
      />,
    )
    expect(listOutline(html)).toEqual(['<ol>', '3. three', '4. four', '5. five', '<ol>', '1. one'])
  })

  it('keeps lists that count from the same number apart by their listId, and a split item in its list', () => {
    const own = (text: string, listId: string) => ({...item('number', text, 1), listId})
    const html = renderFragment(
      <BodyText
        value={[
          item('number', 'open'),
          item('number', 'run', 1),
          own('read', 'a'),
          own('read on', 'a'),
          item('number', 'fix', 1),
        ]}
      />,
    )
    expect(listOutline(html)).toEqual([
      '<ol>',
      '1. open',
      '<ol>',
      '1. run',
      '<ol>',
      '1. read',
      '2. read on',
      '<ol>',
      '1. fix',
    ])
  })

  it('keeps bullet and task items in one list, as kramdown does, unless an item starts a list', () => {
    const html = renderFragment(
      <BodyText
        value={[
          item('task', 'todo'),
          item('bullet', 'plain'),
          item('bullet', 'apart', 1),
          item('bullet', 'split from apart', 1),
        ]}
      />,
    )
    expect(listOutline(html)).toEqual([
      '<ul>',
      '- todo',
      '- plain',
      '<ul>',
      '- apart',
      '- split from apart',
    ])
  })

  it('ends a list at a block that is not part of it, so the next list counts from 1', () => {
    const groups = groupLists([
      {_type: 'block', listItem: 'number', level: 1},
      {_type: 'codeBlock', level: 1},
      {_type: 'codeBlock'},
      {_type: 'block', listItem: 'number', level: 1},
    ])
    expect(groups.map((entry) => ('kind' in entry ? entry.items.length : entry._type))).toEqual([
      1,
      'codeBlock',
      1,
    ])
  })
})
