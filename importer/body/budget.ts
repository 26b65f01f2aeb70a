/**
 * The checks that keep one page within its {@link PageLimits}: size before and after Liquid,
 * nesting and delimiter density before parsing, time between stages, and the size of the
 * result. A check that fails throws {@link LimitExceeded}, which `convertBody` reports.
 */
import type {Diagnostic} from '../types.ts'
import {htmlNestingOver} from './html/nesting.ts'
import {jsonSizeOver, lineOverBytes, raiseHint, type PageLimits} from './limits.ts'
import {maskDelimiters} from './mask.ts'
import {prescan} from './prescan.ts'
import type {ConvertContext} from './types.ts'

/** A page over one of its limits; carries the error diagnostic that says which and how to raise it. */
export class LimitExceeded extends Error {
  readonly diagnostic: Diagnostic
  constructor(diagnostic: Diagnostic) {
    super(diagnostic.message)
    this.diagnostic = diagnostic
  }
}

const kib = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en')} KB`

/** The checks for one page, bound to its context and start time. */
export interface Budget {
  limits: PageLimits
  /** Throws when `text` (the page before or after Liquid) is larger than the limit. */
  size(text: string, after: 'as written' | 'after Liquid'): void
  /** Throws when the time since the start passed the limit; `stage` names what just finished. */
  time(stage: string): void
  /**
   * Throws on nesting over the limit; returns the source with over-dense paragraphs' delimiters
   * masked (warning once per paragraph outside code), or the source itself.
   */
  structure(source: string, warn: (diagnostic: Diagnostic) => void): string
  /** Throws when HTML elements in `text` (the page after Liquid) nest deeper than the limit. */
  htmlNesting(text: string): void
  /** Throws when the converted body is larger than the limit. */
  body(items: unknown): void
}

/** Creates the budget of one page; `clock` returns milliseconds (default `performance.now`). */
export function createBudget(
  ctx: ConvertContext,
  limits: PageLimits,
  clock: () => number = () => performance.now(),
): Budget {
  const started = clock()
  const at = (line: number) => ({file: ctx.file, line: ctx.lineOffset + line, column: 1})
  const fail = (line: number, code: string, message: string, hint: string): never => {
    throw new LimitExceeded({severity: 'error', code, ...at(line), message, hint})
  }
  return {
    limits,
    size(text, after) {
      const line = lineOverBytes(text, limits.maxPageBytes)
      if (line === undefined) return
      fail(
        line,
        'page-too-large',
        `Cannot convert this page, expected at most ${kib(limits.maxPageBytes)} of markdown ${after}, but it passes that on this line (limit \`maxPageBytes\`).`,
        `Split the page into several pages, or ${raiseHint('maxPageBytes')}.`,
      )
    },
    time(stage) {
      const seconds = (clock() - started) / 1000
      if (seconds <= limits.maxSeconds) return
      fail(
        1,
        'page-too-slow',
        `Cannot convert this page within ${limits.maxSeconds} s (limit \`maxSeconds\`): ${stage} took it to ${seconds.toFixed(1)} s.`,
        `Split the page, or ${raiseHint('maxSeconds')}; a slow machine may need more.`,
      )
    },
    structure(source, warn) {
      const scan = prescan(source, limits)
      if (scan.tooDeep) {
        const {line, depth} = scan.tooDeep
        fail(
          line,
          'page-too-deep',
          `Cannot convert this page, expected lists and block quotes nested at most ${limits.maxNesting} levels, but this line is nested about ${depth} (limit \`maxNesting\`).`,
          `Flatten the nesting, or ${raiseHint('maxNesting')}.`,
        )
      }
      for (const paragraph of scan.dense) {
        if (paragraph.inCode) continue
        warn({
          severity: 'warning',
          code: 'too-many-delimiters',
          ...at(paragraph.line),
          message: `Kept the \`*\`, \`_\`, \`~\`, backticks and brackets of this paragraph as plain characters: it has ${paragraph.delimiters} of them, expected at most ${limits.maxDelimiters} (limit \`maxDelimiters\`), so its emphasis, code and links are not read.`,
          hint: `Split the paragraph or escape the characters (\`\\*\`), or ${raiseHint('maxDelimiters')}.`,
        })
      }
      return scan.dense.length > 0 ? maskDelimiters(source, scan.dense) : source
    },
    htmlNesting(text) {
      const over = htmlNestingOver(text, limits.maxNesting)
      if (!over) return
      fail(
        text.slice(0, over.offset).split('\n').length,
        'page-too-deep',
        `Cannot convert this page, expected HTML elements nested at most ${limits.maxNesting} levels, but this line opens level ${over.depth} (limit \`maxNesting\`).`,
        `Close the elements (an unclosed <div> nests everything after it), or ${raiseHint('maxNesting')}.`,
      )
    },
    body(items) {
      const size = jsonSizeOver(items, limits.maxBodyBytes)
      if (size === undefined) return
      fail(
        1,
        'body-too-large',
        `Cannot store this page's body, expected at most ${kib(limits.maxBodyBytes)} of Portable Text, but it is over ${kib(size)} (limit \`maxBodyBytes\`).`,
        `Split the page (long tables and many short list items cost the most), or ${raiseHint('maxBodyBytes')}.`,
      )
    },
  }
}
