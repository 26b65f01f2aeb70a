/** A span of text with decorators and annotation keys. */
export interface Span {
  _type: 'span'
  text: string
  marks: string[]
}

/** An inline child: a span or an inline object such as `taskCheck`. */
export type Child = Span | ({_type: string} & Record<string, unknown>)

/** An annotation definition referenced from span marks. */
export type MarkDef = {_key: string; _type: string} & Record<string, unknown>

/** A Portable Text text block, before keys are assigned. */
export interface TextBlock {
  _type: 'block'
  style: string
  markDefs: MarkDef[]
  children: Child[]
  listItem?: string
  level?: number
  /** On a numbered list's first item: the number it counts from, when not 1. */
  start?: number
  /**
   * On a list's first item: tells it apart from the list right before it when both count from
   * the same `start` (see `beginsOwnList`).
   */
  listId?: string
  /** A heading's own id, as its markdown named it (`## Setup {#setup}`). */
  anchor?: string
}

/** Makes a text block; `_key` is added at the end from its content. */
export function textBlock(style: string, children: Child[], markDefs: MarkDef[]): TextBlock {
  return {_type: 'block', style, markDefs, children}
}

/** True for text blocks (as opposed to custom blocks such as `codeBlock`). */
export function isTextBlock(item: unknown): item is TextBlock {
  return (item as {_type?: string} | undefined)?._type === 'block'
}

/** A body item without its key yet. */
export type Item = ({_type: string} & Record<string, unknown>) | TextBlock

/** Plain text of a block's spans. */
export function blockText(block: TextBlock): string {
  let text = ''
  for (const child of block.children) if (child._type === 'span') text += (child as Span).text
  return text
}
