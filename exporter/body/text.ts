import {escapeLineStart} from './escape.ts'
import {inlineMarkdown, type InlineOptions} from './inline.ts'
import type {BodyState, Child, Item, MarkDef} from './state.ts'

/** The inline markdown of a text block (its children and mark definitions). */
export function blockInline(block: Item, state: BodyState, options?: InlineOptions): string {
  return inlineMarkdown(
    (block.children as Child[] | undefined) ?? [],
    (block.markDefs as MarkDef[] | undefined) ?? [],
    state,
    options,
  )
}

/**
 * Stands for a line break inside a formula while text's line breaks become hard breaks: no
 * text holds it (markdown parsers replace U+0000, as CommonMark says).
 */
const TEX_NEWLINE = '\0'

/**
 * A text block's markdown as paragraphs: `\n\n` in its text separates paragraphs (a list item's
 * own paragraphs), a single `\n` is a hard break (two spaces, then the next line). A formula's
 * lines stay as written: two spaces there would be the formula's, and grow each round trip.
 */
export function paragraphs(block: Item, state: BodyState): string[] {
  return blockInline(block, state, {texNewline: TEX_NEWLINE})
    .split(/\n{2,}/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line, index) =>
          index === 0 ? escapeLineStart(line) : escapeLineStart(line.trimStart()),
        )
        .join('  \n')
        .replaceAll(TEX_NEWLINE, '\n'),
    )
    .filter((paragraph) => paragraph.trim() !== '')
}

/**
 * Prefixes every line that is not blank (all lines after the first when `skipFirst`). A line of
 * spaces stays as it is: kramdown keeps such a line as written inside a list item (a code
 * block's), so a prefix would be the code's, growing on each round trip.
 */
export function indent(text: string, prefix: string, skipFirst = false): string {
  return text
    .split('\n')
    .map((line, index) =>
      (skipFirst && index === 0) || /^[ \t]*$/.test(line) ? line : prefix + line,
    )
    .join('\n')
}

/** Quotes every line for a blockquote (`> `, or `>` alone on a blank line). */
export function quote(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n')
}
