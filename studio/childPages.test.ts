import {describe, expect, it} from 'vitest'

import {childField, childRows, pagesById, rowTitle} from './childPages.ts'

describe('pagesById', () => {
  it("shows a draft's title over the published one, in either order, and knows it was published", () => {
    const published = {_id: 'a', _type: 'lesson', title: 'Old'}
    const draft = {_id: 'drafts.a', _type: 'lesson', title: 'New', emoji: '🚀'}
    const expected = {id: 'a', type: 'lesson', title: 'New', emoji: '🚀', published: true}
    expect(pagesById([published, draft]).get('a')).toEqual(expected)
    expect(pagesById([draft, published]).get('a')).toEqual(expected)
  })

  it('marks a page that exists only as a draft as not published, and leaves release versions out', () => {
    const pages = pagesById([
      {_id: 'drafts.n', _type: 'lesson', title: 'Fresh'},
      {_id: 'versions.r1.n', _type: 'lesson', title: 'In a release'},
    ])
    expect(pages.get('n')).toEqual({id: 'n', type: 'lesson', title: 'Fresh', published: false})
    expect(pages.size).toBe(1)
  })
})

describe('childRows', () => {
  const pages = pagesById([{_id: 'a', _type: 'module', title: 'Basics'}])

  it('keeps array order, joins each reference to its page and keys unkeyed items by position', () => {
    const rows = childRows(
      [{_key: 'k2', _ref: 'missing'}, null, {_ref: 'a'}, {_key: 'k1', _ref: 'a'}],
      pages,
    )
    expect(rows.map((row) => [row.key, row.page?.title])).toEqual([
      ['k2', undefined],
      ['index-2', 'Basics'],
      ['k1', 'Basics'],
    ])
  })

  it('marks a reference as loading, not missing, until the pages of the new array arrive', () => {
    const [row] = childRows([{_key: 'k', _ref: 'new'}], pages, false)
    expect(row).toMatchObject({loading: true})
    expect(rowTitle(row!)).toBe('Loading…')
    expect(childRows([{_key: 'k', _ref: 'a'}], pages, false)[0]).not.toHaveProperty('loading')
  })

  it('has no rows when the parent has no array', () => {
    expect(childRows(undefined, pages)).toEqual([])
  })
})

describe('rowTitle', () => {
  it('says when a reference points at no document, and names untitled pages by type', () => {
    expect(rowTitle({key: 'k', item: {_ref: 'gone'}})).toBe('Missing document')
    const untitled = {id: 'm', type: 'module', published: true}
    expect(rowTitle({key: 'k', item: {_ref: 'm'}, page: untitled})).toBe('Untitled module')
    const titled = {...untitled, title: 'Basics', emoji: '📘'}
    expect(rowTitle({key: 'k', item: {_ref: 'm'}, page: titled})).toBe('Basics 📘')
  })
})

describe('childField', () => {
  it("orders a module's lessons and a course's contents", () => {
    expect(childField('module')).toBe('lessons')
    expect(childField('course')).toBe('contents')
  })
})
