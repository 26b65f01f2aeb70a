import {Blocks, withInlineParagraph} from './Blocks.tsx'
import type {TypedObject} from './types.ts'

import {useRender} from './context.ts'

/**
 * Nested rich text (callouts, cells, footnotes, descriptions). With `inline`, a single
 * paragraph renders without its `<p>`, as markdown renders a table cell or a tight list item.
 */
export function RichText({
  value,
  inline = false,
}: {
  value: TypedObject[] | null | undefined
  inline?: boolean
}) {
  const {components, onMissingComponent} = useRender()
  const blocks = value ?? []
  const single = blocks.length === 1 && isNormalBlock(blocks[0])
  return (
    <Blocks
      value={blocks}
      components={inline && single ? withInlineParagraph(components) : components}
      onMissingComponent={onMissingComponent}
    />
  )
}

function isNormalBlock(value: TypedObject | undefined): boolean {
  const block = value as {_type?: string; style?: string; listItem?: string} | undefined
  return block?._type === 'block' && (block.style ?? 'normal') === 'normal' && !block.listItem
}

/**
 * One line of rich text (a callout's title, a collapsible section's summary) without its `<p>`,
 * or the string an earlier import stored in its place.
 */
export function Line({value}: {value: unknown}) {
  if (typeof value === 'string') return <>{value}</>
  if (!Array.isArray(value)) return null
  return <RichText value={value as TypedObject[]} inline />
}

/** Whether `value` shows a line: a non-empty string, or one block. */
export function hasLine(value: unknown): boolean {
  return typeof value === 'string' ? value !== '' : Array.isArray(value) && value.length > 0
}
