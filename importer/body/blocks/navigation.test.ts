import {describe, expect, it} from 'vitest'

import {convertBody} from '../index.ts'
import type {ConvertContext} from '../index.ts'

const ctx: ConvertContext = {
  file: 'docs/page.md',
  title: 'Page',
  lineOffset: 4,
  page: {},
  site: {},
  resolveLink: () => null,
}

const nav = (links: string) => `<div class="nav-buttons">\n  ${links}\n</div>\n`
const codes = (markdown: string) => convertBody(markdown, ctx).diagnostics.map((d) => d.code)

describe('the navigation block', () => {
  it('converts the markdown written right after its </div>, in the same HTML block', () => {
    const result = convertBody(
      nav('<a href="/next/">Next: B</a>') + '![a](a.png)\n<img src="b.png" alt="b">\n\nAfter.\n',
      ctx,
    )
    expect(result.next?.href).toBe('/next/')
    expect(result.body.map((item) => item.src ?? item._type)).toEqual(['a.png', 'b.png', 'block'])
  })

  it('reports a problem in the content after it at that content’s file line', () => {
    const result = convertBody(nav('<a href="/n/">Next</a>') + '[x](javascript:alert(1))\n', ctx)
    expect(result.diagnostics.find((d) => d.code === 'unsafe-link')).toMatchObject({
      line: 8,
      column: 1,
    })
  })

  it('never takes a "Previous" link as the next lesson', () => {
    const result = convertBody(nav('<a href="/prev/">← Previous: A</a>'), ctx)
    expect(result.next).toBeUndefined()
    expect(codes(nav('<a href="/prev/">← Previous: A</a>'))).toEqual([
      'nav-link-dropped',
      'next-link-missing',
    ])
  })

  it('takes the "Next" link of a Previous/Next pair whatever their order', () => {
    const pair = nav('<a href="/n/">Next: B</a> <a href="/p/">Previous: A</a>')
    expect(convertBody(pair, ctx).next?.label).toBe('Next: B')
  })

  it('reports text in it that is not a link', () => {
    expect(codes(nav('Keep going! <a href="/n/">Next</a>'))).toContain('nav-text-dropped')
    expect(codes(nav('<a href="/p/">Back</a> | <a href="/n/">Next</a>'))).not.toContain(
      'nav-text-dropped',
    )
  })

  it('keeps the content after it when it is not at the end of the page', () => {
    const result = convertBody('Intro.\n\n' + nav('<a href="/n/">Next</a>') + '\nMore.\n', ctx)
    expect(result.body).toHaveLength(2)
    expect(result.next?.href).toBe('/n/')
    expect(result.diagnostics.map((d) => d.code)).toContain('nav-not-last')
  })

  it('reports an HTML block after it as content after it, and a comment as nothing', () => {
    expect(
      codes(nav('<a href="/n/">Next</a>') + '\n<div markdown="1">\nAfter\n</div>\n'),
    ).toContain('nav-not-last')
    expect(codes(nav('<a href="/n/">Next</a>') + '\n<!-- end -->\n')).not.toContain('nav-not-last')
  })
})
