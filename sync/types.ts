/**
 * Contracts of the sync stage: the small Content Lake surface it needs, the plan it makes
 * and the report it gives back. The hosted dataset implements `SyncApi` through a
 * @sanity/client adapter (`client.ts`), the local lake through plain HTTP (`lakeHttp.ts`);
 * tests use an in-memory fake.
 */
import type {ImportedDocument} from '../importer/types.ts'

export type {ImportedDocument}

/** A stored document as the Content Lake returns it. */
export type StoredDocument = ImportedDocument & {
  _rev: string
  _createdAt?: string
  _updatedAt?: string
}

/** What a cheap projection tells about a stored document. */
export type StoredSummary = {_id: string; _rev: string; importHash?: string; path?: string | null}

/** A document's id and the values of some of its fields (see `SyncApi.valuesWhere`). */
export type FieldValues = {id: string; values: unknown[]}

/** A raw mutation as sent to `/data/mutate`. */
export type Mutation =
  | {create: ImportedDocument}
  | {createIfNotExists: ImportedDocument}
  | {delete: {id: string}}
  | {
      patch: {
        id: string
        ifRevisionID?: string
        set?: Record<string, unknown>
        unset?: string[]
      }
    }

/** The part of a Content Lake client that sync uses; every call may throw transport errors. */
export interface SyncApi {
  /** Runs GROQ in the `raw` perspective (drafts included). */
  query<T>(groq: string, params?: Record<string, unknown>): Promise<T>
  /** Reads documents by id from the document store (consistent even when queries lag). */
  getDocuments(ids: string[]): Promise<(StoredDocument | null)[]>
  /**
   * Commits the mutations as one atomic transaction with the given id. `json` is the mutations
   * as a JSON array when the caller has it already (`JSON.stringify(mutations)`), `texts` each
   * mutation's own JSON (`json` is then `[texts joined by commas]`): an API that sends JSON
   * itself need not write them again.
   */
  mutate(
    mutations: Mutation[],
    options: {transactionId: string; json?: string; texts?: readonly string[]},
  ): Promise<void>
  /**
   * Uploads an image and returns its asset document id. `sha1`, when given, is the SHA-1 of
   * `body` as the sync took it: a lake in this process names the asset by it instead of hashing
   * the bytes again. `body` holds the image until the returned promise settles, not after (the
   * sync reads the next images into the same memory): an API that keeps the bytes copies them.
   */
  uploadImage(body: Uint8Array, options: {filename: string; sha1?: string}): Promise<{_id: string}>
  /**
   * Whether the dataset holds no document at all (drafts, assets and system documents
   * included), for an API that can tell without a query (the lake of this process). The sync
   * then asks it nothing: none of the import's documents, drafts or images is there.
   */
  isEmpty?(): Promise<boolean>
  /**
   * Every document with a value at `where`, and its values at `paths` (JSON paths of keys, as
   * `$.source.path`; a value is a string, a number or null, booleans 1 and 0, objects and arrays
   * their JSON text), for an API that reads them without a query (the lake of this process).
   * With it, the sync reads the dataset without queries, but for who references a removed page
   * (`--prune`). With `idPrefixes`, only the documents whose id starts with one of them.
   */
  valuesWhere?(where: string, paths: string[], idPrefixes?: string[]): Promise<FieldValues[]>
  /**
   * A hint that mutations writing about `documents` documents follow, for an API that can
   * prepare (the lake of this process starts its writer thread while the sync validates).
   */
  expectWrites?(documents: number): void
}

/** How a document of the import compares with the dataset. */
export type PlanAction = 'create' | 'patch' | 'unchanged' | 'conflict' | 'skip'

/** One imported document and what sync will do with it. */
export type PlanItem = {
  id: string
  /** Source file (site-relative) the document came from, when known. */
  path: string | null
  action: PlanAction
  /** The document to write, with images resolved; absent for unchanged documents. */
  doc?: ImportedDocument
  /** Import hash of `doc` (for writes). */
  hash?: string
  /** Revision the patch is guarded by. */
  rev?: string
  /** Top-level fields the previous import wrote that the new one no longer has. */
  unset?: string[]
  /** Patch taken over an editor's change because of `--force`. */
  forced?: boolean
  /** Unchanged source, but an editor changed the document (kept as is). */
  editorChanged?: boolean
  /** Why the document is a conflict, and how to resolve it. */
  reason?: string
  hint?: string
}

/** A document that an earlier import wrote and that the source no longer has. */
export type RemovedItem = {
  id: string
  path: string | null
  /** `delete` only with `--prune` and when nothing protects the document. */
  action: 'delete' | 'keep'
  reason: string
  rev?: string
}

/** What a sync run will do. */
export type SyncPlan = {
  items: PlanItem[]
  removed: RemovedItem[]
}

/** Per-document outcome of applying a plan. */
export type Outcome =
  'created' | 'updated' | 'unchanged' | 'skipped' | 'conflict' | 'failed' | 'deleted' | 'kept'

/** A problem to show the user, tied to a source file or document where possible. */
export type SyncProblem = {
  /** `invalid`: written despite failing validation; `reference`: written without a reference. */
  kind: 'conflict' | 'failed' | 'image' | 'invalid' | 'reference' | 'removed' | 'skipped' | 'usage'
  id?: string
  path?: string | null
  /** The page line the problem is on, when the importer recorded it. */
  line?: number
  message: string
  hint?: string
}

/** The machine-readable result of a run (`--json`). */
export type SyncReport = {
  target: string
  dryRun: boolean
  counts: Record<Outcome, number>
  documents: {id: string; path: string | null; outcome: Outcome; message?: string}[]
  problems: SyncProblem[]
  requests: {queries: number; mutations: number; uploads: number; retries: number}
  elapsedMs: number
}
