import {resolveExtraction} from '../extract/config.ts'
import {extractors} from '../extract/index.ts'
import {describeError} from '../report/error-text.ts'
import type {PortableTextItem} from '../types.ts'
import {convertBlocks} from './blocks/index.ts'
import {reportRowsAsText} from './blocks/table.ts'
import {createBudget, LimitExceeded, type Budget} from './budget.ts'
import {includedRuns} from './includes.ts'
import {assignKeys, keyNested} from './keys.ts'
import {convertHtmlPage} from './html/hast/index.ts'
import {prepareKramdownBlocks} from './html/prepare.ts'
import {resolveLimits} from './limits.ts'
import {atPageLine} from './line-map.ts'
import {kramdownListNesting} from './list-nesting.ts'
import {evaluateLiquid} from './liquid.ts'
import {kramdownLines} from './kramdown-lines.ts'
import {unmaskDelimiters} from './mask.ts'
import {parseMarkdown} from './parse.ts'
import {createState, pageLineAt, report} from './state.ts'
import type {State} from './state.ts'
import {dropUnreferencedFootnotes} from './blocks/footnote.ts'
import {applyTocLevels} from './blocks/toc.ts'
import type {Item} from './blocks/text-block.ts'
import type {ConvertContext, ConvertResult} from './types.ts'
import {HTML_FILE} from '../../schemas/constants.ts'

/**
 * Converts a page body (markdown without front matter; an `.html` page's HTML) to Portable
 * Text, plus the documents extracted from it and every diagnostic. Never throws on bad input; a
 * page over one of its limits (`ctx.limits`) gets an error and an empty body.
 */
export function convertBody(markdown: string, ctx: ConvertContext): ConvertResult {
  const state = createState(ctx, resolveExtraction(ctx.extraction))
  state.extractors = extractors
  const budget = createBudget(ctx, resolveLimits(ctx.limits), ctx.clock)
  try {
    budget.size(markdown, 'as written')
    const evaluated = evaluateLiquid(markdown, state)
    budget.size(evaluated, 'after Liquid')
    budget.htmlNesting(evaluated)
    if (HTML_FILE.test(ctx.file)) return htmlPage(evaluated, state, budget)
    // kramdown's HTML block and table boundaries (html/prepare.ts) and list nesting
    // (list-nesting.ts), before remark reads the page.
    const prepared = kramdownLines(
      kramdownListNesting(prepareKramdownBlocks(evaluated, state)),
      (first, last) => unclosedAttributeList(state, first, last),
      (line, column) => {
        const at = {line: line + 1, column}
        reportRowsAsText(state, {position: {start: at, end: at}})
      },
    )
    state.source = budget.structure(prepared, (d) =>
      state.diagnostics.push(atPageLine(d, state.lineMap, ctx.lineOffset)),
    )
    const root = parseMarkdown(state.source)
    budget.time('parsing')
    state.root = root
    const body = convertBlocks(root.children, state, [], undefined, true)
    applyTocLevels(body, evaluated, ctx.site)
    // A footnote is defined with `[^label]:`; a page without one has none to drop.
    if (evaluated.includes('[^')) dropUnreferencedFootnotes(body, state)
    budget.time('converting')
    budget.body(body)
    const result = finish(body, state, ctx)
    if (state.source !== prepared) unmaskDelimiters(result)
    const includes = includedRuns(result.body, state)
    if (includes.length > 0) result.includes = includes
    return result
  } catch (error) {
    state.diagnostics.push(
      error instanceof LimitExceeded
        ? atPageLine(error.diagnostic, state.lineMap, ctx.lineOffset)
        : {
            // A converter bug must not stop the site import: report it against the page.
            severity: 'error',
            code: 'convert-failed',
            file: ctx.file,
            line: ctx.lineOffset + 1,
            column: 1,
            message: `Cannot convert the page body: ${describeError(error)}`,
            hint: 'Report this page to the importer maintainers; the rest of the site still imports.',
          },
    )
    return {body: [], documents: [], diagnostics: state.diagnostics}
  }
}

/** An HTML page's body (`html/hast/index.ts` convertHtmlPage), after its Liquid. */
function htmlPage(evaluated: string, state: State, budget: Budget): ConvertResult {
  state.source = evaluated
  const body: Item[] = []
  convertHtmlPage(evaluated, state, body)
  budget.time('converting')
  budget.body(body)
  const result = finish(body, state, state.ctx)
  const includes = includedRuns(result.body, state)
  if (includes.length > 0) result.includes = includes
  return result
}

/** The result of a converted body: keys given, each block's first line in the page. */
function finish(body: Item[], state: State, ctx: ConvertContext): ConvertResult {
  assignKeys(body, ctx.keyPrefix)
  const documents = [...state.documents.values()]
  for (const document of documents) keyNested(document)
  const lines = body.map((item) => {
    const span = state.blockSpans.get(item)
    return span ? pageLineAt(state, span[0]) : null
  })
  return {
    body: body as PortableTextItem[],
    lines,
    ...(state.emoji ? {emoji: state.emoji} : {}),
    titleHeading: state.titleSeen,
    ...(state.titleNoToc ? {titleNoToc: true} : {}),
    ...(state.next ? {next: state.next} : {}),
    documents,
    diagnostics: state.diagnostics,
  }
}

/** Reports lines kramdown reads as one attribute list (`kramdown-lines.ts`), from 0-based lines. */
function unclosedAttributeList(state: State, first: number, last: number): void {
  const lines = last - first
  report(
    state,
    'warning',
    'ial-unclosed',
    {position: {start: {line: first + 1, column: 1}, end: {line: last + 1, column: 1}}},
    `kramdown reads this "{:" and the ${lines === 1 ? 'line' : `${lines} lines`} after it, up to the first "}", as one attribute list: none of their text shows on the site, nor in the import.`,
    'Close the attribute list on its own line (`{: .note-title }`), and the text under it shows.',
  )
}
