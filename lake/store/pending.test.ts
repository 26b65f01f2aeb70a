import {describe, expect, it} from 'vitest'
import {PendingWrites, type PendingEntry} from './pending.ts'
import type {Change, Doc, Transaction} from './types.ts'

const doc = (id: string, n: number): Doc => ({_id: id, _type: 't', n})

function transaction(id: string, changes: Array<[string, Doc | null, Doc | null]>): Transaction {
  return {
    id,
    timestamp: '2026-01-01T00:00:00Z',
    author: 'me',
    mutations: [],
    changes: changes.map(([docId, before, after]) => ({id: docId, before, after, mutations: []})),
  }
}

/** Settles `entry` at once: releases it and runs every step of forgetting it. */
function settle(pending: PendingWrites, entry: PendingEntry): void {
  const steps = pending.release(entry)
  while (!steps.next().done);
}

/** Two pending transactions: the first creates a and b, the second changes a again. */
function twoOverlapping() {
  const pending = new PendingWrites()
  const first = pending.add(
    transaction('t1', [
      ['a', null, doc('a', 1)],
      ['b', null, doc('b', 1)],
    ]),
  )
  const second = pending.add(transaction('t2', [['a', doc('a', 1), doc('a', 2)]]))
  return {pending, first, second}
}

describe('PendingWrites', () => {
  it('reads each document as the newest pending transaction leaves it, and forgets it once the last one that changed it is settled', () => {
    const pending = new PendingWrites()
    const first = pending.add(transaction('t1', [['a', null, doc('a', 1)]]))
    const second = pending.add(
      transaction('t2', [
        ['a', doc('a', 1), doc('a', 2)],
        ['b', doc('b', 0), null],
      ]),
    )
    expect(pending.latest('a')).toEqual(doc('a', 2))
    expect(pending.latest('b')).toBeNull()
    expect(pending.latest('c')).toBeUndefined()
    expect([...pending.changedIds()].sort()).toEqual(['a', 'b'])
    expect(pending.hasTransaction('t2')).toBe(true)

    expect(() => pending.release(second)).toThrow(/out of order/)
    settle(pending, first)
    expect(pending.latest('a')).toEqual(doc('a', 2))
    expect(pending.hasTransaction('t1')).toBe(false)
    settle(pending, second)
    expect(pending.latest('a')).toBeUndefined()
    expect(pending.latest('b')).toBeUndefined()
    expect(pending.size).toBe(0)
  })

  it('discards every pending transaction newest first, marking each doomed and undoing each change newest first', () => {
    const {pending, first, second} = twoOverlapping()
    const undone: Change[] = []
    pending.discardAll((change) => undone.push(change))
    expect(undone.map((c) => [c.id, c.after?.n])).toEqual([
      ['a', 2],
      ['b', 1],
      ['a', 1],
    ])
    expect([first.doomed, second.doomed]).toEqual([true, true])
    expect(pending.size).toBe(0)
    expect(pending.latest('a')).toBeUndefined()
    expect(pending.hasTransaction('t1')).toBe(false)
  })

  it('discards only the newest transaction when one could not be posted, leaving what the ones before it left', () => {
    const pending = new PendingWrites()
    const first = pending.add(transaction('t1', [['a', null, doc('a', 1)]]))
    const second = pending.add(transaction('t2', [['a', doc('a', 1), doc('a', 2)]]))
    const undone: string[] = []
    pending.discardNewest(first, (change) => undone.push(change.id))
    expect(undone).toEqual([])
    pending.discardNewest(second, (change) => undone.push(change.id))
    expect(undone).toEqual(['a'])
    expect(second.doomed).toBe(true)
    expect(first.doomed).toBe(false)
    expect(pending.latest('a')).toEqual(doc('a', 1))
    expect(pending.hasTransaction('t2')).toBe(false)
  })

  it('keeps a deletion between two pending versions of one document as a state of its own', () => {
    const pending = new PendingWrites()
    const first = pending.add(transaction('t1', [['a', null, doc('a', 1)]]))
    const second = pending.add(transaction('t2', [['a', doc('a', 1), null]]))
    const third = pending.add(transaction('t3', [['a', null, doc('a', 3)]]))
    expect(pending.latest('a')).toEqual(doc('a', 3))
    pending.discardNewest(third, () => undefined)
    expect(pending.latest('a')).toBeNull()
    settle(pending, first)
    expect(pending.latest('a')).toBeNull()
    expect([...pending.changedIds()]).toEqual(['a'])
    settle(pending, second)
    expect(pending.latest('a')).toBeUndefined()
    expect([...pending.changedIds()]).toEqual([])
  })

  it('forgets a released transaction a document a step, the newest state answering meanwhile, and steps of several interleave', () => {
    const {pending, first, second} = twoOverlapping()
    const firstSteps = pending.release(first)
    expect(pending.size).toBe(1)
    expect(pending.hasTransaction('t1')).toBe(false)
    expect(pending.latest('b')).toEqual(doc('b', 1))
    const secondSteps = pending.release(second)
    expect(secondSteps.next().done).toBe(false)
    expect(pending.latest('a')).toEqual(doc('a', 2))
    while (!firstSteps.next().done);
    expect(pending.latest('a')).toBeUndefined()
    expect(pending.latest('b')).toBeUndefined()
    expect(secondSteps.next().done).toBe(true)
    expect([...pending.changedIds()]).toEqual([])
  })
})
