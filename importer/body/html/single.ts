import type {Html} from 'mdast'

import {convertBlocks} from '../blocks/index.ts'
import {richBlocks} from '../blocks/rich-inline.ts'
import type {Walk} from '../blocks/walk.ts'
import {imgTagItem} from '../inline/html.ts'
import {createInline, flush} from '../inline/index.ts'
import {BLOCK_TYPES} from '../names.ts'
import {parseMarkdown} from '../parse.ts'
import type {State} from '../state.ts'
import {report} from '../state.ts'
import {KNOWN_ELEMENTS, parseTag, tagsIn, textOf} from './tags.ts'

// Tags that may surround images without adding meaning.
const IMAGE_FRAME = new Set(['img', 'p', 'a', 'figure', 'picture', 'br', 'center', 'div'])

/** Converts an HTML block that holds a whole element (or several) in one node. */
export function singleElement(value: string, node: Html, state: State, walk: Walk): void {
  const tags = tagsIn(value)
  const first = tags[0]
  if (!first || !KNOWN_ELEMENTS.has(first.name)) {
    // `<String>` on its own line: a parser sees a tag, a reader sees text.
    convertBlocks(
      [{type: 'paragraph', children: [{type: 'text', value}], position: node.position}],
      state,
      walk.out,
      walk.list,
    )
    return
  }
  if (first.name === 'details') return inlineDetails(value, node, state, walk)
  const images = tags.filter((tag) => tag.name === 'img')
  if (images.length > 0 && tags.every((tag) => IMAGE_FRAME.has(tag.name)) && textOf(value) === '') {
    const inline = createInline()
    for (const image of images) imgTagItem(image, node, state, inline)
    flush(inline)
    for (const segment of inline.segments) if ('item' in segment) walk.out.push(segment.item)
    return
  }
  if (first.name === 'hr' && tags.length === 1) {
    walk.out.push({_type: BLOCK_TYPES.divider, style: 'line'})
    return
  }
  rawHtml(value, `<${first.name}> has no Portable Text equivalent`, node, state, walk)
}

function inlineDetails(value: string, node: Html, state: State, walk: Walk): void {
  const match =
    /^<details\b[^>]*>\s*<summary\b[^>]*>([\s\S]*?)<\/summary\s*>([\s\S]*?)<\/details\s*>$/i.exec(
      value,
    )
  const inner = match?.[2].trim() ?? ''
  if (!match || /<[a-zA-Z/!]/.test(inner)) {
    return rawHtml(value, 'details with HTML content', node, state, walk)
  }
  const body = inner === '' ? [] : richBlocks(parseMarkdown(inner).children, state)
  walk.out.push({_type: BLOCK_TYPES.details, summary: textOf(match[1]) || 'Details', body})
}

function rawHtml(value: string, reason: string, node: Html, state: State, walk: Walk): void {
  const tag = parseTag(value.split('\n', 1)[0]) ?? tagsIn(value)[0]
  const unsafe =
    tag && /^(script|style|iframe|object|embed|form|input|button|textarea|select)$/.test(tag.name)
  report(
    state,
    'warning',
    'raw-html',
    node,
    `Kept HTML that cannot be converted (${reason}) in an unconverted-HTML block${unsafe ? '; it is shown as text and never executed' : ''}.`,
    'Rewrite it as markdown, or replace it in the Studio.',
  )
  if (state.rich) {
    convertBlocks(
      [{type: 'paragraph', children: [{type: 'inlineCode', value}], position: node.position}],
      state,
      walk.out,
      walk.list,
    )
    return
  }
  walk.out.push({_type: BLOCK_TYPES.rawHtml, html: value, reason})
}
