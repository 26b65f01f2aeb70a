import {describe, expect, it} from 'vitest'

import {kramdownMissing, renderWithKramdown} from './kramdown.ts'

describe.skipIf(kramdownMissing() !== null)('renderWithKramdown', () => {
  it('renders a batch in one process, in order, with GFM and the site options', async () => {
    const [plain, blockHtml] = await renderWithKramdown([
      {markdown: 'a\nb ~~c~~'},
      {markdown: '<div>\n*x*\n</div>', options: {parse_block_html: true}},
    ])
    expect(plain).toEqual({html: '<p>a\nb <del>c</del></p>\n'})
    expect('html' in blockHtml && blockHtml.html).toContain('<em>x</em>')
  })
})
