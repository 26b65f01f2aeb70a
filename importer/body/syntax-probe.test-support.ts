/**
 * Run in a fresh process by `syntax.test.ts`: converts a page with math, a table and a task list,
 * and prints whether KaTeX or parse5 was loaded, with the body; then a
 * page with an HTML block, and whether parse5 was loaded after it.
 */
import {registerHooks} from 'node:module'

import {HTML_PAGE, PAGE_CONTEXT} from './html/fromHtml.test-support.ts'
import {MATH_PAGE} from './syntax.test-support.ts'

let katex = false
let parse5 = false
registerHooks({
  load(url, context, nextLoad) {
    if (url.includes('/node_modules/katex/')) katex = true
    if (url.includes('/node_modules/parse5/')) parse5 = true
    return nextLoad(url, context)
  },
})

const {convertBody} = await import('./index.ts')
const {body} = convertBody(MATH_PAGE, PAGE_CONTEXT)
const before = {katex, parse5}
const html = convertBody(HTML_PAGE, PAGE_CONTEXT).body
process.stdout.write(JSON.stringify({...before, body, parse5AfterHtml: parse5, html}))
