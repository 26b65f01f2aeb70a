import {readFileSync} from 'node:fs'

import {describe, expect, expectTypeOf, it} from 'vitest'

import {runFixture} from './fixture-runner.ts'
import {convertBody} from './index.ts'
import {portableTextToPlainText} from './plain-text.ts'
import type {ConvertContext, ConvertResult} from './index.ts'
import type {Diagnostic, ImportedDocument, LinkTarget, PortableTextItem} from '../types.ts'

const ctx = (overrides: Partial<ConvertContext> = {}): ConvertContext => ({
  file: 'docs/page.md',
  title: 'Page',
  lineOffset: 4,
  page: {},
  site: {},
  resolveLink: () => null,
  ...overrides,
})

const hex = (text: string) => Buffer.from(text, 'utf8').toString('hex')

describe('convertBody on the seed page', () => {
  const {result} = runFixture('seed')
  const byType = (type: string) => result.documents.filter((doc) => doc._type === type)

  it('extracts 4 areas with intros and emoji, 12 responsibilities, 4 categories and 12 tools', () => {
    expect(byType('responsibilityArea')).toHaveLength(4)
    expect(byType('responsibility')).toHaveLength(12)
    expect(byType('toolCategory')).toHaveLength(4)
    expect(byType('tool')).toHaveLength(12)
    const intro = (area: ImportedDocument | undefined) => portableTextToPlainText(area?.intro as [])
    for (const area of byType('responsibilityArea')) expect(intro(area)).not.toBe('')
    const balancing = byType('responsibilityArea').find((a) => a.title === 'Balancing Act')
    expect(intro(balancing).endsWith(':')).toBe(true)
  })

  it('keeps emoji byte for byte, including sequences the source wrote without a ZWJ', () => {
    const source = readFileSync(new URL('./fixtures/seed/input.md', import.meta.url), 'utf8')
    expect(result.emoji).toBe('🚀')
    const emoji = byType('responsibilityArea').map((area) => String(area.emoji))
    for (const e of emoji) expect(source.includes(e)).toBe(true)
    expect(hex(emoji[3])).toBe('f09fa4b9e29980efb88f')
    expect(hex(emoji[2])).toBe('f09f95b5efb88fe29980efb88f')
    const prioritization = byType('responsibility').find((r) => r.name === 'Prioritization')
    expect(JSON.stringify(prioritization?.description)).toContain('🤹♂️')
  })

  it('takes the navigation block out of the body into next', () => {
    expect(result.next?.label).toBe('Next: Types of Product Managers 👉')
    expect(JSON.stringify(result.body)).not.toContain('nav-buttons')
  })

  it('gives deterministic, dot-free ids from names', () => {
    const ids = result.documents.map((doc) => doc._id)
    expect(ids).toContain('tool-jira')
    expect(ids).toContain('responsibility-roadmapping')
    for (const id of ids) expect(id).toMatch(/^[a-zA-Z0-9_-]+$/)
  })
})

describe('convertBody', () => {
  it("reads a summary in a quote as markdown when kramdown does: its markdown attribute, or the site's parse_block_html", () => {
    const page =
      '> <details markdown="1">\n> <summary>**Bold** me</summary>\n>\n> Text.\n> </details>\n'
    const summary = (site: Record<string, unknown>) =>
      JSON.stringify(convertBody(page, ctx({site})).body).match(/"summary":(\[.*?\]),"body"/)?.[1]
    expect(summary({})).toContain('"**Bold** me"')
    expect(summary({kramdown: {parse_block_html: true}})).toContain('"marks":["strong"]')
  })

  it('has the signature the site stage calls', () => {
    expectTypeOf(convertBody).parameters.toEqualTypeOf<[string, ConvertContext]>()
    expectTypeOf(convertBody).returns.toEqualTypeOf<ConvertResult>()
    expectTypeOf<ConvertResult['body']>().toEqualTypeOf<PortableTextItem[]>()
    expectTypeOf<ConvertResult['diagnostics']>().toEqualTypeOf<Diagnostic[]>()
    expectTypeOf<NonNullable<ConvertResult['next']>['target']>().toEqualTypeOf<LinkTarget | null>()
  })

  it('records the page line of every top-level block, front matter included', () => {
    const markdown = 'One.\n\n## Two\n\n```js\nx()\n```\n\n- a\n- b\n'
    const {body, lines} = convertBody(markdown, ctx({lineOffset: 4}))
    expect(body).toHaveLength(5)
    expect(lines).toEqual([5, 7, 9, 13, 13])
  })

  it('prefixes top-level keys with keyPrefix', () => {
    const {body} = convertBody('One.\n\nTwo.\n', ctx({keyPrefix: 'm1-'}))
    for (const block of body) expect(block._key.startsWith('m1-')).toBe(true)
  })

  it('reports Liquid problems at their file line', () => {
    const {diagnostics, body} = convertBody(
      'Intro.\n\n{% include x.html %}\n',
      ctx({lineOffset: 3}),
    )
    expect(diagnostics).toMatchObject([{code: 'liquid-include', line: 6, column: 1}])
    expect(JSON.stringify(body)).toContain('{% include x.html %}')
  })

  it('keeps the keys of unchanged blocks when a block is inserted before them', () => {
    const before = convertBody('First.\n\nSecond.\n\n- a\n- b\n', ctx()).body.map((b) => b._key)
    const after = convertBody('New.\n\nFirst.\n\nSecond.\n\n- a\n- b\n', ctx()).body.map(
      (b) => b._key,
    )
    expect(after.slice(1)).toEqual(before)
  })

  it('gives equal blocks unique keys', () => {
    const keys = convertBody('Same.\n\nSame.\n\nSame.\n', ctx()).body.map((b) => b._key)
    expect(new Set(keys).size).toBe(3)
  })

  it('reports diagnostics at file lines, front matter included', () => {
    const {diagnostics} = convertBody('Text.\n\n[x](javascript:alert(1))\n', ctx({lineOffset: 4}))
    expect(diagnostics).toMatchObject([
      {code: 'unsafe-link', file: 'docs/page.md', line: 7, column: 1},
    ])
  })

  it('reports what a cell of a table only kramdown reads holds at the cell, in a list item too', () => {
    // Tables without a delimiter row: GFM reads paragraphs, kramdown tables, and their cells are
    // parsed one at a time. Found on just-the-docs-tests, where such warnings said line 5.
    const page = [
      'Intro.',
      '',
      '| x | ![](a.png) |',
      '| - c | ![](b.png) |',
      '',
      '1.  Item',
      '',
      '    | ![](c.png) |',
      '',
    ].join('\n')
    const {diagnostics} = convertBody(page, ctx({lineOffset: 4}))
    expect(diagnostics.map(({code, line, column}) => ({code, line, column}))).toEqual([
      {code: 'image-alt-missing', line: 7, column: 7},
      {code: 'image-alt-missing', line: 8, column: 9},
      {code: 'image-alt-missing', line: 12, column: 7},
    ])
  })

  it('reads an HTML image or link address with spaces as a browser does, spaces written %20', () => {
    const {body} = convertBody(
      '<img src=" /assets/a (1).jpg " alt="Ada">\n\nA <a href="files/my notes.pdf">file</a>.',
      ctx(),
    )
    expect(body[0]).toMatchObject({_type: 'image', src: '/assets/a%20(1).jpg', alt: 'Ada'})
    expect(body[1]).toMatchObject({markDefs: [{_type: 'link', href: 'files/my%20notes.pdf'}]})
  })

  it('turns an internal link into a weak reference through resolveLink', () => {
    const {body} = convertBody(
      '[next](../next.md#part)\n',
      ctx({
        resolveLink: (href) =>
          href === '../next.md' ? {_id: 'lesson-next', _type: 'lesson'} : null,
      }),
    )
    expect(body[0].markDefs).toMatchObject([
      {
        _type: 'internalLink',
        reference: {_type: 'reference', _ref: 'lesson-next', _weak: true},
        anchor: 'part',
      },
    ])
  })

  it('makes the same tool on two pages one document id', () => {
    const table = '| Tool Type | Examples |\n|---|---|\n| Tracking | Jira, Linear |\n'
    const a = convertBody(table, ctx({title: 'A'})).documents.map((d) => d._id)
    const b = convertBody(table.replace('Tracking', 'Issues'), ctx({title: 'B'})).documents.map(
      (d) => d._id,
    )
    expect(a).toContain('tool-jira')
    expect(b).toContain('tool-jira')
  })

  it('does not extract bold-label lists on pages that are not opted in', () => {
    const md = '## Codes\n\nIntro:\n\n- **200**: OK.\n- **404**: Not found.\n'
    expect(convertBody(md, ctx({title: 'HTTP'})).documents).toEqual([])
    expect(
      convertBody(
        md,
        ctx({
          title: 'HTTP',
          extraction: {
            responsibilities: {enabled: true, pages: [/HTTP/], sections: [/./], minItems: 2},
          },
        }),
      ).documents,
    ).toHaveLength(3)
  })

  it('never throws on hostile input and never emits executable HTML outside rawHtml', () => {
    const hostile =
      '<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[a](javascript:x)\n\n```\nunclosed\n\n> <div>\n- [ ] <iframe src=x>\n\u0000\uFFFF\uD800'
    const result = convertBody(hostile, ctx())
    const outside = JSON.stringify(result.body.filter((b) => b._type !== 'rawHtml'))
    expect(outside).not.toMatch(/javascript:|onerror/)
    expect(result.diagnostics.length).toBeGreaterThan(0)
  })

  it('keeps thousands of nested quotes as text instead of exhausting the stack', () => {
    const result = convertBody('>'.repeat(3000) + ' deep', ctx({limits: {maxNesting: 5000}}))
    expect(result.diagnostics.map((d) => d.code)).toEqual(['too-deep'])
    expect(JSON.stringify(result.body)).toContain('deep')
  })

  it('reads a page of many unclosed fences in one more pass, each fence text and reported on its line', () => {
    const page = 'Intro.\n\n' + '```a\ntext line\n\n'.repeat(500)
    const result = convertBody(page, ctx())
    expect(result.body).toHaveLength(501)
    expect(result.body.some((item) => item._type === 'codeBlock')).toBe(false)
    expect(portableTextToPlainText(result.body.slice(1, 2))).toBe('```a text line')
    const fences = result.diagnostics.filter((d) => d.code === 'unclosed-fence')
    expect(fences.map((d) => d.line)).toEqual(Array.from({length: 500}, (_, i) => 7 + 3 * i))
    expect(result.diagnostics.map((d) => d.code)).not.toContain('too-deep')
  })

  it('converts a 5 MB page that is one unclosed fence as kramdown reads it, its text, reporting the fence', () => {
    const big = '```js\n' + 'const line = "of code"\n'.repeat(5_000_000 / 23)
    const limits = {maxPageBytes: 6_000_000, maxBodyBytes: 6_000_000}
    const result = convertBody(big, ctx({limits}))
    const text = portableTextToPlainText(result.body)
    expect(text.startsWith('```js const line = "of code"')).toBe(true)
    expect(text.length).toBeGreaterThan(4_900_000)
    expect(result.body.some((item) => item._type === 'codeBlock')).toBe(false)
    expect(result.diagnostics.map((d) => d.code)).toEqual(['unclosed-fence'])
  })
})

describe('convertBody on a <details> without <summary>', () => {
  it.each([
    ['at the top level', '<details markdown="1">\n\nBody\n\n</details>\n'],
    ['inside a quote', '> <details>\n>\n> Body\n>\n> </details>\n'],
  ])('titles it "Details" and warns, %s', (_where, markdown) => {
    const result = convertBody(markdown, ctx())
    // Inside a quote, the section is the quote's.
    const items = result.body.flatMap((item) =>
      item._type === 'quote' ? (item.body as PortableTextItem[]) : [item],
    )
    expect(items.find((item) => item._type === 'details')).toMatchObject({
      summary: [{_type: 'block', children: [{_type: 'span', text: 'Details'}]}],
    })
    expect(result.diagnostics.map((d) => d.code)).toContain('details-summary-missing')
  })
})

describe('convertBody on an HTML table with merged cells', () => {
  type Table = {
    headerRows: number
    rows: Array<{cells: Array<{colSpan?: number; rowSpan?: number}>}>
  }
  const spans = (table: Table) =>
    table.rows.map((row) => row.cells.map((cell) => `${cell.colSpan ?? 1}x${cell.rowSpan ?? 1}`))

  it('keeps each merged cell with the columns and rows it spans, the cells it covers empty', () => {
    const page =
      '<table>\n<tr><td colspan="2">Suspect 2</td><td rowspan="2">Note</td></tr>\n<tr><td>Snitch</td><td>Silent</td></tr>\n</table>\n'
    const table = convertBody(page, ctx()).body[0] as unknown as Table
    expect(spans(table)).toEqual([
      ['2x1', '1x1', '1x2'],
      ['1x1', '1x1', '1x1'],
    ])
  })

  it("stops a heading cell's rows at the last heading row, as the table model reads them", () => {
    const page =
      '<table>\n<tr><th rowspan="2">A</th><th>B</th></tr>\n<tr><td>c</td></tr>\n</table>\n'
    const table = convertBody(page, ctx()).body[0] as unknown as Table
    expect(table.headerRows).toBe(1)
    expect(spans(table)).toEqual([
      ['1x1', '1x1'],
      ['1x1', '1x1'],
    ])
  })
})

describe('convertBody on an HTML table whose cells hold markdown="span"', () => {
  it("reports a problem in a cell's markdown on its own line and column, past the white space before it", () => {
    const page =
      '<table>\n<tr>\n<td markdown="span">\n  [x](missing.html) and ![](a.png)\n</td>\n<td markdown="span">[y](other.html)</td>\n</tr>\n</table>\n'
    const {diagnostics} = convertBody(page, ctx())
    // The body's line 4 is the page's line 8 (lineOffset 4).
    expect(
      diagnostics
        .filter((d) => d.code === 'unresolved-link' || d.code === 'image-alt-missing')
        .map((d) => `${d.code} ${d.line}:${d.column}`),
    ).toEqual(['unresolved-link 8:3', 'image-alt-missing 8:25', 'unresolved-link 10:21'])
  })
})

describe('convertBody on an HTML table whose merged cells would add too many empty ones', () => {
  // 40 cells of colspan="64" over 300 rows of one cell: as separate cells, 2,520 covered slots
  // and 2,520 more columns in each of the 300 rows.
  const header = `<tr>${'<th colspan="64">h</th>'.repeat(40)}</tr>`
  const page = `<table>\n${header}\n${'<tr><td>x</td></tr>\n'.repeat(300)}</table>\n`
  const {body, diagnostics} = convertBody(page, ctx())
  const table = body[0] as unknown as {rows: Array<{cells: unknown[]}>}

  it('takes its cells in order, and says so', () => {
    expect(table.rows).toHaveLength(301)
    expect(table.rows.every((row) => row.cells.length === 40)).toBe(true)
    expect(portableTextToPlainText([body[0]])).toMatch(/^h h/)
    expect(diagnostics.find((d) => d.code === 'table-span')?.message).toMatch(
      /^Took this table's cells in order, without their colspan and rowspan/,
    )
  })
})

describe('convertBody on an HTML page', () => {
  const texts = (result: ConvertResult) =>
    result.body.map((block) =>
      (block as {children?: Array<{text: string}>}).children?.map((span) => span.text).join(''),
    )

  it('reads the body as a browser reads HTML: markdown stays text, text between elements is a paragraph, a line of an element or run its own', () => {
    const html =
      '<p>One *two*\n   `three`</p>\n\nLoose <em>text</em>\n# not a heading\n<h2>Part</h2>\n'
    const result = convertBody(html, ctx({file: 'docs/page.html', lineOffset: 3}))
    expect(texts(result)).toEqual(['One *two* `three`', 'Loose text # not a heading', 'Part'])
    expect(result.lines).toEqual([4, 7, 9])
    expect(texts(convertBody(html, ctx()))).not.toEqual(texts(result))
  })

  it('shows no space at the end of a line a <br> ends, as a browser shows none, in a markdown page too', () => {
    for (const file of ['docs/page.html', 'docs/page.md']) {
      const result = convertBody('<p>Welcome! <br>\n  Find <b>us </b><br>here.</p>\n', ctx({file}))
      expect(texts(result), file).toEqual(['Welcome!\nFind us\nhere.'])
    }
  })
})
