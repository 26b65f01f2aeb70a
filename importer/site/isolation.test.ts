import {describe, expect, it} from 'vitest'

import type {Diagnostic} from '../types.ts'
import {importSite} from './importSite.ts'
import type {SiteFile} from './types.ts'

const page = (path: string, front: string, body = 'Text.\n'): SiteFile => ({
  path,
  text: `---\n${front}\n---\n\n${body}`,
})
const errors = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.filter((d) => d.severity === 'error')

describe('one page never stops the site', () => {
  it('reports a page over a limit at its file and line, and imports the other pages', () => {
    const big = 'A line of prose that is long.\n'.repeat(20)
    const result = importSite(
      [page('a.md', 'title: A'), page('b.md', 'title: B', big), page('c.md', 'title: C')],
      {limits: {maxPageBytes: 300}},
    )
    expect(errors(result.diagnostics)).toMatchObject([
      // The body starts on line 5; the 11th line of 30 bytes passes 300.
      {code: 'page-too-large', file: 'b.md', line: 4 + 11},
    ])
    expect(result.failedFiles).toEqual(['b.md'])
    const bodies = result.documents.filter((doc) => Array.isArray(doc.body)).map((doc) => doc._id)
    expect(bodies).toEqual(['course-a', 'course-c'])
  })

  it('passes the limits to every page: nesting over maxNesting fails only that page', () => {
    const deep = '> '.repeat(12) + 'deep\n'
    const result = importSite([page('a.md', 'title: A', deep), page('b.md', 'title: B', deep)], {
      limits: {maxNesting: 10},
    })
    expect(errors(result.diagnostics).map((d) => [d.code, d.file, d.line])).toEqual([
      ['page-too-deep', 'a.md', 5],
      ['page-too-deep', 'b.md', 5],
    ])
    expect(
      importSite([page('a.md', 'title: A', deep)], {limits: {maxNesting: 20}}).failedFiles,
    ).toEqual([])
  })

  it('turns an exception while reading one file into an error naming it, with the message and where it was thrown', () => {
    const broken = {
      path: 'b.md',
      get bytes(): Uint8Array {
        throw new TypeError('the disk went away')
      },
    } as SiteFile
    const result = importSite([page('a.md', 'title: A'), broken, page('c.md', 'title: C')])
    const [error] = errors(result.diagnostics)
    expect(error).toMatchObject({code: 'page-failed', file: 'b.md', line: 1})
    expect(error.message).toContain('TypeError: the disk went away')
    expect(error.message).toMatch(/\(at .*isolation\.test\.ts:\d+:\d+\)/)
    expect(result.documents.map((doc) => doc._id)).toEqual(['course-a', 'course-c', 'site'])
    expect(result.stats).toMatchObject({files: 3, pages: 2, failed: 1})
  })

  it('turns an exception in the body converter into an error that says where it was thrown', () => {
    const result = importSite([page('a.md', 'title: A')], {
      convertBody: () => {
        throw new RangeError('Maximum call stack size exceeded')
      },
    })
    const [error] = errors(result.diagnostics)
    expect(error).toMatchObject({code: 'body-failed', file: 'a.md', line: 5})
    expect(error.message).toContain('converting its body: RangeError: Maximum call stack size')
    expect(error.message).toMatch(/isolation\.test\.ts:\d+/)
  })

  it('reports what the caller could not read with the rest, counting errors as unreadable files', () => {
    const readProblems: Diagnostic[] = [
      {severity: 'error', code: 'unreadable-name', file: 'caf\\xE9.md', message: 'Cannot read.'},
      {severity: 'warning', code: 'symlink-outside', file: 'link.md', message: 'Not read.'},
    ]
    const result = importSite([page('a.md', 'title: A')], {readProblems})
    expect(result.diagnostics.map((d) => d.code)).toEqual(['unreadable-name', 'symlink-outside'])
    expect(result.failedFiles).toEqual(['caf\\xE9.md'])
    expect(result.stats).toMatchObject({files: 2, pages: 1, failed: 1, errors: 1, warnings: 1})
  })
})
