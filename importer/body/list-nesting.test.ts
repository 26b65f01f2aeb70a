import {describe, expect, it} from 'vitest'

import {kramdownListNesting} from './list-nesting.ts'

describe('kramdownListNesting', () => {
  it('writes the lines without `>` after a quote with its `>` up to a blank line, as kramdown reads them', () => {
    expect(kramdownListNesting('> a\n>\nlazy text\n- a list\n\nafter')).toBe(
      '> a\n>\n> lazy text\n> - a list\n\nafter',
    )
  })

  it('ends a quote where kramdown does: an attribute list, a block tag, `^`, a formula’s lines', () => {
    for (const text of [
      '> a\n{: .note }\n',
      '> a\n<div>x</div>\n',
      '> a\n^\n',
      '> $$\\begin{x}\n- y\n\\end{x}$$\n',
    ])
      expect(kramdownListNesting(text)).toBe(text)
    // A `>` indented otherwise is a quote line of its own; the lazy line after it joins it.
    expect(kramdownListNesting('> a\n  > b\nlazy')).toBe('> a\n  > b\n  > lazy')
  })

  it('moves a bullet list written under a numbered item to the item’s text, as kramdown nests it', () => {
    expect(kramdownListNesting('1. Step\n  - detail\n  - more\n2. Next\n')).toBe(
      '1. Step\n     - detail\n     - more\n2. Next\n',
    )
  })

  it('keeps numbered lines indented to a step’s text out of the bullet a lazy line opened, as kramdown parses them apart', () => {
    expect(kramdownListNesting('1. Step\n  - check:\n    1. one\n    2. two\n')).toBe(
      '1. Step\n     - check:\n    1. one\n    2. two\n',
    )
  })

  it('gives a list’s items one bullet character, as kramdown reads them as one list', () => {
    expect(kramdownListNesting('- a\n* b\n+ c\n')).toBe('- a\n- b\n- c\n')
  })

  it('leaves lists after a blank line, code fences and plain text as written', () => {
    const written = [
      '1. First',
      '',
      '- separate list',
      '',
      '```',
      '1. not a list',
      '  - in code',
      '> 1. quoted in code',
      '>   - in code',
      '```',
      'Text',
      '  - item',
    ].join('\n')
    expect(kramdownListNesting(written)).toBe(written)
  })

  it('nests the lists inside a quote as it nests the page’s, also a quote inside an item', () => {
    // Each line as written, and where the pass moves it.
    const lines: Array<[string, string]> = [
      ['> 1. quoted', '> 1. quoted'],
      ['>   - quoted detail', '>      - quoted detail'],
      ['> 2. next', '> 2. next'],
      ['>   - detail', '>      - detail'],
      ['>   > 1. deeper', '>          > 1. deeper'],
      ['>   >   - its detail', '>          >      - its detail'],
    ]
    const written = lines.map(([line]) => line).join('\n')
    expect(kramdownListNesting(written).split('\n')).toEqual(lines.map(([, moved]) => moved))
  })

  it('reads quotes nested far deeper than any page is allowed in linear time', () => {
    const deep = '> '.repeat(20_000) + '1. x\n' + '> '.repeat(20_000) + '  - y'
    expect(kramdownListNesting(deep).split('\n')).toHaveLength(2)
  })

  it('keeps every line on its line number', () => {
    const text = '- a\n  1. b\n    - c\n\n  1. d\n'
    expect(kramdownListNesting(text).split('\n')).toHaveLength(text.split('\n').length)
  })

  it('starts a list at a numbered line right under text, numbered from 1 as kramdown numbers it', () => {
    expect(kramdownListNesting('**Bad**\n5. Wait.\n6. Check.\n')).toBe(
      '**Bad**\n1. Wait.\n6. Check.\n',
    )
  })

  it('leaves a numbered line inside a formula that opens a block as its TeX', () => {
    const text = 'Text\n\n$$\na\n5. x + 1\n$$\n'
    expect(kramdownListNesting(text)).toBe(text)
  })

  it('leaves a numbered line in HTML as its text, as kramdown reads an element’s content', () => {
    // In a list a tab is the spaces to the next tab stop; the number stays as written.
    expect(
      kramdownListNesting(
        '4. How many bits?\n\t<div class="answer"><p>\n\t\t768. From 24 lines.\n\t</p></div>\n',
      ),
    ).toBe(
      '4. How many bits?\n    <div class="answer"><p>\n        768. From 24 lines.\n    </p></div>\n',
    )
  })
})
