import {execFile} from 'node:child_process'
import {join} from 'node:path'
import {promisify} from 'node:util'

import {fromHtml as parse5FromHtml} from 'hast-util-from-html'
import {describe, expect, it} from 'vitest'

import {seeded} from '../../../testing/seeded.ts'

import {convertBody} from '../index.ts'
import {fromHtml, plainElement} from './fromHtml.ts'
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

describe('a plain element', () => {
  const TAGS = ['summary', 'span', 'p', 'div', 'b', 'em', 'code', 'h2', 'pre', 'textarea', 'td']
  const CHARS = ['a', 'Z', ' ', ' ', '\n', '\t', 'é', '中', '>', '"', "'", '=', '/', '\u00a0']
  const pick = <T>(random: () => number, items: readonly T[]) =>
    items[Math.floor(random() * items.length)]

  it('is the tree parse5 gives, positions included, wherever it is made without parse5', () => {
    const random = seeded(7)
    let made = 0
    for (let i = 0; i < 3000; i++) {
      const tag = pick(random, TAGS)
      const text = Array.from({length: Math.floor(random() * 12)}, () => pick(random, CHARS))
      const html = `<${tag}>${text.join('')}</${tag}>`
      const expected = parse5FromHtml(html, {fragment: true})
      const plain = plainElement(html)
      if (plain) {
        made++
        expect(plain, JSON.stringify(html)).toEqual(expected)
      }
      expect(fromHtml(html, {fragment: true}), JSON.stringify(html)).toEqual(expected)
    }
    // Most of them: every tag but <pre>, <textarea> and <td>, which parse5 reads its own way.
    expect(made).toBeGreaterThan(2000)
  })

  it('is left to parse5 with attributes, entities, tags or another element inside', () => {
    for (const html of [
      '<summary class="x">Hint</summary>',
      '<summary>A &amp; B</summary>',
      '<summary>A <b>B</b></summary>',
      '<summary>A</span>',
      '<Summary>A</Summary>',
      '<pre>\nA</pre>',
      '<td>A</td>',
    ])
      expect(plainElement(html), html).toBeUndefined()
  })
})
