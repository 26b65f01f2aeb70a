import type {Paragraph, PhrasingContent} from 'mdast'
import {describe, expect, it} from 'vitest'

import {parseMarkdown} from './parse.ts'

/** The paragraph's inline content as `<em>`/`<strong>` around text, as kramdown writes it. */
function inline(markdown: string): string {
  const show = (nodes: PhrasingContent[]): string =>
    nodes
      .map((node) =>
        node.type === 'text'
          ? node.value
          : node.type === 'emphasis'
            ? `<em>${show(node.children)}</em>`
            : node.type === 'strong'
              ? `<strong>${show(node.children)}</strong>`
              : node.type === 'link'
                ? `<a>${show(node.children)}</a>`
                : `<${node.type}>`,
      )
      .join('')
  return show((parseMarkdown(markdown).children[0] as Paragraph).children)
}

describe('emphasis as kramdown reads it', () => {
  it('closes at the first run that may close it, reading left to right', () => {
    expect(inline('always @(*) to *infer* hardware')).toBe('always @(<em>) to *infer</em> hardware')
    expect(inline('**foo **bar**')).toBe('<strong>foo **bar</strong>')
    expect(inline('*a *b* c*')).toBe('<em>a *b</em> c*')
  })

  it('tries strong that never closes as emphasis of its first character', () => {
    expect(inline('**foo*')).toBe('<em>*foo</em>')
    expect(inline('***foo**')).toBe('<strong>*foo</strong>')
    expect(inline('*foo**')).toBe('*foo**')
  })

  it('opens and closes beside punctuation, and reads emphasis in a link with the link', () => {
    expect(inline('**Redshift:**O and A*,* é')).toBe(
      '<strong>Redshift:</strong>O and A<em>,</em> é',
    )
    expect(inline('[*a* link](https://x.org) *b [c* d](https://y.org)*')).toBe(
      '<a><em>a</em> link</a> <em>b <a>c* d</a></em>',
    )
  })

  it('never pairs a strikethrough across the edge of emphasis, which no syntax tree could hold', () => {
    expect(inline('*a ~~b* c~~ and **d ~~e** f~~')).toBe(
      '<em>a ~~b</em> c~~ and <strong>d ~~e</strong> f~~',
    )
    expect(inline('*x ~~y~~ z*')).toBe('<em>x <delete> z</em>')
  })

  it('parses every mix of runs, strikethroughs, links, code and HTML into a tree (seeded, 8,000 texts)', () => {
    const parts = ['*', '**', '_', '__', '~~', '~', '[', '](x)', ']', '`', 'a', 'b ', ' ', ',', '"']
    const more = [
      '(',
      ')',
      '<b>',
      '</b>',
      '$$',
      'x$$',
      '\\*',
      '[^1]',
      '![',
      '<https://a.b>',
      '|',
      '\n',
    ]
    const all = [...parts, ...more]
    let seed = 7
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n
    const failed: string[] = []
    for (let i = 0; i < 8000; i++) {
      let text = ''
      for (let length = 3 + next(14); length > 0; length--) text += all[next(all.length)]
      try {
        parseMarkdown(text)
      } catch {
        failed.push(text)
      }
    }
    expect(failed).toEqual([])
  }, 60_000)

  it('reads a text of thousands of runs that never close as text, every asterisk kept', () => {
    // kramdown reads such a text again from each run: past a bound, CommonMark's pairing reads it.
    const text = `${'**a *b '.repeat(5000)}end`
    expect(inline(text)).toBe(text)
  })
})
