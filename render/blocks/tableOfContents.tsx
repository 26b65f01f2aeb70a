import type {PortableTextTypeComponentProps} from '@portabletext/react'
import {useContext} from 'react'

import {ANNOTATIONS, INLINE_TYPES} from '../../schemas/constants.ts'
import {
  BodyHeadingsContext,
  headingBlocks,
  headingId,
  headingIdText,
  headingText,
} from '../headings.ts'
import {RichText} from '../RichText.tsx'
import type {TypedObject} from '../types.ts'

interface Entry {
  text: string
  /** The heading, whose marks and formulas the entry shows as the heading does. */
  block: TypedObject
  id: string
  level: number
  children: Entry[]
}

/** The page's headings nested by level, minus those whose text is in `exclude`. */
export function headingTree(
  blocks: readonly TypedObject[],
  exclude: readonly string[],
  ids: ReadonlyMap<string, string> = new Map(),
  levels: {min?: number | null; max?: number | null} = {},
): Entry[] {
  const root: Entry[] = []
  const stack: Entry[] = []
  for (const {block, level} of headingBlocks(blocks)) {
    if (level < (levels.min ?? 1) || level > (levels.max ?? 6)) continue
    const text = headingText(block)
    if (exclude.includes(text)) continue
    const id = (block._key && ids.get(block._key)) || headingId(headingIdText(block))
    const entry: Entry = {text, block, id, level, children: []}
    while (stack.length > 0 && stack[stack.length - 1].level >= entry.level) stack.pop()
    const parent = stack[stack.length - 1]
    if (parent) parent.children.push(entry)
    else root.push(entry)
    stack.push(entry)
  }
  return root
}

/** A table of contents generated from the page's headings, marked up as kramdown's `{:toc}`. */
export function TableOfContentsBlock({
  value,
}: PortableTextTypeComponentProps<{
  _type: 'tableOfContents'
  ordered?: boolean
  exclude?: string[] | null
  minLevel?: number | null
  maxLevel?: number | null
}>) {
  const {blocks, ids} = useContext(BodyHeadingsContext)
  const entries = headingTree(blocks, value.exclude ?? [], ids, {
    min: value.minLevel,
    max: value.maxLevel,
  })
  if (entries.length === 0) return null
  return <Entries entries={entries} ordered={value.ordered === true} id="markdown-toc" />
}

type Span = {_type: string; marks?: string[]; href?: unknown}
type Heading = TypedObject & {children?: Span[]; markDefs?: Array<{_key: string; _type: string}>}

/**
 * A heading as its entry shows it, as kramdown's `{:toc}` does: its emphasis, code and formulas
 * kept, its links' text without the link (the entry is a link) and no footnote reference.
 */
function entryText(block: TypedObject): TypedObject {
  const heading = block as Heading
  const links = new Set(
    (heading.markDefs ?? [])
      .filter((def) => def._type === ANNOTATIONS.link || def._type === ANNOTATIONS.internalLink)
      .map((def) => def._key),
  )
  const children = (heading.children ?? [])
    .filter((child) => child._type !== INLINE_TYPES.footnoteReference)
    // A formula or image linked on its own (`href`) loses its link too.
    .map(({href: _link, ...child}) =>
      child.marks ? {...child, marks: child.marks.filter((mark) => !links.has(mark))} : child,
    )
  const entry: Heading & {style: string} = {
    _type: 'block',
    _key: heading._key,
    style: 'normal',
    markDefs: [],
    children,
  }
  return entry
}

function Entries({entries, ordered, id}: {entries: Entry[]; ordered: boolean; id?: string}) {
  const items = entries.map((entry, i) => (
    <li key={i}>
      <a href={`#${entry.id}`} id={`markdown-toc-${entry.id}`}>
        <RichText value={[entryText(entry.block)]} inline />
      </a>
      {entry.children.length > 0 && <Entries entries={entry.children} ordered={ordered} />}
    </li>
  ))
  return ordered ? <ol id={id}>{items}</ol> : <ul id={id}>{items}</ul>
}
