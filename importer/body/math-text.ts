/**
 * Formulas in a line of text as kramdown reads them (its `INLINE_MATH_START`, `\$\$(.*?)\$\$`):
 * a formula opens at the first two dollar signs of a run and closes at the next two, even inside
 * a longer run, so `price of $$$8000$$` is the formula `$8000`. micromark-extension-math opens
 * with a whole run and closes only with a run as long, which read `$$$8000$$, then … $$8000$$` as
 * a formula from the comma to the next price. The tokens are the extension's own (its resolver
 * takes the padding off and mdast-util-math builds the node); a formula with nothing in it stays
 * text, as an empty formula is no content of the model.
 */
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'

import type {math} from 'micromark-extension-math'
import type {Code, Construct, Effects, State, TokenizeContext} from 'micromark-util-types'

import {isLineEnding} from './code-span.ts'

/**
 * micromark-extension-math's inline construct, from its own file: the package's entry point
 * also exports its HTML compiler, which loads KaTeX (600 kB, about 15 ms of every import that
 * converts a page) that reading markdown never uses. Loaded with `require` (Node loads an ES
 * module synchronously that way) by path, as the package exports only its entry point.
 */
const mathText = (() => {
  const require = createRequire(import.meta.url)
  const entry = require.resolve('micromark-extension-math')
  const {mathText} = require(join(dirname(entry), 'lib', 'math-text.js')) as {
    mathText: (options: Parameters<typeof math>[0]) => Construct
  }
  return mathText
})()

const DOLLAR = 36
const SPACE = 32

/** Two dollar signs: a formula's closing, wherever they are. Read only to check, never kept. */
const twoDollars: Construct = {
  partial: true,
  tokenize(effects: Effects, ok: State, nok: State) {
    const second: State = (code) => {
      if (code !== DOLLAR) return nok(code)
      effects.consume(code)
      return ok
    }
    return (code: Code) => {
      if (code !== DOLLAR) return nok(code)
      effects.enter('mathTextSequence')
      effects.consume(code)
      return second
    }
  },
}

const base = mathText({singleDollarTextMath: false})

/**
 * Whether a line holds an odd number of `$$`: it opens or closes a formula, which may run over
 * the lines after it (the passes over a page's lines keep those lines TeX).
 */
export function oddDollarRuns(line: string): boolean {
  return line.includes('$$') && (line.split('$$').length - 1) % 2 === 1
}

/** The construct under `$` in a line of text. */
export const kramdownMathText: Construct = {
  ...base,
  // A run of dollar signs opens at its first one; the two right after a formula closed
  // (`$$ a $$$$ b $$`) open the next formula.
  previous(this: TokenizeContext, code: Code): boolean {
    if (code !== DOLLAR) return true
    const type = this.events.at(-1)?.[1].type
    return type === 'characterEscape' || type === 'mathText'
  },
  tokenize(this: TokenizeContext, effects, ok, nok) {
    let opened = 0
    let content = false

    const open: State = (code) => {
      if (code === DOLLAR && opened < 2) {
        effects.consume(code)
        opened++
        return open
      }
      if (opened < 2) return nok(code)
      effects.exit('mathTextSequence')
      return between(code)
    }

    const between: State = (code) => {
      if (code === null) return nok(code)
      if (code === DOLLAR) return effects.check(twoDollars, close, dollar)(code)
      content = true
      if (code === SPACE || isLineEnding(code)) {
        const type = code === SPACE ? 'space' : 'lineEnding'
        effects.enter(type)
        effects.consume(code)
        effects.exit(type)
        return between
      }
      effects.enter('mathTextData')
      return data(code)
    }

    const data: State = (code) => {
      if (code === null || code === SPACE || code === DOLLAR || isLineEnding(code)) {
        effects.exit('mathTextData')
        return between(code)
      }
      effects.consume(code)
      return data
    }

    // A dollar sign that is no closing is the formula's.
    const dollar: State = (code) => {
      content = true
      effects.enter('mathTextData')
      effects.consume(code)
      return data
    }

    const close: State = (code) => {
      if (!content) return nok(code)
      effects.enter('mathTextSequence')
      effects.consume(code)
      return closeSecond
    }

    const closeSecond: State = (code) => {
      effects.consume(code)
      effects.exit('mathTextSequence')
      effects.exit('mathText')
      return ok
    }

    return (code: Code) => {
      effects.enter('mathText')
      effects.enter('mathTextSequence')
      return open(code)
    }
  },
}
