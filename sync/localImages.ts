/**
 * The image blocks of imported documents that name a file of the site: what the image step
 * uploads. Plain data only, so a conversion worker can list a page's images as well.
 */
import {IMAGE_TYPES} from '../schemas/constants.ts'

/** Whether `src` is a URL (left as a link) rather than a path in the site. */
export function isRemote(src: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')
}

/** An image block whose `src` names a file of the site, not given an asset yet. */
export type LocalImageBlock = Record<string, unknown> & {src: string}

/**
 * Calls `found` with every image block in `value` (plain JSON data: documents, blocks) whose
 * `src` names a local file and which has no asset yet, in the order they appear, and the keys
 * that lead to it from `value` (an array this walk reuses: valid during the call only).
 */
export function visitLocalImages(
  value: unknown,
  found: (block: LocalImageBlock, path: ReadonlyArray<string | number>) => void,
): void {
  walk(value, found, [])
}

function walk(
  value: unknown,
  found: (block: LocalImageBlock, path: ReadonlyArray<string | number>) => void,
  path: Array<string | number>,
): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i]
      if (!item || typeof item !== 'object') continue
      path.push(i)
      walk(item, found, path)
      path.pop()
    }
    return
  }
  if (!value || typeof value !== 'object') return
  const block = value as Record<string, unknown>
  if (
    IMAGE_TYPES.has(block._type) &&
    typeof block.src === 'string' &&
    !block.asset &&
    !isRemote(block.src)
  )
    found(block as LocalImageBlock, path)
  // Plain JSON data: for…in sees exactly its own keys, without copying the values.
  for (const key in block) {
    const child = block[key]
    if (!child || typeof child !== 'object') continue
    path.push(key)
    walk(child, found, path)
    path.pop()
  }
}
