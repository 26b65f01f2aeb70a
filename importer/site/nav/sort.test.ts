import {describe, expect, it} from 'vitest'

import type {NavEntry} from './entries.ts'
import {sortSiblings} from './sort.ts'

const entry = (title: unknown, navOrder?: unknown): NavEntry => ({
  key: String(title),
  title: String(title),
  rawTitle: title,
  navOrder,
  navExclude: false,
  childOrderReversed: false,
})
const withPage = (e: NavEntry): NavEntry => ({
  ...e,
  page: {
    file: `${e.title}.md`,
    index: 0,
    data: {},
    body: '',
    lineOffset: 0,
    text: `---\nnav_order: 1\n---\n`,
  },
})
const titles = (entries: NavEntry[]) => entries.map((e) => e.title)

describe('sortSiblings', () => {
  it('orders numbers, then text nav_order, then numeric titles, then titles', () => {
    const {sorted} = sortSiblings(
      [entry('b'), entry(10), entry('x', '2'), entry('y', 4.5), entry('z', 1), entry('A')],
      'case_sensitive',
      false,
    )
    expect(titles(sorted)).toEqual(['z', 'y', 'x', '10', 'A', 'b'])
  })

  it('compares text by code point, as Ruby does, not by UTF-16 unit', () => {
    const {sorted} = sortSiblings([entry('😀'), entry('Ａ')], 'case_sensitive', false)
    expect(titles(sorted)).toEqual(['Ａ', '😀'])
  })

  it('folds only ASCII case with nav_sort: case_insensitive, like Liquid sort_natural', () => {
    const {sorted} = sortSiblings(
      [entry('b'), entry('A'), entry('É'), entry('é')],
      'case_insensitive',
      false,
    )
    expect(titles(sorted)).toEqual(['A', 'b', 'É', 'é'])
  })

  it('warns about equal nav_order values and reverses for child_nav_order', () => {
    const {sorted, diagnostics} = sortSiblings(
      [entry('a', 1), entry('b', 1), entry('c', 2)].map(withPage),
      'case_sensitive',
      true,
    )
    expect(titles(sorted)).toEqual(['c', 'b', 'a'])
    expect(diagnostics).toMatchObject([{code: 'nav-order-tie', file: 'b.md', line: 2}])
  })
})
