import {describe, expect, it} from 'vitest'

import {convertBody} from './index.ts'
import {markdownBlock} from './markdown-block.ts'
import {portableTextToPlainText} from './plain-text.ts'

describe('markdownBlock', () => {
  it("keeps the space that makes a document's last line an empty definition, as Jekyll converts the document alone", () => {
    // ece101's schedule: each module's page ends in `  : ` with no line after it.
    const schedule = 'Fri, Apr 1\n: **No Lab**{: .label .label-green }\n  : '
    const body = `${markdownBlock(schedule)}\n<h4>Future</h4>\n`
    const {body: blocks} = convertBody(body, {
      file: 'index.md',
      title: 'Index',
      lineOffset: 0,
      page: {},
      site: {},
      resolveLink: () => null,
    })
    const text = portableTextToPlainText(blocks)
    expect(text).toContain('No Lab')
    expect(text).not.toContain(':')
  })

  it('leaves out the blank lines after the markdown', () => {
    expect(markdownBlock('Text\n\n  \n')).toBe('<div markdown="1">\n\nText\n\n</div>\n')
  })
})
