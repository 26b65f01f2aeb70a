import type {Nodes} from 'mdast'

import {isTextBlock, textBlock} from './blocks/text-block.ts'
import type {Item, TextBlock} from './blocks/text-block.ts'
import {BLOCK_TYPES, MARK, STYLE} from './names.ts'
import {itemPlainText} from './plain-text.ts'
import type {State} from './state.ts'
import {report} from './state.ts'

/**
 * Narrows body items to `richText`: text blocks keep marks and lists but take style `normal`;
 * custom blocks (code, tables…) become a paragraph of their text, with an info diagnostic.
 */
export function toRichText(items: Item[], state: State, node: Nodes | undefined): TextBlock[] {
  const blocks: TextBlock[] = []
  for (const item of items) {
    if (isTextBlock(item)) {
      item.style = STYLE.normal
      blocks.push(item)
      continue
    }
    const text = itemPlainText(item)
    report(
      state,
      'info',
      'flattened-in-rich-text',
      node,
      `Kept the text of a ${item._type} block as a paragraph: this place holds text only.`,
    )
    if (text !== '') {
      const marks = item._type === BLOCK_TYPES.code ? [MARK.code] : []
      const block = textBlock(STYLE.normal, [{_type: 'span', text, marks}], [])
      // Still part of its list item, so the list keeps counting past it.
      if (typeof item.level === 'number') block.level = item.level
      blocks.push(block)
    }
  }
  return blocks
}
