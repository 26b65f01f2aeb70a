import {existsSync, mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {Dataset} from './dataset.ts'
import {datasetFile, readTransactionLog} from './transactions-read.ts'

const folder = () => mkdtempSync(join(tmpdir(), 'transactions-read-'))

describe('readTransactionLog', () => {
  it('reads nothing from a dataset file that does not exist, and creates none', () => {
    const file = datasetFile(folder(), 'production')
    expect(readTransactionLog(file)).toBeUndefined()
    expect(existsSync(file)).toBe(false)
  })

  it('gives the last transaction and, after a position, each later one with the documents it changed', () => {
    const file = datasetFile(folder(), 'production')
    const dataset = new Dataset('production', file, () => undefined)
    const commit = (id: string, docs: string[]) =>
      dataset.commit({
        id,
        timestamp: '2026-11-30T00:00:00Z',
        author: 'test',
        mutations: [],
        changes: docs.map((doc) => ({
          id: doc,
          before: null,
          after: {_id: doc, _type: 'note', _rev: id},
          mutations: [],
        })),
      })
    expect(readTransactionLog(file)).toBeUndefined()
    commit('tx-a', ['a'])
    const first = readTransactionLog(file)!.last
    commit('tx-b', ['b', 'c'])
    // Read while the lake holds the file open, as a running lake server does.
    const log = readTransactionLog(file, first.seq)
    dataset.close()
    expect(first.id).toBe('tx-a')
    expect(log?.last).toEqual({seq: first.seq + 1, id: 'tx-b'})
    expect(log?.after).toEqual([{id: 'tx-b', documents: ['b', 'c']}])
  })
})
