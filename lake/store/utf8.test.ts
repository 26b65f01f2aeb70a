import {DatabaseSync} from 'node:sqlite'

import {describe, expect, it} from 'vitest'

import {transactionWriter} from './rows.ts'
import {migrate} from './schema.ts'
import {jsonArray} from './types.ts'
import {utf8Writer} from './utf8.ts'

const TEXTS = [
  'plain ASCII',
  'two-byte é and ß',
  'three-byte € and 中文',
  'four-byte 🚀 and 𝔘',
  'a lone surrogate \ud800 inside',
]

describe('utf8Writer', () => {
  it("writes a text's parts as the UTF-8 bytes of the joined text, whatever the characters", () => {
    const utf8 = utf8Writer()
    for (const text of TEXTS) {
      // One part per character (a surrogate pair stays whole), and the text whole.
      const parts = [...text]
      expect(Buffer.from(utf8(parts)).equals(Buffer.from(text))).toBe(true)
      expect(Buffer.from(utf8(text)).equals(Buffer.from(text))).toBe(true)
    }
  })

  it('keeps a surrogate pair split between two parts one character', () => {
    const utf8 = utf8Writer()
    const rocket = '🚀'
    const parts = ['a', rocket[0], rocket[1], 'b']
    expect(Buffer.from(utf8(parts)).toString()).toBe('a🚀b')
  })

  it('writes the next text into the same buffer when it fits, so no text allocates one', () => {
    const utf8 = utf8Writer()
    const first = utf8(['x'.repeat(100_000), 'y'])
    const second = utf8(['z'.repeat(10)])
    // Compared as a boolean: a failure printing two buffers' contents would take minutes.
    expect(second.buffer === first.buffer).toBe(true)
    expect(Buffer.from(second).toString()).toBe('z'.repeat(10))
  })
})

describe('transactionWriter', () => {
  it("stores a transaction's mutations as the text of their parts, not as bytes", () => {
    const db = new DatabaseSync(':memory:')
    migrate(db)
    const writer = transactionWriter(db, ':memory:.files')
    const mutations = TEXTS.slice(0, 4).map((title, i) =>
      JSON.stringify({create: {_id: `d${i}`, _type: 'lesson', title}}),
    )
    writer.begin({
      id: 'tx1',
      timestamp: '2026-12-01T00:00:00Z',
      author: 'test',
      mutations: jsonArray(mutations),
    })
    writer.commit()
    const row = db.prepare('SELECT typeof(mutations) AS type, mutations FROM transactions').get()
    expect(row?.type).toBe('text')
    expect(row?.mutations).toBe(`[${mutations.join(',')}]`)
    db.close()
  })
})
