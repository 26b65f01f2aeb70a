/**
 * Run in a fresh process by `fromHtml.test.ts`: converts a page without HTML, then one with an
 * HTML block, and prints whether hast-util-from-html was loaded after each, with the bodies.
 */
import {registerHooks} from 'node:module'

import {HTML_PAGE, PAGE_CONTEXT, PLAIN_PAGE} from './fromHtml.test-support.ts'

let loaded = false
registerHooks({
  load(url, context, nextLoad) {
    if (url.includes('/node_modules/hast-util-from-html/')) loaded = true
    return nextLoad(url, context)
  },
})

const {convertBody} = await import('../index.ts')
const plain = convertBody(PLAIN_PAGE, PAGE_CONTEXT)
const afterPlain = loaded
const html = convertBody(HTML_PAGE, PAGE_CONTEXT)
process.stdout.write(
  JSON.stringify({afterPlain, afterHtml: loaded, plain: plain.body, html: html.body}),
)
