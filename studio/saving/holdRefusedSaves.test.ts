import type {RequestHandlerOptions} from '@sanity/client'
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'

import {HeldSaves} from './heldSaves.ts'
import {holdRefusedSaves, saveOf} from './holdRefusedSaves.ts'

/** A save as Sanity's document store sends it: one edit of `drafts.a`, tagged as a commit. */
const commit = (signal?: AbortSignal): RequestHandlerOptions => ({
  url: 'http://local.localhost:3333/v2025-02-19/data/actions/production',
  method: 'POST',
  query: {tag: 'sanity.studio.document.commit'},
  body: {
    transactionId: 'tx-1',
    actions: [
      {
        actionType: 'sanity.action.document.edit',
        draftId: 'drafts.a',
        publishedId: 'a',
        patch: {set: {title: 'Changed'}},
      },
    ],
  },
  signal,
})

const refusal = (statusCode: number) => Object.assign(new Error('refused'), {statusCode})

const draft = {
  _id: 'drafts.a',
  _type: 'lesson',
  _rev: 'r1',
  _createdAt: 'then',
  _updatedAt: 'now',
  title: 'Changed and more',
}

describe('holdRefusedSaves', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('knows a save of the document store from any other request', () => {
    expect(saveOf(commit())).toEqual({publishedId: 'a', draftId: 'drafts.a', actions: true})
    expect(saveOf({...commit(), query: {tag: 'sanity.studio.document.publish'}})).toBeNull()
    expect(saveOf({url: 'http://x/v1/data/query/production', query: {}})).toBeNull()
  })

  it('holds a refused save, sends the draft the form shows whole, and answers once the lake takes it', async () => {
    const saves = new HeldSaves()
    saves.show('a', draft)
    const sent: RequestHandlerOptions[] = []
    const answers = [refusal(400), refusal(400), {transactionId: 'tx-1', results: []}]
    const next = vi.fn(async (request: RequestHandlerOptions) => {
      sent.push(request)
      const answer = answers.shift()
      if (answer instanceof Error) throw answer
      return answer
    })
    let settled: unknown = 'pending'
    void holdRefusedSaves(undefined, saves)(commit(), next).then((result) => {
      settled = result
    })
    await vi.advanceTimersByTimeAsync(0)
    expect(sent).toHaveLength(1)
    expect(saves.get('a')).toEqual({error: refusal(400), refusals: 1})
    expect(settled).toBe('pending')

    // The second try, a second later, sends the draft whole in place of the changes.
    await vi.advanceTimersByTimeAsync(1000)
    expect(sent).toHaveLength(2)
    expect(sent[1].body).toEqual({
      transactionId: 'tx-1',
      actions: [
        {
          actionType: 'sanity.action.document.replaceDraft',
          publishedId: 'a',
          attributes: {_id: 'drafts.a', _type: 'lesson', title: 'Changed and more'},
        },
      ],
    })
    // After the second refusal the next try waits 2 s, unless the editor changes the draft.
    await vi.advanceTimersByTimeAsync(500)
    saves.show('a', {...draft, title: 'Fixed'})
    await vi.advanceTimersByTimeAsync(999)
    expect(sent).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1)
    expect(sent).toHaveLength(3)
    expect(JSON.stringify(sent[2].body)).toContain('"title":"Fixed"')
    expect(settled).toEqual({transactionId: 'tx-1', results: []})
    expect(saves.get('a')).toBeUndefined()

    // Saves queued behind the refused one are sent whole too, until Sanity has sent them all.
    expect(saves.sendsWholeDraft('a')).toBe(true)
    saves.settled('a')
    expect(saves.sendsWholeDraft('a')).toBe(false)
  })

  it('sends a save refused for a full disk or no answer again as it was', async () => {
    const saves = new HeldSaves()
    saves.show('a', draft)
    const sent: RequestHandlerOptions[] = []
    const answers: unknown[] = [refusal(507), new TypeError('Failed to fetch'), 'taken']
    const next = async (request: RequestHandlerOptions) => {
      sent.push(request)
      const answer = answers.shift()
      if (answer instanceof Error) throw answer
      return answer
    }
    const held = holdRefusedSaves(undefined, saves)(commit(), next)
    await vi.advanceTimersByTimeAsync(3000)
    expect(await held).toBe('taken')
    expect(sent.map((request) => request.body)).toEqual([
      commit().body,
      commit().body,
      commit().body,
    ])
    expect(saves.sendsWholeDraft('a')).toBe(false)
  })

  it("lets a session's 401 and an abandoned save fail as they did", async () => {
    const saves = new HeldSaves()
    const handler = holdRefusedSaves(undefined, saves)
    await expect(handler(commit(), () => Promise.reject(refusal(401)))).rejects.toThrow('refused')
    expect(saves.get('a')).toBeUndefined()

    const controller = new AbortController()
    const held = handler(commit(controller.signal), () => Promise.reject(refusal(507)))
    const outcome = held.then(
      () => 'taken',
      () => 'given up',
    )
    await vi.advanceTimersByTimeAsync(0)
    controller.abort()
    expect(await outcome).toBe('given up')
  })

  it("goes through the Studio's own handler, and leaves other requests to it", async () => {
    type Next = (request: RequestHandlerOptions) => Promise<unknown>
    const inner = vi.fn(async (request: RequestHandlerOptions, next: Next) => next(request))
    const send = vi.fn(async (_request: RequestHandlerOptions) => 'answer')
    const handler = holdRefusedSaves(inner, new HeldSaves())
    expect(await handler({url: 'http://x/v1/users/me'}, send)).toBe('answer')
    expect(await handler(commit(), send)).toBe('answer')
    expect(inner).toHaveBeenCalledTimes(2)
  })
})
