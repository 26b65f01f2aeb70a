import {describe, expect, it} from 'vitest'

import {htmlBlockAt, parsesBlockHtml} from './kramdown-blocks.ts'

describe('parsesBlockHtml', () => {
  it("reads the option as kramdown's options do: anything but false, 'false' and nothing is true", () => {
    // The values and kramdown 2.4's answers (Kramdown::Options.merge).
    const cases: Array<[unknown, boolean]> = [
      [true, true],
      [false, false],
      ['false', false],
      [' FALSE ', false],
      ['', false],
      [null, false],
      ['yes', true],
      [1, true],
      [0, true],
      ['0', true],
    ]
    for (const [value, expected] of cases) {
      expect(parsesBlockHtml({kramdown: {parse_block_html: value}}), String(value)).toBe(expected)
    }
  })

  it('is off for a site without kramdown settings', () => {
    expect(parsesBlockHtml({})).toBe(false)
    expect(parsesBlockHtml(undefined)).toBe(false)
    expect(parsesBlockHtml({kramdown: {input: 'GFM'}})).toBe(false)
  })
})

describe('htmlBlockAt with parse_block_html', () => {
  const modelOf = (html: string, parse: boolean) => htmlBlockAt(html, 0, 0, parse)?.model

  it("gives an element without a markdown attribute its own content model, as markdown='1' does", () => {
    expect(modelOf('<div>\n**a**\n</div>\n', true)).toBe('block')
    expect(modelOf('<p>*a*</p>\n', true)).toBe('span')
    expect(modelOf('<pre>\n*a*\n</pre>\n', true)).toBe('raw')
    expect(modelOf('<div>\n**a**\n</div>\n', false)).toBe('raw')
  })

  it("keeps an element marked markdown='0' as HTML", () => {
    expect(modelOf('<div markdown="0">\n**a**\n</div>\n', true)).toBe('raw')
  })

  it('keeps an element inside HTML as HTML unless its own attribute says otherwise', () => {
    // Read as HTML, the cell closes on its line; read as markdown blocks, it would need its
    // closing tag at a line's start and would take the rest of the page.
    const html = '<table>\n<tr><td>x</td></tr>\n</table>\n\nAfter\n'
    const block = htmlBlockAt(html, 0, 0, true)
    expect(block?.model).toBe('raw')
    expect(block?.closed).toBe(true)
    expect(html.slice(0, block?.end)).toBe('<table>\n<tr><td>x</td></tr>\n</table>')
  })
})
