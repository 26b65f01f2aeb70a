import {describe, expect, it} from 'vitest'

import {convertBody} from '../body/index.ts'
import type {TextBlock} from '../body/blocks/text-block.ts'
import type {ConvertContext} from '../body/index.ts'
import {slugify} from '../slug.ts'
import {documentId} from './ids.ts'

const ctx = (title: string): ConvertContext => ({
  file: 'docs/page.md',
  title,
  lineOffset: 0,
  page: {},
  site: {},
  resolveLink: () => null,
})

const resolveOther: ConvertContext['resolveLink'] = (href) =>
  href === 'other.md' ? {_id: 'lesson-other', _type: 'lesson'} : null

/** Body blocks carry content keys (and a page prefix); compare their content only. */
const withoutKeys = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (name, inner: unknown) => (name === '_key' ? undefined : inner)))

const area = (list: string, intro = 'Intro sentence.') => `## Area ✨\n\n${intro}\n\n${list}\n`

describe('document ids', () => {
  it('derives dot-free ids and lowercase slugs from names', () => {
    expect(documentId('tool', 'Google Analytics')).toBe('tool-google-analytics')
    expect(documentId('tool', 'Node.js')).toBe('tool-node-js')
    expect(documentId('tool', 'C++')).not.toBe(documentId('tool', 'C'))
    expect(documentId('tool', 'Séance 3')).toBe('tool-seance-3')
    // Slugs keep letters of every script, like page slugs: one rule for all documents.
    expect(slugify('Séance 3')).toBe('séance-3')
    expect(documentId('tool', '看板')).toMatch(/^tool-[a-z0-9]+$/)
  })
})

describe('responsibility extraction', () => {
  it('keeps bold, code, links and internal links in an area intro, as in body paragraphs', () => {
    const md = area(
      '- **Planning**: Plan it.\n- **Review**: Check it.',
      'Intro with **bold**, `code`, [a link](https://x.example) and [a page](other.md).',
    )
    const context = {...ctx('Responsibilities'), resolveLink: resolveOther}
    const {documents, diagnostics} = convertBody(md, context)
    const paragraph = convertBody(md.split('\n\n')[1], context).body
    expect(withoutKeys(documents[0].intro)).toEqual(withoutKeys(paragraph))
    expect(diagnostics).toEqual([])
    const [intro] = documents[0].intro as TextBlock[]
    expect(intro.children.map((span) => [span.text, span.marks])).toEqual([
      ['Intro with ', []],
      ['bold', ['strong']],
      [', ', []],
      ['code', ['code']],
      [', ', []],
      ['a link', [intro.markDefs[0]._key]],
      [' and ', []],
      ['a page', [intro.markDefs[1]._key]],
      ['.', []],
    ])
    expect(intro.markDefs).toMatchObject([
      {_type: 'link', href: 'https://x.example'},
      {_type: 'internalLink', reference: {_ref: 'lesson-other'}},
    ])
  })

  it('keeps an image in an area intro as an image in its line', () => {
    const md = area('- **Planning**: Plan it.\n- **Review**: Check it.', 'See ![the map](map.png).')
    const {documents, diagnostics} = convertBody(md, ctx('Responsibilities'))
    expect(documents[0].intro).toMatchObject([
      {
        children: [
          {text: 'See '},
          {_type: 'inlineImage', alt: 'the map', src: 'map.png'},
          {text: '.'},
        ],
      },
    ])
    expect(diagnostics).toEqual([])
  })

  it('extracts a plain intro without a warning', () => {
    const md = area('- **Planning**: Plan it.\n- **Review**: Check it.')
    expect(convertBody(md, ctx('Responsibilities')).diagnostics).toEqual([])
  })

  it('extracts a bold-label section on an opted-in page, with colon inside or outside the bold', () => {
    const md = area('- **Planning**: Plan it. 📅\n- **Review:** Check it.')
    const {documents, body} = convertBody(md, ctx('Responsibilities'))
    expect(documents.map((d) => d._id)).toEqual([
      'responsibilityArea-area',
      'responsibility-planning',
      'responsibility-review',
    ])
    expect(documents[0]).toMatchObject({
      title: 'Area',
      emoji: '✨',
      intro: [{_type: 'block', style: 'normal', children: [{text: 'Intro sentence.'}]}],
      order: 1,
    })
    expect(body.map((b) => b._type)).toEqual(['responsibilitySection'])
  })

  it('leaves a section alone when one item has no bold label', () => {
    const md = area('- **Planning**: Plan it.\n- Review: check it.')
    expect(convertBody(md, ctx('Responsibilities')).documents).toEqual([])
  })

  it('leaves a section alone when it has no intro, a numbered list, or content after the list', () => {
    const list = '- **A**: one.\n- **B**: two.'
    expect(convertBody(`## X\n\n${list}\n`, ctx('Responsibilities')).documents).toEqual([])
    expect(
      convertBody(area('1. **A**: one.\n2. **B**: two.'), ctx('Responsibilities')).documents,
    ).toEqual([])
    expect(convertBody(area(list) + '\nMore text.\n', ctx('Responsibilities')).documents).toEqual(
      [],
    )
  })
})

describe('tool-table extraction', () => {
  it('leaves a table with another header as an ordinary table', () => {
    const md = '| Feature | Examples |\n|---|---|\n| Storage | cookies |\n'
    const {documents, body} = convertBody(md, ctx('Tools'))
    expect(documents).toEqual([])
    expect(body[0]._type).toBe('table')
  })

  it('uses a configured header', () => {
    const md = '| Kind | Products |\n|---|---|\n| Chat | Slack, Zoom |\n'
    const config = {
      tools: {
        enabled: true,
        headers: [['Kind', 'Products']] as Array<[string, string]>,
        separator: ',',
      },
    }
    const {documents} = convertBody(md, {...ctx('Tools'), extraction: config})
    expect(documents.map((d) => d._id)).toEqual(['toolCategory-chat', 'tool-slack', 'tool-zoom'])
  })
})
