import {execFile} from 'node:child_process'
import {join} from 'node:path'
import {promisify} from 'node:util'

import {describe, expect, it} from 'vitest'

import {HTML_PAGE, PAGE_CONTEXT} from './html/fromHtml.test-support.ts'
import {convertBody} from './index.ts'
import {parseMarkdown} from './parse.ts'
import {MATH_PAGE, PLAIN_PAGE} from './syntax.test-support.ts'

const run = promisify(execFile)
const probe = join(import.meta.dirname, 'syntax-probe.test-support.ts')

describe('kramdownSyntax', () => {
  it('loads neither KaTeX (what writes math as HTML), nor parse5 before a page has HTML, nor mdast-util-to-markdown (a markdown writer) at all, and converts alike', async () => {
    // Node's own type stripping, as the import command runs: tsx loads required modules its own way.
    const {stdout} = await run(process.execPath, [probe], {
      cwd: join(import.meta.dirname, '..', '..'),
    })
    const found = JSON.parse(stdout) as Record<string, unknown>
    expect(found.katex).toBe(false)
    expect(found.parse5).toBe(false)
    expect(found.parse5AfterHtml).toBe(true)
    expect(found.toMarkdownAfterPlain).toBe(false)
    expect(found.toMarkdownAfterTable).toBe(false)
    expect(found.plain).toEqual(convertBody(PLAIN_PAGE, PAGE_CONTEXT).body)
    expect(found.html).toEqual(convertBody(HTML_PAGE, PAGE_CONTEXT).body)
    const {body} = convertBody(MATH_PAGE, PAGE_CONTEXT)
    expect(found.body).toEqual(body)
    expect(JSON.stringify(body)).toContain('a^2 + b^2')
    // The table was read: its cell's code keeps `\|` as written, as kramdown shows it.
    expect(JSON.stringify(body)).toContain(JSON.stringify('a\\|b').slice(1, -1))
  }, 120_000)

  it('reads a table or task list wherever one can be, pipes or not', () => {
    const first = (markdown: string) => {
      const node = parseMarkdown(markdown).children[0]
      return node.type === 'list' ? `checked ${String(node.children[0].checked)}` : node.type
    }
    // A one-column table needs no pipe: a colon beside the hyphens makes the delimiter row.
    expect(first('a\n:-')).toBe('table')
    expect(first('a\n--:')).toBe('table')
    expect(first('a\n:-:')).toBe('table')
    expect(first('| a |\n| - |')).toBe('table')
    expect(first('- [x] done')).toBe('checked true')
    expect(first('- [X] done')).toBe('checked true')
    expect(first('- [ ] open')).toBe('checked false')
    expect(first('- [\t] open')).toBe('checked false')
    expect(first('- [ ] open\r\n- two')).toBe('checked false')
    // Without them, the same text is what it is without the syntax.
    expect(first('a\n-')).toBe('heading')
    expect(first('- [] open')).toBe('checked null')
  })
})
