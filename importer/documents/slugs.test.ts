import {describe, expect, it} from 'vitest'

import {seeded} from '../../testing/seeded.ts'
import {slugify} from '../slug.ts'
import {planSlugs} from './assemble.ts'
import {assignSlugs, type SlugRequest} from './slugs.ts'

function lessons(titles: readonly string[]): SlugRequest[] {
  return titles.map((title, i) => ({id: `l${String(i).padStart(3, '0')}`, type: 'lesson', title}))
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]]
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  )
}

function expectDistinct(slugs: ReadonlyMap<string, string>): void {
  const values = [...slugs.values()]
  expect(new Set(values).size, values.join(', ')).toBe(values.length)
}

describe('assignSlugs', () => {
  it('never gives two documents the same slug when a title looks like another’s de-duplicated slug', () => {
    const titles = ['Setup', 'Setup', 'Setup 2']
    for (const order of permutations([0, 1, 2])) {
      // The page titled "Setup 2" keeps its own slug whichever id or position it has; the second
      // "Setup" moves on to the next free number.
      const requests = order.map((t, i) => ({id: `p${i}`, type: 'lesson', title: titles[t]}))
      const slugs = assignSlugs(requests)
      expectDistinct(slugs)
      const own = requests.find((r) => r.title === 'Setup 2')!
      expect(slugs.get(own.id)).toBe('setup-2')
      const setups = requests.filter((r) => r.title === 'Setup').map((r) => slugs.get(r.id))
      expect(setups).toEqual(['setup', 'setup-3'])
      // The input's order does not matter, only the ids do.
      for (const shuffled of permutations(requests)) {
        expect(assignSlugs(shuffled)).toEqual(slugs)
      }
    }
  })

  it('skips every number some other page’s own title already takes', () => {
    const slugs = assignSlugs(lessons(['a', 'a', 'a', 'a-2']))
    expect(Object.fromEntries(slugs)).toEqual({l000: 'a', l001: 'a-3', l002: 'a-4', l003: 'a-2'})
  })

  it('skips a number taken by a title that slugifies to a twice-numbered slug', () => {
    expect(slugify('X 2 2')).toBe('x-2-2')
    const slugs = assignSlugs(lessons(['x', 'x', 'X 2', 'x-2', 'X 2 2']))
    expect(Object.fromEntries(slugs)).toEqual({
      l000: 'x',
      l001: 'x-3',
      l002: 'x-2',
      l003: 'x-2-3',
      l004: 'x-2-2',
    })
  })

  it('gives a title that slugifies to a parent-prefixed slug that slug before the prefixed one', () => {
    const slugs = assignSlugs([
      {id: 'm1', type: 'module', title: 'Web'},
      {id: 'a', type: 'lesson', title: 'Overview', parentId: 'm1'},
      {id: 'b', type: 'lesson', title: 'Overview', parentId: 'm1'},
      {id: 'c', type: 'lesson', title: 'Web Overview'},
    ])
    expect(Object.fromEntries(slugs)).toEqual({
      m1: 'web',
      a: 'web-overview-2',
      b: 'web-overview-3',
      c: 'web-overview',
    })
  })

  it('keeps slugs distinct and each the title’s slug or that plus a number, over generated title lists', () => {
    const alphabet = ['A', 'A 2', 'A 3', 'a-2', 'B', 'b 2', 'A 2 2', 'a-3-2']
    const next = seeded(20261130)
    for (let run = 0; run < 400; run++) {
      const length = 1 + Math.floor(next() * 12)
      const titles = Array.from({length}, () => alphabet[Math.floor(next() * alphabet.length)])
      const requests = lessons(titles)
      const slugs = assignSlugs(requests)
      expect(slugs.size).toBe(requests.length)
      expectDistinct(slugs)
      const counts = new Map<string, number>()
      for (const title of titles) counts.set(slugify(title), (counts.get(slugify(title)) ?? 0) + 1)
      for (const r of requests) {
        const own = slugify(r.title)
        const slug = slugs.get(r.id)!
        const numbered =
          slug.startsWith(`${own}-`) && /^([2-9]|[1-9]\d+)$/.test(slug.slice(own.length + 1))
        expect(slug === own || numbered, `${r.title} → ${slug} in ${titles.join(' | ')}`).toBe(true)
        // A title no other page shares keeps its own slug.
        if (counts.get(own) === 1) expect(slug).toBe(own)
      }
      expect(assignSlugs([...requests].reverse())).toEqual(slugs)
    }
  })

  it('keeps slugs distinct per type with parents in play', () => {
    const alphabet = ['Intro', 'Intro 2', 'Web', 'Web Intro', 'web-intro-2', 'Mobile']
    const next = seeded(7)
    for (let run = 0; run < 300; run++) {
      const requests: SlugRequest[] = [
        {id: 'm0', type: 'module', title: 'Web'},
        {id: 'm1', type: 'module', title: 'Mobile'},
        {id: 'm2', type: 'module', title: 'Web'},
      ]
      const length = 1 + Math.floor(next() * 10)
      for (let i = 0; i < length; i++) {
        const title = alphabet[Math.floor(next() * alphabet.length)]
        const parent = Math.floor(next() * 4)
        requests.push({
          id: `l${i}`,
          type: next() < 0.8 ? 'lesson' : 'module',
          title,
          ...(parent < 3 ? {parentId: `m${parent}`} : {}),
        })
      }
      const slugs = assignSlugs(requests)
      for (const type of ['lesson', 'module']) {
        const ofType = requests.filter((r) => r.type === type).map((r) => slugs.get(r.id)!)
        expect(new Set(ofType).size, ofType.join(', ')).toBe(ofType.length)
      }
    }
  })
})

describe('planSlugs', () => {
  const plan = (id: string, type: 'course' | 'lesson', title: string, parentId?: string) => ({
    id,
    type,
    title,
    ...(parentId ? {parentId} : {}),
    children: [],
    depth: parentId ? 2 : 1,
    hidden: false,
  })

  it("plans a site's slugs once, for its snapshot and its documents alike", () => {
    const plans = [plan('c', 'course', 'Course'), plan('l', 'lesson', 'Setup', 'c')]
    const slugs = planSlugs(plans)
    expect(Object.fromEntries(slugs)).toEqual({c: 'course', l: 'setup'})
    expect(planSlugs(plans)).toBe(slugs)
    // Other plans, even with the same titles, are planned for themselves.
    expect(planSlugs([...plans])).not.toBe(slugs)
  })
})
