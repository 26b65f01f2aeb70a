import {describe, expect, it} from 'vitest'

import type {Diagnostic} from '../types.ts'
import {createReporter} from './reporter.ts'

const warning = (file: string, line: number, code: string): Diagnostic => ({
  severity: 'warning',
  code,
  file,
  line,
  column: 1,
  message: `${code} here`,
})

describe('createReporter', () => {
  it('prints errors at once, and warnings as one table by code with the first three places', () => {
    const out: string[] = []
    const reporter = createReporter((text) => out.push(text))
    const error: Diagnostic = {
      severity: 'error',
      code: 'yaml',
      file: 'x.md',
      line: 2,
      message: 'bad',
    }
    reporter.add([
      warning('a.md', 3, 'raw-html'),
      warning('b.md', 1, 'raw-html'),
      warning('c.md', 9, 'raw-html'),
      warning('d.md', 4, 'raw-html'),
      warning('a.md', 5, 'unresolved-link'),
      error,
      {severity: 'info', code: 'ial-dropped', file: 'a.md', message: 'fine'},
    ])
    expect(out).toEqual([expect.stringMatching(/^x\.md:2: error: bad \[yaml\]$/)])
    reporter.finish()
    expect(out[1].split('\n')).toEqual([
      'Warnings by code (--verbose lists every one):',
      '  raw-html             4  a.md:3, b.md:1, c.md:9, …',
      '  unresolved-link      1  a.md:5',
    ])
    expect(reporter.diagnostics).toHaveLength(6)
  })

  it('prints a warning about the whole site in full at once, not as a row of the table', () => {
    const out: string[] = []
    const reporter = createReporter((text) => out.push(text))
    reporter.add([warning('mkdocs.yml', 1, 'site-not-jekyll'), warning('a.md', 3, 'raw-html')])
    expect(out).toEqual([
      expect.stringMatching(/^mkdocs\.yml:1:1: warning: site-not-jekyll here \[site-not-jekyll\]$/),
    ])
    reporter.finish()
    expect(out[1].split('\n').slice(1)).toEqual(['  raw-html      1  a.md:3'])
  })

  it('prints the warning that the site is a folder inside the one imported in full too', () => {
    const out: string[] = []
    createReporter((text) => out.push(text)).add([warning('docs/_config.yml', 1, 'site-in-folder')])
    expect(out).toEqual([
      expect.stringMatching(/^docs\/_config\.yml:1:1: warning: site-in-folder /),
    ])
  })

  it('lists every warning in full with verbose, and reports the same problem once', () => {
    const out: string[] = []
    const reporter = createReporter((text) => out.push(text), {verbose: true})
    reporter.add([warning('a.md', 3, 'raw-html')])
    reporter.add([warning('a.md', 3, 'raw-html'), warning('a.md', 4, 'raw-html')])
    reporter.finish()
    expect(out.join('\n').split('\n')).toEqual([
      'a.md:3:1: warning: raw-html here [raw-html]',
      'a.md:4:1: warning: raw-html here [raw-html]',
    ])
    expect(reporter.diagnostics).toHaveLength(2)
  })
})
