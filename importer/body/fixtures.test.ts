import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {fixtureNames, root, runFixture} from './fixture-runner.ts'

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
  }
})
