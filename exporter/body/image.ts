import {destination} from './escape.ts'
import type {BodyState, Child, Item} from './state.ts'

/**
 * An image as markdown, `![alt](src "caption")`: a block between paragraphs, or an inline image
 * in a line of text.
 */
export function image(block: Item | Child, state: BodyState): string {
  // An image uploaded in the Studio has no src: its file is written into the site beside it.
  const assetId = (block.asset as {_ref?: unknown} | undefined)?._ref
  const src =
    typeof block.src === 'string' && block.src !== ''
      ? block.src
      : typeof assetId === 'string'
        ? state.upload(assetId)
        : undefined
  if (!src) {
    state.report({
      severity: 'warning',
      code: 'image-without-src',
      message: `Cannot write the image "${String(block.alt ?? '')}", expected a src or an uploaded file the dataset holds; it is left out.`,
      hint: 'Upload the image again in the Studio, or give the image the path of a file in the site.',
    })
    return ''
  }
  const alt = typeof block.alt === 'string' ? block.alt.replace(/([[\]\\])/g, '\\$1') : ''
  const caption =
    typeof block.caption === 'string' && block.caption
      ? ` "${block.caption.replace(/"/g, '\\"')}"`
      : ''
  const markdown = `![${alt}](${destination(src)}${caption})`
  // An image with its own link is the link's text: `[![alt](src)](href)`.
  return typeof block.href === 'string' && block.href !== ''
    ? `[${markdown}](${destination(block.href)})`
    : markdown
}
