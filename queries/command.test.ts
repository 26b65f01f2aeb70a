import {describe, expect, it} from 'vitest'

import {checkSyntax, missingParams, parseParams, resolveQuery, UsageError} from './command.ts'
import {lessonPageQuery} from './lessonPage.ts'

describe('parseParams', () => {
  it('reads JSON values and keeps anything else as a string', () => {
    expect(
      parseParams(['slug=my-lesson', 'n=3', 'flag=true', 's="3"', 'ids=["a","b"]', 'e=']),
    ).toEqual({slug: 'my-lesson', n: 3, flag: true, s: '3', ids: ['a', 'b'], e: ''})
  })

  it('keeps "=" inside the value', () => {
    expect(parseParams(['q=a=b'])).toEqual({q: 'a=b'})
  })

  it('refuses a pair without a valid name', () => {
    expect(() => parseParams(['=x'])).toThrow(UsageError)
    expect(() => parseParams(['slug'])).toThrow(/expected name=value/)
  })
})

describe('resolveQuery', () => {
  it('finds a named query and passes GROQ through', () => {
    expect(resolveQuery('lessonPage')).toEqual({query: lessonPageQuery, name: 'lessonPage'})
    expect(resolveQuery('*[_type == "lesson"]')).toEqual({query: '*[_type == "lesson"]'})
  })
})

describe('missingParams', () => {
  it('lists the parameters a query uses but was not given', () => {
    expect(missingParams(lessonPageQuery, {})).toEqual(['slug'])
    expect(missingParams(lessonPageQuery, {slug: 'x'})).toEqual([])
  })
})

describe('checkSyntax', () => {
  it('accepts valid GROQ', () => {
    expect(checkSyntax('*[_type == $t]{title}', {t: 'lesson'})).toBeNull()
  })

  it('marks the error position with a caret under the query line', () => {
    expect(checkSyntax('*[_type == "lesson"]{title,, slug}', {})).toBe(
      [
        'Cannot run the query, expected valid GROQ at line 1, column 27: Unexpected end of query',
        '1 | *[_type == "lesson"]{title,, slug}',
        '  |                           ^',
      ].join('\n'),
    )
  })

  it('puts the caret under the right line of a multi-line query', () => {
    const message = checkSyntax('*[_type == "lesson"]{\n  title,\n  "x": )\n}', {})
    expect(message?.split('\n').slice(1)).toEqual([
      '1 | *[_type == "lesson"]{',
      '2 |   title,',
      '3 |   "x": )',
      '  |       ^',
      '4 | }',
    ])
  })
})
