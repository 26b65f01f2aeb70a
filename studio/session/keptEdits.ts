/**
 * Edits the lake has not taken, kept in the browser's localStorage per document until they are
 * saved: Sanity keeps unsaved edits only in the page's memory, and a session the lake no longer
 * knows (401 `SIO-401-ANF`) logs the Studio out and the login link reloads the page.
 */

/** What the lake held when the edits were made: the revisions they were made on. */
export type KeptBase = {
  /** The lake's draft revision, or null when the lake had no draft. */
  draftRev: string | null
  /** The lake's published revision, or null when the document was not published. */
  publishedRev: string | null
}

/** One document's unsaved draft, as the form showed it. */
export type KeptEdit = {
  publishedId: string
  type: string
  /** The document's title as the form showed it, for the notice. */
  title: string
  /** The draft's own fields (no `_id`, `_rev` or timestamps). */
  fields: Record<string, unknown>
  base: KeptBase
  /** ISO time of the last edit kept. */
  keptAt: string
}

/** A document in the lake, as far as restoring needs it. */
export type LakeDocument = {_id: string; _rev: string; [field: string]: unknown}

/**
 * What to do with kept edits, given the lake's draft and published document now: `saved` (the
 * lake's draft already holds them), `restore` (the lake is as it was when they were made, so they
 * go back on it), or `changed` (the lake changed since: the editor must choose).
 */
export type RestoreDecision = 'saved' | 'restore' | 'changed'

const SYSTEM_FIELDS = new Set(['_id', '_rev', '_createdAt', '_updatedAt', '_originalId'])
/** Where kept edits live in localStorage, and the name of the lock that settles them. */
export const PREFIX = 'course-lake:kept-edits'

/** A document's own fields: what an editor changes, without the ones the lake sets. */
export function ownFields(document: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(document).filter(([key]) => !SYSTEM_FIELDS.has(key)))
}

/** The same JSON value, whatever the order of object keys. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, index) => sameValue(item, b[index]))
  const left = Object.entries(a).filter(([, value]) => value !== undefined)
  const right = b as Record<string, unknown>
  const rightKeys = Object.keys(right).filter((key) => right[key] !== undefined)
  return (
    left.length === rightKeys.length && left.every(([key, value]) => sameValue(value, right[key]))
  )
}

/** Decides what happens to kept edits when the editor is back (see {@link RestoreDecision}). */
export function decideRestore(
  kept: KeptEdit,
  draft: LakeDocument | null,
  published: LakeDocument | null,
): RestoreDecision {
  if (draft && sameValue(ownFields(draft), kept.fields)) return 'saved'
  const unchanged =
    (draft?._rev ?? null) === kept.base.draftRev &&
    (published?._rev ?? null) === kept.base.publishedRev
  return unchanged ? 'restore' : 'changed'
}

/**
 * The mutation that puts kept edits back as the document's draft, guarded so that it fails
 * instead of overwriting a draft that changed after `draft` was read: a patch of the draft at its
 * revision, or a `create`, which fails when a draft appeared meanwhile.
 */
export function restoreMutation(
  kept: KeptEdit,
  draft: LakeDocument | null,
): Record<string, unknown> {
  const draftId = `drafts.${kept.publishedId}`
  const {_type: type, ...fields} = kept.fields
  if (!draft) return {create: {...fields, _id: draftId, _type: type ?? kept.type}}
  const gone = Object.keys(ownFields(draft)).filter((key) => key !== '_type' && !(key in fields))
  return {
    patch: {
      id: draftId,
      ifRevisionID: draft._rev,
      ...(gone.length > 0 ? {unset: gone} : {}),
      set: fields,
    },
  }
}

/** The localStorage key of a document's kept edits, per project and dataset. */
export function keptEditKey(scope: string, publishedId: string): string {
  return `${PREFIX}:${scope}:${publishedId}`
}

/** Keeps a document's unsaved edits (replacing what was kept for it). */
export function keepEdit(storage: Storage, scope: string, kept: KeptEdit): void {
  try {
    storage.setItem(keptEditKey(scope, kept.publishedId), JSON.stringify(kept))
  } catch {
    // A full or disabled storage: the edits stay in the page's memory, as in Sanity itself.
  }
}

/** Forgets a document's kept edits. */
export function forgetEdit(storage: Storage, scope: string, publishedId: string): void {
  storage.removeItem(keptEditKey(scope, publishedId))
}

/** A document's kept edits, or null when none are kept (or the entry is not one). */
export function keptEdit(storage: Storage, scope: string, publishedId: string): KeptEdit | null {
  return parseKept(storage.getItem(keptEditKey(scope, publishedId)))
}

function parseKept(text: string | null): KeptEdit | null {
  let value: unknown = null
  try {
    value = JSON.parse(text ?? 'null')
  } catch {
    return null
  }
  return isKeptEdit(value) ? value : null
}

function isKeptEdit(value: unknown): value is KeptEdit {
  const kept = value as KeptEdit | null
  return (
    typeof kept?.publishedId === 'string' &&
    typeof kept.type === 'string' &&
    typeof kept.fields === 'object' &&
    kept.fields !== null &&
    typeof kept.base === 'object' &&
    kept.base !== null
  )
}

/** Every document's kept edits in `scope`, oldest first; an entry that is not one is skipped. */
export function keptEdits(storage: Storage, scope: string): KeptEdit[] {
  const prefix = `${PREFIX}:${scope}:`
  const found: KeptEdit[] = []
  for (let index = 0; index < storage.length; index += 1) {
    const key = storage.key(index)
    if (!key?.startsWith(prefix)) continue
    const kept = parseKept(storage.getItem(key))
    if (kept) found.push(kept)
  }
  return found.sort((a, b) => a.keptAt.localeCompare(b.keptAt))
}
