import {createHash} from 'node:crypto'
import {existsSync} from 'node:fs'
import {readFile, realpath} from 'node:fs/promises'
import path from 'node:path'

import {INLINE_TYPES} from '../schemas/constants.ts'
import {sourcePath} from './plan.ts'
import {mapPool} from './retry.ts'
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
  /** Finds asset ids by SHA-1 of the file content. */
  findAssets: (sha1s: string[]) => Promise<Map<string, string>>
  upload: (body: Buffer, filename: string) => Promise<string>
  /** Plan only: look existing assets up, upload nothing. */
  dryRun?: boolean
  /** Images read at a time to hash them (8), and at most uploaded together (16). */
  concurrency?: number
}

/**
 * Gives every image block with a local `src` an `asset` reference: each file is read and
 * hashed, looked up among existing assets by SHA-1 and uploaded only when new, once per
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
}> {
  // Only documents with local images are copied (and changed); the rest pass through as is.
  const copies = docs.map((doc) => (localImagesOf(doc).length ? structuredClone(doc) : doc))
  const images = copies.flatMap((doc, i) => (doc !== docs[i] ? findLocalImages(doc) : []))
  const problems: SyncProblem[] = []
  const assetIds = new Set<string>()
  if (!images.length) return {docs: copies, problems, uploaded: 0, assets: assetIds}
  const root = path.resolve(options.siteDir)
  const realRoot = await realpath(root).catch(() => root)
  // Each file's hash, not its bytes: a new one is read again to upload it, so no more than a
  // few images are in memory at once (a course site's hundreds of megabytes were, all of them).
  const files = new Map<string, Promise<{sha1: string; size: number} | Error>>()
  const load = (file: string) => {
    if (!files.has(file))
      files.set(
        file,
        readFile(file).then(
          (body) => ({sha1: createHash('sha1').update(body).digest('hex'), size: body.length}),
          (error: Error) => error,
        ),
      )
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
    const report = (message: string, hint: string) => ({
      problem: imageProblem(image, message, hint),
    })
    // The real path, so a symlink inside the site cannot bring in a file from outside it.
    const real = await realpath(file).catch(() => null)
    if (!isInside(file, root) || (real !== null && !isInside(real, realRoot)))
      return report(
        `image ${image.src} is outside the site folder`,
        'Move the image into the site and link it with a relative path.',
      )
    const loaded = await load(real ?? file)
    if (loaded instanceof Error)
      return report(
        `cannot read image ${image.src} (${(loaded as NodeJS.ErrnoException).code ?? loaded.message})`,
        `Add ${missingImagePlaces(root, page, image.src, file)}, or fix the image path in the page.`,
      )
    return {image, file, read: real ?? file, ...loaded}
  })
  // Reported in the images' order, not in the order their reads finish: the same every run.
  const found: Array<Exclude<(typeof located)[number], {problem: unknown}>> = []
  for (const x of located) {
    if ('problem' in x) problems.push(x.problem)
    else found.push(x)
  }
  const assets = await options.findAssets([...new Set(found.map((f) => f.sha1))])
  const uploads = options.dryRun
    ? new Map<string, string | Error>()
    : await uploadNew(found, assets, options)
  const failed = found.map(({image, sha1}) => {
    const assetId = assets.get(sha1) ?? uploads.get(sha1)
    if (assetId === undefined) return
    if (assetId instanceof Error)
      return imageProblem(
        image,
        `cannot upload image ${image.src} (${assetId.message})`,
        'Run the import again; images already uploaded are not sent twice.',
      )
    image.block.asset = {_type: 'reference', _ref: assetId}
    assetIds.add(assetId)
  })
  for (const problem of failed) if (problem) problems.push(problem)
  return {docs: copies, problems, uploaded: uploads.size, assets: assetIds}
}

/** Images read at a time to be uploaded, and about the most bytes they may hold together. */
const UPLOAD_BATCH = {images: 16, bytes: 32 * 1024 * 1024}

/**
 * Uploads each image `assets` has no asset for, once per content, a batch at a time: the images
 * of a batch are read, then handed over together, so a local lake commits them together
 * (lake/assets/commit.ts) and the disk is waited for once per batch, not twice per image. A
 * batch holds at most {@link UPLOAD_BATCH}'s images and, past its first, bytes. The asset id of
 * each upload by SHA-1, or the error that stopped it.
 */
async function uploadNew(
  found: ReadonlyArray<{file: string; read: string; sha1: string; size: number}>,
  assets: ReadonlyMap<string, string>,
  options: ImageOptions,
): Promise<Map<string, string | Error>> {
  const fresh = new Map<string, (typeof found)[number]>()
  for (const image of found) if (!assets.has(image.sha1)) fresh.set(image.sha1, image)
  const most = Math.min(options.concurrency ?? UPLOAD_BATCH.images, UPLOAD_BATCH.images)
  const outcomes = new Map<string, string | Error>()
  const images = [...fresh.values()]
  for (let start = 0; start < images.length;) {
    let end = start + 1
    for (let bytes = images[start].size; end < images.length && end - start < most; end++) {
      bytes += images[end].size
      if (bytes > UPLOAD_BATCH.bytes) break
    }
    const batch = images.slice(start, end)
    start = end
    const bodies = await Promise.all(
      batch.map(({read}) => readFile(read).catch((error: Error) => error)),
    )
    const ids = await Promise.all(
      batch.map(({file}, i) => {
        const body = bodies[i]
        if (body instanceof Error) return body
        return options.upload(body, path.basename(file)).catch((error: Error) => error)
      }),
    )
    batch.forEach(({sha1}, i) => outcomes.set(sha1, ids[i]))
  }
  return outcomes
}

function isInside(file: string, root: string): boolean {
  return file === root || file.startsWith(root + path.sep)
}
