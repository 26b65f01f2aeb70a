import {createHash} from 'node:crypto'
import {extname} from 'node:path'
import {badRequest} from '../errors.ts'
import {readAssetFile} from '../store/asset-files.ts'
import type {Dataset} from '../store/dataset.ts'
import type {Doc} from '../store/types.ts'
import {imageInfo} from './dimensions.ts'

/** What an upload request says about the file. */
export type Upload = {
  kind: 'image' | 'file'
  data: Buffer
  filename?: string
  contentType?: string
  projectId: string
  /** The SHA-1 of `data` as its caller in this process took it (see routes/assets.ts). */
  sha1?: string
}

/**
 * The `url` an asset document keeps: the path on the lake, without scheme, host or port. The lake
 * answers it on every host name and port it runs on, so the URL stays right after a restart on
 * another port or an import by a lake started in-process; the Studio the lake serves resolves it
 * against its own origin, and Node clients against the lake's URL.
 */
export function assetUrl(path: string): string {
  return `/${path}`
}

/** The asset document for an upload, plus the path its bytes are served from. */
export function describeAsset(dataset: Dataset, upload: Upload): {doc: Doc; path: string} {
  const sha1 = upload.sha1 ?? createHash('sha1').update(upload.data).digest('hex')
  const base = `${upload.projectId}/${dataset.name}/${sha1}`
  if (upload.kind === 'image') {
    const info = imageInfo(upload.data)
    if (!info)
      throw badRequest('Cannot read this image, expected a PNG, JPEG, GIF, WebP or SVG file')
    const {width, height, extension, mimeType} = info
    const path = `images/${base}-${width}x${height}.${extension}`
    const doc: Doc = {
      _id: `image-${sha1}-${width}x${height}-${extension}`,
      _type: 'sanity.imageAsset',
      assetId: sha1,
      sha1hash: sha1,
      extension,
      mimeType,
      originalFilename: upload.filename,
      size: upload.data.length,
      path,
      url: assetUrl(path),
      uploadId: sha1,
      metadata: {
        _type: 'sanity.imageMetadata',
        dimensions: {_type: 'sanity.imageDimensions', width, height, aspectRatio: width / height},
        hasAlpha: extension === 'png' || extension === 'webp' || extension === 'svg',
        isOpaque: extension === 'jpg',
      },
    }
    return {doc, path}
  }
  const extension = (extname(upload.filename ?? '').slice(1) || 'bin').toLowerCase()
  const path = `files/${base}.${extension}`
  const doc: Doc = {
    _id: `file-${sha1}-${extension}`,
    _type: 'sanity.fileAsset',
    assetId: sha1,
    sha1hash: sha1,
    extension,
    mimeType: upload.contentType || 'application/octet-stream',
    originalFilename: upload.filename,
    size: upload.data.length,
    path,
    url: assetUrl(path),
    uploadId: sha1,
  }
  return {doc, path}
}

/**
 * The stored bytes of an asset path, or null: from the dataset's files folder, or from the
 * `files` table for a file an earlier version stored there (see store/asset-files.ts). A path
 * the table lists without bytes and whose file is gone is not found either.
 */
export function readFile(dataset: Dataset, path: string): {mime: string; data: Buffer} | null {
  const row = dataset.reader.prepare('SELECT mime, data FROM files WHERE path = ?').get(path)
  if (!row) return null
  const stored = row.data as Uint8Array
  const data = stored.length ? Buffer.from(stored) : readAssetFile(dataset.filesFolder, path)
  return data && {mime: String(row.mime), data}
}
