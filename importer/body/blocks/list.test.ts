import {describe, expect, it} from 'vitest'

import {convertBody} from '../index.ts'
import {portableTextToPlainText} from '../plain-text.ts'

const convert = (markdown: string) =>
  convertBody(markdown, {
    file: 'docs/page.md',
    title: 'Page',
    lineOffset: 0,
    page: {},
    site: {},
    resolveLink: () => null,
  }).body

describe('lists', () => {
  it('keeps an item’s second paragraph in the item, so a numbered list does not renumber', () => {
    const body = convert('1. one\n\n   more of one\n2. two\n')
    expect(body.map((block) => block.listItem)).toEqual(['number', 'number'])
    expect(portableTextToPlainText(body)).toBe('one\n\nmore of one\ntwo')
  })

  it('keeps a code block and the paragraph after it in their item, at the item’s level', () => {
    const body = convert('- a\n  - b\n  - c\n\n  ```\n  x\n  ```\n\n  after code\n')
    expect(body.map((block) => [block._type, block.listItem ?? null, block.level])).toEqual([
      ['block', 'bullet', 1],
      ['block', 'bullet', 2],
      ['block', 'bullet', 2],
      ['codeBlock', null, 1],
      ['block', null, 1],
    ])
  })
})
