import {createHash} from 'node:crypto'
import {existsSync} from 'node:fs'
import type {BigIntStats} from 'node:fs'
import {realpath, stat} from 'node:fs/promises'
import path from 'node:path'

import {INLINE_TYPES} from '../schemas/constants.ts'
import {sourcePath} from './plan.ts'
import {mapPool} from './retry.ts'
import {SlabReader} from './slabs.ts'
import type {ImportedDocument, SyncProblem} from './types.ts'

/** An image block found in a document, with `src` pointing at a local file. */
type LocalImage = {doc: ImportedDocument; block: Record<string, unknown>; src: string}

/** Whether `src` is a URL (left as a link) rather than a path in the site. */
export function isRemote(src: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')
}

/** The image blocks of `doc` with a local `src` and no asset yet. */
function findLocalImages(doc: ImportedDocument): LocalImage[] {
  const images: LocalImage[] = []
  const visit = (value: unknown) => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item)
      return
    }
    if (!value || typeof value !== 'object') return
    const block = value as Record<string, unknown>
    if (
      (block._type === 'image' || block._type === INLINE_TYPES.inlineImage) &&
      typeof block.src === 'string' &&
      !block.asset &&
      !isRemote(block.src)
    )
      images.push({doc, block, src: block.src})
    // Plain JSON data: for…in sees exactly its own keys, without copying the values.
    for (const key in block) {
      const child = block[key]
      if (child && typeof child === 'object') visit(child)
    }
  }
  visit(doc)
  return images
}

/**
 * Each imported document's local images, found once: the image step and the import record
 * both ask. Sync never changes an imported document (the image step changes copies), so
 * what was found stays true.
 */
const imported = new WeakMap<ImportedDocument, readonly LocalImage[]>()
function localImagesOf(doc: ImportedDocument): readonly LocalImage[] {
  let images = imported.get(doc)
  if (!images) imported.set(doc, (images = findLocalImages(doc)))
  return images
}

/** A problem with an image, named by its page (or its document, without one). */
function imageProblem(image: LocalImage, message: string, hint: string): SyncProblem {
  const page = sourcePath(image.doc)
  return {
    kind: 'image',
    id: image.doc._id,
    path: page,
    message: `${page ?? image.doc._id}: ${message}`,
    hint,
  }
}

/**
 * The file an image `src` names: relative to its page, or to the site root when it starts with
 * `/`. A relative `src` is resolved as the reader's browser resolves it, against the page's
 * address (`address`, e.g. `/docs/setup/` with pretty permalinks), when a file is there; else
 * against the page file's folder. A `src` whose percent-escapes are malformed (`bad%zz.png`) is
 * taken literally, as a static file server would fail to decode it too; the lookup then
 * reports it missing.
 */
export function resolveImagePath(
  siteDir: string,
  pagePath: string | null,
  src: string,
  address?: string,
): string {
  const withoutQuery = src.replace(/[?#].*$/, '')
  let clean = withoutQuery
  try {
    clean = decodeURI(withoutQuery)
  } catch {
    // URIError: keep the bytes as written.
  }
  if (clean.startsWith('/')) return path.resolve(siteDir, clean.replace(/^\/+/, ''))
  const besideFile = path.resolve(path.join(siteDir, path.dirname(pagePath ?? '')), clean)
  if (address === undefined) return besideFile
  const folder = address.endsWith('/') ? address : path.posix.dirname(address)
  // The address's `..` cannot climb above the site: the browser stops at its root too.
  const served = path.resolve(siteDir, path.posix.join('/', folder, clean).replace(/^\/+/, ''))
  // What readers see wins; a source written beside the file (as GitHub previews it) still works.
  return !existsSync(served) && existsSync(besideFile) ? besideFile : served
}

/**
 * Where a missing image may be added, relative to the site: the path the readers' browsers ask
 * for and, when it differs, the one beside the page's file (where a page's other images often
 * are, and GitHub's preview looks).
 */
function missingImagePlaces(root: string, page: string | null, src: string, served: string) {
  const beside = resolveImagePath(root, page, src)
  if (beside === served) return path.relative(root, served)
  return `${path.relative(root, served)} (where the site's readers' browsers look) or ${path.relative(root, beside)} (beside the page's file)`
}

/**
 * The local files the image blocks of `docs` name (resolved as the image step resolves them),
 * once each: what a sync reads besides the documents.
 */
export function localImageFiles(
  docs: readonly ImportedDocument[],
  siteDir: string,
  addresses?: Readonly<Record<string, string>>,
): string[] {
  const images = docs.flatMap(localImagesOf)
  const root = path.resolve(siteDir)
  return [
    ...new Set(
      images.map((i) => {
        const page = sourcePath(i.doc)
        return resolveImagePath(root, page, i.src, page ? addresses?.[page] : undefined)
      }),
    ),
  ]
}

/** How images reach the dataset. */
export type ImageOptions = {
  siteDir: string
  /** Each page file's address on the site (`importSite`'s `addresses`), for relative sources. */
  addresses?: Readonly<Record<string, string>>
  /**
   * Finds asset ids by SHA-1 of the file content. Asked once per batch of images read, for the
   * contents no earlier batch found or uploaded.
   */
  findAssets: (sha1s: string[]) => Promise<Map<string, string>>
  /**
   * Uploads an image; `sha1` is its bytes' SHA-1, as this step took it. `body` is read into a
   * buffer this step reuses: it holds the image until the returned promise settles, not after.
   */
  upload: (body: Buffer, filename: string, sha1: string) => Promise<string>
  /** Plan only: look existing assets up, upload nothing. */
  dryRun?: boolean
  /** Images located at a time (8), and at most read and uploaded together (16). */
  concurrency?: number
}

/**
 * An image file as this step read it: its real path, its SHA-1, and what `stat` said of it
 * before it was read (what identifies these bytes without reading them again, as long as it
 * stays the same: see scripts/imageFingerprints.ts).
 */
export type ImageRead = {real: string; sha1: string; stats: BigIntStats}

/**
 * Gives every image block with a local `src` an `asset` reference: each file is read and
 * hashed once, looked up among existing assets by SHA-1 and uploaded only when new, once per
 * content however many pages use it. An image that cannot be read or uploaded is reported
 * for its page; the block keeps its `src` and the rest of the import continues.
 */
export async function resolveImages(
  docs: readonly ImportedDocument[],
  options: ImageOptions,
): Promise<{
  docs: ImportedDocument[]
  problems: SyncProblem[]
  uploaded: number
  /** Ids of the asset documents the images now reference (found or uploaded). */
  assets: Set<string>
  /** Each file read, by its path as the image blocks name it (before symlinks are followed). */
  read: Map<string, ImageRead>
}> {
  // Only documents with local images are copied (and changed); the rest pass through as is.
  const copies = docs.map((doc) => (localImagesOf(doc).length ? structuredClone(doc) : doc))
  const images = copies.flatMap((doc, i) => (doc !== docs[i] ? findLocalImages(doc) : []))
  const problems: SyncProblem[] = []
  const assetIds = new Set<string>()
  const read = new Map<string, ImageRead>()
  if (!images.length) return {docs: copies, problems, uploaded: 0, assets: assetIds, read}
  const root = path.resolve(options.siteDir)
  const realRoot = await realpath(root).catch(() => root)
  // Each file once, however many images name it: its real path and what stat says, or why not.
  const files = new Map<string, Promise<FoundFile | Error | typeof OUTSIDE>>()
  const find = (file: string) => {
    if (!files.has(file)) files.set(file, findFile(file, root, realRoot))
    return files.get(file)!
  }
  const located = await mapPool(images, options.concurrency ?? 8, async (image) => {
    const page = sourcePath(image.doc)
    const file = resolveImagePath(
      root,
      page,
      image.src,
      page ? options.addresses?.[page] : undefined,
    )
    const found = await find(file)
    if (found === OUTSIDE)
      return imageProblem(
        image,
        `image ${image.src} is outside the site folder`,
        'Move the image into the site and link it with a relative path.',
      )
    if (found instanceof Error) return unreadable(image, found, root, page, file)
    return {image, file, found}
  })
  // The files to read, each once, in the order the images first name them.
  const toRead = new Map<string, {file: string; found: FoundFile}>()
  for (const x of located)
    if ('found' in x && !toRead.has(x.found.real)) toRead.set(x.found.real, x)
  const outcomes = await readAndUpload([...toRead.values()], options)
  // Reported in the images' order, not in the order the work finishes: the same every run.
  let uploaded = 0
  for (const outcome of outcomes.values()) if (outcome.uploaded) uploaded++
  for (const x of located) {
    if (!('found' in x)) {
      problems.push(x)
      continue
    }
    const {image, file, found} = x
    const outcome = outcomes.get(found.real)!
    if (outcome.error && !outcome.sha1) {
      problems.push(unreadable(image, outcome.error, root, sourcePath(image.doc), file))
      continue
    }
    read.set(file, {real: found.real, sha1: outcome.sha1!, stats: found.stats})
    if (outcome.error)
      problems.push(
        imageProblem(
          image,
          `cannot upload image ${image.src} (${outcome.error.message})`,
          'Run the import again; images already uploaded are not sent twice.',
        ),
      )
    else if (outcome.assetId !== undefined) {
      image.block.asset = {_type: 'reference', _ref: outcome.assetId}
      assetIds.add(outcome.assetId)
    }
  }
  return {docs: copies, problems, uploaded, assets: assetIds, read}
}

/** A file an image names, found inside the site: its real path, and its stat before reading. */
type FoundFile = {real: string; stats: BigIntStats}

/** Said of a file whose real path leaves the site folder. */
const OUTSIDE = Symbol('outside the site')

/** Finds `file` inside the site (following symlinks, which must not leave it), or why not. */
async function findFile(
  file: string,
  root: string,
  realRoot: string,
): Promise<FoundFile | Error | typeof OUTSIDE> {
  // The real path, so a symlink inside the site cannot bring in a file from outside it.
  const real = await realpath(file).catch(() => null)
  if (!isInside(file, root) || (real !== null && !isInside(real, realRoot))) return OUTSIDE
  try {
    return {real: real ?? file, stats: await stat(real ?? file, {bigint: true})}
  } catch (error) {
    return error as Error
  }
}

/** The problem of an image whose file cannot be read. */
function unreadable(
  image: LocalImage,
  error: Error,
  root: string,
  page: string | null,
  file: string,
) {
  return imageProblem(
    image,
    `cannot read image ${image.src} (${(error as NodeJS.ErrnoException).code ?? error.message})`,
    `Add ${missingImagePlaces(root, page, image.src, file)}, or fix the image path in the page.`,
  )
}

/** A file's size as `stat` said before it was read. */
const size = (found: FoundFile) => Number(found.stats.size)

/** Images read at a time, and about the most bytes they may hold together. */
const BATCH = {images: 16, bytes: 32 * 1024 * 1024}

/** What became of a file: its SHA-1 once read, its asset id, or the error that stopped it. */
type FileOutcome = {sha1?: string; assetId?: string; error?: Error; uploaded?: boolean}

/**
 * Reads, hashes, looks up and uploads the files a batch at a time, each file read once: a batch
 * holds at most {@link BATCH}'s images and, past its first, bytes. The next batch is read and
 * hashed while this one uploads (a local lake writes it on its writer thread meanwhile), into
 * the buffer of the batch before it, once that one's uploads are answered. The uploads of a
 * batch are handed over together, so a local lake commits them together (lake/assets/commit.ts)
 * and the disk is waited for once per batch, not twice per image; each content is uploaded
 * once. What became of each file, by real path.
 */
async function readAndUpload(
  files: ReadonlyArray<{file: string; found: FoundFile}>,
  options: ImageOptions,
): Promise<Map<string, FileOutcome>> {
  const most = Math.min(options.concurrency ?? BATCH.images, BATCH.images)
  const batches: Array<typeof files> = []
  for (let start = 0; start < files.length;) {
    let end = start + 1
    for (let bytes = size(files[start].found); end < files.length && end - start < most; end++) {
      bytes += size(files[end].found)
      if (bytes > BATCH.bytes) break
    }
    batches.push(files.slice(start, end))
    start = end
  }
  const outcomes = new Map<string, FileOutcome>()
  // The asset id of each content found or uploaded so far (or why its upload failed).
  const bySha1 = new Map<string, Promise<string | Error>>()
  // Read into two buffers as large as the largest batch (within BATCH), reused: see slabs.ts.
  const sized = batches.map((batch) =>
    batch.map(({found}) => ({path: found.real, size: size(found)})),
  )
  const largest = sized.reduce(
    (most, batch) =>
      Math.max(
        most,
        batch.reduce((sum, file) => sum + SlabReader.room(file), 0),
      ),
    0,
  )
  const reader = new SlabReader(Math.min(largest, BATCH.bytes + most))
  const readBatch = (b: number) =>
    Promise.all(
      reader
        .read(b, sized[b])
        .map((read) =>
          read.then((body) =>
            body instanceof Error
              ? body
              : {body, sha1: createHash('sha1').update(body).digest('hex')},
          ),
        ),
    )
  // Settles once every upload of the batch is answered, and its outcomes are known.
  const answered = (batch: typeof files) =>
    Promise.all(
      batch.map(async ({found}) => {
        const outcome = outcomes.get(found.real)!
        const id = outcome.sha1 && (await bySha1.get(outcome.sha1))
        if (id instanceof Error) outcome.error = id
        else if (id) outcome.assetId = id
      }),
    )
  let next = batches.length ? readBatch(0) : undefined
  // The batch before this one, answered.
  let previous: Promise<unknown> = Promise.resolve()
  for (let b = 0; b < batches.length; b++) {
    const batch = batches[b]
    const bodies = await next!
    // Into the buffer of the batch before, once its uploads are answered: its bytes are not
    // needed then. This batch's uploads are written meanwhile, and its bytes stay as they are.
    next = b + 1 < batches.length ? previous.then(() => readBatch(b + 1)) : undefined
    const unknown = [
      ...new Set(bodies.flatMap((x) => (x instanceof Error || bySha1.has(x.sha1) ? [] : [x.sha1]))),
    ]
    const existing = unknown.length ? await options.findAssets(unknown) : new Map()
    for (const [sha1, id] of existing) bySha1.set(sha1, Promise.resolve(id))
    // Handed over in one run of code: a local lake commits them together.
    batch.forEach(({file, found}, i) => {
      const x = bodies[i]
      if (x instanceof Error) return outcomes.set(found.real, {error: x})
      const outcome: FileOutcome = {sha1: x.sha1}
      outcomes.set(found.real, outcome)
      if (!bySha1.has(x.sha1) && !options.dryRun) {
        outcome.uploaded = true
        bySha1.set(
          x.sha1,
          options.upload(x.body, path.basename(file), x.sha1).catch((error: Error) => error),
        )
      }
    })
    previous = answered(batch)
  }
  await previous
  return outcomes
}

function isInside(file: string, root: string): boolean {
  return file === root || file.startsWith(root + path.sep)
}
