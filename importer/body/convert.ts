import {resolveExtraction} from '../extract/config.ts'
import {extractors} from '../extract/index.ts'
import type {PortableTextItem} from '../types.ts'
import {convertBlocks} from './blocks/index.ts'
import {assignKeys, keyNested} from './keys.ts'
import {prepareKramdownBlocks} from './html/prepare.ts'
import {evaluateLiquid} from './liquid.ts'
import {parseMarkdown} from './parse.ts'
import {createState} from './state.ts'
import type {ConvertContext, ConvertResult} from './types.ts'

/**
 * Converts a page body (markdown without front matter) to Portable Text, plus the documents
 * extracted from it and every diagnostic. Never throws on bad input.
 */
export function convertBody(markdown: string, ctx: ConvertContext): ConvertResult {
  const state = createState(ctx, resolveExtraction(ctx.extraction))
  state.extractors = extractors
  try {
    // kramdown's HTML block and table boundaries, before remark reads the page (html/prepare.ts).
    state.source = prepareKramdownBlocks(evaluateLiquid(markdown, state), state)
    const root = parseMarkdown(state.source)
    state.root = root
    const body = convertBlocks(root.children, state, [], undefined, true)
    assignKeys(body, ctx.keyPrefix)
    const documents = [...state.documents.values()]
    for (const document of documents) keyNested(document)
    return {
      body: body as PortableTextItem[],
      ...(state.emoji ? {emoji: state.emoji} : {}),
      ...(state.next ? {next: state.next} : {}),
      documents,
      diagnostics: state.diagnostics,
    }
  } catch (error) {
    // A converter bug must not stop the site import: report it against the page.
    state.diagnostics.push({
      severity: 'error',
      code: 'convert-failed',
      file: ctx.file,
      message: `Cannot convert the page body: ${error instanceof Error ? error.message : String(error)}`,
      hint: 'Report this page to the importer maintainers; the rest of the site still imports.',
    })
    return {body: [], documents: [], diagnostics: state.diagnostics}
  }
}
