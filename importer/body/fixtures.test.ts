import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {resolveExtraction} from '../extract/config.ts'
import {markdownPlainText, normaliseWhitespace} from './fidelity.ts'
import {fixtureNames, root, runFixture} from './fixture-runner.ts'
import {evaluateLiquid} from './liquid.ts'
import {portableTextToPlainText} from './plain-text.ts'
import {createState} from './state.ts'

const update = process.env.UPDATE_FIXTURES === '1'

describe('body fixtures', () => {
  for (const name of fixtureNames) {
    it(`converts ${name} as its expected.json says`, () => {
      const {result} = runFixture(name)
      const expectedFile = join(root, name, 'expected.json')
      // Block lines are tested on their own (convert.test.ts); fixtures stay about content.
      const {lines: _lines, ...content} = result
      const actual = JSON.stringify(content, null, 2) + '\n'
      if (update || !existsSync(expectedFile)) writeFileSync(expectedFile, actual)
      expect(actual).toBe(readFileSync(expectedFile, 'utf8'))
    })

    it(`keeps the text of ${name} (plain text of body equals plain text of markdown)`, (test) => {
      const {result, ctx, body, context} = runFixture(name)
      if (context.skipFidelity) return test.skip()
      const state = createState(ctx, resolveExtraction(undefined))
      const source = evaluateLiquid(body, state)
      const documents = new Map(result.documents.map((doc) => [doc._id, doc]))
      expect(normaliseWhitespace(portableTextToPlainText(result.body, documents))).toBe(
        normaliseWhitespace(markdownPlainText(source, ctx.title)),
      )
    })
  }
})
