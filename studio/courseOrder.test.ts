import {describe, expect, it} from 'vitest'

import {coursesInSiteOrder} from './courseOrder.ts'

describe('coursesInSiteOrder', () => {
  it("lists courses in the site document's order, then the others by title", () => {
    const courses = [
      {_id: 'course-a', title: 'Alpha'},
      {_id: 'course-z', title: 'Zulu'},
      {_id: 'course-m', title: 'Mike'},
      {_id: 'course-b', title: 'Bravo'},
    ]
    expect(
      coursesInSiteOrder(['course-z', 'course-gone', null, 'course-m'], courses).map((c) => c.id),
    ).toEqual(['course-z', 'course-m', 'course-a', 'course-b'])
  })

  it('shows a course with a draft once, with the draft title, and leaves out release versions', () => {
    const courses = [
      {_id: 'course-a', title: 'Old title'},
      {_id: 'drafts.course-a', title: 'New title'},
      {_id: 'drafts.course-new', title: 'Never published'},
      {_id: 'versions.r1.course-a', title: 'Release title'},
    ]
    expect(coursesInSiteOrder(['course-a'], courses)).toEqual([
      {id: 'course-a', title: 'New title'},
      {id: 'course-new', title: 'Never published'},
    ])
  })

  it('leaves a course the site hides to the "Not in the site\'s navigation" list, unless the site lists it', () => {
    const courses = [
      {_id: 'course-a', title: 'Alpha'},
      {_id: 'course-x', title: 'Excluded', notInNavigation: 'it has `nav_exclude: true`'},
      {_id: 'course-p', title: 'Placed', notInNavigation: 'it has `nav_exclude: true`'},
      {_id: 'drafts.course-new', title: 'Made in Studio'},
    ]
    expect(coursesInSiteOrder(['course-a', 'course-p'], courses).map((c) => c.id)).toEqual([
      'course-a',
      'course-p',
      'course-new',
    ])
  })

  it('sorts every course by title when there is no site document', () => {
    const courses = [
      {_id: 'course-2', title: 'Beta'},
      {_id: 'course-1', title: 'Alpha'},
    ]
    expect(coursesInSiteOrder(null, courses).map((c) => c.title)).toEqual(['Alpha', 'Beta'])
  })
})
