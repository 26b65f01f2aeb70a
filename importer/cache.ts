/**
 * Remembers each page's conversion so an unchanged re-import does not parse it again. Pure:
 * where entries live (a file in the lake folder) is the caller's business.
 */

import type {ConvertContext, ConvertResult} from './body/index.ts'
import type {LiquidSite} from './body/types.ts'
import {contentHash} from './documents/source.ts'
import {liquidHashes, watchLiquid, type LiquidReads} from './liquidReads.ts'
import type {LinkTarget} from './types.ts'

/** One remembered conversion and the outside facts it read, to check they still hold. */
export interface CachedConversion {
  result: ConvertResult
  /** Every link the page resolved, with what it resolved to. */
  links: Array<[href: string, from: string, target: LinkTarget | null]>
  /** Every `_includes/` file the page asked for, with a hash of its text (null: missing). */
  includes?: Array<[name: string, hash: string | null]>
  /** Every file `{% include_relative %}` asked for, the same way. */
  relativeIncludes?: Array<[path: string, hash: string | null]>
  /**
   * Hashes of the Liquid site, when the page's control flow read it (see `liquidReads.ts`): of its
   * shape, and of the whole site when it read a body too.
   */
  liquid?: {shape: string; whole?: string}
}

/**
 * Where cached conversions are kept, by key, as the JSON text of a {@link CachedConversion}:
 * text is what the cache file holds, copies nothing a caller could change, and weighs far less
 * than the objects it stands for.
 */
export interface ConversionCache {
  get(key: string): string | undefined
  set(key: string, json: string): void
}

type Convert = (markdown: string, ctx: ConvertContext) => ConvertResult

/**
 * The key of a page's conversion: everything the converter reads directly (the body, its
 * place in the file, front matter, `_config.yml`, extraction settings) and the converter's
 * own version. Links and includes are checked apart, so a new page elsewhere costs nothing.
 */
export function conversionKey(markdown: string, ctx: ConvertContext, version: string): string {
  const {file, title, lineOffset, page, site, keyPrefix, extraction, limits} = ctx
  return contentHash(
    JSON.stringify([
      version,
      file,
      title,
      lineOffset,
      keyPrefix,
      page,
      site,
      extraction,
      limits,
      markdown,
    ]),
  )
}

/** The entry a cache's text stands for; damaged text only costs that page's conversion. */
function remembered(json: string | undefined): CachedConversion | undefined {
  if (json === undefined) return undefined
  try {
    return JSON.parse(json) as CachedConversion
  } catch {
    return undefined
  }
}

/** Whether each file read (by name, with the hash of its text, null: missing) is still the same. */
const sameFiles = (
  read: ReadonlyArray<[string, string | null]> | undefined,
  files: Readonly<Record<string, string>> | undefined,
) =>
  (read ?? []).every(([name, hash]) => {
    const text = files?.[name]
    return (text === undefined ? null : contentHash(text)) === hash
  })

/** Whether what the page read of the Liquid site (if anything) is still the same. */
function sameLiquid(read: CachedConversion['liquid'], liquid: ConvertContext['liquid']): boolean {
  if (read === undefined) return true
  if (liquid === undefined) return false
  const now = liquidHashes(liquid)
  return read.shape === now.shape && (read.whole === undefined || read.whole === now.whole)
}

/** Whether every link, file and site the cached conversion read still gives the same answer. */
function stillHolds(entry: CachedConversion, ctx: ConvertContext): boolean {
  return (
    entry.links.every(
      ([href, from, target]) =>
        JSON.stringify(ctx.resolveLink(href, from)) === JSON.stringify(target),
    ) &&
    sameFiles(entry.includes, ctx.includes) &&
    sameFiles(entry.relativeIncludes, ctx.relativeIncludes) &&
    sameLiquid(entry.liquid, ctx.liquid)
  )
}

/**
 * The remembered conversion of a page from its cache text, if every link and include it read
 * still gives the same answer. Parsed from text, so it is the caller's own.
 */
export function recallConversion(
  json: string | undefined,
  ctx: ConvertContext,
): ConvertResult | undefined {
  const entry = remembered(json)
  return entry && stillHolds(entry, ctx) ? entry.result : undefined
}

/** The hashes a conversion keeps of the Liquid site it read. */
function liquidRecord(liquid: LiquidSite, reads: LiquidReads): CachedConversion['liquid'] {
  const hashes = liquidHashes(liquid)
  return reads.bodies ? {shape: hashes.shape, whole: hashes.whole} : {shape: hashes.shape}
}

/** `files` as a page reads them, each name it asks for recorded in `read` with its text's hash. */
function watchFiles(
  files: Readonly<Record<string, string>>,
  read: Map<string, string | null>,
): Readonly<Record<string, string>> {
  // Each file hashed once per page, however often the page asks for it.
  const record = (name: string) => {
    if (read.has(name)) return
    const text = files[name]
    read.set(name, text === undefined ? null : contentHash(text))
  }
  return new Proxy(files, {
    get(target, name) {
      if (typeof name !== 'string') return undefined
      record(name)
      return target[name]
    },
    has(target, name) {
      if (typeof name === 'string') record(name)
      return name in target
    },
  })
}

/**
 * Converts a page and records the links and includes it read: the result, and the text to
 * remember it by (none when the page ran out of time, which says more about the machine's
 * load than about the page).
 */
export function convertRecording(
  convert: Convert,
  markdown: string,
  ctx: ConvertContext,
): {result: ConvertResult; json?: string} {
  const links: CachedConversion['links'] = []
  const includes = new Map<string, string | null>()
  const relativeIncludes = new Map<string, string | null>()
  const liquidRead: LiquidReads = {site: false, bodies: false}
  const watched: ConvertContext = {
    ...ctx,
    resolveLink: (href, from) => {
      const target = ctx.resolveLink(href, from)
      links.push([href, from, target])
      return target
    },
    ...(ctx.includes ? {includes: watchFiles(ctx.includes, includes)} : {}),
    ...(ctx.relativeIncludes
      ? {relativeIncludes: watchFiles(ctx.relativeIncludes, relativeIncludes)}
      : {}),
    ...(ctx.liquid ? {liquid: watchLiquid(ctx.liquid, liquidRead)} : {}),
  }
  const result = convert(markdown, watched)
  if (liquidRead.bodies) result.readsBodies = true
  if (result.diagnostics.some((d) => d.code === 'page-too-slow')) return {result}
  const made: CachedConversion = {
    result,
    links,
    includes: [...includes],
    ...(relativeIncludes.size ? {relativeIncludes: [...relativeIncludes]} : {}),
    ...(liquidRead.site && ctx.liquid ? {liquid: liquidRecord(ctx.liquid, liquidRead)} : {}),
  }
  return {result, json: JSON.stringify(made)}
}

/**
 * `convert` with a memory: a page whose inputs and resolved links are what they were last
 * time gets its stored result; any other page is converted and its result stored with the
 * links and includes it read. `version` changes whenever the converter's code does.
 */
export function rememberConversions(
  convert: Convert,
  cache: ConversionCache,
  version: string,
): Convert & {stats: {hits: number; misses: number}} {
  const stats = {hits: 0, misses: 0}
  const convertRemembering = (markdown: string, ctx: ConvertContext): ConvertResult => {
    const key = conversionKey(markdown, ctx, version)
    const recalled = recallConversion(cache.get(key), ctx)
    if (recalled) {
      stats.hits++
      return recalled
    }
    stats.misses++
    const {result, json} = convertRecording(convert, markdown, ctx)
    if (json !== undefined) cache.set(key, json)
    return result
  }
  return Object.assign(convertRemembering, {stats})
}
