import type {Root} from 'mdast'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

import {installLinearEditMap} from './linear-edit-map.ts'
import {kramdownSyntax} from './syntax.ts'

// Without it, parsing grows quadratically with the number of lists and quotes on a page.
installLinearEditMap()

// Built once: freezing the processor per call would cost more than small pages take to parse.
const processor = unified().use(remarkParse).use(kramdownSyntax).freeze()

/** Parses markdown as kramdown's GFM parser reads it (see `syntax.ts`). */
export function parseMarkdown(markdown: string): Root {
  return processor.parse(markdown)
}
