/**
 * Where each top-level body block of a document came from on its page, for diagnostics that name
 * a block by its key (the Studio's rules do).
 */

/**
 * A page's converted body and the page line each of its top-level blocks came from, in the same
 * order (null: not known). The body is the conversion's own list, not a copy of its keys.
 */
export interface BlockLines {
  body: ReadonlyArray<{_key: string}>
  lines: ReadonlyArray<number | null>
}

/** The page line the top-level body block `key` of a document came from, when it is known. */
export function blockLine(
  result: {blockLines: Readonly<Record<string, BlockLines>>},
  documentId: string,
  key: string,
): number | undefined {
  const blocks = result.blockLines[documentId]
  const at = blocks ? blocks.body.findIndex((block) => block._key === key) : -1
  return at < 0 ? undefined : (blocks!.lines[at] ?? undefined)
}
