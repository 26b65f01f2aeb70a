/**
 * What a prepared site's documents depend on besides the page bodies: the plans (navigation,
 * titles, front matter, ids) and the context every conversion shares (`_config.yml`, the pages
 * links resolve to, includes, the Liquid site but for its bodies). Two preparations with the
 * same shape differ only in page bodies, so each page's body affects its own document alone,
 * unless a page's Liquid reads other pages' bodies (its conversion's `readsBodies`).
 */
import {createHash} from 'node:crypto'

import type {ConvertResult} from '../body/index.ts'
import type {LiquidDocument, LiquidSite} from '../body/types.ts'
import {shownProblems} from '../report/shown.ts'
import type {PreparedSite} from './stages.ts'

/** A hash of everything in `prepared` except the page bodies, file texts and body lines. */
export function siteShape(prepared: PreparedSite): string {
  const plans = prepared.plans.map((plan) => ({
    ...plan,
    children: plan.children.map((child) => child.id),
    // Where the body starts moves when an empty body gets its first line: its own concern.
    page: plan.page && {
      ...plan.page,
      body: undefined,
      text: undefined,
      textHash: undefined,
      lineOffset: undefined,
    },
  }))
  const {config, contextData} = prepared
  const data = contextData.liquid
    ? {...contextData, liquid: liquidShape(contextData.liquid)}
    : contextData
  return createHash('sha256')
    .update(JSON.stringify([plans, config, data, prepared.diagnostics]))
    .digest('hex')
}

/**
 * The Liquid site without what every run or page body changes: the import's time, and the
 * bodies of its pages and documents (a page whose Liquid reads them says so in its conversion,
 * `readsBodies`; layout templates are files of their own, and stay).
 */
export function liquidShape(liquid: LiquidSite): LiquidSite {
  const {time: _time, ...site} = liquid
  const bodiless = (document: LiquidDocument) => ({...document, body: ''})
  return {
    ...site,
    pages: site.pages.map(bodiless),
    collections: Object.fromEntries(
      Object.entries(site.collections).map(([key, documents]) => [key, documents.map(bodiless)]),
    ),
  }
}

/** A page's conversion without its body (and block lines): what its document needs besides. */
export type PageHead = Omit<ConvertResult, 'body' | 'lines'>

/**
 * The head of a conversion, small enough to remember for every page: its problems are those a
 * report shows (see `shownProblems`).
 */
export function pageHead(result: ConvertResult): PageHead {
  const {body: _body, lines: _lines, ...head} = result
  return {...head, diagnostics: shownProblems(head.diagnostics)}
}

/** A conversion made from a remembered head, for a page whose document is not rewritten. */
export const fromHead = (head: PageHead): ConvertResult => ({...head, body: []})
