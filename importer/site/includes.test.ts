import {describe, expect, it} from 'vitest'

import {dynamicRelativeIncludeFolders} from './includes.ts'

describe('dynamicRelativeIncludeFolders', () => {
  // `row.md` names its file with Liquid; `table.md` reaches it, and `guard.md` reaches it only
  // through `table.md`, which includes `guard.md` back under a condition (a cycle Jekyll allows).
  const includes = new Map([
    ['row.md', '{% include_relative {{ include.run }}/time.txt %}'],
    ['table.md', '{% include guard.md %}{% include row.md run=include.run %}'],
    ['guard.md', '{% if include.again %}{% include table.md %}{% endif %}'],
    ['plain.md', '{% include_relative notes.txt %}'],
  ])

  it('names the folder of each page that reaches such a tag, through any include, cycles too', () => {
    const pages = [
      {file: 'runs/index.md', text: '{% include table.md run="fast" %}'},
      {file: 'docs/guarded/page.md', text: '{% include guard.md %}'},
      {file: 'own/page.md', text: '{%- include_relative {{ page.x }}.txt -%}'},
      {file: 'top.md', text: '{% include row.md run="a" %}'},
      {file: 'other/page.md', text: '{% include plain.md %} and the word include'},
      {file: 'none/page.md', text: 'No tags.'},
    ]
    expect(dynamicRelativeIncludeFolders(pages, includes).sort()).toEqual([
      '.',
      'docs/guarded',
      'own',
      'runs',
    ])
  })

  it('names none when no include or page makes a name with Liquid', () => {
    const pages = [{file: 'a/page.md', text: '{% include plain.md %}'}]
    expect(dynamicRelativeIncludeFolders(pages, new Map([['plain.md', 'x']]))).toEqual([])
  })
})
