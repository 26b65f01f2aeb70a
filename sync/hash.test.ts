import {describe, expect, it} from 'vitest'

import {canonicalJson} from '../importer/canonical.ts'

import {
  importHash,
  isImportHash,
  isUnchangedSinceImport,
  matchesImportHash,
  stampedWithText,
  withImportStamp,
} from './hash.ts'
import type {ImportedDocument} from './types.ts'

const doc = {
  _id: 'a',
  _type: 'lesson',
  title: 'T',
  body: [{_type: 'block', _key: 'k', text: 'x'}],
  source: {path: 'a.md'},
}

describe('import hash', () => {
  it('ignores system fields and the fields sync stamps', () => {
    const stored = {
      ...withImportStamp(doc, importHash(doc), '2026-01-01T00:00:00Z'),
      _rev: 'r',
      _updatedAt: 'u',
    }
    expect(matchesImportHash(importHash(doc), stored)).toBe(true)
    expect(isUnchangedSinceImport(stored)).toBe(true)
  })

  it('writes the format v2, the canonical hash alone', () => {
    expect(importHash(doc)).toBe('v2:27d88946033a0b9f19c39b83d82b2196bd88d54a')
  })

  it('checks a v1 hash as earlier versions wrote it, by its canonical half', () => {
    // What the version before v2 stamped on `doc`: the canonical hash, then a SHA-1 of the JSON.
    const v1 = 'v1:27d88946033a0b9f19c39b83d82b2196bd88d54a:a8135b234f1676662c2f9718'
    expect(isUnchangedSinceImport(withImportStamp(doc, v1, 'then'))).toBe(true)
    expect(isUnchangedSinceImport({...withImportStamp(doc, v1, 'then'), title: 'Edited'})).toBe(
      false,
    )
    expect(isImportHash(v1)).toBe(true)
    expect(isImportHash('v3:27d88946033a0b9f19c39b83d82b2196bd88d54a')).toBe(false)
    expect(isImportHash('v2:27d88946')).toBe(false)
  })

  it('recognises the same content with its keys in another order', () => {
    const reordered = {
      source: {path: 'a.md'},
      body: [{text: 'x', _key: 'k', _type: 'block'}],
      title: 'T',
      _type: 'lesson',
      _id: 'a',
    }
    expect(matchesImportHash(importHash(doc), reordered)).toBe(true)
    expect(isUnchangedSinceImport(withImportStamp(reordered, importHash(doc), 'now'))).toBe(true)
  })

  it('notices a changed nested value, an added field and a removed one', () => {
    const hash = importHash(doc)
    expect(matchesImportHash(hash, {...doc, body: [{_type: 'block', _key: 'k', text: 'y'}]})).toBe(
      false,
    )
    expect(matchesImportHash(hash, {...doc, description: 'new'})).toBe(false)
    const withoutTitle: Record<string, unknown> = {...doc}
    delete withoutTitle.title
    expect(matchesImportHash(hash, withoutTitle)).toBe(false)
    expect(isUnchangedSinceImport(withImportStamp({...doc, title: 'Edited'}, hash, 'now'))).toBe(
      false,
    )
  })

  it('checks a document the importer wrote without a source object', () => {
    const bare = {_id: 'r', _type: 'responsibility', name: 'N'}
    const stored = {...withImportStamp(bare, importHash(bare), 'now'), _rev: 'r1'}
    expect(isUnchangedSinceImport(stored)).toBe(true)
    expect(matchesImportHash(importHash(bare), stored)).toBe(true)
  })

  it('treats a document without an import hash as not written by the importer', () => {
    expect(isUnchangedSinceImport(doc)).toBe(false)
    expect(matchesImportHash(undefined, doc)).toBe(false)
  })
})

describe('a document stamped with its text', () => {
  const cases: Record<string, ImportedDocument> = {
    'with a source': doc,
    'without a source': {_id: 'r', _type: 'responsibility', name: 'N'},
    'with a source holding an old stamp': {
      _id: 's',
      _type: 'lesson',
      source: {importedAt: 'then', path: 'b.md', importHash: 'v1:old:old'},
      title: 'S',
    },
    'with undefined fields, system fields and quotes in keys and text': {
      _id: 'u',
      _type: 'lesson',
      _rev: 'r9',
      title: undefined,
      'odd "key"': 'a "quoted"\u2028 text',
      body: [{_type: 'block', children: [{text: 'é', marks: [], gone: undefined}]}],
      source: {path: 'c.md', note: undefined},
    },
  }
  it.each(Object.entries(cases))(
    '%s: is the stamped document, its text is its canonical JSON, and its hash the import hash',
    (_, document) => {
      const {stamped, text} = stampedWithText(document, '2026-12-01T00:00:00Z')
      // A copy: the hash the stamp made is remembered for `document`, and importHash must come
      // to the same one on its own.
      const hash = importHash(structuredClone(document))
      expect(stamped).toEqual(withImportStamp(document, hash, '2026-12-01T00:00:00Z'))
      expect(text).toBe(canonicalJson(stamped))
      expect(matchesImportHash(hash, JSON.parse(text))).toBe(true)
    },
  )
})
