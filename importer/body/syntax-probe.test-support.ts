/**
 * Run in a fresh process by `syntax.test.ts`: converts a page with math, a table and a task list,
 * and prints whether KaTeX or mdast-util-to-markdown was loaded, with the body.
 */
import {registerHooks} from 'node:module'

import {PAGE_CONTEXT} from './html/fromHtml.test-support.ts'
import {MATH_PAGE} from './syntax.test-support.ts'

let katex = false
let toMarkdown = false
registerHooks({
  load(url, context, nextLoad) {
    if (url.includes('/node_modules/katex/')) katex = true
    if (url.includes('/node_modules/mdast-util-to-markdown/')) toMarkdown = true
    return nextLoad(url, context)
  },
})

const {convertBody} = await import('./index.ts')
const {body} = convertBody(MATH_PAGE, PAGE_CONTEXT)
process.stdout.write(JSON.stringify({katex, toMarkdown, body}))
