import {resolveExtraction} from '../extract/config.ts'
import {assignKeys} from './keys.ts'
import {evaluateLiquid} from './liquid.ts'
import {parseMarkdown} from './parse.ts'
import {createState} from './state.ts'
import type {ConvertContext, ConvertResult} from './types.ts'

/** Converts a page body (markdown without front matter) to Portable Text plus extracted documents. */
export function convertBody(markdown: string, ctx: ConvertContext): ConvertResult {
  const state = createState(ctx, resolveExtraction(ctx.extraction))
  const source = evaluateLiquid(markdown, state)
  const root = parseMarkdown(source)
  state.root = root
  const body: ConvertResult['body'] = []
  assignKeys(body, ctx.keyPrefix)
  return {
    body,
    emoji: state.emoji,
    next: state.next,
    documents: [...state.documents.values()],
    diagnostics: state.diagnostics,
  }
}
