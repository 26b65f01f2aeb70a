/**
 * Liquid control flow (`{% for %}`, `{% if %}`, `{% assign %}`, `{% capture %}` …) evaluated as
 * Jekyll does, with liquidjs: over the page's front matter, `_config.yml`, `site.data`, the
 * site's pages and collection documents (`LiquidSite`), with Jekyll's `include`, `link`,
 * `highlight` tags and URL and markdown filters. A collection document written out
 * (`{{ staffer }}`) is its body as HTML in the site's own layout, as Jekyll renders it first.
 * liquidjs is loaded on the first page that needs it, so pages without control flow never pay.
 */
import {posix} from 'node:path'

import type {
  Context,
  Liquid as LiquidEngine,
  TagToken,
  Template,
  TopLevelToken,
  Value as LiquidValue,
} from 'liquidjs'

import {documentAt} from '../liquidReads.ts'
import {onFirstUse} from '../onFirstUse.ts'
import {insideRawHtml, parsesBlockHtml} from './html/kramdown-blocks.ts'
import {parseIncludeTag, validIncludeFile} from './liquid-include.ts'
import {absoluteUrl, relativeUrl} from './liquid-output.ts'
import {fenceFor, highlightCode, highlightHtml, isHtmlFile} from './liquid-syntax.ts'
import {markdownBlock, markdownBlocksAsText} from './markdown-block.ts'
import type {LiquidDocument, LiquidSite} from './types.ts'

/**
 * What evaluating one region needs from the page; the same object for every region of a page
 * (or of one include), so its engine and documents are made once.
 */
export interface ControlFlowPage {
  file: string
  page: Record<string, unknown>
  site: Record<string, unknown>
  /** `include.*` when the region is inside an include. */
  include?: Record<string, unknown>
  includes?: Readonly<Record<string, string>>
  /** `{% include_relative %}` files by site path. */
  relativeIncludes?: Readonly<Record<string, string>>
  liquid?: LiquidSite
  /** The href a `{% link path %}` tag becomes (the caller's placeholder). */
  link: (path: string, tag: string) => string
  /** Milliseconds the evaluation may take. */
  timeLimitMs: number
  /** Characters the evaluation may produce. */
  maxChars: number
}

/** Layouts (with front matter) nested deeper than this are not followed (Jekyll loops forever). */
const MAX_LAYOUT_DEPTH = 10
/**
 * Documents rendered inside documents deeper than this output nothing; so does a document
 * written out while it is being rendered (Jekyll has no output for it yet).
 */
const MAX_DOCUMENT_DEPTH = 3

const liquid = onFirstUse<{Liquid: typeof LiquidEngine; Value: typeof LiquidValue}>('liquidjs')

/**
 * `{% assign name = value %}` as Ruby's Liquid reads it: the name is any run of word characters,
 * dashes, dots and brackets (`assign staffer.photo = …`, which sets a variable no lookup reaches,
 * so it changes nothing a page shows). liquidjs takes only an identifier and rejects the region.
 */
const ASSIGN = /^\s*([\w\-.[\]()]+)\s*=\s*([\s\S]*)$/

/** An output or an `assign`, whose filters Ruby's Liquid may read laxly. */
const FILTERED_MARKUP = /\{\{-?[\s\S]*?-?\}\}|\{%-?\s*assign\b[\s\S]*?-?%\}/g

/**
 * Markup Jekyll reads laxly and liquidjs rejects, made what Jekyll reads: an empty output, and
 * filters written without the colon before their arguments (`| join ' '`):
 * strict parsing fails, and Liquid's lax parser, which Jekyll falls back to, takes arguments
 * only after `:` or `,`, so the filter runs without them (`join` then joins with a space).
 * liquidjs rejects the whole region instead.
 */
export function laxFilters(text: string): string {
  // An empty output (`{{}}`) renders nothing for Ruby's Liquid; liquidjs rejects it.
  if (text.includes('{{')) text = text.replace(/\{\{\s*\}\}/g, '')
  if (!text.includes('|')) return text
  return text.replace(FILTERED_MARKUP, (markup) => {
    let out = ''
    let quote: string | undefined
    for (let i = 0; i < markup.length; i++) {
      const char = markup[i]
      out += char
      if (quote) {
        if (char === quote) quote = undefined
        continue
      }
      if (char === '"' || char === "'") quote = char
      if (char !== '|') continue
      // `| name args` without a colon: the arguments go, as the lax parser drops them.
      const filter =
        /^(\s*[A-Za-z_][\w-]*)(\s+)(?![\s:|]|-?%\}|-?\}\})((?:"[^"]*"|'[^']*'|-(?![}%])|[^\s|%}"'-])+)/.exec(
          markup.slice(i + 1),
        )
      if (filter) {
        out += `${filter[1]} `
        i += filter[0].length
      }
    }
    return out
  })
}

/** Each include's text with {@link laxFilters} applied, by its text: once per thread. */
const laxTexts = new Map<string, string>()
/** Texts kept in {@link laxTexts}: a site's includes, bounded against ever-new ones. */
const LAX_TEXTS_KEPT = 10_000

/**
 * The includes as liquidjs reads them (its `templates`, which it looks up by name as a page
 * includes one): each with {@link laxFilters} applied when asked for. Asked for, not copied: the
 * page's `includes` record the names it reads (the conversion cache's inputs, see cache.ts), so
 * a page depends on the includes it includes, not on every include of the site.
 */
function laxIncludes(
  includes: Readonly<Record<string, string>> | undefined,
): Record<string, string> {
  if (!includes) return {}
  return new Proxy(includes as Record<string, string>, {
    get(target, name) {
      const text = typeof name === 'string' ? target[name] : undefined
      if (typeof text !== 'string') return text
      let lax = laxTexts.get(text)
      if (lax === undefined) {
        lax = laxFilters(text)
        if (laxTexts.size < LAX_TEXTS_KEPT) laxTexts.set(text, lax)
      }
      return lax
    },
  })
}

/** The region's text after Liquid, or the reason it could not be evaluated. */
export function evaluateControlFlow(
  text: string,
  page: ControlFlowPage,
): {text: string; unknownFilters?: string[]} | {error: string; limit?: 'maxPageBytes'} {
  const unknownFilters: string[] = []
  const {engine, scope} = prepared(page)
  for (;;) {
    try {
      const output = String(engine.parseAndRenderSync(laxFilters(text), {...scope}))
      if (output.length > page.maxChars) {
        return {error: `it produces more than ${page.maxChars} characters`, limit: 'maxPageBytes'}
      }
      return {text: output, ...(unknownFilters.length > 0 ? {unknownFilters} : {})}
    } catch (error) {
      const message = ((error as Error).message || String(error)).split('\n')[0]
      // A filter Liquid does not know passes its input on in Jekyll (Liquid's lax filters):
      // `{{ 'DATA' | oTranslate }}` is `DATA`. Each is made so, and the region read again.
      const unknown = /^undefined filter: ([\w-]+)/.exec(message)?.[1]
      if (!unknown || unknownFilters.length >= MAX_UNKNOWN_FILTERS) return {error: message}
      unknownFilters.push(unknown)
      engine.registerFilter(unknown, (value: unknown) => value)
    }
  }
}

/**
 * The value Jekyll's `where` looks for: a property matches when it is that text, or (a list, a
 * number, `true`) one of its values is when written as text, as Jekyll compares them.
 * Comparable, so liquidjs's own `where` (which reads the property) asks it.
 */
class WhereTarget {
  readonly text: string
  constructor(text: string) {
    this.text = text
  }
  equals(value: unknown): boolean {
    return (
      (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') &&
      String(value) === this.text
    )
  }
  gt(): boolean {
    return false
  }
  geq(): boolean {
    return false
  }
  lt(): boolean {
    return false
  }
  leq(): boolean {
    return false
  }
}

/** Filters of one page read as Jekyll reads filters it does not know, at most. */
const MAX_UNKNOWN_FILTERS = 20

/** Each page's engine and variables, made on its first region and kept for the next ones. */
const preparedPages = new WeakMap<
  ControlFlowPage,
  {engine: LiquidEngine; scope: Record<string, unknown>}
>()

function prepared(page: ControlFlowPage) {
  let made = preparedPages.get(page)
  if (made) return made
  const engine = createEngine(page)
  const own = page.liquid && documentAt(page.liquid, page.file)
  const scope = {
    site: siteDrop(page, engine),
    page: {...page.page, url: own?.url, path: page.file},
    ...(page.include ? {include: page.include} : {}),
  }
  preparedPages.set(page, (made = {engine, scope}))
  return made
}

function createEngine(page: ControlFlowPage): LiquidEngine {
  const engine = new (liquid().Liquid)({
    templates: laxIncludes(page.includes),
    jekyllInclude: true,
    jekyllWhere: true,
    dynamicPartials: false,
    extname: '',
    strictFilters: true,
    renderLimit: page.timeLimitMs,
    memoryLimit: page.maxChars * 4,
    // Jekyll's `date` filter is Ruby's strftime, which writes month and day names in English
    // whatever the machine's locale; LiquidJS would use the machine's (and resolving it, the
    // first Intl.DateTimeFormat of the process, took about 20 ms of every such import).
    locale: 'en-US',
  })
  engine.registerFilter('relative_url', (value: unknown) => relativeUrl(value, page.site))
  engine.registerFilter('absolute_url', (value: unknown) => absoluteUrl(value, page.site))
  engine.registerFilter('markdownify', (value: unknown) => markdownBlock(String(value ?? '')))
  const stripHtml = engine.filters.strip_html
  engine.registerFilter('strip_html', function (value: unknown) {
    const text = markdownBlocksAsText(String(value ?? ''))
    return typeof stripHtml === 'function'
      ? (stripHtml as (this: unknown, text: string) => string).call(this, text)
      : text
  })
  engine.registerFilter('smartify', (value: unknown) => String(value ?? ''))
  // Jekyll's `where` compares as text: `where: "published", "true"` keeps `published: true`.
  const where = engine.filters.where as (this: unknown, ...args: unknown[]) => unknown
  engine.registerFilter('where', function (input: unknown, property: unknown, ...rest: unknown[]) {
    const [target] = rest
    const text =
      typeof target === 'string' || typeof target === 'number' || typeof target === 'boolean'
    return where.call(this, input, property, ...(text ? [new WhereTarget(String(target))] : rest))
  })
  // Ruby's Liquid writes nil as nothing: `site.names | map: 'plural'` of plain texts is a list
  // of nils, which liquidjs's filter would write as "undefined and undefined".
  const sentence = engine.filters.array_to_sentence_string
  engine.registerFilter('array_to_sentence_string', function (value: unknown, ...rest: unknown[]) {
    const items = Array.isArray(value) ? value.map((item: unknown) => item ?? '') : value
    return (sentence as (this: unknown, ...args: unknown[]) => unknown).call(this, items, ...rest)
  })
  engine.registerTag('assign', {
    parse(token: TagToken) {
      const [, name, value] = ASSIGN.exec(token.args) ?? []
      if (name === undefined || value === undefined) {
        throw new Error(`expected "name = value" in ${token.getText()}`)
      }
      this.key = name
      this.value = new (liquid().Value)(value, this.liquid)
    },
    *render(ctx: Context): Generator<unknown, void, unknown> {
      const value = this.value as LiquidValue
      ctx.bottom()[String(this.key)] = yield value.value(ctx, this.liquid.options.lenientIf)
    },
  })
  engine.registerTag('link', {
    parse(token: TagToken) {
      this.path = token.args.trim()
      this.tag = token.getText()
    },
    render(ctx: Context) {
      // Jekyll renders a path built with `{{ … }}` first: `{% link {{ topic.page }} %}`.
      const path = String(this.path)
      const rendered = path.includes('{{')
        ? String(engine.parseAndRenderSync(path, ctx.getAll())).trim()
        : path
      const tag = rendered === path ? String(this.tag) : `{% link ${rendered} %}`
      return page.link(rendered, tag)
    },
  })
  engine.registerTag('include_relative', {
    parse(token: TagToken) {
      const markup = parseIncludeTag(token.getText())
      this.file = 'file' in markup ? markup.file : (token.args.trim().split(/\s+/)[0] ?? '')
    },
    render(ctx: Context) {
      // A name built with `{{ … }}` is rendered first, as Jekyll renders it.
      const file = String(this.file)
      const name = file.includes('{{')
        ? String(engine.parseAndRenderSync(file, ctx.getAll())).trim()
        : file
      if (!validIncludeFile(name)) throw new Error(`"${name}" is not a file name Jekyll accepts`)
      const path = posix.join(posix.dirname(page.file), name)
      const text = page.relativeIncludes?.[path]
      if (text === undefined) throw new Error(`${path} is not in the site`)
      return engine.parseAndRenderSync(text, ctx.getAll()) as string
    },
  })
  engine.registerTag('highlight', {
    // Jekyll's tag renders its body first (Liquid::Block#render): `{{ x }}` and tags inside
    // show their values, and a `{% raw %}` its text.
    parse(token: TagToken, remain: TopLevelToken[]) {
      this.language = token.args.trim().split(/\s+/)[0] ?? ''
      // In an HTML include or an HTML element of the page the block is HTML, as Jekyll writes
      // it (a fence there would be text); elsewhere a fence.
      this.html =
        isHtmlFile(token.file) ||
        insideRawHtml(token.input, token.begin, parsesBlockHtml(page.site))
      const templates: Template[] = (this.templates = [])
      const stream = this.liquid.parser.parseStream(remain)
      stream
        .on('tag:endhighlight', () => stream.stop())
        .on('template', (template: Template) => templates.push(template))
        .on('end', () => {
          throw new Error(`tag ${token.getText()} not closed`)
        })
      stream.start()
    },
    *render(ctx: Context): Generator<unknown, string, unknown> {
      const templates = this.templates as Template[]
      const rendered = String(yield this.liquid.renderer.renderTemplates(templates, ctx))
      const code = highlightCode(rendered)
      if (this.html) return highlightHtml(String(this.language), code)
      const fence = fenceFor(code)
      return `${fence}${String(this.language)}\n${code}\n${fence}`
    },
  })
  return engine
}

/**
 * `site`: `_config.yml`, `site.data`, `site.pages` and `site.html_pages` (those but a page whose
 * permalink names another extension, `/feed.xml`), each collection's documents and
 * `site.static_files`.
 */
function siteDrop(page: ControlFlowPage, engine: LiquidEngine): Record<string, unknown> {
  const liquid = page.liquid
  if (!liquid) return {...page.site}
  const drops = new Map<LiquidDocument, Record<string, unknown>>()
  const rendering = new Set<LiquidDocument>()
  const drop = (document: LiquidDocument) => {
    let made = drops.get(document)
    if (!made) drops.set(document, (made = documentDrop(document, page, engine, site, rendering)))
    return made
  }
  const site: Record<string, unknown> = {...page.site, data: liquid.data}
  // A Date, as Jekyll's Time: `date:` formats it, and `| date: "%Y-%m-%d"` compares as text.
  if (liquid.time !== undefined) site.time = new Date(liquid.time)
  // The lists of pages and documents are made when Liquid first reads them: every page with
  // control flow gets its own site, and most read `site.data` alone (a site of 1,761 such
  // pages made 3 million drops, 2 s of its conversion, for none to be read).
  const labels = Object.keys(liquid.collections)
  lazily(site, 'pages', () => liquid.pages.map(drop))
  lazily(site, 'html_pages', () =>
    liquid.pages.filter((document) => !/\.(?!html?$|xhtml$)[^./]+$/.test(document.url)).map(drop),
  )
  const docs = (label: string) => liquid.collections[label]!.map(drop)
  // `site.posts` lists the newest first; its collection's `docs`, as any other's, oldest first.
  for (const label of labels)
    lazily(site, label, () => (label === 'posts' ? docs(label).reverse() : docs(label)))
  lazily(site, 'collections', () => labels.map((label) => ({label, docs: docs(label)})))
  lazily(site, 'documents', () =>
    (site.collections as Array<{docs: unknown[]}>).flatMap((collection) => collection.docs),
  )
  lazily(site, 'static_files', () => (liquid.staticFiles ?? []).map(staticFileDrop))
  return site
}

/** Gives `object` the property `key`, made by `make` when first read (or set like any other). */
function lazily(object: Record<string, unknown>, key: string, make: () => unknown): void {
  let value: unknown
  let made = false
  Object.defineProperty(object, key, {
    enumerable: true,
    configurable: true,
    get: () => (made ? value : ((made = true), (value = make()))),
    set: (next: unknown) => {
      made = true
      value = next
    },
  })
}

/** A static file as Liquid reads it (Jekyll's StaticFileDrop, less its modification time). */
function staticFileDrop(path: string): Record<string, unknown> {
  const name = path.slice(path.lastIndexOf('/') + 1)
  const dot = name.lastIndexOf('.')
  const extname = dot > 0 ? name.slice(dot) : ''
  return {
    path,
    name,
    basename: name.slice(0, name.length - extname.length),
    extname,
    collection: null,
  }
}

/**
 * A page or document as Liquid reads it: front matter, `url`, `path`, `collection`, `content`
 * (its body as HTML); written out whole, it is its HTML in the site's own layouts.
 */
function documentDrop(
  document: LiquidDocument,
  page: ControlFlowPage,
  engine: LiquidEngine,
  site: Record<string, unknown>,
  /** The documents being rendered, outermost first. */
  rendering: Set<LiquidDocument>,
): Record<string, unknown> {
  let content: string | undefined
  let output: string | undefined
  const drop: Record<string, unknown> = {
    ...document.data,
    url: document.url,
    path: document.file,
    relative_path: document.file,
    collection: document.collection,
    // The front matter's `slug:` (a post's is its name after the date, see posts.ts), else the
    // file's name.
    slug:
      typeof document.data.slug === 'string'
        ? document.data.slug
        : document.file.replace(/^.*\//, '').replace(/\.[^.]+$/, ''),
  }
  const render = () => {
    if (content !== undefined) return content
    if (rendering.has(document) || rendering.size >= MAX_DOCUMENT_DEPTH) return ''
    rendering.add(document)
    try {
      const body = String(engine.parseAndRenderSync(document.body, {site, page: drop}))
      return (content = markdownBlock(body))
    } finally {
      rendering.delete(document)
    }
  }
  Object.defineProperty(drop, 'content', {enumerable: true, get: render})
  Object.defineProperty(drop, 'output', {
    enumerable: false,
    get: () => (output ??= inLayouts(render(), document.data.layout, drop, page, engine, site)),
  })
  // Written out whole (`{{ staffer }}`), a document is its output, as in Jekyll.
  Object.defineProperty(drop, 'valueOf', {enumerable: false, value: () => drop.output})
  Object.defineProperty(drop, 'toString', {enumerable: false, value: () => String(drop.output)})
  return drop
}

/** `content` placed in the layout `name` and the layouts it names in turn, as far as the site has them. */
function inLayouts(
  content: string,
  name: unknown,
  pageDrop: Record<string, unknown>,
  page: ControlFlowPage,
  engine: LiquidEngine,
  site: Record<string, unknown>,
): string {
  let html = content
  let layout = name
  for (let depth = 0; typeof layout === 'string' && depth < MAX_LAYOUT_DEPTH; depth++) {
    const found = page.liquid?.layouts[layout]
    if (found === undefined) break
    const {data, body} = found
    html = String(
      engine.parseAndRenderSync(body, {site, page: pageDrop, layout: data, content: html}),
    )
    layout = data.layout
  }
  return html
}
