import type {PhrasingContent} from 'mdast'

/** The text of phrasing nodes as a reader sees it (no image alts, no HTML tags). */
export function phrasingText(nodes: readonly PhrasingContent[]): string {
  let text = ''
  for (const node of nodes) {
    // A formula counts as its TeX, as kramdown's heading ids read it (`$$e$$` is `e`).
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'inlineMath')
      text += node.value
    else if (node.type === 'break') text += '\n'
    else if ('children' in node) text += phrasingText(node.children as PhrasingContent[])
  }
  return text
}
