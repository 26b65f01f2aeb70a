import {execFile} from 'node:child_process'
import {join} from 'node:path'
import {promisify} from 'node:util'

import {describe, expect, it} from 'vitest'

import {convertBody} from '../index.ts'
import {HTML_PAGE, PAGE_CONTEXT, PLAIN_PAGE} from './fromHtml.test-support.ts'

const run = promisify(execFile)
const probe = join(import.meta.dirname, 'fromHtml-probe.test-support.ts')

describe('fromHtml', () => {
  it('loads hast-util-from-html only when a page has HTML to parse, and converts alike', async () => {
    // Node's own type stripping, as the import command runs: tsx loads required modules its own way.
    const {stdout} = await run(process.execPath, [probe], {
      cwd: join(import.meta.dirname, '..', '..', '..'),
    })
    const found = JSON.parse(stdout) as Record<string, unknown>
    expect(found.afterPlain).toBe(false)
    expect(found.afterHtml).toBe(true)
    expect(found.plain).toEqual(convertBody(PLAIN_PAGE, PAGE_CONTEXT).body)
    expect(found.html).toEqual(convertBody(HTML_PAGE, PAGE_CONTEXT).body)
  }, 120_000)
})
