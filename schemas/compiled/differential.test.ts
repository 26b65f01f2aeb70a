import {existsSync, readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {importSite} from '../../importer/index.ts'
import {generateSite} from '../../scripts/bench-site.ts'
import {schemaTypes} from '../index.ts'
import {validateDocuments as oracle} from '../validate.ts'
import {seeded} from '../../testing/seeded.ts'
import {aimedMutations, mutate} from './fuzz.test-support.ts'
import type {DocumentLike, ValidationProblem} from './problem.ts'
import {compileValidator} from './validator.ts'

const root = join(import.meta.dirname, '..', '..')
const compiled = compileValidator(schemaTypes)
const line = (p: ValidationProblem) => `${p.documentId} | ${p.path} | ${p.level} | ${p.message}`

/** Both validators' problems, as sorted lines (order within a document is not part of the contract). */
async function both(documents: readonly DocumentLike[], existing: readonly DocumentLike[] = []) {
  const [expected, actual] = await Promise.all([
    oracle(documents, {existing}),
    compiled.validateDocuments(documents, {existing}),
  ])
  return {expected: expected.map(line).sort(), actual: actual.map(line).sort()}
}

const readJson = (path: string) =>
  JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, unknown>
const folders = (path: string) =>
  readdirSync(join(root, path), {withFileTypes: true})
    .filter((entry) => existsSync(join(root, path, entry.name, 'expected.json')))
    .map((entry) => entry.name)
    .sort()

/** Each body fixture's expected body in a lesson, with the documents it extracted. */
const bodyFixtures = folders('importer/body/fixtures').map((name) => {
  const expected = readJson(`importer/body/fixtures/${name}/expected.json`)
  const lesson = {
    _id: `lesson-${name}`,
    _type: 'lesson',
    title: name,
    slug: {_type: 'slug', current: name},
    body: expected.body,
  }
  return {name, documents: [lesson, ...((expected.documents ?? []) as DocumentLike[])]}
})

const siteFixtures = folders('importer/fixtures')
  .filter((name) => name.startsWith('site-'))
  .map((name) => ({
    name,
    documents: readJson(`importer/fixtures/${name}/expected.json`).documents as DocumentLike[],
  }))

const benchSite = importSite(generateSite(200)).documents as unknown as DocumentLike[]

describe('the compiled validator against Sanity’s validation', {timeout: 600_000}, () => {
  it.each(bodyFixtures)(
    'finds the same problems in the body fixture $name',
    async ({documents}) => {
      const {expected, actual} = await both(documents)
      expect(actual).toEqual(expected)
    },
  )

  it.each(siteFixtures)(
    'finds the same problems in the site fixture $name',
    async ({documents}) => {
      const {expected, actual} = await both(documents)
      expect(actual).toEqual(expected)
    },
  )

  it('finds the same problems in every document of a 200-lesson synthetic site', async () => {
    expect(benchSite.length).toBeGreaterThan(200)
    const {expected, actual} = await both(benchSite)
    expect(actual).toEqual(expected)
  })

  it('finds the same problems in 1,000 seeded mutations of valid documents and one aimed at each kind of value, one field at a time', async () => {
    const pool = [
      ...bodyFixtures.flatMap((fixture) => fixture.documents),
      ...siteFixtures.flatMap((fixture) => fixture.documents),
      ...benchSite.filter((doc) => doc._type !== 'lesson' || doc._id.endsWith('1')),
    ]
    const ids = pool.map((doc) => doc._id)
    const random = seeded(14)
    const found = new Set<string>()
    const aimed = aimedMutations(pool)
    for (let batch = 0; batch < 100 + Math.ceil(aimed.length / 10); batch++) {
      const mutations =
        batch < 100
          ? Array.from({length: 10}, () =>
              mutate(pool[Math.floor(random() * pool.length)], random, ids),
            )
          : aimed.slice((batch - 100) * 10, (batch - 99) * 10)
      const mutated = new Set(mutations.map((m) => m.doc._id))
      const existing = pool.filter((doc) => !mutated.has(doc._id))
      const {expected, actual} = await both(
        mutations.map((m) => m.doc),
        existing,
      )
      expect({changes: mutations.map((m) => m.change), problems: actual}).toEqual({
        changes: mutations.map((m) => m.change),
        problems: expected,
      })
      for (const problem of expected) found.add(problem.split(' | ').slice(2).join(' | '))
    }
    // The mutations must reach many different rules, or agreeing would prove little.
    // The mutations must reach the schema's kinds of rule, or agreeing would prove little.
    const reached = (pattern: RegExp) => [...found].some((problem) => pattern.test(problem))
    const kinds = [
      /^error \| Required$/,
      /Expected type "String", got/,
      /did not match any allowed values/,
      /Must be at most 32 characters long/,
      /Slug is already in use/,
      /Use lowercase letters, digits and single hyphens/,
      /Referenced document must be published/,
      /This points at a \w+; choose a/,
      /Links may use/,
      /List each \w+/,
      /^warning \| /,
    ]
    expect(kinds.filter((kind) => !reached(kind))).toEqual([])
  })
})

describe('documents that are not documents', () => {
  const malformed: Array<[string, unknown, RegExp]> = [
    ['null', null, /Cannot validate documents\[0\], expected a document object, got null/],
    ['an array', [], /Cannot validate documents\[0\], expected a document object, got an array/],
    ['without _type', {_id: 'a'}, /without a '_type' \(documents\[0\]\)/],
    ['without _id', {_type: 'lesson'}, /Cannot validate documents\[0\], expected a string _id/],
  ]

  it.each(malformed)('rejects %s, naming the entry, in both validators', async (_, doc, error) => {
    const documents = [doc] as DocumentLike[]
    await expect(compiled.validateDocuments(documents)).rejects.toThrow(error)
    await expect(oracle(documents)).rejects.toThrow(error)
  })

  it('rejects an existing document without an _id, naming it', async () => {
    const existing = [{_id: 'a', _type: 'lesson'}, {_type: 'lesson'}] as DocumentLike[]
    await expect(compiled.validateDocuments([], {existing})).rejects.toThrow(
      /Cannot validate existing\[1\], expected a string _id/,
    )
  })
})
