/**
 * What a page's Liquid control flow read of the Liquid site (see `site/liquidSite.ts`), for the
 * conversion cache: the site's shape (`_data/`, layouts, every page's and document's front matter
 * and address, the static files' paths), and whether it also read a page's or document's body (`{{ p.content }}`, a
 * document written out whole). A page that lists titles is converted again when a title changes,
 * not when a body elsewhere does; a page that shows other pages' contents is, whenever one does.
 */
import type {LiquidDocument, LiquidSite} from './body/types.ts'
import {contentHash} from './documents/source.ts'

/**
 * The two hashes of one Liquid site, each taken when first asked for: the whole site's (its
 * pages' bodies are most of its text) only when a page read a body.
 */
export interface LiquidHashes {
  /** Everything but the bodies of its pages and documents (layout templates included). */
  readonly shape: string
  /** Everything. */
  readonly whole: string
}

const withoutBody = ({body: _body, ...rest}: LiquidDocument) => rest

/** Taken once per site object (each thread has its own). */
const hashes = new WeakMap<LiquidSite, LiquidHashes>()

export function liquidHashes(liquid: LiquidSite): LiquidHashes {
  let known = hashes.get(liquid)
  if (known) return known
  let shape: string | undefined
  let whole: string | undefined
  known = {
    get shape() {
      return (shape ??= contentHash(
        JSON.stringify({
          data: liquid.data,
          staticFiles: liquid.staticFiles,
          layouts: liquid.layouts,
          pages: liquid.pages.map(withoutBody),
          collections: Object.entries(liquid.collections).map(([key, documents]) => [
            key,
            documents.map(withoutBody),
          ]),
        }),
      ))
    },
    get whole() {
      if (whole === undefined) {
        const {time: _time, ...site} = liquid
        whole = contentHash(JSON.stringify(site))
      }
      return whole
    },
  }
  hashes.set(liquid, known)
  return known
}

/** What {@link watchLiquid}'s site gives for this key: the site it watches. */
const WATCHED = Symbol('the Liquid site watched')

/** Each site's pages and documents by file, made once per site (each thread has its own). */
const byFile = new WeakMap<LiquidSite, Map<string, LiquidDocument>>()

/**
 * The page or collection document of `liquid` at site path `file` (a page first, as Jekyll
 * lists them), found in an index made once per site. Through {@link watchLiquid}'s site, the
 * read counts as reading the site, as a lookup among its pages would, but no page is watched
 * for it: a lookup that went through the watched lists made every page's stand-in, for each
 * page that asked.
 */
export function documentAt(liquid: LiquidSite, file: string): LiquidDocument | undefined {
  const site = (liquid as LiquidSite & {[WATCHED]?: LiquidSite})[WATCHED] ?? liquid
  let index = byFile.get(site)
  if (!index) {
    index = new Map()
    for (const document of [...site.pages, ...Object.values(site.collections).flat()])
      if (!index.has(document.file)) index.set(document.file, document)
    byFile.set(site, index)
  }
  return index.get(file)
}

/** What a page read of the site through {@link watchLiquid}. */
export interface LiquidReads {
  site: boolean
  bodies: boolean
}

/**
 * `liquid` as a page reads it, recording in `reads` that it read the site at all and whether it
 * read a body. Each page and document stands for itself by one object throughout (the renderer
 * tells them apart by identity), and so does each list.
 */
export function watchLiquid(liquid: LiquidSite, reads: LiquidReads): LiquidSite {
  const documents = new Map<LiquidDocument, LiquidDocument>()
  const watched = (document: LiquidDocument) => {
    let proxy = documents.get(document)
    if (!proxy) {
      proxy = new Proxy(document, {
        get(target, name) {
          if (name === 'body') reads.bodies = true
          return Reflect.get(target, name)
        },
      })
      documents.set(document, proxy)
    }
    return proxy
  }
  let pages: LiquidDocument[] | undefined
  let collections: Record<string, LiquidDocument[]> | undefined
  return new Proxy(liquid, {
    get(target, name) {
      reads.site = true
      if (name === WATCHED) return target
      if (name === 'pages') return (pages ??= target.pages.map(watched))
      if (name === 'collections') {
        // Each collection's list made when first read: every page with control flow names the
        // labels, and most read no collection (OpenSearch's 1,761 documents are collections').
        if (!collections) {
          const lists: Record<string, LiquidDocument[]> = (collections = Object.create(null))
          for (const [key, list] of Object.entries(target.collections)) {
            let made: LiquidDocument[] | undefined
            const get = () => (made ??= list.map(watched))
            Object.defineProperty(lists, key, {enumerable: true, configurable: true, get})
          }
        }
        return collections
      }
      return Reflect.get(target, name)
    },
  })
}
