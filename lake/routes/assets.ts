import {commitAsset} from '../assets/commit.ts'
import {describeAsset, readFile} from '../assets/store.ts'
import {LakeError} from '../errors.ts'
import {readBody} from '../http/respond.ts'
import {HANDLED, type Route, type RouteContext} from '../http/router.ts'
import type {LakeState} from '../state.ts'

/** Bytes an upload may have. */
export const UPLOAD_LIMIT = 100 * 1024 * 1024

/** An upload's bytes and what its request said of them (`filename`, `label`, `sourceName`…). */
export type Upload = {
  kind: 'image' | 'file'
  data: Buffer
  contentType: string
  search: URLSearchParams
  /**
   * The SHA-1 of `data`, when the process that started the lake took it from these very bytes
   * (an import's own lake): never from a request.
   */
  sha1?: string
}

/**
 * Stores an uploaded file and creates its `sanity.imageAsset` / `sanity.fileAsset` document, or
 * answers the one that holds the same bytes already: what `POST /assets/<kind>s/<ds>` answers.
 */
export async function storeUpload(state: LakeState, name: string, upload: Upload) {
  const {kind, data, contentType, search, sha1} = upload
  const dataset = state.registry.get(name)
  const {doc, path} = describeAsset(dataset, {
    kind,
    data,
    sha1,
    filename: search.get('filename') ?? undefined,
    contentType,
    projectId: state.projectId,
  })
  // Optional metadata the upload can carry, as Sanity's asset endpoint accepts it.
  for (const key of ['label', 'title', 'description', 'creditLine']) {
    const value = search.get(key)
    if (value) doc[key] = value
  }
  const source = ['sourceName', 'sourceId', 'sourceUrl'].map((key) => search.get(key))
  if (source[0] && source[1])
    doc.source = {name: source[0], id: source[1], ...(source[2] ? {url: source[2]} : {})}
  const existing = dataset.get(doc._id)
  if (existing) return {document: existing}
  const mime = typeof doc.mimeType === 'string' ? doc.mimeType : contentType
  return {document: await commitAsset(dataset, {doc, path, mime, data})}
}

async function upload(ctx: RouteContext, kind: 'image' | 'file') {
  // The dataset's name is checked before the body is read.
  ctx.state.registry.get(ctx.params.dataset)
  return storeUpload(ctx.state, ctx.params.dataset, {
    kind,
    data: await readBody(ctx.req, UPLOAD_LIMIT),
    contentType: String(ctx.req.headers['content-type'] ?? ''),
    search: ctx.url.searchParams,
  })
}

function serve(ctx: RouteContext, kind: 'images' | 'files'): typeof HANDLED {
  const {projectId, dataset: name, file} = ctx.params
  const dataset = ctx.state.registry.get(name)
  const found = readFile(dataset, `${kind}/${projectId}/${name}/${file}`)
  if (!found)
    throw new LakeError(404, 'notFound', `Cannot find asset ${kind}/${file} in dataset "${name}"`)
  ctx.res.statusCode = 200
  ctx.res.setHeader('content-type', found.mime)
  ctx.res.setHeader('content-length', found.data.length)
  ctx.res.setHeader('cache-control', 'public, max-age=31536000, immutable')
  // An upload is data from anyone with the token, served on the lake's own origin: the browser
  // must not guess another type, and an HTML or SVG file opened directly must run no script.
  ctx.res.setHeader('x-content-type-options', 'nosniff')
  ctx.res.setHeader(
    'content-security-policy',
    "sandbox; default-src 'none'; style-src 'unsafe-inline'",
  )
  ctx.res.end(found.data)
  return HANDLED
}

/** Uploads that create `sanity.imageAsset` / `sanity.fileAsset` documents, and the files served back. */
export const assetRoutes: Route[] = [
  {
    method: 'POST',
    path: '/assets/images/:dataset',
    handle: (ctx) => upload(ctx, 'image'),
  },
  {
    method: 'POST',
    path: '/assets/files/:dataset',
    handle: (ctx) => upload(ctx, 'file'),
  },
  {
    method: 'GET',
    path: '/images/:projectId/:dataset/:file',
    public: true,
    handle: (ctx) => serve(ctx, 'images'),
  },
  {
    method: 'GET',
    path: '/files/:projectId/:dataset/:file',
    public: true,
    handle: (ctx) => serve(ctx, 'files'),
  },
]
