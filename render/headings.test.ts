import {describe, expect, it} from 'vitest'

import {headingIds} from './headings.ts'
import {titleHeadingId} from './pages/Breadcrumbs.tsx'

const heading = (key: string, text: string) => ({
  _type: 'block',
  _key: key,
  style: 'h2',
  markDefs: [],
  children: [{_type: 'span', _key: `${key}s`, text, marks: []}],
})

describe('heading ids', () => {
  it('counts the id the page title heading took, as kramdown numbers a repeated id', () => {
    const body = [heading('a', 'About'), heading('b', 'Lecture'), heading('c', 'About')]
    expect([...headingIds(body, ['about']).values()]).toEqual(['about-1', 'lecture', 'about-2'])
    expect([...headingIds(body).values()]).toEqual(['about', 'lecture', 'about-1'])
  })

  it('gives the title heading an id only where the markdown had one, with its emoji', () => {
    expect(titleHeadingId({title: 'About', titleHeading: true})).toBe('about')
    expect(titleHeadingId({title: 'Setup', emoji: '🚀', titleHeading: true})).toBe('setup-')
    expect(titleHeadingId({title: 'About', titleHeading: false})).toBeUndefined()
  })
})
