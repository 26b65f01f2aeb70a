import {describe, expect, it} from 'vitest'

import {headingIds, headingText} from './headings.ts'

const heading = (key: string, children: object[]) => ({
  _type: 'block',
  _key: key,
  style: 'h2',
  markDefs: [],
  children,
})

describe('heading ids', () => {
  it('read an inline formula as its TeX source, as kramdown does', () => {
    const blocks = [
      heading('a', [
        {_type: 'span', text: 'With respect to ', marks: []},
        {_type: 'inlineMath', tex: 'y'},
      ]),
      heading('b', [
        {_type: 'inlineMath', tex: '\\KaTeX'},
        {_type: 'span', text: ' Tests', marks: []},
      ]),
    ]
    expect(headingText(blocks[1])).toBe('\\KaTeX Tests')
    expect([...headingIds(blocks).values()]).toEqual(['with-respect-to-y', 'katex-tests'])
  })
})
