/**
 * Run in a fresh process by `syntax.test.ts`: converts a page with math and no table or task
 * list, and one with math, a table and a task list, and prints whether KaTeX, parse5 or
 * mdast-util-to-markdown (which mdast-util-gfm-table and -task-list-item load) was loaded after each,
 * with the bodies; then a page with an HTML block, and whether parse5 was loaded after it.
 */
import {registerHooks} from 'node:module'

import {HTML_PAGE, PAGE_CONTEXT} from './html/fromHtml.test-support.ts'
import {MATH_PAGE, PLAIN_PAGE} from './syntax.test-support.ts'

let katex = false
let parse5 = false
let toMarkdown = false
registerHooks({
  load(url, context, nextLoad) {
    if (url.includes('/node_modules/katex/')) katex = true
    if (url.includes('/node_modules/parse5/')) parse5 = true
    if (url.includes('/node_modules/mdast-util-to-markdown/')) toMarkdown = true
    return nextLoad(url, context)
  },
})

const {convertBody} = await import('./index.ts')
const plain = convertBody(PLAIN_PAGE, PAGE_CONTEXT).body
const toMarkdownAfterPlain = toMarkdown
const {body} = convertBody(MATH_PAGE, PAGE_CONTEXT)
const before = {katex, parse5, toMarkdownAfterPlain, toMarkdownAfterTable: toMarkdown}
const html = convertBody(HTML_PAGE, PAGE_CONTEXT).body
process.stdout.write(JSON.stringify({...before, plain, body, parse5AfterHtml: parse5, html}))
