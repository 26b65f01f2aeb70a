import {describe, expect, it} from 'vitest'

import {runFixture} from '../importer/body/fixture-runner.ts'
import {lessonPreviewQuery} from '../queries/lessonPage.ts'
import {memorySource, type StoredDocument} from '../queries/memory.ts'
import {LessonPage} from './pages/LessonPage.tsx'
import {renderFragment} from './server.tsx'
import {renderFixtureLesson} from './testing.tsx'
import type {LessonPage as LessonPageData} from './types.ts'

const DANGEROUS = new Set(['script', 'iframe', 'object', 'embed', 'svg', 'math', 'base', 'form'])
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'srcset', 'poster'])
const TAG = /<([a-zA-Z][\w-]*)((?:\s+[\w:-]+(?:="[^"]*")?)*)\s*\/?>/g
const ATTRIBUTE = /\s+([\w:-]+)(?:="([^"]*)")?/g

/**
 * Every start tag with its attributes. React quotes every attribute value with `"` and
 * escapes `"` inside, so a start tag either matches TAG or the markup is broken.
 */
function elements(html: string) {
  const starts = html.match(/<[a-zA-Z]/g)?.length ?? 0
  const tags = [...html.matchAll(TAG)].map(([, name, attributes]) => ({
    name: name.toLowerCase(),
    attributes: [...attributes.matchAll(ATTRIBUTE)].map(
      ([, attribute, value]) => [attribute.toLowerCase(), value ?? ''] as const,
    ),
  }))
  expect(tags).toHaveLength(starts)
  return tags
}

function decodeAttribute(value: string): string {
  return value.replace(/&(?:#(\d+)|#x([\da-f]+)|(amp|quot|lt|gt));/gi, (_, dec, hex, name) =>
    dec || hex
      ? String.fromCodePoint(parseInt(dec ?? hex, dec ? 10 : 16))
      : ({amp: '&', quot: '"', lt: '<', gt: '>'} as Record<string, string>)[name.toLowerCase()],
  )
}

/** Asserts the HTML holds no script element, event handler, or script-capable URL. */
function expectNoScript(html: string) {
  expect(html).not.toMatch(/<script/i)
  const tags = elements(html)
  const frames = tags.filter((tag) => tag.name === 'iframe')
  for (const frame of frames) {
    const attributes = new Map(frame.attributes)
    // A frame is allowed only sandboxed: a srcdoc one with no permission at all, or an
    // https player, which runs in its own origin and cannot reach the page.
    expect(attributes.has('sandbox')).toBe(true)
    if (attributes.has('srcdoc')) expect(attributes.get('sandbox')).toBe('')
    else expect(decodeAttribute(attributes.get('src') ?? '')).toMatch(/^https:\/\//)
  }
  expect(
    tags.map((tag) => tag.name).filter((name) => DANGEROUS.has(name) && name !== 'iframe'),
  ).toEqual([])
  const attributes = tags.flatMap((tag) => tag.attributes)
  expect(attributes.filter(([name]) => name.startsWith('on'))).toEqual([])
  const urls = attributes.filter(([name]) => URL_ATTRIBUTES.has(name)).map(([, value]) => value)
  for (const url of urls.map((value) => decodeAttribute(value).replace(/[\t\n\r]/g, ''))) {
    // What the browser sees after decoding the attribute once: no script-capable scheme.
    expect(url).not.toMatch(/^[\u0000-\u0020]*(?:javascript|vbscript|data)[\u0000-\u0020]*:/i)
  }
}

describe('rendering hostile content', () => {
  it('produces no script element, event handler, or script/data URL in any attribute', async () => {
    const {html, missing} = await renderFixtureLesson('hostile', 'hostile')
    expect(missing).toEqual([])
    expectNoScript(html)
  })

  it.each(['hostile-html', 'hostile-links'])(
    'keeps script out of the importer fixture %s as converted',
    async (name) => {
      const {result} = runFixture(name)
      const lesson = {_id: 'lesson-fixture', _type: 'lesson', title: 'Fixture', body: result.body}
      const documents = [lesson, ...result.documents] as StoredDocument[]
      const page = await memorySource(documents).fetch<LessonPageData>(
        lessonPreviewQuery,
        {lesson},
        {perspective: 'published'},
      )
      const html = renderFragment(<LessonPage page={page} />)
      expect(html).toContain('<article')
      expectNoScript(html)
    },
  )

  it('shows the hostile text to the reader as text', async () => {
    const {html} = await renderFixtureLesson('hostile', 'hostile')
    expect(html).toContain('&lt;script&gt;alert(&quot;raw&quot;)&lt;/script&gt;')
    expect(html).toContain('<h1>&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;</h1>')
    expect(html).toContain('&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;alert(&quot;code&quot;)')
    // A refused link keeps its text, unlinked.
    expect(html).toContain(
      '<span class="link-unavailable" title="Link removed: address not allowed">link 0</span>',
    )
  })
})
