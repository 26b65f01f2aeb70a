import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'

import {runTransaction} from '../mutate/transaction.ts'
import {Dataset} from '../store/dataset.ts'
import type {Doc} from '../store/types.ts'
import {ReferenceIndex} from './reference-index.ts'

const dir = mkdtempSync(join(tmpdir(), 'lake-reference-index-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))

const ref = (id: string) => ({_type: 'reference', _ref: id})

/** Writes `docs` in one transaction, or deletes `remove`; the transaction's error, if any. */
async function write(dataset: Dataset, docs: Doc[], remove: string[] = []) {
  return runTransaction(dataset, {author: 'test'}, async (ws) => {
    for (const doc of docs) {
      const mutation = {createOrReplace: doc}
      ws.record(mutation)
      ws.put(doc._id, doc, mutation)
    }
    for (const id of remove) {
      const mutation = {delete: {id}}
      ws.record(mutation)
      ws.put(id, null, mutation)
    }
  }).then(
    () => null,
    (error: Error & {details?: unknown}) => error.details,
  )
}

describe('the reference index of a dataset', () => {
  it('is read from the file by the first deletion, not when the dataset opens', async () => {
    const file = join(dir, 'lazy.sqlite')
    const first = new Dataset('lazy', file, () => undefined)
    await write(first, [
      {_id: 'module', _type: 'module'},
      {_id: 'lesson', _type: 'lesson', module: ref('module')},
    ])
    await first.close()

    const dataset = new Dataset('lazy', file, () => undefined)
    try {
      expect(dataset.references.built).toBe(false)
      // Creating and changing documents checks their own references only.
      expect(await write(dataset, [{_id: 'quiz', _type: 'quiz', module: ref('module')}])).toBeNull()
      expect(dataset.references.built).toBe(false)
      // A deletion needs every referrer: the index is read, with the commit above in it.
      expect(await write(dataset, [], ['module'])).toMatchObject({
        items: [
          {error: {type: 'documentHasExistingReferencesError', referencingIDs: ['lesson', 'quiz']}},
        ],
      })
      expect(dataset.references.built).toBe(true)
      // Commits after it keep it in step.
      expect(await write(dataset, [], ['quiz'])).toBeNull()
      expect(await write(dataset, [], ['module'])).toMatchObject({
        items: [{error: {referencingIDs: ['lesson']}}],
      })
      expect(await write(dataset, [], ['lesson', 'module'])).toBeNull()
    } finally {
      await dataset.close()
    }
  })
})

describe('a reference index whose documents cannot be read', () => {
  it('answers from no half-read documents, and reads them all again the next time', async () => {
    let fail = true
    const load = function* (): Generator<Doc> {
      yield {_id: 'lesson', _type: 'lesson', module: ref('module')}
      if (fail) throw new Error('disk gone')
      yield {_id: 'quiz', _type: 'quiz', module: ref('module')}
    }
    for (const read of [
      (index: ReferenceIndex) => index.ready(),
      async (index: ReferenceIndex) => index.referrersOf('module'),
    ]) {
      fail = true
      const index = new ReferenceIndex(load)
      await expect(read(index)).rejects.toThrow('disk gone')
      expect(index.built).toBe(false)
      fail = false
      await read(index)
      expect([...index.referrersOf('module')]).toEqual(['lesson', 'quiz'])
    }
  })
})
