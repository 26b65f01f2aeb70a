import {applyPlan} from './apply.ts'
import type {DocumentResult} from './apply.ts'
import type {BatchLimits} from './batch.ts'
import {ImageUploads} from './imageUploads.ts'
import {resolveImages, type ImageOptions, type ImageRead} from './images.ts'
import {excludeRejected} from './exclude.ts'
import {isForced, needsFullDocument, planSync, sourcePath} from './plan.ts'
import {createReachability, rateLimiter, UnreachableError, withRetry} from './retry.ts'
import type {RetryOptions} from './retry.ts'
import {errorMessage} from './scrub.ts'
import {emptySnapshot, readSnapshot, readSnapshotOf} from './state.ts'
import type {
  ImportedDocument,
  Outcome,
  SyncApi,
  SyncPlan,
  SyncProblem,
  SyncReport,
} from './types.ts'

/** Everything a sync run needs besides the documents. */
export type SyncOptions = {
  api: SyncApi
  /** Where the documents go, for the report (never contains the token). */
  target: string
  /** Site root, to find local images. */
  siteDir?: string
  force?: readonly string[]
  prune?: boolean
  /** Source file of each document id (the importer's `origins`), to name it in messages. */
  origins?: Readonly<Record<string, string>>
  /** Each page file's address on the site (the importer's `addresses`), for image sources. */
  addresses?: Readonly<Record<string, string>>
  /** The page line of a document's top-level body block (the importer's), for image problems. */
  blockLine?: ImageOptions['blockLine']
  /** Plan and report only; nothing is written or uploaded. */
  dryRun?: boolean
  concurrency?: number
  /** 25 for the hosted API; unlimited by default. */
  mutationsPerSecond?: number
  batchLimits?: BatchLimits
  retry?: RetryOptions
  /** Removes secrets from every message. */
  scrub?: (text: string) => string
  /** Give up when nothing answered for this long (default 10 s). */
  unreachableAfterMs?: number
  /** What to tell the user when the target does not answer at all. */
  whenUnreachable?: string
  onProgress?: (
    phase: 'images' | 'read' | 'validate' | 'write',
    done: number,
    total: number,
  ) => void
  /**
   * Checks the documents the plan is about to write (creates and patches, images resolved)
   * and returns why each invalid one is rejected; those are skipped, the rest is written.
   * `context.existing` lists documents of the target it may treat as existing (image assets);
   * `context.unchanged` the documents the plan leaves as they are, to check for what they
   * report (the same warnings on every run): rejecting one of them changes nothing.
   */
  validate?: (
    docs: readonly ImportedDocument[],
    context: {
      existing: readonly {_id: string; _type: string}[]
      unchanged: readonly ImportedDocument[]
    },
  ) => Promise<ReadonlyMap<string, string>>
  /** Documents written even when `validate` rejects them (the site's navigation). */
  alwaysWrite?: (doc: ImportedDocument) => boolean
  /**
   * The import's other documents, known to be as the last sync left them: only the given
   * documents are read (by id) and planned, nothing counts as removed, and these many are
   * reported unchanged, with the problems the last sync reported for them (images it could not
   * read), which still stand: nothing they depend on changed.
   */
  besides?: {unchanged: number; problems: readonly SyncProblem[]}
  /**
   * Hears the image files the run read (by path as the image blocks name them), so an import's
   * record can fingerprint them without reading them again.
   */
  onImagesRead?: (read: ReadonlyMap<string, ImageRead>) => void
  /**
   * The run begun before its documents were known ({@link openTransport}, {@link imageUploads}
   * with these options' `siteDir` and `dryRun`): its requests go on through the same transport,
   * and the images named so far are not read or uploaded again.
   */
  begun?: {transport: SyncTransport; uploads: ImageUploads}
}

/** The type of the asset document an uploaded image gets. */
const ASSET_TYPE = 'sanity.imageAsset'

/** Counts the requests a run makes, by kind. */
export function countRequests(api: SyncApi) {
  const requests = {queries: 0, mutations: 0, uploads: 0, retries: 0}
  const counted: SyncApi = {
    query: (groq, params) => (requests.queries++, api.query(groq, params)),
    getDocuments: (ids) => (requests.queries++, api.getDocuments(ids)),
    mutate: (mutations, opts) => (requests.mutations++, api.mutate(mutations, opts)),
    uploadImage: (body, opts) => (requests.uploads++, api.uploadImage(body, opts)),
    ...(api.valuesWhere && {
      valuesWhere: (where, paths, idPrefixes) => (
        requests.queries++,
        api.valuesWhere!(where, paths, idPrefixes)
      ),
    }),
    ...(api.isEmpty && {isEmpty: api.isEmpty.bind(api)}),
    ...(api.expectWrites && {expectWrites: api.expectWrites.bind(api)}),
  }
  return {api: counted, requests}
}

const OUTCOMES: Outcome[] = [
  'created',
  'updated',
  'unchanged',
  'skipped',
  'conflict',
  'failed',
  'deleted',
  'kept',
]

/** Outcome of each plan item when nothing is written (`--dry-run`). */
function plannedResults(plan: SyncPlan): DocumentResult[] {
  const planned: Record<string, Outcome> = {
    create: 'created',
    patch: 'updated',
    unchanged: 'unchanged',
    conflict: 'conflict',
    skip: 'skipped',
  }
  return [
    ...plan.items.map((i) => ({
      id: i.id,
      path: i.path,
      outcome: planned[i.action],
      message: i.reason,
      hint: i.hint,
    })),
    ...plan.removed.map((i) => ({
      id: i.id,
      path: i.path,
      outcome: (i.action === 'delete' ? 'deleted' : 'kept') as Outcome,
      message: i.reason,
    })),
  ]
}

/**
 * Syncs imported documents into a dataset: resolves local images, reads what the dataset
 * holds, plans (create, patch, unchanged, conflict, removed) and, unless `dryRun`, applies
 * the plan. Never throws for per-document problems; they are in the report.
 */
export async function syncDocuments(
  documents: readonly ImportedDocument[],
  options: SyncOptions,
): Promise<{plan: SyncPlan; report: SyncReport}> {
  try {
    return await syncUnscrubbed(documents, options)
  } catch (error) {
    // A new error without `cause`: Node prints causes, and theirs may carry the token.
    const scrub = options.scrub ?? ((text: string) => text)
    if (error instanceof UnreachableError)
      throw new Error(
        scrub(
          `Cannot reach ${options.target}: ${error.message}.${options.whenUnreachable ? ` ${options.whenUnreachable}` : ''}`,
        ),
      )
    throw new Error(`Cannot sync into ${scrub(options.target)}: ${errorMessage(error, scrub)}`)
  }
}

/**
 * What a run sends its requests through: the target's API, counted, each request retried while
 * the target stays reachable; and whether the dataset said it holds nothing.
 */
export type SyncTransport = {
  api: SyncApi
  requests: ReturnType<typeof countRequests>['requests']
  retry: RetryOptions
  query: <T>(groq: string, params?: Record<string, unknown>) => Promise<T>
  valuesWhere?: (
    where: string,
    paths: string[],
    idPrefixes?: string[],
  ) => ReturnType<NonNullable<SyncApi['valuesWhere']>>
  /** The dataset holds nothing (an import's first into a new local dataset). */
  empty: boolean
  /** Waits for the next upload's turn (the hosted API allows as many as mutations a second). */
  uploadLimit: () => Promise<void>
}

/** What a sync's requests go through (see {@link SyncTransport}), before it has documents. */
export async function openTransport(
  options: Pick<SyncOptions, 'api' | 'retry' | 'unreachableAfterMs' | 'mutationsPerSecond'>,
): Promise<SyncTransport> {
  const {api, requests} = countRequests(options.api)
  const retry: RetryOptions = {
    reachability: createReachability(options.unreachableAfterMs ?? 10_000),
    ...options.retry,
    onRetry: (error, attempt, delay) => {
      requests.retries++
      options.retry?.onRetry?.(error, attempt, delay)
    },
  }
  const query = <T>(groq: string, params?: Record<string, unknown>) =>
    withRetry(() => api.query<T>(groq, params), retry)
  const valuesWhere =
    api.valuesWhere &&
    ((where: string, paths: string[], idPrefixes?: string[]) =>
      withRetry(() => api.valuesWhere!(where, paths, idPrefixes), retry))
  // A dataset that holds nothing has none of the import's documents, drafts or images: nothing
  // to ask it, and no query worker to start.
  const empty = (await api.isEmpty?.()) === true
  const uploadLimit = rateLimiter(options.mutationsPerSecond ?? Infinity)
  return {api, requests, retry, query, valuesWhere, empty, uploadLimit}
}

/**
 * The image uploads of a run into the target `transport` reaches, which may begin before the
 * documents are known: an import names each page's images to them as the page is converted.
 */
export function imageUploads(
  transport: SyncTransport,
  options: Pick<SyncOptions, 'siteDir' | 'dryRun'>,
): ImageUploads {
  const {api, retry, query, valuesWhere, empty, uploadLimit} = transport
  return new ImageUploads({
    siteDir: options.siteDir ?? '.',
    dryRun: options.dryRun,
    findAssets: async (sha1s) => {
      if (!sha1s.length || empty) return new Map()
      if (valuesWhere) {
        // By id: an image asset's names its bytes' SHA-1, as the lake and the Content Lake name
        // it (`image-<sha1>-<w>x<h>-<ext>`), so only those documents are read, through the ids'
        // index, not every document's text. An asset stored under another id is not found;
        // uploading its bytes then stores them under their own.
        const found = await valuesWhere(
          '$.sha1hash',
          ['$._type', '$.sha1hash'],
          sha1s.map((sha1) => `image-${sha1}-`),
        )
        const wanted = new Set(sha1s)
        return new Map(
          found
            .filter(({values: [type, sha1]}) => type === ASSET_TYPE && wanted.has(sha1 as string))
            .map(({id, values: [, sha1]}) => [sha1 as string, id]),
        )
      }
      const found = await query<{_id: string; sha1hash: string}[]>(
        `*[_type == "${ASSET_TYPE}" && sha1hash in $sha1s]{_id, sha1hash}`,
        {sha1s},
      )
      return new Map(found.map((a) => [a.sha1hash, a._id]))
    },
    upload: async (body, filename, sha1) => {
      const asset = await withRetry(async () => {
        await uploadLimit()
        return api.uploadImage(body, {filename, sha1})
      }, retry)
      return asset._id
    },
  })
}

async function syncUnscrubbed(
  documents: readonly ImportedDocument[],
  options: SyncOptions,
): Promise<{plan: SyncPlan; report: SyncReport}> {
  const started = performance.now()
  const scrub = options.scrub ?? ((text: string) => text)
  const transport = options.begun?.transport ?? (await openTransport(options))
  const {api, requests, retry, query, valuesWhere, empty} = transport
  const images = await resolveImages(documents, {
    siteDir: options.siteDir ?? '.',
    addresses: options.addresses,
    blockLine: options.blockLine,
    uploads: options.begun?.uploads ?? imageUploads(transport, options),
  })
  options.onImagesRead?.(images.read)
  options.onProgress?.('images', 1, 1)
  const docs = images.docs
  const byId = new Map(docs.map((doc) => [doc._id, doc]))
  const snapshot = empty
    ? emptySnapshot()
    : options.besides === undefined
      ? await readSnapshot(
          query,
          [...byId.keys()],
          needsFullDocument(byId),
          {withRemoved: options.prune ?? false},
          valuesWhere && {
            valuesWhere,
            getDocuments: (ids) => withRetry(() => api.getDocuments(ids), retry),
          },
        )
      : await readSnapshotOf(
          (ids) => withRetry(() => api.getDocuments(ids), retry),
          [...byId.keys()],
        )
  options.onProgress?.('read', 1, 1)
  const plan = planSync(docs, snapshot, {
    force: options.force,
    prune: options.prune,
    origins: options.origins,
  })
  const writes = plan.items.filter((i) => i.action === 'create' || i.action === 'patch').length
  if (!options.dryRun && writes > 0) api.expectWrites?.(writes)
  const validationNotes: SyncProblem[] = []
  if (options.validate) {
    options.onProgress?.('validate', 0, 1)
    validationNotes.push(
      ...(await skipInvalid(plan, {
        validate: options.validate,
        alwaysWrite: options.alwaysWrite,
        // Assets the image step found or uploaded exist in the target, like the import's own.
        existing: [...images.assets].map((_id) => ({_id, _type: 'sanity.imageAsset'})),
        unchanged: plan.items.flatMap((item) =>
          item.action === 'unchanged' ? [byId.get(item.id)!] : [],
        ),
      })),
    )
    options.onProgress?.('validate', 1, 1)
  }
  const unmatched = (options.force ?? []).filter(
    (entry) => entry !== '*' && !docs.some((doc) => isForced([entry], doc._id, sourcePath(doc))),
  )

  const results = options.dryRun
    ? plannedResults(plan)
    : await applyPlan(plan, {
        api,
        force: options.force,
        concurrency: options.concurrency,
        mutationsPerSecond: options.mutationsPerSecond,
        batchLimits: options.batchLimits,
        retry,
        scrub,
        onProgress: (done, total) => options.onProgress?.('write', done, total),
      })

  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>
  for (const r of results) counts[r.outcome]++
  counts.unchanged += options.besides?.unchanged ?? 0
  const problems: SyncProblem[] = [
    ...unmatched.map((entry): SyncProblem => ({
      kind: 'usage',
      message: `--force ${entry} matches no imported page or document id`,
      hint: 'Use the source path the conflict names (relative to the site folder), a document id, or *.',
    })),
    ...(options.besides?.problems ?? []),
    ...images.problems,
    ...validationNotes,
    ...results.flatMap((r): SyncProblem[] =>
      r.outcome === 'conflict' ||
      r.outcome === 'failed' ||
      r.outcome === 'skipped' ||
      r.outcome === 'kept'
        ? [
            {
              kind: r.outcome === 'kept' ? 'removed' : r.outcome,
              id: r.id,
              path: r.path,
              message: r.message ?? r.outcome,
              hint: r.hint,
            },
          ]
        : [],
    ),
    ...plan.removed
      .filter((i) => i.action === 'delete')
      .map((i): SyncProblem => ({kind: 'removed', id: i.id, path: i.path, message: i.reason})),
  ].map((p) => ({...p, message: scrub(p.message), hint: p.hint && scrub(p.hint)}))
  return {
    plan,
    report: {
      target: scrub(options.target),
      dryRun: options.dryRun ?? false,
      counts,
      documents: results.map((r) => ({
        id: r.id,
        path: r.path,
        outcome: r.outcome,
        ...(r.message ? {message: scrub(r.message)} : {}),
      })),
      problems,
      requests: {...requests},
      elapsedMs: Math.round(performance.now() - started),
    },
  }
}

/**
 * Turns the writes whose documents fail `validate` into skips that say why. A skipped create
 * leaves nothing in the dataset, so the documents that reference it are written without that
 * reference (a note names both), and documents `alwaysWrite` selects (the navigation: site,
 * courses, modules) are written even when invalid, so one bad page never takes its parents out.
 */
async function skipInvalid(
  plan: SyncPlan,
  options: Pick<SyncOptions, 'alwaysWrite'> & {
    validate: NonNullable<SyncOptions['validate']>
    existing: readonly {_id: string; _type: string}[]
    unchanged: readonly ImportedDocument[]
  },
): Promise<SyncProblem[]> {
  const writes = plan.items.filter(
    (item) => item.doc && (item.action === 'create' || item.action === 'patch'),
  )
  const rejected = await options.validate(
    writes.map((item) => item.doc as ImportedDocument),
    {existing: options.existing, unchanged: options.unchanged},
  )
  const hint =
    "Fix the source page so the document passes the Studio's validation, then import again."
  const notes: SyncProblem[] = []
  /** Rejected creates: nothing of them will be in the dataset. */
  const missing = new Map<string, string>()
  for (const item of writes) {
    const reason = rejected.get(item.id)
    if (reason === undefined) continue
    if (options.alwaysWrite?.(item.doc!)) {
      notes.push({
        kind: 'invalid',
        id: item.id,
        path: item.path,
        message: `${item.path ?? item.id}: ${item.id} is written although it fails validation (${reason}), because the pages below it need it`,
        hint: 'Fix it in the source or in Studio, which shows the same problem.',
      })
      continue
    }
    Object.assign(item, {action: 'skip', reason, hint})
    // A skipped patch leaves its document in place; a skipped create leaves nothing.
    if (!item.rev) missing.set(item.id, reason)
  }
  if (missing.size === 0) return notes
  const pathOf = new Map(writes.map((item) => [item.id, item.path]))
  const {kept, notes: dropped} = excludeRejected(
    writes.map((item) => item.doc!),
    missing,
    {describe: (id) => pathOf.get(id) ?? id},
  )
  const byId = new Map(kept.map((doc) => [doc._id, doc]))
  for (const item of writes) {
    const doc = byId.get(item.id)
    if (item.action === 'skip' || !doc || doc === item.doc) continue
    // A patch must also unset a top-level reference field the stored version may hold.
    const removed = Object.keys(item.doc!).filter((key) => !(key in doc))
    if (item.action === 'patch') item.unset = [...new Set([...(item.unset ?? []), ...removed])]
    item.doc = doc
  }
  const hintBack = 'The reference comes back on the import after the skipped page is fixed.'
  for (const note of dropped) {
    const path = pathOf.get(note.id) ?? null
    notes.push({kind: 'reference', id: note.id, path, message: note.message, hint: hintBack})
  }
  return notes
}

/**
 * Whether a report means the run did not fully succeed (exit code 1): a document failed, was
 * skipped or is in conflict (source and dataset disagree until someone decides), an image is
 * missing, or a `--force` entry matched nothing.
 */
export function hasFailures(report: SyncReport): boolean {
  return (
    report.counts.failed > 0 ||
    report.counts.skipped > 0 ||
    report.counts.conflict > 0 ||
    report.problems.some((p) => p.kind === 'image' || p.kind === 'usage')
  )
}

export {errorMessage}
