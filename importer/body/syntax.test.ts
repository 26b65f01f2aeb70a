import {execFile} from 'node:child_process'
import {join} from 'node:path'
import {promisify} from 'node:util'

import {describe, expect, it} from 'vitest'

import {HTML_PAGE, PAGE_CONTEXT} from './html/fromHtml.test-support.ts'
import {convertBody} from './index.ts'
import {MATH_PAGE} from './syntax.test-support.ts'

const run = promisify(execFile)
const probe = join(import.meta.dirname, 'syntax-probe.test-support.ts')

describe('kramdownSyntax', () => {
  it('loads neither KaTeX (what writes math as HTML) nor parse5 before a page has HTML, and converts alike', async () => {
    // Node's own type stripping, as the import command runs: tsx loads required modules its own way.
    const {stdout} = await run(process.execPath, [probe], {
      cwd: join(import.meta.dirname, '..', '..'),
    })
    const found = JSON.parse(stdout) as Record<string, unknown>
    expect(found.katex).toBe(false)
    expect(found.parse5).toBe(false)
    expect(found.parse5AfterHtml).toBe(true)
    expect(found.html).toEqual(convertBody(HTML_PAGE, PAGE_CONTEXT).body)
    const {body} = convertBody(MATH_PAGE, PAGE_CONTEXT)
    expect(found.body).toEqual(body)
    expect(JSON.stringify(body)).toContain('a^2 + b^2')
    expect(JSON.stringify(body)).toContain('a|b')
  }, 120_000)
})
