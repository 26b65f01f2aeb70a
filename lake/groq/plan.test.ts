import {evaluate, parse} from 'groq-js'
import {describe, expect, it} from 'vitest'
import type {Doc} from '../store/types.ts'
import {evaluateQuery} from './query.ts'

const documents: Doc[] = Array.from({length: 60}, (_, n) => ({
  _id: `doc-${n}`,
  _type: ['lesson', 'module', 'course'][n % 3],
  n,
  next: {_type: 'reference', _ref: `doc-${(n + 1) % 60}`},
  lessons: [{_type: 'reference', _ref: `doc-${(n + 3) % 60}`, _key: 'a'}],
}))
const view = {documents, byId: new Map(documents.map((doc) => [doc._id, doc]))}

const queries: Array<[string, Record<string, unknown>]> = [
  ['*[_type == "lesson" && n > 10]{_id, "next": next->_id}', {}],
  ['*[_type in ["module", $t]] | order(n desc)[0...5]._id', {t: 'course'}],
  [
    '*[_id == $id][0]{n, "parent": *[_type == "module" && ^._id in lessons[]._ref][0]._id}',
    {id: 'doc-4'},
  ],
  ['*[_id in $ids && n < 30]._id', {ids: ['doc-1', 'doc-50', 'doc-7', 'nope']}],
  ['*["lesson" == _type][0...3]{_id, "two": next->next->_id}', {}],
  ['count(*[_type == "missing"])', {}],
  ['*[_type == "lesson" || _id == "doc-1"]._id', {}],
  [
    '*[_id == "doc-5"][0]{"parents": *[^._id in lessons[]._ref]._id, "none": *[^._id in missing[]._ref]}',
    {},
  ],
  [
    '*[_type == "course"]{_id, "kids": *[_type == "lesson" && ^._id in lessons[@->n > 2]._ref]._id}',
    {},
  ],
]

describe("the lake's query evaluation", () => {
  for (const [query, params] of queries) {
    it(`answers like plain groq-js: ${query}`, async () => {
      const plain = await (
        await evaluate(parse(query, {params}), {dataset: documents, params})
      ).get()
      expect(await evaluateQuery(query, params, view)).toEqual(plain)
    })
  }
})
