import {readdirSync, readFileSync} from 'node:fs'
import {join, relative, sep} from 'node:path'

import {evaluate, parse} from 'groq-js'
import {describe, expect, it} from 'vitest'

import {importSite} from '../importer/index.ts'
import type {ImportedDocument} from '../importer/index.ts'
import {DOCUMENT_TYPES} from '../schemas/constants.ts'
import {NOT_IN_NAVIGATION} from './structure.ts'

const SITE = join(import.meta.dirname, '..', 'importer', 'fixtures', 'site-hidden-parents', 'input')

function importFixture(): ImportedDocument[] {
  const files = readdirSync(SITE, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const full = join(entry.parentPath, entry.name)
      return {path: relative(SITE, full).split(sep).join('/'), bytes: readFileSync(full)}
    })
  return importSite(files).documents
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
