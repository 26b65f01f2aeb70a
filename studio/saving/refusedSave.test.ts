import {describe, expect, it} from 'vitest'

import {refusedSaveMessage} from './refusedSave.ts'

/** A refusal as @sanity/client reports one: the status and the parsed body of the answer. */
const refusal = (statusCode: number, description: string) =>
  Object.assign(new Error(description), {
    statusCode,
    response: {body: {error: {type: 'x', description}}},
  })

describe('refusedSaveMessage', () => {
  it("gives the lake's reason without the transaction id, and says the changes are kept", () => {
    const {title, description} = refusedSaveMessage(
      refusal(
        507,
        'Cannot commit transaction "tx-1": the disk holding /data/production.sqlite is full (database or disk is full); nothing of it was written. Free disk space, then retry',
      ),
    )
    expect(title).toBe('Your changes are not saved yet')
    expect(description).toBe(
      'The lake refused them (507): the disk holding /data/production.sqlite is full (database or disk is full); nothing of it was written. Free disk space, then retry. Your changes are kept in this tab and saved as soon as the lake takes them: keep this tab open.',
    )
  })

  it('says the lake does not answer when no answer came, and how to start it', () => {
    const {description} = refusedSaveMessage(
      Object.assign(new TypeError('Failed to fetch'), {isNetworkError: true}),
    )
    expect(description).toMatch(/^The lake does not answer: is npm run studio still running\?/)
    expect(description).toMatch(/kept in this tab/)
  })

  it("gives each refused document's reason for a refusal outright, and says the change must go", () => {
    const error = Object.assign(new Error('Mutation(s) failed with 1 error(s)'), {
      statusCode: 400,
      response: {
        body: {
          error: {
            type: 'mutationError',
            description: 'Mutation(s) failed with 1 error(s)',
            items: [
              {
                error: {
                  type: 'validationError',
                  description:
                    'Cannot store document "drafts.a": it is 2521 bytes as JSON, over Sanity\'s limit of 1879 bytes',
                },
                index: 0,
              },
            ],
          },
        },
      },
    })
    expect(refusedSaveMessage(error).description).toBe(
      'The lake refused them (400): Cannot store document "drafts.a": it is 2521 bytes as JSON, over Sanity\'s limit of 1879 bytes. Your changes stay in this form, not saved: change what the lake refuses (undo the change that caused it) and they are saved at once. Keep this tab open until then.',
    )
  })

  it("falls back to the client's message when the answer has no description", () => {
    const error = Object.assign(new Error('Server error: Bad gateway'), {statusCode: 502})
    expect(refusedSaveMessage(error).description).toMatch(
      /^The lake refused them \(502\): Server error: Bad gateway\. Your changes/,
    )
  })
})
