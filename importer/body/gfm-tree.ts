/**
 * The mdast nodes of GFM tables and task list items, from the tokens of
 * micromark-extension-gfm-table and micromark-extension-gfm-task-list-item. Written here rather
 * than taken from mdast-util-gfm-table and mdast-util-gfm-task-list-item: each of those files
 * also holds its markdown writer, which loads mdast-util-to-markdown and markdown-table (about
 * 50 modules, some 50 ms of every thread that converts a page with a `|`), and reading markdown
 * never writes any.
 */
import type {ListItem, Paragraph, TableCell, TableRow} from 'mdast'
import type {CompileContext, Extension, Handle} from 'mdast-util-from-markdown'
import type {Token} from 'micromark-util-types'

const exit: Handle = function (this: CompileContext, token: Token) {
  this.exit(token)
}

/**
 * A table, its rows and cells, each cell's alignment from the delimiter row. A code span in a
 * cell keeps its text as written: GFM takes the backslash off `\|` there (`| \`\\|\` |` shows
 * `|`), kramdown keeps it (`\|`), as it keeps every backslash in code; so the code span's own
 * handler is left as it is.
 */
export const tableFromMarkdown: Extension = {
  enter: {
    table(token) {
      const align = (token._align ?? []).map((side) => (side === 'none' ? null : side))
      this.enter({type: 'table', align, children: []}, token)
    },
    tableRow(token) {
      this.enter({type: 'tableRow', children: []} satisfies TableRow, token)
    },
    tableHeader(token) {
      this.enter({type: 'tableCell', children: []} satisfies TableCell, token)
    },
    tableData(token) {
      this.enter({type: 'tableCell', children: []} satisfies TableCell, token)
    },
  },
  exit: {table: exit, tableRow: exit, tableHeader: exit, tableData: exit},
}

/**
 * A task list item's check: `checked` on the item, and the space after `[x]` taken off the
 * start of its first paragraph (the check is not part of the item's text).
 */
export const taskListItemFromMarkdown: Extension = {
  exit: {
    taskListCheckValueChecked: exitCheck,
    taskListCheckValueUnchecked: exitCheck,
    paragraph(token) {
      const item = this.stack.at(-2)
      const paragraph = this.stack.at(-1) as Paragraph
      if (
        item?.type === 'listItem' &&
        typeof item.checked === 'boolean' &&
        item.children.find((child) => child.type === 'paragraph') === paragraph
      ) {
        dropLeadingSpace(paragraph)
      }
      this.exit(token)
    },
  },
}

function exitCheck(this: CompileContext, token: Token): void {
  // A check is read only at the start of a list item's first paragraph.
  const item = this.stack.at(-2) as ListItem
  item.checked = token.type === 'taskListCheckValueChecked'
}

/** Takes the space or tab that follows a task check off the paragraph's first text. */
function dropLeadingSpace(paragraph: Paragraph): void {
  const head = paragraph.children[0]
  if (head?.type !== 'text') return
  head.value = head.value.slice(1)
  if (head.value === '') {
    paragraph.children.shift()
    return
  }
  const start = head.position?.start
  if (start?.offset !== undefined && paragraph.position) {
    start.column++
    start.offset++
    paragraph.position.start = {...start}
  }
}
