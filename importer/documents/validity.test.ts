import {readdirSync, readFileSync} from 'node:fs'
import {join, relative, sep} from 'node:path'

import {describe, expect, it} from 'vitest'

import {validateDocuments} from '../../schemas/validate.ts'
import {importSite} from '../site/importSite.ts'

const FIXTURES = join(import.meta.dirname, '..', 'fixtures')
const cases = readdirSync(FIXTURES).filter((name) => name.startsWith('site-'))

describe('documents of every site fixture', {timeout: 120_000}, () => {
  it.each(cases)('%s passes the Studio’s validation with no errors', async (name) => {
    const input = join(FIXTURES, name, 'input')
    const files = readdirSync(input, {recursive: true, withFileTypes: true})
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const full = join(entry.parentPath, entry.name)
        return {path: relative(input, full).split(sep).join('/'), bytes: readFileSync(full)}
      })
    const {documents} = importSite(files)
    const problems = await validateDocuments(documents)
    expect(problems.filter((problem) => problem.level === 'error')).toEqual([])
  })
})
