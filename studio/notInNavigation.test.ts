import {evaluate, parse} from 'groq-js'
import {describe, expect, it} from 'vitest'

import {importSite} from '../importer/index.ts'
import type {ImportedDocument} from '../importer/index.ts'
import {DOCUMENT_TYPES} from '../schemas/constants.ts'
import {siteFixtureFiles} from '../testing/siteFixture.ts'
import {NOT_IN_NAVIGATION} from './structure.ts'

function importFixture(name = 'site-hidden-parents'): ImportedDocument[] {
  return importSite(siteFixtureFiles(name)).documents
}

async function notInNavigation(dataset: ImportedDocument[]) {
  const query = `*[${NOT_IN_NAVIGATION}] | order(title) {title, "why": source.notInNavigation}`
  const {site, course, module, lesson} = DOCUMENT_TYPES
  const result = await evaluate(parse(query), {dataset, params: {site, course, module, lesson}})
  return (await result.get()) as {title: string; why?: string}[]
}

describe('Studio\'s "Not in the site\'s navigation" list', () => {
  it('shows every page the theme hides, each with the reason, and no page of the navigation', async () => {
    const listed = await notInNavigation(importFixture())
    expect(listed.map((page) => page.title)).toEqual([
      'First draft',
      'Installing jenv',
      'Old notes',
      'Plugins',
      'Setup tips',
    ])
    expect(listed.find((page) => page.title === 'Installing jenv')?.why).toBe(
      'no page is titled "Jenv" (did you mean "JEnv"? only letter case differs)',
    )
    expect(listed.every((page) => page.why)).toBe(true)
  })

  it('lists no course of a navigation section, and the collection pages the theme hides', async () => {
    const listed = await notInNavigation(importFixture('site-collections'))
    expect(listed.map((page) => page.title)).toEqual(['Ada', 'Cross', 'Secret'])
  })

  it('drops a hidden page once an editor adds it to a course', async () => {
    const docs = importFixture()
    const hidden = docs.find((doc) => doc.title === 'Installing jenv')!
    const course = docs.find((doc) => doc._type === 'course')!
    const placed = docs.map((doc) =>
      doc === course
        ? {
            ...doc,
            contents: [
              ...(doc.contents as object[]),
              {_key: 'placed', _type: 'reference', _ref: hidden._id},
            ],
          }
        : doc,
    )
    const listed = await notInNavigation(placed)
    expect(listed.map((page) => page.title)).not.toContain('Installing jenv')
    expect(listed).toHaveLength(4)
  })
})
