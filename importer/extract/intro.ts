import type {Paragraph, PhrasingContent} from 'mdast'

import {phrasingText} from '../body/blocks/phrasing-text.ts'
import type {State} from '../body/state.ts'
import {report} from '../body/state.ts'

const DECORATORS: Partial<Record<PhrasingContent['type'], string>> = {
  strong: 'bold',
  emphasis: 'italic',
  delete: 'strikethrough',
  inlineCode: 'code',
}

/**
 * The plain-text intro of a responsibility area (the schema's `intro` is `text`), with a
 * warning naming whatever formatting, links or images the plain text cannot hold.
 */
export function introText(intro: Paragraph[], title: string, state: State): string {
  const dropped = new Set<string>()
  for (const paragraph of intro) collectDropped(paragraph.children, dropped)
  if (dropped.size > 0) {
    report(
      state,
      'warning',
      'intro-marks-dropped',
      intro[0],
      `Kept the intro of the area "${title}" as plain text, dropping ${[...dropped].join(', ')}: the area intro is a plain-text field.`,
      'Remove the formatting from the intro, or put the links in the responsibilities.',
    )
  }
  return intro
    .map((p) =>
      phrasingText(p.children)
        .replace(/\s*\n\s*/g, ' ')
        .trim(),
    )
    .join('\n\n')
}

function collectDropped(nodes: readonly PhrasingContent[], dropped: Set<string>): void {
  for (const node of nodes) {
    const decorator = DECORATORS[node.type]
    if (decorator) dropped.add(decorator)
    else if (node.type === 'link') dropped.add(`the link to ${node.url}`)
    else if (node.type === 'linkReference') dropped.add(`the link [${node.identifier}]`)
    else if (node.type === 'image') dropped.add(`the image ${node.url}`)
    else if (node.type === 'imageReference') dropped.add(`the image [${node.identifier}]`)
    else if (node.type === 'footnoteReference') dropped.add(`the footnote [^${node.identifier}]`)
    else if (node.type === 'html' && !/^<br\s*\/?>$/i.test(node.value.trim()))
      dropped.add(`the HTML ${node.value.slice(0, 40)}`)
    if ('children' in node) collectDropped(node.children as PhrasingContent[], dropped)
  }
}
