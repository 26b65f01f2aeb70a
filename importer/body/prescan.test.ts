import {describe, expect, it} from 'vitest'

import {prescan} from './prescan.ts'

const limits = {maxNesting: 5, maxDelimiters: 20}
const deepAt = (source: string) => prescan(source, limits).tooDeep

describe('prescan', () => {
  it('passes the nesting of real pages: a few levels of lists, quotes and numbered steps', () => {
    const page = [
      '- one',
      '  - two',
      '    - three',
      '',
      '1. step',
      '   1. sub-step',
      '      ```sh',
      '      npm test',
      '      ```',
      '',
      '> quote',
      '> > reply',
      '',
      '* * * * * * * *',
      '',
      '```',
      '                                          deeply indented code',
      '```',
    ].join('\n')
    expect(deepAt(page)).toBeUndefined()
  })

  it('counts a run of one delimiter once, each bracket, and no escaped character', () => {
    const count = (text: string) =>
      prescan(text, {maxNesting: 5, maxDelimiters: 0}).dense[0]?.delimiters
    // `**` `**` `[` `]` `~~` `~~` and two backticks; `*_` is two runs; `\*` and `é` are none.
    expect(count('**a** [b] ~~c~~ `d`')).toBe(8)
    expect(count('*_a_*')).toBe(4)
    expect(count('\\*a\\[ é *b*')).toBe(2)
  })

  it('finds nesting written as markers on one line, by indentation, and in quotes', () => {
    expect(deepAt('intro\n\n' + '- '.repeat(6) + 'x')).toEqual({line: 3, depth: 6})
    expect(deepAt('> '.repeat(6) + 'x')).toEqual({line: 1, depth: 6})
    expect(deepAt('>'.repeat(6) + ' x')).toEqual({line: 1, depth: 6})
    expect(deepAt('1. 2) - > + * x')).toEqual({line: 1, depth: 6})
    const indented = Array.from({length: 8}, (_, i) => ' '.repeat(2 * i) + '- x').join('\n')
    expect(deepAt(indented)?.line).toBe(6)
  })

  it('stops at the first line over the limit, so a page nested 10,000 deep costs one line', () => {
    const scan = prescan('- '.repeat(10_000) + 'x\n' + '> '.repeat(10_000), limits)
    expect(scan.tooDeep).toEqual({line: 1, depth: 10_000})
  })

  it('counts delimiters per paragraph: runs of * _ ~ and backticks, and each bracket', () => {
    const source = 'a **b** _c_ ~~d~~ `e` [f](g)\n\n' + '_*'.repeat(11) + '\ncontinued\n\nlast'
    const {dense} = prescan(source, limits)
    expect(dense.map(({line, delimiters, inCode}) => ({line, delimiters, inCode}))).toEqual([
      {line: 3, delimiters: 22, inCode: false},
    ])
    expect(dense[0].ranges).toEqual([30, 52, 53, 62])
  })

  it('ignores escaped delimiters', () => {
    expect(prescan('\\*'.repeat(40), limits).dense).toEqual([])
  })

  it('counts each list item and each table row on its own, as the parser reads them', () => {
    const list = Array.from({length: 30}, () => '- **a** _b_').join('\n')
    const table = '| **a** | _b_ |\n|---|:-:|\n' + '| **a** | _b_ | `c` |\n'.repeat(30)
    expect(prescan(list + '\n\n' + table, limits).dense).toEqual([])
  })

  it('marks a dense paragraph inside a fenced code block as code', () => {
    const {dense} = prescan('```c\n' + 'int **p = *q;\n'.repeat(11) + '```\n', limits)
    expect(dense.map((d) => d.inCode)).toEqual([true])
  })
})
