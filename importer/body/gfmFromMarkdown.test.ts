import {gfmTableFromMarkdown as packageTable} from 'mdast-util-gfm-table'
import {gfmTaskListItemFromMarkdown as packageTaskList} from 'mdast-util-gfm-task-list-item'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {gfmTable} from 'micromark-extension-gfm-table'
import {gfmTaskListItem} from 'micromark-extension-gfm-task-list-item'
import {describe, expect, it} from 'vitest'

import {gfmTableFromMarkdown, gfmTaskListItemFromMarkdown} from './gfmFromMarkdown.ts'

const PAGES = [
  '| a | b |\n| :- | -: |\n| `x\\|y` | `p\\\\|q` |\n| c |\n\n`x\\|y` outside\n',
  '| :-: | - |\n|---|---|\n| | `|` |\n\n> | q |\n> |---|\n> | r |\n',
  '- [x] done\n- [ ] open\n- [X]\n- [ ]  two spaces\n- plain\n\n* [x] first\n\n  second paragraph\n',
  '1. [ ] numbered\n   - [x] nested `code`\n\n- [x]\n  text below\n- > [x] quoted\n',
]

/** The tree of `page` with the given mdast extensions, as remark-parse reads it. */
const tree = (page: string, table: () => object, taskList: () => object) =>
  fromMarkdown(page, {
    extensions: [gfmTable(), gfmTaskListItem()],
    mdastExtensions: [table(), taskList()],
  })

describe('gfmFromMarkdown', () => {
  it.each(PAGES)('reads %j into the tree the packages read', (page) => {
    expect(tree(page, gfmTableFromMarkdown, gfmTaskListItemFromMarkdown)).toEqual(
      tree(page, packageTable, packageTaskList),
    )
  })
})
