import type {Root} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

import {installLinearEditMap} from './linear-edit-map.ts'
import {kramdownMath} from './math-syntax.ts'

// Without it, parsing grows quadratically with the number of lists and quotes on a page.
installLinearEditMap()

// Built once: freezing the processor per call would cost more than small pages take to parse.
// kramdown's math is `$$…$$` both inline and as a block; a single `$` is a dollar sign.
const processor = unified().use(remarkParse).use(remarkGfm).use(kramdownMath).freeze()

/** Parses markdown with GFM (tables, task lists, footnotes, strikethrough, autolinks) and math. */
export function parseMarkdown(markdown: string): Root {
  return processor.parse(markdown)
}
