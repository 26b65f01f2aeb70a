import {describe, expect, it} from 'vitest'

import {hostedOnlyFeatures, isLocalLake} from './hostedOnly.ts'

describe('hostedOnlyFeatures', () => {
  it('switches off releases, schedules, tasks and comments against the local lake', () => {
    const options = hostedOnlyFeatures('https://localhost:3443')
    expect(options).toMatchObject({
      releases: {enabled: false},
      scheduledDrafts: {enabled: false},
      scheduledPublishing: {enabled: false},
      tasks: {enabled: false},
      document: {comments: {enabled: false}},
    })
    expect(isLocalLake('http://127.0.0.1:4000')).toBe(true)
  })

  it('leaves every feature as Sanity sets it against the hosted API', () => {
    expect(hostedOnlyFeatures(undefined)).toEqual({})
    expect(hostedOnlyFeatures('https://api.sanity.io')).toEqual({})
  })
})
