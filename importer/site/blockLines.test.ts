import {describe, expect, it} from 'vitest'

import {blockLine} from './blockLines.ts'
import {importSite} from './importSite.ts'

describe('blockLine', () => {
  it("gives each top-level block of a page's document the page line it came from, by its key", () => {
    // Front matter on lines 1 to 4; the blocks open on lines 6, 8 and 10, the list (both its
    // items) on line 14.
    const text =
      '---\ntitle: Guide\nnav_order: 1\n---\n\nOne.\n\n## Two\n\n```js\nx()\n```\n\n- a\n- b\n'
    const result = importSite([{path: 'guide.md', text}])
    const guide = result.documents.find((doc) => result.origins[doc._id] === 'guide.md')!
    const body = guide.body as Array<{_key: string}>
    expect(body.map((block) => blockLine(result, guide._id, block._key))).toEqual([
      6, 8, 10, 14, 14,
    ])
  })

  it('knows no line for a key no block has, nor for a document without blocks', () => {
    const text = '---\ntitle: Guide\n---\n\nOne.\n'
    const result = importSite([{path: 'guide.md', text}])
    const guide = result.documents.find((doc) => result.origins[doc._id] === 'guide.md')!
    expect(blockLine(result, guide._id, 'no-such-key')).toBeUndefined()
    expect(blockLine(result, 'no-such-document', 'x')).toBeUndefined()
  })
})
