/**
 * A prepared site without its page bodies, as plain data to keep between imports. When only page
 * bodies changed since (each changed page's front matter is the same text), the site is
 * prepared again from the snapshot and the changed pages alone: no other page is decoded, its
 * front matter read, the navigation built or the links resolved again. The Liquid site is kept
 * without its bodies (`shape.ts` liquidShape): a page whose Liquid reads other pages' bodies says
 * so in its conversion (`readsBodies`), and the one-page import does not restore such a site. A
 * site where a page uses `{% include_relative %}` is not kept: that file enters the preparation.
 */
import {createHash} from 'node:crypto'

import {planSlugs} from '../documents/assemble.ts'
import type {LiquidSite} from '../body/types.ts'
import type {PlannedDocument} from '../documents/plan.ts'
import type {Diagnostic} from '../types.ts'
import type {FrontMatterMemo} from './frontMatter.ts'
import {liquidShape} from './shape.ts'
import {readsLiquidSite} from './liquidSite.ts'
import {readPages, type ReadPages} from './pages.ts'
import {
  jobsOf,
  linkPagesOf,
  siteContext,
  type PreparedSite,
  type SiteContextData,
} from './stages.ts'
import {isReadme} from './pageFile.ts'
import type {SiteConfig, SiteFile, SourcePage} from './types.ts'

/** A page as the snapshot keeps it: without its text, and with a hash of what precedes its body. */
export type KeptPage = Omit<SourcePage, 'body' | 'text' | 'lineOffset' | 'textHash'> & {
  head: string
}

/** A planned document as the snapshot keeps it: its children by id. */
export type KeptPlan = Omit<PlannedDocument, 'children' | 'page'> & {
  children: string[]
  page?: KeptPage
}

/** What {@link snapshotSite} keeps of a prepared site: plain data, JSON as it is. */
export interface SiteSnapshot {
  plans: KeptPlan[]
  /** Without the pages links resolve to, which the plans hold (null keeps its place). */
  contextData: Omit<SiteContextData, 'linkPages'> & {linkPages: null}
  config: SiteConfig
  configText?: string
  diagnostics: Diagnostic[]
  /** What reading the pages found, the pages by site path; and the files that could not be read. */
  read: Omit<ReadPages, 'pages'> & {pages: string[]}
  unread: string[]
  /** Each plan's slug, in plan order: a slug depends on every title, which a restored site keeps. */
  slugs: string[]
  /**
   * The pages whose bodies read the Liquid site (`liquidSite.ts` readsLiquidSite), by site path:
   * while one does, the site has a Liquid site (absent: none does).
   */
  liquidReaders?: string[]
}

/** `object` with the values of `values` in place of its own, in its keys' order. */
function replaced<T extends object, R>(object: T, values: Partial<Record<keyof T, unknown>>): R {
  const entries = Object.entries(object).map(([key, value]) => [
    key,
    key in values ? values[key as keyof T] : value,
  ])
  return Object.fromEntries(entries.filter(([, value]) => value !== undefined)) as R
}

/** SHA-256 of a page's text before its body: its front matter and fences. */
const headHash = (text: string, body: string) =>
  createHash('sha256')
    .update(text.slice(0, text.length - body.length))
    .digest('hex')

/** A page without its text, body and their places, with the hash of what precedes its body. */
function keptPage(page: SourcePage): KeptPage {
  const gone = {body: undefined, text: undefined, lineOffset: undefined, textHash: undefined}
  return {...replaced<SourcePage, KeptPage>(page, gone), head: headHash(page.text, page.body)}
}

/**
 * The snapshot of `prepared`, or why it cannot be restored later (a page body enters its
 * preparation).
 */
export function snapshotSite(prepared: PreparedSite): SiteSnapshot | {reason: string} {
  const {contextData, plans, read} = prepared
  if (contextData.relativeIncludes) return {reason: 'a page uses {% include_relative %}'}
  const {liquid} = contextData
  const slugs = prepared.slugs ?? planSlugs(plans)
  return {
    // Each object keeps its keys' order, so a restored site's shape is the prepared one's.
    plans: plans.map((plan) =>
      replaced(plan, {
        children: plan.children.map((child) => child.id),
        ...(plan.page ? {page: keptPage(plan.page)} : {}),
      }),
    ),
    // The includes have no prototype (an include named `constructor` is no function): JSON has
    // none, so they are kept as a plain object and given none again.
    contextData: replaced(contextData, {
      linkPages: null,
      includes: {...contextData.includes},
      ...(liquid ? {liquid: liquidShape(liquid)} : {}),
    }),
    config: prepared.config,
    ...(prepared.configText === undefined ? {} : {configText: prepared.configText}),
    diagnostics: prepared.diagnostics,
    read: {...read, pages: read.pages.map((page) => page.file)},
    unread: [...prepared.unread],
    slugs: plans.map((plan) => slugs.get(plan.id)!),
    ...(liquid ? {liquidReaders: [...(prepared.liquidReaders ?? [])]} : {}),
  }
}

/** `object`'s members in an object without a prototype, as JSON cannot keep one. */
const bare = <T>(object: Record<string, T>) =>
  Object.assign(Object.create(null), object) as Record<string, T>

/**
 * The Liquid site a snapshot keeps (bodies empty, no time), with the import's time, and its lists
 * by name without a prototype again, as prepareSite makes them (JSON gives them one).
 */
function restoredLiquid(liquid: LiquidSite, time: string | undefined): LiquidSite {
  return {
    ...liquid,
    data: bare(liquid.data),
    layouts: bare(liquid.layouts),
    collections: bare(liquid.collections),
    ...(time !== undefined ? {time} : {}),
  }
}

/**
 * The pages that read the Liquid site once `reread` (pages read again, by site path) replace
 * their kept selves; why not, when that would give the site a Liquid site or take its own away
 * (the site has one while a page reads it, and a restored site must have the snapshot's).
 */
export function liquidReadersAfter(
  snapshot: Pick<SiteSnapshot, 'liquidReaders' | 'config' | 'contextData'>,
  reread: ReadonlyMap<string, Pick<SourcePage, 'body'>>,
): Set<string> | {reason: string} {
  const readers = new Set(snapshot.liquidReaders)
  let turned: string | undefined
  for (const [path, page] of reread) {
    const reads = readsLiquidSite(page.body, snapshot.config)
    if (reads !== readers.has(path)) turned = path
    if (reads) readers.add(path)
    else readers.delete(path)
  }
  if (readers.size > 0 !== (snapshot.contextData.liquid !== undefined))
    return {reason: `${turned ?? 'a page'} changed whether a page reads the Liquid site`}
  return readers
}

/**
 * A snapshot's context data made whole again with `linkPages`: its includes and the Liquid site's
 * lists without a prototype, as prepareSite makes them, and the import's `time`.
 */
export function restoredContext(
  kept: SiteSnapshot['contextData'],
  linkPages: SiteContextData['linkPages'],
  time: string | undefined,
): SiteContextData {
  const {liquid} = kept
  return replaced<SiteSnapshot['contextData'], SiteContextData>(kept, {
    linkPages,
    includes: bare(kept.includes),
    ...(liquid ? {liquid: restoredLiquid(liquid, time)} : {}),
  })
}

/** Options of {@link restoreSite}. */
export interface RestoreOptions {
  frontMatter?: FrontMatterMemo
  maxYamlNodes?: number
  clock?: () => number
  /** When the import began (ISO 8601): the Liquid site's `site.time`, as in prepareSite. */
  time?: string
}

/**
 * The prepared site of `snapshot` with `changed` (files whose bytes changed, every one a page of
 * it) read again; every other page is as the snapshot has it, its text and body empty and its
 * hash taken from `files` (each with `sha256`). Why not, when a changed page's front matter
 * differs, it is no longer a page, or its body uses what enters the preparation.
 */
export function restoreSite(
  snapshot: SiteSnapshot,
  files: ReadonlyMap<string, SiteFile>,
  changed: readonly string[],
  options: RestoreOptions = {},
): PreparedSite | {reason: string} {
  const reread = new Map<string, SourcePage>()
  const kept = new Map<string, KeptPage>()
  for (const plan of snapshot.plans) if (plan.page) kept.set(plan.page.file, plan.page)
  for (const path of changed) {
    const page = rereadPage(path, files, kept.get(path), snapshot.config, options)
    if ('reason' in page) return page
    reread.set(path, page)
  }
  const readers = liquidReadersAfter(snapshot, reread)
  if ('reason' in readers) return readers
  const byId = new Map<string, PlannedDocument>()
  const plans: PlannedDocument[] = []
  for (const plan of snapshot.plans) {
    const page = plan.page && restorePage(plan.page, files, reread.get(plan.page.file))
    if (page && 'reason' in page) return page
    // Spread, not `replaced`: the same keys in the same order, at a fraction of its cost.
    const restored = {...plan, children: [], ...(page ? {page} : {})} as PlannedDocument
    byId.set(plan.id, restored)
    plans.push(restored)
  }
  for (const [i, plan] of snapshot.plans.entries())
    plans[i].children = plan.children.map((id) => byId.get(id)!)
  const pages = new Map(plans.flatMap((plan) => (plan.page ? [[plan.page.file, plan.page]] : [])))
  const unlisted = snapshot.read.pages.filter((file) => !pages.has(file))
  if (unlisted.length > 0) return {reason: `${unlisted[0]} is a page no plan has`}
  if (snapshot.slugs.length !== plans.length)
    return {reason: `the snapshot keeps ${snapshot.slugs.length} slugs for ${plans.length} plans`}
  for (const path of changed) if (!pages.has(path)) return {reason: `${path} is a page no plan has`}
  const {liquid} = snapshot.contextData
  const contextData = restoredContext(snapshot.contextData, linkPagesOf(plans), options.time)
  return {
    jobs: jobsOf(plans),
    context: siteContext(contextData, options.clock),
    contextData,
    plans,
    config: snapshot.config,
    configText: snapshot.configText,
    read: {...snapshot.read, pages: snapshot.read.pages.map((file) => pages.get(file)!)},
    unread: new Set(snapshot.unread),
    diagnostics: snapshot.diagnostics,
    // The kept plans' ids, types, titles and parents are the restored plans': so are their slugs.
    slugs: new Map(plans.map((plan, i) => [plan.id, snapshot.slugs[i]])),
    // In page order, as prepareSite lists them.
    ...(liquid ? {liquidReaders: snapshot.read.pages.filter((file) => readers.has(file))} : {}),
  }
}

/**
 * The page of `path` read again from `files`, with the front matter `kept` was read with (when it
 * was a page); why not, when it is no longer one page or it uses what enters the preparation.
 */
export function rereadPage(
  path: string,
  files: ReadonlyMap<string, SiteFile>,
  kept: KeptPage | undefined,
  config: SiteConfig,
  options: Pick<RestoreOptions, 'frontMatter' | 'maxYamlNodes'> = {},
): SourcePage | {reason: string} {
  const file = files.get(path)
  if (!file) return {reason: `${path} is not among the files`}
  const read = readPages([file], config, {
    maxYamlNodes: options.maxYamlNodes,
    frontMatter: keptFrontMatter(kept) ?? options.frontMatter,
  })
  const page = read.pages[0]
  if (read.pages.length !== 1) return {reason: `${path} is not a page`}
  if (config.pagePlugins.readmeIndex && isReadme(path))
    return {reason: `${path} is a README, which jekyll-readme-index reads by what its folder holds`}
  if (page.text.includes('include_relative')) return {reason: `${path} uses {% include_relative %}`}
  return page
}

/**
 * The front matter a kept page was read with, given back for its YAML text whatever that is: the
 * page read again keeps its kept values (see `restorePage`), and is restored only when the text
 * before its body is the very text it had, whose YAML reads as it did. So the YAML of a page whose
 * body changed is not read again (nor the YAML reader loaded).
 */
function keptFrontMatter(page: KeptPage | undefined): FrontMatterMemo | undefined {
  if (!page) return undefined
  return {
    get: () => structuredClone(page.own ?? page.data),
    set: () => undefined,
  }
}

/** A kept page made whole again: read anew when it changed, else its text left empty. */
export function restorePage(
  kept: KeptPage,
  files: ReadonlyMap<string, SiteFile>,
  reread: SourcePage | undefined,
): SourcePage | {reason: string} {
  const {head, ...page} = kept
  if (reread) {
    if (headHash(reread.text, reread.body) !== head)
      return {reason: `the front matter of ${kept.file} changed`}
    // A title taken from the first heading (GitHub Pages' plugin) changes with the body.
    if (reread.title !== page.title) return {reason: `the heading that titles ${kept.file} changed`}
    // The kept page's keys are in the order it was read, where the text comes back.
    return replaced(reread, page)
  }
  const textHash = files.get(kept.file)?.sha256
  if (textHash === undefined) return {reason: `${kept.file} has no hash`}
  return {...page, body: '', lineOffset: 0, text: '', textHash}
}
