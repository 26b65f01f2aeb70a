import {describe, expect, it} from 'vitest'

import {PAGE_FILE} from '../../schemas/constants.ts'
import {isReadme, mayBePage, rendersAsPage} from './pageFile.ts'

describe('page files', () => {
  it('takes a page extension off the end of a path only, markdown or HTML, in any case', () => {
    const stem = (path: string) => path.replace(PAGE_FILE, '')
    expect(['a/b.md', 'a/b.MKDOWN', 'a/b.html', 'a/b.xhtml', 'a/b.htm'].map(stem)).toEqual(
      Array(5).fill('a/b'),
    )
    expect(['a/b.md.txt', 'a/b.htmlx', 'a/b.md/c.png'].map(stem)).toEqual([
      'a/b.md.txt',
      'a/b.htmlx',
      'a/b.md/c.png',
    ])
  })

  it('reads HTML as a page outside the templates’ folders, and only with front matter', () => {
    expect(['a.md', 'docs/calc.html', '_pages/x.htm'].every(mayBePage)).toBe(true)
    expect(['_layouts/default.html', '_includes/nav.html', 'a.txt'].some(mayBePage)).toBe(false)
    expect(rendersAsPage({path: 'calc.html', text: '---\ntitle: C\n---\n'})).toBe(true)
    expect(rendersAsPage({path: 'calc.html', text: '<p>static</p>\n'})).toBe(false)
    expect(rendersAsPage({path: '_layouts/a.html', text: '---\n---\n'})).toBe(false)
  })

  it('knows a README in markdown by its name, in any case', () => {
    expect(['README.md', 'docs/ReadMe.markdown', 'a/readme.MD'].every(isReadme)).toBe(true)
    expect(['README.txt', 'README', 'docs/readme-old.md', 'readme/index.md'].some(isReadme)).toBe(
      false,
    )
  })
})
