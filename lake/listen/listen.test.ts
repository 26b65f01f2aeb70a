import {applyPatch} from 'mendoza'
import type {MutationEvent} from '@sanity/client'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {startTestLake} from '../test-lake.ts'
import {openStream} from './stream.test-support.ts'

let t: Awaited<ReturnType<typeof startTestLake>>
beforeAll(async () => {
  t = await startTestLake({keepAliveMs: 50})
})
afterAll(() => t.stop())

/** Collects events from a listener until `done` says enough. */
function collect<T>(
  subscribe: (push: (event: T) => void) => () => void,
  done: (events: T[]) => boolean,
): Promise<T[]> {
  return new Promise((resolve) => {
    const events: T[] = []
    const stop = subscribe((event) => {
      events.push(event)
      if (done(events)) {
        stop()
        resolve(events)
      }
    })
  })
}

describe('listen', () => {
  it('sends welcome, then mutation events with transitions, revisions, results and mendoza effects', async () => {
    const events = collect<{type: string} & Partial<MutationEvent>>(
      (push) => {
        const sub = t.client
          .listen(
            '*[_type == "lesson" && published == true]',
            {},
            {
              events: ['welcome', 'mutation'],
              effectFormat: 'mendoza',
              includeResult: true,
              includePreviousRevision: true,
            },
          )
          .subscribe((event) => {
            push(event as never)
            if (event.type === 'welcome') void write()
          })
        return () => sub.unsubscribe()
      },
      (list) => list.length === 4,
    )
    const write = async () => {
      await t.client.create({_id: 'l1', _type: 'lesson', published: true, title: 'One'})
      await t.client
        .patch('l1')
        .set({title: 'Two', extra: {deep: 1}})
        .commit()
      await t.client.create({_id: 'other', _type: 'lesson', published: false})
      await t.client.patch('l1').set({published: false}).commit()
    }
    const [welcome, appear, update, disappear] = await events
    expect(welcome.type).toBe('welcome')
    expect(appear).toMatchObject({
      type: 'mutation',
      documentId: 'l1',
      transition: 'appear',
      result: {title: 'One'},
    })
    expect(update).toMatchObject({
      transition: 'update',
      previousRev: appear.resultRev,
      previous: {title: 'One'},
    })
    expect(update.mutations).toEqual([{patch: {id: 'l1', set: {title: 'Two', extra: {deep: 1}}}}])
    expect(applyPatch(appear.result, update.effects!.apply)).toEqual(update.result)
    expect(applyPatch(update.result, update.effects!.revert)).toEqual(appear.result)
    expect(disappear).toMatchObject({
      transition: 'disappear',
      documentId: 'l1',
      previousRev: update.resultRev,
    })
    expect(disappear.resultRev).toBe(disappear.transactionId)
  })

  it('replays the events after Last-Event-ID when a listener reconnects', async () => {
    const url = `${t.lake.httpUrl}/v2025-02-19/data/listen/test?query=${encodeURIComponent('*[_type == "replay"]')}`
    const first = await openStream(url, t.auth)
    await first.until((text) => text.includes('event: welcome'))
    await t.client.createOrReplace({_id: 'r1', _type: 'replay', n: 1})
    await t.client.createOrReplace({_id: 'r1', _type: 'replay', n: 2})
    await t.client.createOrReplace({_id: 'r1', _type: 'replay', n: 3})
    const seen = await first.until((text) => (text.match(/event: mutation/g) ?? []).length === 3)
    first.close()
    const lastEventId = /id: (\S+)\nevent: mutation/.exec(seen)![1]
    const again = await openStream(url, {...t.auth, 'last-event-id': lastEventId})
    const text = await again.until((text) => (text.match(/event: mutation/g) ?? []).length === 2)
    again.close()
    const ns = [...text.matchAll(/"result":\{[^}]*"n":(\d)/g)].map((m) => Number(m[1]))
    expect(ns).toEqual([2, 3])
  })
})

describe('listen keep-alive', () => {
  it('sends keep-alive comments while nothing changes', async () => {
    const url = `${t.lake.httpUrl}/v1/data/listen/test?query=${encodeURIComponent('*[_type == "quiet"]')}`
    const stream = await openStream(url, t.auth)
    const text = await stream.until((text) => (text.match(/: keep-alive/g) ?? []).length >= 2)
    stream.close()
    expect(text).toMatch(/^event: welcome\n/)
  })
})
