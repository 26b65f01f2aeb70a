import type {Definition, Nodes} from 'mdast'

import type {Diagnostic, ImportedDocument} from '../types.ts'
import type {ExtractionConfig} from '../extract/config.ts'
import type {Quoted} from './blocks/quote-style.ts'
import type {Walk} from './blocks/walk.ts'
import type {LineMap} from './line-map.ts'
import type {ConvertContext, NextLinkValue} from './types.ts'

/** A position-bearing node or nothing (the diagnostic then has no line). */
export type Located = {position?: Nodes['position']} | undefined

/** Mutable state of one `convertBody` call, shared by every handler. */
export interface State {
  ctx: ConvertContext
  extraction: ExtractionConfig
  diagnostics: Diagnostic[]
  /** Link reference definitions, collected on first use. */
  definitions: Map<string, Definition> | undefined
  /** Original `{% link … %}` tags by the placeholder href the Liquid pass wrote. */
  linkTags: Map<string, string>
  /**
   * What the content being converted becomes: the page `body`, a callout's or collapsible
   * section's content (`section`: text, images, code, tables…), or `text` (cells, footnotes,
   * definition lists: text blocks only). See `within`.
   */
  within: Within
  /** Nesting depth of block conversion (quotes, lists, wrappers). */
  depth: number
  /** True once the H1 repeating the title has been seen. */
  titleSeen: boolean
  /** That H1, which the body leaves out: an attribute list under it is its own. */
  titleNode?: Nodes
  /** True when an attribute list under that H1 leaves it out of tables of contents. */
  titleNoToc?: boolean
  /**
   * True once the page shows a heading of its own: an H1 repeating the title after it is a
   * section of the page (gradML: `# Reinforcement Learning`, then `# Overview` on the page
   * titled Overview), not the title.
   */
  headingSeen: boolean
  emoji?: string
  next?: NextLinkValue
  /** Extracted documents by `_id`, so a tool named twice is one document. */
  documents: Map<string, ImportedDocument>
  root?: Nodes
  /** The body after Liquid evaluation: what positions refer to. */
  source: string
  /** Page lines of the body's lines, set by Liquid when an include moved them. */
  lineMap?: LineMap
  /** Structured extractors tried on each top-level node before the ordinary handlers. */
  extractors: Array<(walk: Walk, state: State) => boolean>
  /** Texts of headings marked `{: .no_toc }`, shared with every `tableOfContents` block. */
  noTocHeadings: string[]
  /**
   * `{% include %}` tags written on lines of their own at the page's top level, with the lines
   * their text took after Liquid (1-based, inclusive), so the blocks they made can be told.
   */
  includeUses: Array<{tag: string; startLine: number; endLine: number}>
  /**
   * The lines after Liquid each top-level block came from (first and last): its page line for
   * later problems (`pageLineAt`), and what an include made.
   */
  blockSpans: Map<object, [number, number]>
  /**
   * The lines after Liquid of each block inside a list item, its own node's (`blockSpans` gives
   * every block of a list the whole list's): where in an item an include that made nothing was.
   */
  itemSpans: Map<object, [number, number]>
  /** Text blocks a quote restyled, with their own style (see `quoteBlocks`). */
  quoted: WeakMap<object, Quoted>
  /** How many markdown quotes the block being converted sits in. */
  quotes: number
  /**
   * An attribute list on a lazy line under a quote's last paragraph (`> text` over `{: .note }`,
   * no `>`), which kramdown applies to the whole quote: the quote applies it once it is closed.
   */
  lazyQuoteIal?: {classes: string[]; node: Nodes}
  /** Each footnote block's definition, where it is reported when nothing refers to it. */
  footnotes: WeakMap<object, Located>
  /**
   * How many HTML elements the content converted now is inside (`<div markdown="1">`,
   * `<details markdown="block">`): kramdown's GFM reading turns a backslash at a line's end
   * into a line break everywhere but there, where it stays text.
   */
  htmlElements: number
}

/** Where converted content goes; each narrows what it may hold. */
export type Within = 'body' | 'section' | 'text'

/** True inside any container (a callout, cell, footnote…): no page title, no navigation there. */
export function isNested(state: State): boolean {
  return state.within !== 'body'
}

/** True where only text blocks of style `normal` may go (cells, footnotes, definition lists). */
export function isTextOnly(state: State): boolean {
  return state.within === 'text'
}

/** Runs `convert` with the content going into `within`, restoring the outer setting after. */
export function convertWithin<T>(state: State, within: Within, convert: () => T): T {
  const was = state.within
  state.within = within
  try {
    return convert()
  } finally {
    state.within = was
  }
}

/** Runs `convert` on the content of an HTML element (see `State.htmlElements`). */
export function convertInElement<T>(state: State, convert: () => T): T {
  state.htmlElements++
  try {
    return convert()
  } finally {
    state.htmlElements--
  }
}

/** Creates the state for one page. */
export function createState(ctx: ConvertContext, extraction: ExtractionConfig): State {
  return {
    ctx,
    extraction,
    diagnostics: [],
    definitions: undefined,
    linkTags: new Map(),
    within: 'body',
    depth: 0,
    titleSeen: false,
    headingSeen: false,
    documents: new Map(),
    source: '',
    extractors: [],
    noTocHeadings: [],
    quoted: new WeakMap(),
    quotes: 0,
    footnotes: new WeakMap(),
    htmlElements: 0,
    includeUses: [],
    blockSpans: new Map(),
    itemSpans: new Map(),
  }
}

/** The page line (front matter included) a node starts on, or undefined when unknown. */
export function pageLine(state: State, node: Located): number | undefined {
  const start = node?.position?.start
  return start ? pageLineAt(state, start.line) : undefined
}

/** The page line of a line of the body after Liquid. */
export function pageLineAt(state: State, line: number): number {
  return (state.lineMap ? state.lineMap(line).line : line) + state.ctx.lineOffset
}

/** Records a diagnostic at a node's start, mapped to the file's line numbers. */
export function report(
  state: State,
  severity: Diagnostic['severity'],
  code: string,
  node: Located,
  message: string,
  hint?: string,
): void {
  const start = node?.position?.start
  // Lines an `{% include %}` inserted point at its tag, later lines at their own (liquid.ts).
  const origin = start && state.lineMap ? state.lineMap(start.line) : start
  state.diagnostics.push({
    severity,
    code,
    file: state.ctx.file,
    line: origin ? origin.line + state.ctx.lineOffset : undefined,
    column: origin?.column ?? start?.column,
    message,
    hint,
  })
}
