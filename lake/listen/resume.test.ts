import type {ListenEvent} from '@sanity/client'
import {afterEach, describe, expect, it} from 'vitest'
import {createLakeClient} from '../client.ts'
import {until} from '../../testing/until.ts'
import {startLake, type Lake} from '../start.ts'
import type {CommittedTransaction} from '../store/types.ts'
import {startTestLake} from '../test-lake.ts'
import {planResume} from './resume.ts'
import {openStream} from './stream.test-support.ts'

const tx = (seq: number) => ({seq, changes: []}) as unknown as CommittedTransaction

describe('planResume', () => {
  const window = [tx(7), tx(8), tx(9)]

  it('resumes inside the kept window, after the last event the client saw', () => {
    expect(planResume('8-2', window)).toEqual({
      kind: 'resume',
      replay: [
        {tx: window[1], skip: 2},
        {tx: window[2], skip: -1},
      ],
    })
  })

  it('resets a position older than the window, after a restart, or never issued', () => {
    expect(planResume('6-0', window)).toEqual({kind: 'reset'})
    expect(planResume('8-0', [])).toEqual({kind: 'reset'})
    expect(planResume('10-0', window)).toEqual({kind: 'reset'})
    expect(planResume('garbage', window)).toEqual({kind: 'reset'})
  })

  it('starts fresh without Last-Event-ID', () => {
    expect(planResume(undefined, window)).toEqual({kind: 'fresh'})
  })
})

let stops: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const stop of stops.reverse()) await stop()
  stops = []
})

const listenUrl = (lake: Lake, extra = '') =>
  `${lake.httpUrl}/v2025-02-19/data/listen/test?query=${encodeURIComponent('*[_type == "r"]')}${extra}`

/** A lake where a resumable listener saw document `a` created, and that event's id. */
async function lakeWithOneEvent() {
  const t = await startTestLake()
  stops.push(t.stop)
  const first = await openStream(listenUrl(t.lake, '&enableResume=true'), t.auth)
  await first.until((text) => text.includes('event: welcome'))
  await t.client.create({_id: 'a', _type: 'r', n: 1})
  const seen = await first.until((text) => text.includes('event: mutation'))
  first.close()
  return {t, id: /id: (\S+)\nevent: mutation/.exec(seen)![1]}
}

describe('listener resume', () => {
  it('answers welcomeback and replays the missed events when enableResume is set', async () => {
    const {t, id} = await lakeWithOneEvent()
    await t.client.patch('a').set({n: 2}).commit()
    const again = await openStream(listenUrl(t.lake, '&enableResume=true'), {
      ...t.auth,
      'last-event-id': id,
    })
    const text = await again.until((text) => text.includes('event: mutation'))
    again.close()
    expect(text).toMatch(/^event: welcomeback\n/)
    expect(text).not.toContain('event: welcome\n')
    expect([...text.matchAll(/"result":\{[^}]*"n":(\d)/g)].map((m) => m[1])).toEqual(['2'])
  })

  it('replays from the file exactly the events it sent live, also from the middle of a transaction', async () => {
    const t = await startTestLake()
    stops.push(t.stop)
    const options = '&enableResume=true&includePreviousRevision=true&effectFormat=mendoza'
    const live = await openStream(listenUrl(t.lake, options), t.auth)
    await live.until((text) => text.includes('event: welcome'))
    await t.client.create({_id: 'a', _type: 'r', n: 1})
    await t.client.create({_id: 'b', _type: 'r', n: 1})
    await t.client
      .transaction()
      .patch('b', (p) => p.set({n: 2}))
      .delete('a')
      .create({_id: 'c', _type: 'r', n: 3})
      .commit()
    const mutationEvents = (text: string) =>
      text.split('\n\n').filter((event) => event.includes('event: mutation'))
    const sent = mutationEvents(await live.until((text) => mutationEvents(text).length === 5))
    live.close()
    const lastSeen = /^id: (\S+)/.exec(sent[1])![1]
    const resumed = await openStream(listenUrl(t.lake, options), {
      ...t.auth,
      'last-event-id': lastSeen,
    })
    const replayed = await resumed.until((text) => mutationEvents(text).length === 3)
    resumed.close()
    expect(replayed).toMatch(/^event: welcomeback\n/)
    expect(mutationEvents(replayed)).toEqual(sent.slice(2))
    // And from inside the last transaction: its third event only.
    const inside = await openStream(listenUrl(t.lake, options), {
      ...t.auth,
      'last-event-id': /^id: (\S+)/.exec(sent[3])![1],
    })
    const rest = await inside.until((text) => mutationEvents(text).length === 1)
    inside.close()
    expect(mutationEvents(rest)).toEqual(sent.slice(4))
  })

  it('answers reset to a resume older than the kept transactions', async () => {
    const {t, id} = await lakeWithOneEvent()
    // Restarting empties the window; the transactions after it are all the lake can replay.
    await t.lake.close()
    const lake = await startLake({dir: t.dir, log: () => undefined})
    stops.push(() => lake.close())
    const client = createLakeClient(lake, {dataset: 'test'})
    await client.patch('a').set({n: 2}).commit()
    await client.patch('a').set({n: 3}).commit()
    const auth = {authorization: `Bearer ${lake.token}`}
    const resumed = await openStream(listenUrl(lake, '&enableResume=true'), {
      ...auth,
      'last-event-id': id,
    })
    const text = await resumed.until((text) => text.includes('event: reset'))
    resumed.close()
    expect(text).toMatch(/^event: reset\n/)
    // Without enableResume, the client's signal to start over is a fresh welcome.
    const legacy = await openStream(listenUrl(lake), {...auth, 'last-event-id': id})
    const legacyText = await legacy.until((text) => text.includes('\n\n'))
    legacy.close()
    expect(legacyText).toMatch(/^event: welcome\n/)
  })

  it("makes @sanity/client's resumable listener emit reset when the lake restarted", async () => {
    const t = await startTestLake()
    stops.push(t.stop)
    const port = t.lake.port
    const events: ListenEvent<Record<string, unknown>>[] = []
    const subscription = t.client
      .listen('*[_type == "r"]', {}, {enableResume: true, events: ['welcome', 'mutation', 'reset']})
      .subscribe({next: (event) => events.push(event)})
    stops.push(async () => subscription.unsubscribe())
    await until(() => events.some((event) => event.type === 'welcome'))
    await t.client.create({_id: 'a', _type: 'r', n: 1})
    await until(() => events.some((event) => event.type === 'mutation'))
    await t.lake.close()
    const lake = await startLake({dir: t.dir, port, log: () => undefined})
    stops.push(() => lake.close())
    // EventSource reconnects on its own (with Last-Event-ID) after the connection drops.
    await until(() => events.some((event) => event.type === 'reset'))
    expect(events.map((event) => event.type)).toEqual(['welcome', 'mutation', 'reset'])
  })
})
