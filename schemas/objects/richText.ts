import {defineArrayMember, defineType} from 'sanity'

import {CELL_MEMBER_TYPES, OBJECT_TYPES, RICH_TEXT_STYLES} from '../constants.ts'
import {richTextPlainText} from '../fields.ts'
import {textBlockMember} from './textBlock.ts'

/** Short rich text: paragraphs, lists, decorators and links. Used inside callouts, cells, footnotes. */
export const richText = defineType({
  name: OBJECT_TYPES.richText,
  title: 'Rich text',
  type: 'array',
  of: [textBlockMember(RICH_TEXT_STYLES)],
})

/**
 * What a table cell holds: rich text, and the code blocks kramdown shows in a cell (an HTML
 * table's `<td markdown="1">` over a code fence, or `<pre><code>` in a cell).
 */
export const cellBody = defineType({
  name: OBJECT_TYPES.cellBody,
  title: 'Cell content',
  type: 'array',
  of: [
    textBlockMember(RICH_TEXT_STYLES),
    ...CELL_MEMBER_TYPES.map((type) => defineArrayMember({type})),
  ],
})

/**
 * One line of rich text, marks, code spans, links and formulas included: a callout's title, which
 * just-the-docs shows as the quote's first paragraph (`> The `always` block`), and a collapsible
 * section's summary (`<summary>Fields: <code>config</code></summary>`).
 */
export const titleText = defineType({
  name: OBJECT_TYPES.titleText,
  title: 'Title',
  type: 'array',
  of: [textBlockMember(RICH_TEXT_STYLES)],
  validation: (rule) => rule.max(1).error('A title is one paragraph: move the rest to the text.'),
})

/** The text of a `titleText` line, or the string an earlier import stored in its place. */
export function lineText(value: unknown): string {
  return typeof value === 'string' ? value : richTextPlainText(value)
}
