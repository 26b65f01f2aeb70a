import type {Root} from 'mdast'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

import {installLinearEditMap} from './linear-edit-map.ts'
import {kramdownSyntax, mayHoldTableOrTaskList} from './syntax.ts'

// Without it, parsing grows quadratically with the number of lists and quotes on a page.
installLinearEditMap()

/** The parser, without or with the syntax of tables and task list items. */
const parser = (tablesAndTaskLists: boolean) =>
  unified().use(remarkParse).use(kramdownSyntax, {tablesAndTaskLists}).freeze()

// Built once each (the second when a text first may hold a table or task list): freezing a
// processor per call would cost more than small pages take to parse.
const plain = parser(false)
let withTables: ReturnType<typeof parser> | undefined

/** Parses markdown as kramdown's GFM parser reads it (see `syntax.ts`). */
export function parseMarkdown(markdown: string): Root {
  if (!mayHoldTableOrTaskList(markdown)) return plain.parse(markdown)
  return (withTables ??= parser(true)).parse(markdown)
}
