/** The ordered reference array a course (`contents`) or module (`lessons`) pane edits. */
export type ChildArrayField = 'contents' | 'lessons'

/** An item of that array as stored: a reference, keyed (the Studio needs `_key` to address it). */
export interface ArrayItem {
  _key?: string
  _ref?: string
  _type?: string
  [attribute: string]: unknown
}

/** A patch in the shape `useDocumentOperation(...).patch.execute` takes (a mutation's patch body). */
export type ArrayPatch =
  | {setIfMissing: Record<string, unknown[]>}
  | {set: Record<string, unknown[]>}
  | {unset: string[]}
  | {insert: {before: string; items: ArrayItem[]} | {after: string; items: ArrayItem[]}}

/** The list with the item at `from` taken out and put back so that it ends up at index `to`. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const result = [...list]
  const [moved] = result.splice(from, 1)
  if (moved === undefined) return result
  result.splice(Math.max(0, Math.min(to, result.length)), 0, moved)
  return result
}

/**
 * Where an item dropped into gap `gap` (0 is above the first item, `length` below the last) of
 * the list ends up, as an index of the list after the move.
 */
export function gapToIndex(from: number, gap: number): number {
  return gap > from ? gap - 1 : gap
}

/**
 * The patches that move the item at `from` to index `to` of `field`, addressed by `_key` as the
 * Studio's array input does (take it out, insert it next to its new neighbour), so an edit
 * someone else makes elsewhere in the array at the same time survives. When an item has no
 * `_key`, the whole array is set instead, with keys from `newKey`. No patches when nothing moves.
 */
export function reorderPatches(
  field: ChildArrayField,
  items: readonly ArrayItem[],
  from: number,
  to: number,
  newKey: () => string,
): ArrayPatch[] {
  if (from === to || from < 0 || from >= items.length || to < 0 || to >= items.length) return []
  const result = moveItem(items, from, to)
  if (items.some((item) => !item._key)) {
    return [{set: {[field]: result.map((item) => (item._key ? item : {...item, _key: newKey()}))}}]
  }
  const moved = result[to]!
  const at = (item: ArrayItem) => `${field}[_key==${JSON.stringify(item._key)}]`
  const insert =
    to > 0 ? {after: at(result[to - 1]!), items: [moved]} : {before: at(result[1]!), items: [moved]}
  return [{unset: [at(moved)]}, {insert}]
}

/** The patches that append `item` to `field`, creating the array when the document has none. */
export function appendPatches(field: ChildArrayField, item: ArrayItem): ArrayPatch[] {
  return [{setIfMissing: {[field]: []}}, {insert: {after: `${field}[-1]`, items: [item]}}]
}

/**
 * A reference to a document that exists only as a draft so far: weak, and made strong when the
 * parent is published, as the Studio's reference input writes it (a strong reference to a
 * document that is not published would be refused).
 */
export function referenceToNew(id: string, type: string, key: string): ArrayItem {
  return {_type: 'reference', _ref: id, _key: key, _weak: true, _strengthenOnPublish: {type}}
}
