import {existsSync} from 'node:fs'
import type {BigIntStats} from 'node:fs'
import path from 'node:path'

import {spacesUnescaped} from '../importer/uri.ts'
import {ImageUploads, OUTSIDE, type UploadOptions} from './imageUploads.ts'
import {visitLocalImages} from './localImages.ts'
import {sourcePath} from './plan.ts'
import type {ImportedDocument, SyncProblem} from './types.ts'

/**
 * An image block found in a document, with `src` pointing at a local file, and the keys that
 * lead to it from the document.
 */
type LocalImage = {
  doc: ImportedDocument
  block: Record<string, unknown>
  src: string
  path: ReadonlyArray<string | number>
}

/** The image blocks of `doc` with a local `src` and no asset yet. */
function findLocalImages(doc: ImportedDocument): LocalImage[] {
  const images: LocalImage[] = []
  visitLocalImages(doc, (block, path) => images.push({doc, block, src: block.src, path: [...path]}))
  return images
}

/**
 * A copy of `doc` in which each of its `images` is a block of its own, to give an asset: only
 * the arrays and objects on the way to an image are copied, the rest (most of a page's text) is
 * shared with `doc`, which nothing here changes.
 */
function copyToImages(doc: ImportedDocument, images: readonly LocalImage[]): LocalImage[] {
  type Node = Record<string | number, unknown>
  const copies = new Map<object, Node>()
  const copyOf = (value: object): Node => {
    let copy = copies.get(value)
    if (!copy) copies.set(value, (copy = (Array.isArray(value) ? [...value] : {...value}) as Node))
    return copy
  }
  const copy = copyOf(doc) as ImportedDocument
  return images.map((image) => {
    let from = doc as Node
    let to = copy as Node
    for (const key of image.path) {
      from = from[key] as Node
      to = to[key] = copyOf(from)
    }
    return {...image, doc: copy, block: to}
  })
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

/**
 * A problem with an image, named by its page and the line of the block it is in (or by its
 * document, without a page).
 */
function imageProblem(
  image: LocalImage,
  message: string,
  hint: string,
  blockLine: ImageOptions['blockLine'],
): SyncProblem {
  const page = sourcePath(image.doc)
  const [field, index] = image.path
  const body =
    field === 'body' ? (image.doc.body as Array<{_key?: unknown}> | undefined) : undefined
  const key = typeof index === 'number' ? body?.[index]?._key : undefined
  const line = typeof key === 'string' ? blockLine?.(image.doc._id, key) : undefined
  const where = page === null ? image.doc._id : line === undefined ? page : `${page}:${line}`
  return {
    kind: 'image',
    id: image.doc._id,
    path: page,
    ...(line === undefined ? {} : {line}),
    message: `${where}: ${message}`,
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
 * The file the image `src` of the page file `page` names, with the page's address among
 * `addresses` (each page file's, `importSite`'s): how every step that reads a page's images
 * finds them, so a file named early (as its page converts) is the one the image step asks for.
 */
export function imageFileOf(
  root: string,
  page: string | null,
  src: string,
  addresses: Readonly<Record<string, string>> | undefined,
): string {
  return resolveImagePath(root, page, src, page ? addresses?.[page] : undefined)
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
  return [...new Set(images.map((i) => imageFileOf(root, sourcePath(i.doc), i.src, addresses)))]
}

/**
 * How images reach the dataset: through uploads made here, or begun before this step (as the
 * pages that name them were converted) with the same site folder, whose work is not done again.
 */
export type ImageOptions = {
  siteDir: string
  /** Each page file's address on the site (`importSite`'s `addresses`), for relative sources. */
  addresses?: Readonly<Record<string, string>>
  /** The page line of a document's top-level body block, to name where an image problem is. */
  blockLine?: (documentId: string, key: string) => number | undefined
} & (UploadOptions | {uploads: ImageUploads})

/**
 * An image file as this step read it: its real path, its SHA-1, and what `stat` said of it
 * before it was read (what identifies these bytes without reading them again, as long as it
 * stays the same: see scripts/imageFingerprints.ts).
 */
export type ImageRead = {real: string; sha1: string; stats: BigIntStats}

/**
 * Gives every image block with a local `src` an `asset` reference: each file is read and
 * hashed once, looked up among existing assets by SHA-1 and uploaded only when new, once per
 * content however many pages use it (see imageUploads.ts). An image that cannot be read or
 * uploaded is reported for its page; the block keeps its `src` and the rest of the import
 * continues.
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
  const images: LocalImage[] = []
  const copies = docs.map((doc) => {
    const found = localImagesOf(doc)
    if (!found.length) return doc
    const copied = copyToImages(doc, found)
    images.push(...copied)
    return copied[0].doc
  })
  const problems: SyncProblem[] = []
  const assetIds = new Set<string>()
  const read = new Map<string, ImageRead>()
  if (!images.length) return {docs: copies, problems, uploaded: 0, assets: assetIds, read}
  const root = path.resolve(options.siteDir)
  const files = images.map((image) =>
    imageFileOf(root, sourcePath(image.doc), image.src, options.addresses),
  )
  const uploads = 'uploads' in options ? options.uploads : new ImageUploads(options)
  uploads.add(files)
  const located = await Promise.all(files.map((file) => uploads.outcome(file)))
  // Reported in the images' order, not in the order the work finishes: the same every run.
  const counted = new Set<string>()
  let uploaded = 0
  images.forEach((image, i) => {
    const file = files[i]
    const at = located[i]
    const page = sourcePath(image.doc)
    if (at === OUTSIDE)
      return problems.push(
        imageProblem(
          image,
          `image ${spacesUnescaped(image.src)} is outside the site folder`,
          'Move the image into the site and link it with a relative path.',
          options.blockLine,
        ),
      )
    if (at instanceof Error)
      return problems.push(unreadable(image, at, {root, page, file}, options.blockLine))
    const {found, outcome} = at
    if (outcome.uploaded && !counted.has(found.real)) uploaded++
    counted.add(found.real)
    if (outcome.error && !outcome.sha1)
      return problems.push(unreadable(image, outcome.error, {root, page, file}, options.blockLine))
    read.set(file, {real: found.real, sha1: outcome.sha1!, stats: found.stats})
    if (outcome.error)
      problems.push(
        imageProblem(
          image,
          `cannot upload image ${spacesUnescaped(image.src)} (${outcome.error.message})`,
          'Run the import again; images already uploaded are not sent twice.',
          options.blockLine,
        ),
      )
    else if (outcome.assetId !== undefined) {
      image.block.asset = {_type: 'reference', _ref: outcome.assetId}
      assetIds.add(outcome.assetId)
    }
  })
  return {docs: copies, problems, uploaded, assets: assetIds, read}
}

/** The problem of an image whose file cannot be read. */
function unreadable(
  image: LocalImage,
  error: Error,
  {root, page, file}: {root: string; page: string | null; file: string},
  blockLine: ImageOptions['blockLine'],
) {
  return imageProblem(
    image,
    `cannot read image ${spacesUnescaped(image.src)} (${(error as NodeJS.ErrnoException).code ?? error.message})`,
    `Add ${missingImagePlaces(root, page, image.src, file)}, or fix the image path in the page.`,
    blockLine,
  )
}
