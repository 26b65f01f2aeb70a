import {spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterAll, describe, expect, it} from 'vitest'
import {Dataset} from './dataset.ts'
import type {RevisionRow} from './rows.ts'
import {WriterThread} from './writer-thread.ts'

const dir = mkdtempSync(join(tmpdir(), 'lake-writer-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))

const begin = (id: string) =>
  ({type: 'begin', id, timestamp: '2026-01-01T00:00:00Z', author: 'me', mutations: '[]'}) as const

const rows = (docId: string): {type: 'rows'; rows: RevisionRow[]} => ({
  type: 'rows',
  rows: [[docId, 'rev', null, JSON.stringify({_id: docId, _type: 't'}), '[]']],
})

describe('the writer thread', () => {
  it('refuses what was begun after a failure until resumed, and writes what is begun after resume even when a refused one ends later', async () => {
    const file = join(dir, 'refuse.sqlite')
    const dataset = new Dataset('refuse', file, () => undefined)
    dataset.db.exec(`CREATE TRIGGER refuse_poison BEFORE INSERT ON documents WHEN NEW.id = 'poison'
      BEGIN SELECT RAISE(ABORT, 'the file refuses this document'); END`)
    const writer = new WriterThread(file)
    try {
      writer.post(begin('fails'))
      writer.post(rows('poison'))
      const fails = writer.commit()
      // Begun before the lake heard of the failure: refused, though it ends after `resume`.
      writer.post(begin('behind'))
      writer.post(rows('behind'))
      writer.resume()
      writer.post(rows('behind-more'))
      const behind = writer.commit()
      writer.post(begin('after'))
      writer.post(rows('after'))
      const after = writer.commit()
      const outcomes = await Promise.allSettled([fails, behind, after])
      expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'fulfilled'])
      expect(String((outcomes[0] as PromiseRejectedResult).reason)).toMatch(/refuses this document/)
      expect(String((outcomes[1] as PromiseRejectedResult).reason)).toMatch(
        /an earlier transaction failed/,
      )
      const ids = dataset.db.prepare('SELECT id FROM documents ORDER BY id').all()
      expect(ids.map((row) => row.id)).toEqual(['after'])
    } finally {
      await writer.close()
      await dataset.close()
    }
  })

  it('holds the process until it has ended when closed with a commit still unanswered, so the close settles', () => {
    // The answer to the commit used to let go of the thread that close() held: the process
    // exited with the close never settling (Node's "unsettled top-level await", exit code 13).
    const fixture = join(import.meta.dirname, 'close-writer.fixture.ts')
    const run = spawnSync(process.execPath, [fixture, join(dir, 'close.sqlite')], {
      encoding: 'utf8',
    })
    expect({status: run.status, stdout: run.stdout}).toEqual({
      status: 0,
      stdout: 'closed after commit 1\n',
    })
  })
})
