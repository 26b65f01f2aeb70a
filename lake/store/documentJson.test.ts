import {describe, expect, it} from 'vitest'

import {documentJson} from './documentJson.ts'

describe('documentJson', () => {
  it("is the document's JSON, written once however often the write check and the row ask", () => {
    let written = 0
    const doc = {_id: 'a', _type: 'lesson', title: 'É', toJSON: () => (written++, {_id: 'a'})}
    expect(documentJson(doc)).toBe('{"_id":"a"}')
    expect(documentJson(doc)).toBe('{"_id":"a"}')
    expect(written).toBe(1)
    expect(documentJson({_id: 'b', _type: 'lesson'})).toBe('{"_id":"b","_type":"lesson"}')
  })
})
