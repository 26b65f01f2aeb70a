import {canonicalJson} from '../importer/canonical.ts'
import {
  importHash,
  isOwnedField,
  isImportHash,
  isUnchangedSinceImport,
  matchesImportHash,
  ownedContent,
} from './hash.ts'
import type {DatasetSnapshot, StoredSummary} from './state.ts'
import type {ImportedDocument, PlanItem, RemovedItem, SyncPlan} from './types.ts'

/** Choices that change the plan. */
export type PlanOptions = {
  /** Source paths (or document ids) whose version wins over an editor's; `*` for all. */
  force?: readonly string[]
  /** Delete documents removed from the source (never edited or referenced ones). */
  prune?: boolean
  /** Source file of each document id, for documents without `source.path` (importer result). */
  origins?: Readonly<Record<string, string>>
}

/** Source path a document records, if any. */
export function sourcePath(doc: Record<string, unknown> | undefined): string | null {
  const path = (doc?.source as {path?: unknown} | undefined)?.path
  return typeof path === 'string' ? path : null
}

/** Whether `--force` entries select a document. */
export function isForced(force: readonly string[], id: string, path: string | null): boolean {
  return force.some((entry) => entry === '*' || entry === id || (path !== null && entry === path))
}

/** Whether the stored document still is exactly what the importer last wrote. */
export function isUntouched(stored: Record<string, unknown>): boolean {
  return isUnchangedSinceImport(stored)
}

/** Top-level importer-owned fields whose values differ between two documents. */
export function changedFields(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const left = ownedContent(a)
  const right = ownedContent(b)
  const keys = new Set([...Object.keys(left), ...Object.keys(right)])
  return [...keys].filter((k) => canonicalJson(left[k]) !== canonicalJson(right[k])).sort()
}

/** Owned fields of the stored document that the new version does not have. */
function fieldsToUnset(stored: Record<string, unknown>, doc: ImportedDocument): string[] {
  return Object.keys(stored).filter((key) => isOwnedField(key) && !(key in doc) && key !== '_type')
}

function forceHint(handle: string): string {
  return `Keep the dataset's version (nothing to do), or run again with --force ${handle} to take the source's version.`
}

/** Decides what to do with one imported document. */
function planDocument(
  doc: ImportedDocument,
  snapshot: DatasetSnapshot,
  force: readonly string[],
  origin: string | undefined,
): PlanItem {
  const id = doc._id
  // Messages name the page a document came from; `--force` takes its own path or its id.
  const own = sourcePath(doc)
  const path = own ?? origin ?? null
  const handle = own ?? id
  if (!/^[a-zA-Z0-9_-][a-zA-Z0-9._-]{0,127}$/.test(id) || id.includes('.'))
    return {
      id,
      path,
      action: 'skip',
      reason: `${path ?? id}: cannot write "${id}", expected a dot-free id of at most 128 letters, digits, "_" and "-" (ids with dots are drafts and versions, which sync never writes)`,
      hint: 'Fix the id the importer generates for this page.',
    }
  const forced = isForced(force, id, own)
  const hasDraft = snapshot.drafts.has(id)
  const summary = snapshot.existing.get(id)
  if (!summary) {
    if (hasDraft && !forced)
      return {
        id,
        path,
        action: 'conflict',
        reason: `${path ?? id}: a draft drafts.${id} exists but the document was never published`,
        hint: `Publish or discard the draft in Studio, or run again with --force ${handle} to create the published document (the draft stays).`,
      }
    return {id, path, action: 'create', doc, forced: hasDraft || undefined}
  }
  if (matchesImportHash(summary.importHash, doc)) return {id, path, action: 'unchanged'}
  const hash = importHash(doc)
  const stored = snapshot.full.get(id)
  if (!stored) throw new Error(`Cannot plan ${id}, expected its stored document to be read`)
  const untouched = isUntouched(stored)
  const rev = stored._rev
  const unset = fieldsToUnset(stored, doc)
  if (untouched && !hasDraft) return {id, path, hash, action: 'patch', doc, rev, unset}
  if (forced) return {id, path, hash, action: 'patch', doc, rev, unset, forced: true}
  const fields = changedFields(stored, doc)
  const reason = !untouched
    ? summary.importHash === undefined
      ? `${path ?? id}: ${id} exists in the dataset but was not written by the importer`
      : !isImportHash(summary.importHash)
        ? `${path ?? id}: ${id} carries an import hash this version cannot check (${summary.importHash.slice(0, 12)}…), so editor changes cannot be ruled out`
        : `${path ?? id}: ${id} was changed in the dataset since the last import, and the source changed too (differing fields: ${fields.join(', ') || 'none'})`
    : `${path ?? id}: ${id} has an unpublished draft (drafts.${id}), and the source changed`
  const hint = hasDraft
    ? `Publish or discard the draft in Studio and run again, or run with --force ${handle} to update the published document (the draft stays).`
    : forceHint(handle)
  return {id, path, action: 'conflict', reason, hint}
}

/** Decides what to do with documents the source no longer has; nothing is deleted by default. */
function planRemoved(
  snapshot: DatasetSnapshot,
  prune: boolean,
  planned: readonly PlanItem[],
): RemovedItem[] {
  // Documents this run patches keep referencing a removed one only if their new version does.
  const rewritten = new Map(planned.filter((i) => i.action === 'patch').map((i) => [i.id, i.doc]))
  const stillRefers = (ref: string, id: string) =>
    ref.startsWith('drafts.') ||
    !rewritten.has(ref) ||
    JSON.stringify(rewritten.get(ref)).includes(`"_ref":${JSON.stringify(id)}`)
  const items = snapshot.removed.map((summary): RemovedItem => {
    const id = summary._id
    const path = summary.path ?? null
    const base = `${path ?? id}: no longer in the source`
    if (!prune)
      return {id, path, action: 'keep', reason: `${base}; run with --prune to delete ${id}`}
    if (snapshot.drafts.has(id))
      return {id, path, action: 'keep', reason: `${base}, but ${id} has a draft; kept`}
    const stored = snapshot.full.get(id)
    if (!stored || !isUntouched(stored))
      return {id, path, action: 'keep', reason: `${base}, but an editor changed ${id}; kept`}
    return {id, path, action: 'delete', reason: `${base}; deleted`, rev: stored._rev}
  })
  // A document referenced by anything that stays must stay too; repeat until stable.
  const deleting = () => new Set(items.filter((i) => i.action === 'delete').map((i) => i.id))
  for (let changed = true; changed;) {
    changed = false
    const gone = deleting()
    for (const item of items) {
      if (item.action !== 'delete') continue
      const keepers = (snapshot.referencedBy.get(item.id) ?? []).filter(
        (ref) => (ref.startsWith('drafts.') || !gone.has(ref)) && stillRefers(ref, item.id),
      )
      if (keepers.length) {
        item.action = 'keep'
        item.reason = `${item.path ?? item.id}: no longer in the source, but referenced by ${keepers.slice(0, 3).join(', ')}; kept`
        changed = true
      }
    }
  }
  return items
}

/**
 * Compares the imported documents with the dataset and decides, per document, whether to
 * create, patch, leave alone or report a conflict, plus what to do with removed pages.
 * Pure: all dataset knowledge comes in through `snapshot`.
 */
export function planSync(
  docs: readonly ImportedDocument[],
  snapshot: DatasetSnapshot,
  options: PlanOptions = {},
): SyncPlan {
  const force = options.force ?? []
  const items = docs.map((doc) => planDocument(doc, snapshot, force, options.origins?.[doc._id]))
  return {items, removed: planRemoved(snapshot, options.prune ?? false, items)}
}

/** Whether the stored summary needs the full document before planning `doc`. */
export function needsFullDocument(docs: ReadonlyMap<string, ImportedDocument>) {
  return (summary: StoredSummary) => {
    const doc = docs.get(summary._id)
    return !doc || !matchesImportHash(summary.importHash, doc)
  }
}
