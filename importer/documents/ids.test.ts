import {describe, expect, it} from 'vitest'

import {pageId, placeholderId} from './ids.ts'
import {slugify} from '../slug.ts'
import {assignSlugs} from './slugs.ts'

const ID = /^[a-zA-Z0-9_-]{1,128}$/

describe('pageId', () => {
  it('derives a readable id from a plain lowercase path', () => {
    expect(pageId('lesson', 'intro/getting-started.md')).toBe('lesson-intro_getting-started')
  })

  it('adds a hash when the path does not map one to one, and stays within 128 characters', () => {
    const upper = pageId('lesson', 'Intro/Getting Started.md')
    expect(upper).toMatch(/^lesson-intro_getting-started-[0-9a-f]{8}$/)
    expect(upper).not.toBe(pageId('lesson', 'intro/getting started.md'))
    const long = pageId('lesson', `${'deep/'.repeat(40)}page.md`)
    expect(long).toMatch(ID)
    expect(long.length).toBe(128)
  })

  it('gives an HTML page the id of the markdown page its export writes in its place', () => {
    expect(pageId('lesson', 'tools/calc.html')).toBe('lesson-tools_calc')
    for (const path of ['Reti/ISO-OSI/esercizi.html', 'a/Index.HTM', 'b/page.xhtml'])
      expect(pageId('lesson', path)).toBe(pageId('lesson', path.replace(/\.\w+$/, '.md')))
    expect(pageId('lesson', 'a/page.markdown')).not.toBe(pageId('lesson', 'a/page.md'))
  })

  it('makes dot-free placeholder ids from the title chain', () => {
    const id = placeholderId('module', ['Foundations of PM', 'Intro v1.2'])
    expect(id).toMatch(ID)
    expect(id).not.toBe(placeholderId('module', ['Foundations of PM', 'Intro v1-2']))
  })
})

describe('slugs', () => {
  it('keeps non-ASCII letters, drops emoji and punctuation', () => {
    expect(slugify('Héritage 🚀')).toBe('héritage')
    expect(slugify('What’s New? (2024)')).toBe('what-s-new-2024')
  })

  it('reads &, + and # as words and cuts a long title at a hyphen within 96 characters', () => {
    expect(slugify('Q&A: C# and C++')).toBe('q-and-a-c-sharp-and-c-plus-plus')
    const long = slugify('word '.repeat(40))
    expect(long.length).toBeLessThanOrEqual(96)
    expect(long).toMatch(/^word(-word)*$/)
  })

  it('prefixes colliding titles with their parent’s slug, then numbers what still collides', () => {
    const slugs = assignSlugs([
      {id: 'm1', type: 'module', title: 'Web'},
      {id: 'm2', type: 'module', title: 'Mobile'},
      {id: 'a', type: 'lesson', title: 'Overview', parentId: 'm1'},
      {id: 'b', type: 'lesson', title: 'Overview', parentId: 'm2'},
      {id: 'c', type: 'lesson', title: 'Overview'},
      {id: 'd', type: 'module', title: 'Overview'},
      {id: 'e', type: 'lesson', title: 'Setup', parentId: 'm1'},
      {id: 'f', type: 'lesson', title: 'Setup', parentId: 'm1'},
    ])
    expect(Object.fromEntries(slugs)).toMatchObject({
      a: 'web-overview',
      b: 'mobile-overview',
      c: 'overview',
      d: 'overview',
      e: 'web-setup',
      f: 'web-setup-2',
    })
  })
})
