import {describe, expect, it} from 'vitest'

import {applyPerspective, memorySource, parseNdjson, type StoredDocument} from './memory.ts'

const docs: StoredDocument[] = [
  {_id: 'a', _type: 'lesson', title: 'Published A'},
  {_id: 'drafts.a', _type: 'lesson', title: 'Draft A'},
  {_id: 'drafts.b', _type: 'lesson', title: 'New draft B'},
]

describe('applyPerspective', () => {
  it('hides drafts in the published perspective', () => {
    expect(applyPerspective(docs, 'published').map((doc) => doc.title)).toEqual(['Published A'])
  })

  it('shows drafts over published documents under the published id', () => {
    expect(applyPerspective(docs, 'drafts')).toEqual([
      {_id: 'a', _type: 'lesson', title: 'Draft A', _originalId: 'drafts.a'},
      {_id: 'b', _type: 'lesson', title: 'New draft B', _originalId: 'drafts.b'},
    ])
  })

  it('shows every stored document in the raw perspective', () => {
    expect(applyPerspective(docs, 'raw')).toHaveLength(3)
  })
})

describe('memorySource', () => {
  it('evaluates GROQ with parameters through the chosen perspective', async () => {
    const source = memorySource(docs)
    const query = '*[_type == $type] | order(_id asc).title'
    expect(await source.fetch(query, {type: 'lesson'}, {perspective: 'drafts'})).toEqual([
      'Draft A',
      'New draft B',
    ])
  })
})

describe('parseNdjson', () => {
  it('reads one document per line and skips blank lines', () => {
    expect(parseNdjson('{"_id":"a","_type":"t"}\n\n{"_id":"b","_type":"t"}\n')).toHaveLength(2)
  })

  it('reports every bad line with the file and line number', () => {
    expect(() => parseNdjson('{"_id":"a","_type":"t"}\n{oops\n{"_id":"c"}\n', 'x.ndjson')).toThrow(
      /x\.ndjson:2:1: Cannot parse JSON.*\n.*x\.ndjson:3:1: Cannot read document, expected "_id" and "_type"/,
    )
  })
})
