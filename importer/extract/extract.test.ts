import {describe, expect, it} from 'vitest'

import {convertBody} from '../body/index.ts'
import type {ConvertContext} from '../body/index.ts'
import {documentId, slugify} from './ids.ts'

const ctx = (title: string): ConvertContext => ({
  file: 'docs/page.md',
  title,
  lineOffset: 0,
  page: {},
  site: {},
  resolveLink: () => null,
})

const area = (list: string, intro = 'Intro sentence.') => `## Area ✨\n\n${intro}\n\n${list}\n`

describe('document ids', () => {
  it('derives dot-free ids and lowercase slugs from names', () => {
    expect(documentId('tool', 'Google Analytics')).toBe('tool-google-analytics')
    expect(documentId('tool', 'Node.js')).toBe('tool-node-js')
    expect(documentId('tool', 'C++')).not.toBe(documentId('tool', 'C'))
    expect(slugify('Séance 3')).toBe('seance-3')
    expect(documentId('tool', '看板')).toMatch(/^tool-[a-z0-9]+$/)
  })
})

describe('responsibility extraction', () => {
  it('warns, naming what it drops, when an area intro has formatting or links', () => {
    const md = area(
      '- **Planning**: Plan it.\n- **Review**: Check it.',
      'Intro with **bold** and [a link](https://x.example).',
    )
    const {documents, diagnostics} = convertBody(md, ctx('Responsibilities'))
    expect(documents[0].intro).toBe('Intro with bold and a link.')
    const warning = diagnostics.find((d) => d.code === 'intro-marks-dropped')
    expect(warning).toMatchObject({severity: 'warning', line: 3})
    expect(warning?.message).toContain('bold, the link to https://x.example')
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
      intro: 'Intro sentence.',
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
