import type {PhrasingContent} from 'mdast'
import type {InlineMath} from 'mdast-util-math'

import {BLOCK_TYPES} from '../names.ts'
import type {Walk} from './walk.ts'

/**
 * kramdown reads a paragraph that is nothing but `$$…$$` as display math, where the inline
 * construct sees a formula in a paragraph: the formula of such a paragraph, if it is one.
 */
export function displayMathOf(children: PhrasingContent[]): InlineMath | undefined {
  const content = children.filter((child) => !(child.type === 'text' && child.value.trim() === ''))
  const only = content.length === 1 ? content[0] : undefined
  return only?.type === 'inlineMath' ? only : undefined
}

/** A display formula becomes a `math` block holding the TeX as written. */
export function mathBlock(tex: string, walk: Walk): void {
  walk.out.push({_type: BLOCK_TYPES.math, tex})
}
