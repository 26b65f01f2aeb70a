import {describe, expect, it} from 'vitest'

import {checkSlug} from '../schemas/validation.ts'
import {newPageFields} from './newPage.ts'

describe('newPageFields', () => {
  it('makes the slug from the typed title by the rule the schema checks', () => {
    const fields = newPageFields('lesson', '  Risk & Roadmaps 🚀 ')
    expect(fields).toEqual({
      title: 'Risk & Roadmaps 🚀',
      slug: {_type: 'slug', current: 'risk-and-roadmaps'},
    })
    expect(checkSlug(fields.slug)).toBe(true)
  })

  it('names a page the editor did not title "Untitled lesson" or "Untitled module"', () => {
    expect(newPageFields('lesson', '')).toEqual({
      title: 'Untitled lesson',
      slug: {_type: 'slug', current: 'untitled-lesson'},
    })
    expect(newPageFields('module', ' ').title).toBe('Untitled module')
  })

  it('still gives a valid slug when the title has no letters', () => {
    const fields = newPageFields('lesson', '🚀')
    expect(fields.title).toBe('🚀')
    expect(checkSlug(fields.slug)).toBe(true)
  })
})
