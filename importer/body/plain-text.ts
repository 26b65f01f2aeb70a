import type {ImportedDocument} from '../types.ts'
import {textOf} from './html/tags.ts'
import {BLOCK_TYPES, INLINE_TYPES} from './names.ts'

type Node = Record<string, unknown>
type Documents = ReadonlyMap<string, ImportedDocument>

const none: Documents = new Map()

/**
 * The text a reader sees in Portable Text, one line per block; extracted sections are
 * resolved through `documents` (area title, emoji and intro, then "name: description").
 */
export function portableTextToPlainText(
  items: readonly unknown[],
  documents: Documents = none,
): string {
  return items.map((item) => itemPlainText(item as Node, documents)).join('\n')
}

/** Plain text of one body item, custom blocks included. */
export function itemPlainText(item: Node, documents: Documents = none): string {
  const handler = itemHandlers[String(item._type)]
  return handler ? handler(item, documents) : ''
}

const list = (value: unknown, documents: Documents) =>
  Array.isArray(value) ? portableTextToPlainText(value, documents) : ''

/** A `titleText` line's text, or the string an earlier import stored in its place. */
const line = (value: unknown, documents: Documents) =>
  typeof value === 'string' ? value : list(value, documents)

const ref = (value: unknown, documents: Documents): Node =>
  (documents.get(String((value as Node | undefined)?._ref)) ?? {}) as Node

/** One handler per Portable Text item type. */
const itemHandlers: Record<string, (item: Node, documents: Documents) => string> = {
  block: (item) =>
    (item.children as Node[])
      .map((child) =>
        child._type === 'span'
          ? String(child.text)
          : child._type === INLINE_TYPES.footnoteReference
            ? String(child.label)
            : child._type === INLINE_TYPES.inlineMath
              ? `$$${String(child.tex ?? '')}$$`
              : '',
      )
      .join(''),
  [BLOCK_TYPES.code]: (item) => String(item.code ?? ''),
  [BLOCK_TYPES.image]: () => '',
  [BLOCK_TYPES.divider]: () => '',
  [BLOCK_TYPES.math]: (item) => `$$${String(item.tex ?? '')}$$`,
  [BLOCK_TYPES.embed]: () => '',
  [BLOCK_TYPES.rawHtml]: (item) => textOf(String(item.html ?? '')),
  [BLOCK_TYPES.callout]: (item, docs) => [line(item.title, docs), list(item.body, docs)].join('\n'),
  [BLOCK_TYPES.quote]: (item, docs) => list(item.body, docs),
  [BLOCK_TYPES.details]: (item, docs) =>
    [line(item.summary, docs), list(item.body, docs)].join('\n'),
  [BLOCK_TYPES.footnote]: (item, docs) => list(item.body, docs),
  [BLOCK_TYPES.definitionList]: (item, docs) =>
    (item.items as Node[])
      .map((entry) => [list(entry.term, docs), list(entry.definition, docs)].join('\n'))
      .join('\n'),
  [BLOCK_TYPES.table]: (item, docs) =>
    (item.rows as Node[])
      .map((row) => (row.cells as Node[]).map((cell) => list(cell.content, docs)).join(' '))
      .join('\n'),
  [BLOCK_TYPES.responsibilitySection]: (item, docs) => {
    const area = ref(item.area, docs)
    const lines = [[area.title, area.emoji].filter(Boolean).join(' '), list(area.intro, docs)]
    for (const each of item.responsibilities as Node[]) {
      const responsibility = ref(each, docs)
      lines.push(`${String(responsibility.name)}: ${list(responsibility.description, docs)}`)
    }
    return lines.join('\n')
  },
  [BLOCK_TYPES.toolTable]: (item, docs) => {
    const lines = [(item.columnTitles as string[]).join(' ')]
    for (const row of item.rows as Node[]) {
      const tools = (row.tools as Node[]).map((tool) => String(ref(tool, docs).name))
      lines.push(`${String(ref(row.category, docs).title)} ${tools.join(', ')}`)
    }
    return lines.join('\n')
  },
}
