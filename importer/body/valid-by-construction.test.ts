import {describe, expect, it} from 'vitest'

import {validateDocuments, type DocumentLike} from '../../schemas/validate.ts'
import {convertBody} from './index.ts'
import {generateMarkdown} from './markdown-generator.test-support.ts'

const CASES = 200

function convert(markdown: string) {
  return convertBody(markdown, {
    file: 'generated.md',
    title: 'Generated',
    lineOffset: 0,
    page: {title: 'Generated'},
    site: {title: 'Site', baseurl: ''},
    resolveLink: (href) => (href.endsWith('.md') ? {_id: 'lesson-other', _type: 'lesson'} : null),
  })
}

describe('valid by construction', () => {
  it(`emits bodies that pass every schema rule for ${CASES} generated pages`, async () => {
    const lessons: DocumentLike[] = []
    const sources = new Map<string, string>()
    const extracted: DocumentLike[] = []
    for (let seed = 1; seed <= CASES; seed++) {
      const markdown = generateMarkdown(seed)
      const result = convert(markdown)
      const failed = result.diagnostics.filter((d) => d.severity === 'error')
      expect({markdown, failed}).toEqual({markdown, failed: []})
      const id = `lesson-generated-${seed}`
      sources.set(id, markdown)
      lessons.push({_id: id, _type: 'lesson', title: `Generated ${seed}`, body: result.body})
      extracted.push(...(result.documents as DocumentLike[]))
    }
    const problems = await validateDocuments([...lessons, ...extracted], {
      existing: [{_id: 'lesson-other', _type: 'lesson', title: 'Other'}],
      concurrency: 8,
    })
    const errors = problems
      .filter(
        (p) => p.level === 'error' && (p.documentType !== 'lesson' || p.path.startsWith('body')),
      )
      .map((p) => ({path: p.path, message: p.message, markdown: sources.get(p.documentId)}))
    expect(errors.slice(0, 3)).toEqual([])
  }, 120_000)

  it('finds a schema error when a body breaks a rule, so the check above can fail', async () => {
    const problems = await validateDocuments([
      {
        _id: 'lesson-broken',
        _type: 'lesson',
        title: 'Broken',
        body: [{_type: 'callout', _key: 'c', tone: 'note'}],
      },
    ])
    expect(problems.some((p) => p.level === 'error' && p.path.startsWith('body'))).toBe(true)
  })

  it('generates the same page for the same seed and different pages for different seeds', () => {
    expect(generateMarkdown(7)).toBe(generateMarkdown(7))
    expect(generateMarkdown(7)).not.toBe(generateMarkdown(8))
  })
})
