import {describe, expect, it} from 'vitest'

import {compileValidator} from './compiled/validator.ts'
import {schemaTypes} from './index.ts'
import {validateDocuments as sanityValidation} from './validate.ts'

const block = (text: string, markDefs: unknown[] = [], marks: string[] = []) => ({
  _type: 'block',
  _key: `b-${text.length}`,
  style: 'normal',
  markDefs,
  children: [{_type: 'span', _key: 's1', text, marks}],
})

const course = {
  _id: 'course-a',
  _type: 'course',
  title: 'Foundations',
  slug: {_type: 'slug', current: 'foundations'},
  contents: [{_type: 'reference', _ref: 'module-a', _key: 'm1'}],
}
const moduleDoc = {
  _id: 'module-a',
  _type: 'module',
  title: 'Introduction',
  slug: {_type: 'slug', current: 'introduction'},
  lessons: [{_type: 'reference', _ref: 'lesson-a', _key: 'l1'}],
}
const lesson = {
  _id: 'lesson-a',
  _type: 'lesson',
  title: 'Core responsibilities',
  slug: {_type: 'slug', current: 'core-responsibilities'},
  emoji: '🚀',
  body: [block('Product managers wear many hats.')],
}
const tool = {
  _id: 'tool-jira',
  _type: 'tool',
  name: 'Jira',
  slug: {_type: 'slug', current: 'jira'},
  category: {_type: 'reference', _ref: 'tool-category-pm'},
}
const category = {
  _id: 'tool-category-pm',
  _type: 'toolCategory',
  title: 'Project Management',
  slug: {_type: 'slug', current: 'project-management'},
}

// Every behaviour holds for Sanity's validation and for the validator compiled from the schema.
const validators = [
  {name: "Sanity's validation", validateDocuments: sanityValidation},
  {name: 'the compiled validator', ...compileValidator(schemaTypes)},
]

describe.each(validators)('$name', ({validateDocuments}) => {
  const errorsOf = async (docs: Parameters<typeof validateDocuments>[0]) =>
    (await validateDocuments(docs)).filter((problem) => problem.level === 'error')

  it('accepts a valid course, module, lesson and tool', async () => {
    expect(await validateDocuments([course, moduleDoc, lesson, tool, category])).toEqual([])
  })

  it('rejects a lesson without a title, saying how to fix it', async () => {
    const {title: _omit, ...untitled} = lesson
    const errors = await errorsOf([untitled])
    expect(errors).toEqual([
      expect.objectContaining({documentId: 'lesson-a', path: 'title', message: 'Give it a title.'}),
    ])
  })

  it('rejects a javascript: link in a lesson body', async () => {
    const body = [
      block('click', [{_type: 'link', _key: 'k1', href: 'javascript:alert(1)'}], ['k1']),
    ]
    const errors = await errorsOf([{...lesson, body}])
    expect(errors).toHaveLength(1)
    expect(errors[0].path).toBe('body[_key=="b-5"].markDefs[_key=="k1"].href')
    expect(errors[0].message).toMatch(/not "javascript:"/)
  })

  it('accepts http, https, mailto, file server, telephone, relative and anchor links', async () => {
    const hrefs = [
      'https://a.example',
      'http://b.example',
      'mailto:pm@example.com',
      'smb://samba.example.edu',
      'ftp://ftp.example.org/pub',
      'tel:+18055551234',
      '../x/',
      '#top',
    ]
    const body = hrefs.map((href, i) =>
      block(`link ${i}`, [{_type: 'link', _key: `k${i}`, href}], [`k${i}`]),
    )
    expect(await errorsOf([{...lesson, body}])).toEqual([])
  })

  it('rejects a module whose lessons array references a tool', async () => {
    const wrong = {...moduleDoc, lessons: [{_type: 'reference', _ref: 'tool-jira', _key: 'l1'}]}
    const errors = await errorsOf([wrong, tool, category, lesson])
    expect(errors.map((e) => e.path)).toContain('lessons[_key=="l1"]')
  })

  it('rejects a reference to a document that does not exist', async () => {
    const errors = await errorsOf([{...tool, category: {_type: 'reference', _ref: 'missing'}}])
    expect(errors.map((e) => e.path)).toEqual(['category'])
  })

  it('rejects two lessons with the same slug', async () => {
    const twin = {...lesson, _id: 'lesson-b'}
    const errors = await errorsOf([lesson, twin])
    expect(errors.map((e) => [e.documentId, e.path])).toEqual([
      ['lesson-a', 'slug'],
      ['lesson-b', 'slug'],
    ])
  })

  it('rejects an uppercase slug and an emoji field holding words', async () => {
    const errors = await errorsOf([
      {...lesson, slug: {_type: 'slug', current: 'Core'}, emoji: 'rocket'},
    ])
    expect(errors.map((e) => e.path).sort()).toEqual(['emoji', 'slug'])
  })

  it('warns about text in a cell that a merged cell covers, which readers never see', async () => {
    const cell = (key: string, text: string, spans = {}) => ({
      _type: 'tableCell',
      _key: key,
      content: text ? [block(text)] : [],
      ...spans,
    })
    const table = (covered: string) => ({
      _type: 'table',
      _key: 't1',
      headerRows: 0,
      rows: [
        {_type: 'tableRow', _key: 'r1', cells: [cell('a', 'Day', {rowSpan: 2}), cell('b', 'Lab')]},
        {_type: 'tableRow', _key: 'r2', cells: [cell('c', covered), cell('d', 'Quiz')]},
      ],
    })
    expect(await validateDocuments([{...lesson, body: [table('')]}])).toEqual([])
    expect(await validateDocuments([{...lesson, body: [table('Hidden')]}])).toEqual([
      expect.objectContaining({
        level: 'warning',
        path: 'body[_key=="t1"]',
        message: expect.stringMatching(
          /^Row 2, column 1 \("Hidden"\) is covered by the merged cell at row 1, column 1/,
        ),
      }),
    ])
  })

  it('warns about an image without alternative text', async () => {
    const body = [{_type: 'image', _key: 'i1', src: 'https://example.com/a.png'}]
    const problems = await validateDocuments([{...lesson, body}])
    expect(problems).toEqual([
      expect.objectContaining({level: 'warning', path: 'body[_key=="i1"].alt'}),
    ])
  })

  it('reports a link, embed or emoji of the wrong type by its type, without an exception from a custom rule', async () => {
    const body = [
      block('See the docs', [{_type: 'link', _key: 'l1', href: 5}], ['l1']),
      {_type: 'embed', _key: 'e1', url: {}, provider: 'video'},
    ]
    const errors = await errorsOf([{...lesson, emoji: 7, body}])
    expect(errors.map((e) => `${e.path}: ${e.message}`).sort()).toEqual([
      'body[_key=="b-12"].markDefs[_key=="l1"].href: Expected type "String", got "Number"',
      'body[_key=="e1"].url: Expected type "String", got "Object"',
      'emoji: Expected type "String", got "Number"',
      // Sanity's own max() check reads a number as too long; both validators agree.
      'emoji: Must be at most 32 characters long',
    ])
  })
})
