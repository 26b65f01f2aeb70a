/**
 * Where each top-level body block of a document came from on its page, for diagnostics that name
 * a block by its key (the Studio's rules do).
 */

/** A document's top-level body blocks: their keys, and the page line each came from (null: not known). */
export interface BlockLines {
  keys: string[]
  lines: Array<number | null>
}

/** The page line the top-level body block `key` of a document came from, when it is known. */
export function blockLine(
  result: {blockLines: Readonly<Record<string, BlockLines>>},
  documentId: string,
  key: string,
): number | undefined {
  const blocks = result.blockLines[documentId]
  const at = blocks ? blocks.keys.indexOf(key) : -1
  return at < 0 ? undefined : (blocks!.lines[at] ?? undefined)
}
