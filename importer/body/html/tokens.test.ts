import {describe, expect, it} from 'vitest'

import {withoutMarkdownAttributes} from './tokens.ts'

describe('withoutMarkdownAttributes', () => {
  it("drops each start tag's markdown attribute with the space before it, as kramdown does", () => {
    expect(
      withoutMarkdownAttributes('<form markdown="0" action="/x"><input name="q"></form>'),
    ).toBe('<form action="/x"><input name="q"></form>')
    expect(
      withoutMarkdownAttributes("<div class=a markdown=1>\n<p markdown='span'>x</p></div>"),
    ).toBe('<div class=a>\n<p>x</p></div>')
  })

  it('keeps the word where it is text or part of another attribute', () => {
    const html = '<p title="a markdown=1 b" data-markdown="1">Write markdown="1" here.</p>'
    expect(withoutMarkdownAttributes(html)).toBe(html)
  })
})
