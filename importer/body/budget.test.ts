import {describe, expect, it} from 'vitest'

import {portableTextToPlainText} from './plain-text.ts'
import {convertBody} from './index.ts'
import type {ConvertContext} from './index.ts'
import {largePage} from './large-page.test-support.ts'
import type {PageLimits} from './limits.ts'

const ctx = (limits: Partial<PageLimits> = {}, more: Partial<ConvertContext> = {}) => ({
  file: 'docs/page.md',
  title: 'Page',
  lineOffset: 3,
  page: {},
  site: {},
  resolveLink: () => null,
  limits,
  ...more,
})

function cpuMs(run: () => void): number {
  const start = process.cpuUsage()
  run()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}

/** The least CPU time of three runs: one pause of a busy machine is not the code's. */
const leastCpuMs = (run: () => void) => Math.min(cpuMs(run), cpuMs(run), cpuMs(run))

const errors = (result: ReturnType<typeof convertBody>) =>
  result.diagnostics.filter((d) => d.severity === 'error')

describe('page limits', () => {
  it('rejects a page over maxPageBytes at the line that passes it, saying how to raise it', () => {
    const page = 'a line of twenty ch\n'.repeat(10)
    const result = convertBody(page, ctx({maxPageBytes: 100}))
    expect(result.body).toEqual([])
    const [error] = errors(result)
    expect(error).toMatchObject({code: 'page-too-large', file: 'docs/page.md', line: 3 + 6})
    expect(error.message).toContain('limit `maxPageBytes`')
    expect(error.hint).toContain('--max-page-kb')
    expect(convertBody(page, ctx({maxPageBytes: 200})).body).toHaveLength(1)
  })

  it('counts the page after Liquid too, so a repeated site variable cannot blow it up', () => {
    const site = {big: 'x'.repeat(1000)}
    const result = convertBody('{{ site.big }} '.repeat(50), ctx({maxPageBytes: 20_000}, {site}))
    expect(errors(result)[0]).toMatchObject({code: 'page-too-large'})
    expect(errors(result)[0].message).toContain('after Liquid')
  })

  it('rejects HTML elements nested deeper than maxNesting instead of exhausting the stack', () => {
    for (const open of ['<div>\n', '<div markdown="1">\n', '<details markdown="1">\n']) {
      const deep = convertBody('Intro.\n\n' + open.repeat(3_000) + 'x\n', ctx())
      expect(errors(deep)).toHaveLength(1)
      expect(errors(deep)[0]).toMatchObject({code: 'page-too-deep', line: 3 + 3 + 100})
      expect(errors(deep)[0].message).toContain('limit `maxNesting`')
    }
    // Elements a browser closes by implication, and closed ones, nest nothing.
    const flat = '<ul>' + '<li>item'.repeat(500) + '</ul>\n\n' + '<div></div>\n'.repeat(500)
    expect(errors(convertBody(flat, ctx()))).toEqual([])
    const code =
      '`List<String>` '.repeat(300) + '\n\n```java\n' + 'Map<K, V>\n'.repeat(300) + '```\n'
    expect(errors(convertBody(code, ctx()))).toEqual([])
  })

  it('rejects a list or quote nested deeper than maxNesting before parsing it', () => {
    const deep = convertBody('Intro.\n\n' + '- '.repeat(10_000) + 'x', ctx())
    expect(errors(deep)[0]).toMatchObject({code: 'page-too-deep', line: 3 + 3})
    expect(errors(deep)[0].message).toContain('limit `maxNesting`')
    const quotes = convertBody('> '.repeat(10_000) + 'x', ctx())
    expect(errors(quotes)[0]).toMatchObject({code: 'page-too-deep', line: 3 + 1})
    // Parsing the 10,000 levels took minutes; the check costs about as much as a flat page.
    const flat = 'word '.repeat(4_000)
    convertBody(flat, ctx())
    const ratio =
      leastCpuMs(() => convertBody('- '.repeat(10_000) + 'x', ctx())) /
      leastCpuMs(() => convertBody(flat, ctx()))
    expect(ratio).toBeLessThan(10)
  })

  it('reads an over-dense paragraph as plain text with a warning, leaving the others as they are', () => {
    const dense = '_*'.repeat(600) + ' `code_x`'
    const result = convertBody(`${dense}\n\nA **bold** word.`, ctx())
    const [warning] = result.diagnostics
    expect(warning).toMatchObject({severity: 'warning', code: 'too-many-delimiters', line: 3 + 1})
    expect(warning.message).toContain('limit `maxDelimiters`')
    const [first, second] = result.body as unknown as Array<{
      children: Array<{text: string; marks: string[]}>
    }>
    expect(first.children.map((c) => c.text).join('')).toBe(dense)
    expect(second.children.find((c) => c.text === 'bold')?.marks).toEqual(['strong'])
  })

  it('parses 60 KB of `_*` runs in about the time of 60 KB of prose', () => {
    const prose = 'plain words in a row '.repeat(3000)
    convertBody(prose, ctx())
    const ratio =
      leastCpuMs(() => convertBody('_*'.repeat(30_000), ctx())) /
      leastCpuMs(() => convertBody(prose, ctx()))
    // Unmasked, micromark matched these delimiters for about 110 s.
    expect(ratio).toBeLessThan(10)
  })

  it('keeps a dense code block byte for byte and silent', () => {
    const code = 'int **p = *q; a_b[i] = `x`;\n'.repeat(300)
    const result = convertBody('```c\n' + code + '```\n', ctx())
    expect(result.diagnostics).toEqual([])
    expect(result.body[0].code).toBe(code.slice(0, -1))
  })

  it('stops a page that passes maxSeconds between stages, naming the stage', () => {
    const times = [0, 40_000]
    const clock = () => times.shift() ?? 40_000
    const result = convertBody('Some text.', ctx({maxSeconds: 30}, {clock}))
    expect(result.body).toEqual([])
    expect(errors(result)[0]).toMatchObject({code: 'page-too-slow', line: 3 + 1})
    expect(errors(result)[0].message).toMatch(/parsing took it to 40\.0 s/)
  })

  it('rejects a body over maxBodyBytes, such as one link reference repeated thousands of times', () => {
    const page = '[a][r]\n\n'.repeat(2000) + `[r]: https://example.com/${'x'.repeat(2000)}`
    const result = convertBody(page, ctx({maxBodyBytes: 1_000_000}))
    expect(errors(result)[0]).toMatchObject({code: 'body-too-large'})
    expect(errors(result)[0].hint).toContain('--max-body-kb')
  })

  it('converts a page four times as long at about four times the cost', () => {
    const small = largePage(40_000)
    const large = largePage(160_000)
    convertBody(small, ctx())
    let text = ''
    const cost = (page: string) =>
      leastCpuMs(() => (text = portableTextToPlainText(convertBody(page, ctx()).body)))
    const ratio = cost(large) / cost(small)
    expect(text.length).toBeGreaterThan(25_000)
    // Linear is 4, quadratic 16: the limit is between them (their geometric mean).
    expect(ratio).toBeLessThan(8)
  })
})
