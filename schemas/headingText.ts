import {INLINE_TYPES} from './constants.ts'

/** An inline child of a heading block, as stored. */
export type HeadingChild = {_type?: string; text?: unknown; tex?: unknown; marks?: unknown}

/**
 * A heading block's text as kramdown names it in tables of contents: its spans' text (as
 * `spanText` gives it), an inline formula as its TeX source (`$$\KaTeX$$ Tests` is
 * `\KaTeX Tests`). The one definition both sides of `tableOfContents.exclude` use: the importer
 * records excluded headings by it, the renderer matches headings against it.
 */
export function headingText(
  block: object,
  spanText: (text: string, child: HeadingChild) => string = (text) => text,
): string {
  const children = (block as {children?: unknown}).children
  if (!Array.isArray(children)) return ''
  let text = ''
  for (const child of children as HeadingChild[]) {
    if (child._type === 'span' && typeof child.text === 'string')
      text += spanText(child.text, child)
    else if (child._type === INLINE_TYPES.inlineMath && typeof child.tex === 'string')
      text += child.tex
  }
  return text
}
