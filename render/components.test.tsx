import {afterEach, describe, expect, it, vi} from 'vitest'

import {
  ANNOTATIONS,
  BLOCK_STYLES,
  BLOCK_TYPES,
  DECORATORS,
  INLINE_TYPES,
  LIST_TYPES,
} from '../schemas/constants.ts'
import {BodyText} from './BodyText.tsx'
import {bodyComponents} from './components.tsx'
import {renderFragment} from './server.tsx'
import {renderFixtureLesson} from './testing.tsx'

afterEach(() => {
  vi.restoreAllMocks()
})

describe('bodyComponents', () => {
  it('has a component for every block type, inline object, style, list, decorator and annotation', () => {
    const keys = (value: unknown) => Object.keys(value as object).sort()
    expect(keys(bodyComponents.types)).toEqual(
      [...Object.values(BLOCK_TYPES), ...Object.values(INLINE_TYPES)].sort(),
    )
    expect(keys(bodyComponents.marks)).toEqual(
      [...DECORATORS, ...Object.values(ANNOTATIONS)].sort(),
    )
    expect(keys(bodyComponents.block)).toEqual([...BLOCK_STYLES].sort())
    expect(keys(bodyComponents.list)).toEqual([...LIST_TYPES].sort())
    expect(keys(bodyComponents.listItem)).toEqual([...LIST_TYPES].sort())
  })

  it('renders a body using every schema type without a missing-component warning', async () => {
    const {html, missing} = await renderFixtureLesson('all-blocks', 'every-block')
    expect(missing).toEqual([])
    for (const fragment of [
      '<h2 id="heading-two">Heading two</h2>',
      '<h6 id="heading-six">Heading six</h6>',
      '<blockquote><p>A quoted line.</p></blockquote>',
      '<ul><li>First bullet<ul><li>Nested bullet</li></ul></li><li>Second bullet</li></ul>',
      '<ol><li>Step one</li><li>Step two</li></ol>',
      '<li class="task-list-item"><input type="checkbox" disabled="" readOnly="" checked=""/>Done task</li>',
      '<strong>Bold</strong>',
      '<del>gone</del>',
      '<code>code()</code>',
      '<a href="https://www.sanity.io/" title="Sanity" rel="noopener noreferrer">Sanity</a>',
      '<a href="mailto:team@example.com">mail us</a>',
      '<a href="../basics/nested-parent/#top">sibling page</a>',
      '<a href="/lesson/nested-parent/#intro">nested parent</a>',
      '<sup class="footnote-reference"><a id="fnref-1" href="#fn-1">1</a></sup>',
      '<th style="text-align:left">Name</th><th style="text-align:right">Score</th>',
      '<td style="text-align:left"><strong>Ada</strong></td>',
      '<pre><code class="language-js">const answer = 42\nconsole.log(answer)</code></pre>',
      '<aside class="callout callout-tip"><p class="callout-title">Pro tip</p><p>Callouts hold rich text.</p></aside>',
      '<aside class="callout callout-note"><p class="callout-title">The <code>always</code> block</p><p>A title with a code span.</p></aside>',
      '<img src="https://cdn.example.com/images/abc123-20x10.png" alt="A diagram" loading="lazy" width="20" height="10"/>',
      '<img src="https://example.com/picture.png" alt="A remote picture" loading="lazy"/>',
      '<details><summary>More detail</summary><p>Hidden until opened.</p></details>',
      '<iframe class="raw-html" sandbox="" srcDoc="&lt;div class=&quot;nav-buttons&quot;&gt;Kept as text&lt;/div&gt;"',
      '<hr/>',
      '<ol start="4"><li>Step four<pre><code></code></pre><p>Still step four</p></li><li>Step five</li></ol>',
      '<ul id="markdown-toc"><li><a href="#heading-two" id="markdown-toc-heading-two">Heading two</a><ul><li><a href="#heading-four" id="markdown-toc-heading-four">Heading four</a>',
      '<dl><dt>Term</dt><dd>Meaning</dd></dl>',
      '<aside class="footnote" id="fn-1" data-label="1"><p>The footnote text.</p><a class="footnote-backref" href="#fnref-1" aria-label="Back to reference 1"></a></aside>',
    ]) {
      expect(html).toContain(fragment)
    }
  })

  it("renders a responsibility area's intro as rich text: bold, links and internal links", async () => {
    const {html} = await renderFixtureLesson('all-blocks', 'every-block')
    expect(html).toContain(
      '<h2 id="planning-">Planning 🧭</h2><p>Plans are <strong>never final</strong>: read ' +
        '<a href="https://example.com/plans" rel="noopener noreferrer">the plan guide</a> and ' +
        '<a href="/lesson/nested-parent/">the parent lesson</a>.</p>',
    )
  })

  it('warns naming the components prop for a type it does not know', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    renderFragment(<BodyText value={[{_type: 'video', _key: 'v'}]} />)
    expect(warn).toHaveBeenCalledWith(
      'Cannot render block "video", expected a component at components.types["video"] in render/components.tsx.',
    )
  })

  it('renders missing references as plain text and skips missing list entries', async () => {
    const {html, missing} = await renderFixtureLesson(
      'missing-references',
      'lesson-with-missing-references',
    )
    expect(missing).toEqual([])
    expect(html).toContain(
      '<span class="link-unavailable" title="Linked page not found">the deleted lesson</span>',
    )
    expect(html).toContain(
      '<li class="responsibility"><strong>Kept Responsibility</strong>: Still here.</li>',
    )
    expect(html).toContain('<td></td><td><span class="tool">Kept Tool</span></td>')
    expect(html).toContain('<p class="next-link">Next: Deleted Lesson</p>')
  })

  it('draws a merged cell over its columns and rows, and not the cells it covers', () => {
    const cell = (key: string, text: string, spans = {}) => ({
      _type: 'tableCell',
      _key: key,
      content: text
        ? [
            {
              _type: 'block',
              _key: `p${key}`,
              style: 'normal',
              markDefs: [],
              children: [{_type: 'span', _key: `s${key}`, text, marks: []}],
            },
          ]
        : [],
      ...spans,
    })
    const row = (key: string, ...cells: unknown[]) => ({_type: 'tableRow', _key: key, cells})
    const table = {
      _type: 'table',
      _key: 't',
      headerRows: 1,
      rows: [
        row('r1', cell('a', 'Lab', {colSpan: 2}), cell('b', '')),
        row('r2', cell('c', 'Monday', {rowSpan: 2}), cell('d', 'Circuits')),
        row('r3', cell('e', ''), cell('f', 'Adders')),
      ],
    }
    const html = renderFragment(<BodyText value={[table]} />)
    expect(html).toContain('<thead><tr><th colSpan="2">')
    expect(html).toMatch(
      /<tbody><tr><td rowSpan="2">.*Monday.*<\/td><td>.*Circuits.*<\/td><\/tr><tr><td>.*Adders.*<\/td><\/tr><\/tbody>/,
    )
  })
})

describe('CodeBlock', () => {
  it("names the code's language as the page wrote it (c#, c++, vb.net), without the highlighter's options, and nothing else in its class", () => {
    const code = (key: string, language: string) => ({
      _type: 'codeBlock',
      _key: key,
      language,
      code: 'x',
    })
    const html = renderFragment(
      <BodyText
        value={[
          code('a', 'c#'),
          code('b', 'c++'),
          code('c', 'vb.net'),
          code('d', 'js" onclick="x'),
          code('e', 'console?lang=python&prompt=>>>,...'),
        ]}
      />,
    )
    expect([...html.matchAll(/class="([^"]*)"/g)].map((match) => match[1])).toEqual([
      'language-c#',
      'language-c++',
      'language-vb.net',
      'language-jsonclickx',
      'language-console',
    ])
  })
})
