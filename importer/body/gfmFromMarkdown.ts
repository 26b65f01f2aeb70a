/**
 * The `mdast-util-from-markdown` halves of mdast-util-gfm-table 2.0.1 and
 * mdast-util-gfm-task-list-item 2.0.1 (MIT, © Titus Wormer), copied as they are installed, their
 * development-only assertions left out: each package keeps its `toMarkdown` half in the same
 * file, which loads mdast-util-to-markdown and markdown-table (about 50 modules, 20-30 ms of
 * every process that converts a page), and reading markdown never writes any. The syntax
 * (micromark-extension-gfm-table, -task-list-item) is still the packages'.
 */
import type {Paragraph} from 'mdast'
import type {CompileContext, Extension, Token} from 'mdast-util-from-markdown'
// Its types say what the table's tokens and compile data carry (`_align`, `inTable`).
import type {} from 'mdast-util-gfm-table'
import type {} from 'micromark-extension-gfm-table'

/** mdast-util-gfm-table's `gfmTableFromMarkdown`: GFM tables into mdast. */
export function gfmTableFromMarkdown(): Extension {
  return {
    enter: {
      table: enterTable,
      tableData: enterCell,
      tableHeader: enterCell,
      tableRow: enterRow,
    },
    exit: {
      codeText: exitCodeText,
      table: exitTable,
      tableData: exit,
      tableHeader: exit,
      tableRow: exit,
    },
  }
}

function enterTable(this: CompileContext, token: Token): void {
  const align = token._align!
  // Trailing `position: undefined` keeps the table hidden class stable;
  // mdast-util-from-markdown's enter() patches the field to a real value
  // but the property already exists, so no shape transition fires.
  this.enter(
    {
      type: 'table',
      align: align.map(function (d) {
        return d === 'none' ? null : d
      }),
      children: [],
      position: undefined,
    },
    token,
  )
  this.data.inTable = true
}

function exitTable(this: CompileContext, token: Token): void {
  this.exit(token)
  this.data.inTable = undefined
}

function enterRow(this: CompileContext, token: Token): void {
  // See enterTable above for the rationale on the trailing position field.
  this.enter({type: 'tableRow', children: [], position: undefined}, token)
}

function exit(this: CompileContext, token: Token): void {
  this.exit(token)
}

function enterCell(this: CompileContext, token: Token): void {
  // See enterTable above for the rationale on the trailing position field.
  this.enter({type: 'tableCell', children: [], position: undefined}, token)
}

/** Overwrites the default code text handler to unescape escaped pipes in tables. */
function exitCodeText(this: CompileContext, token: Token): void {
  let value = this.resume()

  if (this.data.inTable) {
    value = value.replace(/\\([\\|])/g, replace)
  }

  const node = this.stack[this.stack.length - 1] as {value?: string}
  node.value = value
  this.exit(token)
}

/** Unescapes an escaped pipe. */
function replace($0: string, $1: string): string {
  // Pipes work, backslashes don’t (but can’t escape pipes).
  return $1 === '|' ? $1 : $0
}

/** mdast-util-gfm-task-list-item's `gfmTaskListItemFromMarkdown`: task list items into mdast. */
export function gfmTaskListItemFromMarkdown(): Extension {
  return {
    exit: {
      taskListCheckValueChecked: exitCheck,
      taskListCheckValueUnchecked: exitCheck,
      paragraph: exitParagraphWithTaskListItem,
    },
  }
}

function exitCheck(this: CompileContext, token: Token): void {
  const node = this.stack[this.stack.length - 2] as {checked?: boolean | null}
  node.checked = token.type === 'taskListCheckValueChecked'
}

function exitParagraphWithTaskListItem(this: CompileContext, token: Token): void {
  const parent = this.stack[this.stack.length - 2]

  if (parent && parent.type === 'listItem' && typeof parent.checked === 'boolean') {
    const node = this.stack[this.stack.length - 1] as Paragraph
    const head = node.children[0]

    if (head && head.type === 'text') {
      const siblings = parent.children
      let index = -1
      let firstParagraph

      while (++index < siblings.length) {
        const sibling = siblings[index]
        if (sibling.type === 'paragraph') {
          firstParagraph = sibling
          break
        }
      }

      if (firstParagraph === node) {
        head.value = head.value.slice(1)

        if (head.value.length === 0) {
          node.children.shift()
        } else if (
          node.position &&
          head.position &&
          typeof head.position.start.offset === 'number'
        ) {
          head.position.start.column++
          head.position.start.offset++
          node.position.start = {...head.position.start}
        }
      }
    }
  }

  this.exit(token)
}
