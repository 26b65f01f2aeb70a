import {escapeLineStart} from './escape.ts'
import {inlineMarkdown} from './inline.ts'
import type {BodyState, Child, Item, MarkDef} from './state.ts'

/** The inline markdown of a text block (its children and mark definitions). */
export function blockInline(block: Item, state: BodyState): string {
  return inlineMarkdown(
    (block.children as Child[] | undefined) ?? [],
    (block.markDefs as MarkDef[] | undefined) ?? [],
    state,
  )
}

/**
 * A text block's markdown as paragraphs: `\n\n` in its text separates paragraphs (a list item's
 * own paragraphs), a single `\n` is a hard break (two spaces, then the next line).
 */
export function paragraphs(block: Item, state: BodyState): string[] {
  return blockInline(block, state)
    .split(/\n{2,}/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line, index) =>
          index === 0 ? escapeLineStart(line) : escapeLineStart(line.trimStart()),
        )
        .join('  \n'),
    )
    .filter((paragraph) => paragraph.trim() !== '')
}

/** Prefixes every non-empty line (all lines after the first when `skipFirst`). */
export function indent(text: string, prefix: string, skipFirst = false): string {
  return text
    .split('\n')
    .map((line, index) => ((skipFirst && index === 0) || line === '' ? line : prefix + line))
    .join('\n')
}

/** Quotes every line for a blockquote (`> `, or `>` alone on a blank line). */
export function quote(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n')
}
