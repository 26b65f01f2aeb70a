import type {Root} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

// Built once: freezing the processor per call would cost more than small pages take to parse.
const processor = unified().use(remarkParse).use(remarkGfm).freeze()

/** Parses markdown with GFM (tables, task lists, footnotes, strikethrough, autolinks). */
export function parseMarkdown(markdown: string): Root {
  return processor.parse(markdown)
}
