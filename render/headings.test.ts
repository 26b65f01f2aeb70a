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

  it('drop the dashes kramdown makes of typed hyphens, but not hyphens in code', () => {
    // The ids kramdown (GFM input, as Jekyll runs it) gives these four headings.
    const blocks = [
      heading('a', [{_type: 'span', text: "Lecture 11: Rawls' Law -- Rules", marks: []}]),
      heading('b', [{_type: 'span', text: 'Before --- after ---- end', marks: []}]),
      heading('c', [
        {_type: 'span', text: 'Flag ', marks: []},
        {_type: 'span', text: '--verbose', marks: ['code']},
      ]),
      heading('d', [{_type: 'span', text: 'a - b', marks: []}]),
    ]
    expect([...headingIds(blocks).values()]).toEqual([
      'lecture-11-rawls-law--rules',
      'before--after---end',
      'flag---verbose',
      'a---b',
    ])
  })
})
