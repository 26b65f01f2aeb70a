import {describe, expect, it} from 'vitest'

import {listenerUrl, needsListenerHosts, spreadListenerHosts} from './listenerHosts.ts'

describe('listener host names', () => {
  it('moves a listen request on a plain-HTTP localhost name to a host name of its own, and leaves every other request alone', () => {
    const listen = 'http://local.localhost:3333/v2025-02-19/data/listen/production?query=*'
    expect(listenerUrl(listen, 7)).toBe(
      'http://l7.local.localhost:3333/v2025-02-19/data/listen/production?query=*',
    )
    const query = 'http://local.localhost:3333/v2025-02-19/data/query/production?query=*'
    expect(listenerUrl(query, 7)).toBe(query)
    const https = 'https://local.localhost:3443/v2025-02-19/data/listen/production?query=*'
    expect(listenerUrl(https, 7)).toBe(https)
    const hosted = 'http://abc.api.sanity.io/v2025-02-19/data/listen/production?query=*'
    expect(listenerUrl(hosted, 7)).toBe(hosted)
  })

  it('is needed only against a lake reached over plain HTTP', () => {
    expect(needsListenerHosts('http://localhost:3333')).toBe(true)
    expect(needsListenerHosts('https://localhost:3443')).toBe(false)
    expect(needsListenerHosts(undefined)).toBe(false)
    expect(needsListenerHosts('http://example.com')).toBe(false)
  })

  it('gives each listen request through the wrapped fetch a new host name', async () => {
    const seen: string[] = []
    const scope = {
      fetch: ((input: RequestInfo | URL) => {
        seen.push(String(input))
        return Promise.resolve(new Response(''))
      }) as typeof fetch,
    }
    spreadListenerHosts(scope)
    const base = 'http://local.localhost:3333/v1/data'
    await scope.fetch(`${base}/listen/production?query=a`)
    await scope.fetch(`${base}/query/production?query=a`)
    await scope.fetch(new URL(`${base}/listen/production?query=b`))
    expect(seen.map((url) => new URL(url).hostname)).toEqual([
      'l1.local.localhost',
      'local.localhost',
      'l2.local.localhost',
    ])
  })
})
