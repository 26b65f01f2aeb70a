import {toPlainText, type PortableTextTypeComponentProps} from '@portabletext/react'
import {createContext, useContext} from 'react'

import {headingId} from '../headings.ts'
import type {TypedObject} from '../types.ts'

/** The whole body being rendered, so a table of contents can read its headings. */
export const BodyBlocks = createContext<readonly TypedObject[]>([])

interface Entry {
  text: string
  level: number
  children: Entry[]
}

type Heading = TypedObject & {style?: string; children?: unknown}

/** The page's headings nested by level, minus those whose text is in `exclude`. */
export function headingTree(blocks: readonly TypedObject[], exclude: readonly string[]): Entry[] {
  const root: Entry[] = []
  const stack: Entry[] = []
  for (const block of blocks as readonly Heading[]) {
    const level = block._type === 'block' ? /^h([2-6])$/.exec(block.style ?? '')?.[1] : undefined
    if (!level) continue
    const text = toPlainText(block as never)
    if (exclude.includes(text)) continue
    const entry: Entry = {text, level: Number(level), children: []}
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
}>) {
  const entries = headingTree(useContext(BodyBlocks), value.exclude ?? [])
  if (entries.length === 0) return null
  return <Entries entries={entries} ordered={value.ordered === true} id="markdown-toc" />
}

function Entries({entries, ordered, id}: {entries: Entry[]; ordered: boolean; id?: string}) {
  const items = entries.map((entry, i) => (
    <li key={i}>
      <a href={`#${headingId(entry.text)}`} id={`markdown-toc-${headingId(entry.text)}`}>
        {entry.text}
      </a>
      {entry.children.length > 0 && <Entries entries={entry.children} ordered={ordered} />}
    </li>
  ))
  return ordered ? <ol id={id}>{items}</ol> : <ul id={id}>{items}</ul>
}
